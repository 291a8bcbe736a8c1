"""Charts a person would rather look at than read: one figure, three panels, shared dates.

1. Episodes per day as bars with the 7-day average as a line (the trend at a glance);
2. a heat-strip of body locations over the same days (where, and whether it spreads);
3. one factor overlaid on the 7-day trend, titled with its analysed rate ratio.
Rendered with matplotlib's Agg backend (no display needed) to SVG or PNG.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from twitchcare.catalogue import gettext as _
from twitchcare.diary.records import FACTOR_LABELS, FACTOR_RANGES, FACTORS, check_choice
from twitchcare.errors import InputError
from twitchcare.locations import LOCATIONS

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from numpy.typing import NDArray

    from twitchcare.diary.analysis import FactorResult
    from twitchcare.diary.daily import DailyTable
    from twitchcare.store import DiaryStore

FORMATS = (".svg", ".png")
TREND_COLOUR = "#c0392b"
BAR_COLOUR = "#f5b7b1"
FACTOR_COLOUR = "#2471a3"


def pick_factor(table: DailyTable, results: list[FactorResult]) -> str | None:
    """The factor most worth showing: the strongest association, else the best-logged factor."""
    import math

    import numpy as np

    associated = [r for r in results if r.verdict == "associated" and r.rate_ratio]
    if associated:
        best = max(associated, key=lambda r: abs(math.log(r.rate_ratio or 1.0)))
        return best.factor
    known = {f: int((~np.isnan(table.factors[f])).sum()) for f in FACTORS}
    factor, n = max(known.items(), key=lambda kv: kv[1])
    return factor if n else None


def write_chart(
    store: DiaryStore, out: Path, *, today: dt.date, days: int = 90, factor: str | None = None
) -> Path:
    """Render the diary chart for the last ``days`` days (0 = everything) to ``out``."""
    from twitchcare.diary.analysis import associations
    from twitchcare.diary.daily import load_table
    from twitchcare.diary.episodes import location_counts_by_day
    from twitchcare.extras import require

    require("charts")
    if out.suffix.lower() not in FORMATS:
        raise InputError(
            field="out",
            problem=_("'{name}' is not .svg or .png").format(name=out.name),
            hint=_("e.g. diary.png"),
        )
    if factor is not None:
        check_choice(factor, FACTORS, "factor")
    table = load_table(store)
    if not len(table):
        raise InputError(field="diary", problem=_("the diary is empty; nothing to draw yet"))
    start = table.days[0] if days <= 0 else today - dt.timedelta(days=days - 1)
    results = associations(table)
    chosen = factor or pick_factor(table, results)
    result = next((r for r in results if r.factor == chosen and r.lag_days == 0), None)
    figure = render(table, location_counts_by_day(store, since=start), start, today, chosen, result)
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=130)
    return out


def _calendar(table: DailyTable, start: dt.date, end: dt.date) -> tuple[list[dt.date], list[float]]:
    """Every calendar day in the range with its count (NaN where nothing was logged)."""
    counts = dict(zip(table.days, table.counts.tolist(), strict=True))
    dates = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    return dates, [counts.get(d, float("nan")) for d in dates]


def render(
    table: DailyTable,
    locations: dict[tuple[dt.date, str], int],
    start: dt.date,
    end: dt.date,
    factor: str | None,
    result: FactorResult | None,
) -> Figure:
    """Build the figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import numpy as np
    from matplotlib.figure import Figure

    dates, counts = _calendar(table, start, end)
    y = np.array(counts, dtype=np.float64)
    trend = seven_day_average(y)
    x = np.asarray(mdates.date2num(dates), dtype=np.float64)  # type: ignore[no-untyped-call]

    fig = Figure(figsize=(11, 7.5), layout="constrained")
    axes = fig.subplots(3, 1, sharex=True, height_ratios=[3, 2.2, 2])
    ax = axes[0]
    ax.bar(x, np.nan_to_num(y), width=0.85, color=BAR_COLOUR, label="episodes per day")
    ax.plot(x, trend, color=TREND_COLOUR, linewidth=2.5, label="7-day average")
    missing = np.isnan(y)
    if missing.any():
        ax.plot(x[missing], np.zeros(missing.sum()), "|", color="#999999", label="not logged")
    ax.set_ylabel("episodes / day")
    ax.set_title(f"Twitching from {start} to {end}", loc="left", fontsize=13, fontweight="bold")
    ax.legend(loc="upper left", frameon=False, ncols=3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylim(bottom=0)

    _heat_strip(axes[1], locations, dates, x)
    _overlay(axes[2], table, dates, x, trend, factor, result)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    axes[2].xaxis.set_major_locator(locator)
    formatter = mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    axes[2].xaxis.set_major_formatter(formatter)
    return fig


def seven_day_average(y: NDArray[np.float64]) -> NDArray[np.float64]:
    """Mean of the logged days among the last seven calendar days (needs four logged)."""
    import numpy as np

    out = np.full(len(y), np.nan)
    for i in range(len(y)):
        window = y[max(0, i - 6) : i + 1]
        if np.isfinite(window).sum() >= 4:
            out[i] = np.nanmean(window)
    return out


def _heat_strip(
    ax: Axes, locations: dict[tuple[dt.date, str], int], dates: list[dt.date], x: object
) -> None:
    import numpy as np

    used = [loc for loc in LOCATIONS if any(locations.get((d, loc), 0) for d in dates)]
    ax.set_title("Where (darker = more episodes that day)", loc="left", fontsize=10)
    if not used:
        ax.text(
            0.5, 0.5, "no episodes in this period", ha="center", va="center", transform=ax.transAxes
        )
        ax.set_yticks([])
        return
    grid = np.array([[locations.get((d, loc), 0) for d in dates] for loc in used], dtype=float)
    grid[grid == 0] = np.nan
    xs = np.asarray(x)
    ax.imshow(
        grid,
        aspect="auto",
        cmap="Reds",
        interpolation="nearest",
        extent=(xs[0] - 0.5, xs[-1] + 0.5, len(used) - 0.5, -0.5),
        vmin=0,
    )
    ax.set_yticks(range(len(used)), [u.replace("_", " ") for u in used])
    ax.set_facecolor("#f7f7f7")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)


def _overlay(
    ax: Axes,
    table: DailyTable,
    dates: list[dt.date],
    x: NDArray[np.float64],
    trend: NDArray[np.float64],
    factor: str | None,
    result: FactorResult | None,
) -> None:
    import numpy as np

    if factor is None:
        ax.text(
            0.5,
            0.5,
            "log daily factors (twitchcare day) to compare them with twitching",
            ha="center",
            va="center",
            transform=ax.transAxes,
        )
        ax.set_yticks([])
        return
    by_day = dict(zip(table.days, table.factors[factor].tolist(), strict=True))
    values = np.array([by_day.get(d, np.nan) for d in dates], dtype=float)
    unit = FACTOR_RANGES[factor][2]
    label = FACTOR_LABELS[factor]
    ax.bar(x, np.nan_to_num(values), width=0.85, color="#aed6f1", label=f"{label} per day")
    ax.plot(
        x,
        seven_day_average(values),
        color=FACTOR_COLOUR,
        linewidth=2.2,
        label=f"{label}, 7-day average",
    )
    ax.set_ylim(bottom=0)
    ax.set_ylabel(f"{label} ({unit})", color=FACTOR_COLOUR)
    ax.spines[["top"]].set_visible(False)
    twin = ax.twinx()
    twin.plot(x, trend, color=TREND_COLOUR, linewidth=2, alpha=0.8)
    twin.set_ylabel("episodes / day (7-day avg)", color=TREND_COLOUR)
    twin.set_ylim(bottom=0)
    twin.plot([], [], color=TREND_COLOUR, linewidth=2, label="twitching, 7-day average")
    handles = ax.get_legend_handles_labels()[0] + twin.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", frameon=False, ncols=3, fontsize=8)
    twin.spines[["top"]].set_visible(False)
    if result is not None and result.rate_ratio is not None:
        verdict = result.verdict.replace("_", " ")
        title = (
            f"{label.capitalize()} and twitching: rate ratio {result.rate_ratio:.2f}"
            f" (95% CI {result.ci_low:.2f}-{result.ci_high:.2f}) per {result.per} - {verdict}"
        )
    else:
        title = f"{label.capitalize()} and twitching: not enough data yet for a verdict"
    ax.set_title(title, loc="left", fontsize=10)
