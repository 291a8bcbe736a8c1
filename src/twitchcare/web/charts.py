"""Chart geometry for inline SVG: bars, a trend line and points, computed here, drawn by Jinja.

Our own small code instead of a plotting library: the page stays light, works without
JavaScript, obeys the CSP (attributes only, no inline style), and each chart comes with a table
of the same numbers as its text alternative.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from twitchcare.diary.daily import DailyTable

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 36, 24, 20, 34  # room for the last x label, centred on its tick


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    label: str
    value: float | None


@dataclass(frozen=True)
class Chart:
    bars: list[Bar] = field(default_factory=list)
    line: str = ""  # SVG polyline points
    points: list[tuple[float, float]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if value <= m * step:
            return float(m * step)
    return float(10 * step)


def _y(value: float, top: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)


def _ticks(top: float) -> list[tuple[float, str]]:
    """Gridlines at whole steps where the scale allows (counts read badly as 1.25)."""
    n = int(top) if top <= 5 and float(top).is_integer() else (4 if top % 4 == 0 else 5)
    return [(_y(top * i / n, top), f"{top * i / n:g}") for i in range(n + 1)]


def episodes_per_day(
    table: DailyTable, end: dt.date, days: int = 28
) -> tuple[Chart, list[dict[str, object]]]:
    """Bars for each calendar day (none when the day was not logged) and the 7-day average."""
    start = end - dt.timedelta(days=days - 1)
    logged = dict(zip(table.days, (float(c) for c in table.counts), strict=True))
    calendar = [start + dt.timedelta(days=i) for i in range(days)]
    values = [logged.get(d) for d in calendar]
    averages: list[float | None] = []
    for i in range(days):
        window = [v for v in values[max(0, i - 6) : i + 1] if v is not None]
        averages.append(sum(window) / len(window) if len(window) >= 4 else None)
    top = _nice_max(max([v or 0 for v in values] + [a or 0 for a in averages]))
    slot = (WIDTH - LEFT - RIGHT) / days
    bars = []
    for i, (day, value) in enumerate(zip(calendar, values, strict=True)):
        x = LEFT + i * slot + slot * 0.15
        h = 0.0 if value is None else (HEIGHT - TOP - BOTTOM) * value / top
        bars.append(Bar(x, HEIGHT - BOTTOM - h, slot * 0.7, h, day.isoformat(), value))
    line = " ".join(
        f"{LEFT + i * slot + slot / 2:.1f},{_y(a, top):.1f}"
        for i, a in enumerate(averages)
        if a is not None
    )
    x_ticks = [
        (LEFT + i * slot + slot / 2, f"{d:%d %b}") for i, d in enumerate(calendar) if i % 7 == 0
    ]
    rows: list[dict[str, object]] = [
        {"day": d, "episodes": v, "average": None if a is None else round(a, 1)}
        for d, v, a in zip(calendar, values, averages, strict=True)
    ]
    return Chart(bars=bars, line=line, y_ticks=_ticks(top), x_ticks=x_ticks), rows


def factor_points(table: DailyTable, factor: str) -> tuple[Chart, int]:
    """Each logged day with the factor known: factor value across, episodes up."""
    xs = table.factors[factor]
    pairs = [
        (float(x), float(y)) for x, y in zip(xs, table.counts, strict=True) if not math.isnan(x)
    ]
    if not pairs:
        return Chart(), 0
    x_top = _nice_max(max(p[0] for p in pairs))
    y_top = _nice_max(max(p[1] for p in pairs))
    span = WIDTH - LEFT - RIGHT
    points = [(LEFT + span * x / x_top, _y(y, y_top)) for x, y in pairs]
    x_ticks = [(LEFT + span * i / 4, f"{x_top * i / 4:g}") for i in range(5)]
    return Chart(points=points, y_ticks=_ticks(y_top), x_ticks=x_ticks), len(pairs)
