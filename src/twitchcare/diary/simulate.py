"""Simulated diaries with a known truth, to prove the analysis finds what is there and only that.

Counts are drawn from a negative binomial (gamma-Poisson) with a planted rate ratio per unit of
one factor, so tests can check that the analysis finds a planted effect and stays quiet otherwise.

``weekly=True`` makes the diary look like a working life: more twitching, more alcohol, more
exercise and longer sleep at weekends, more caffeine and stress on workdays. Weekday then moves
both the counts and the factors, which is exactly the confounding the analysis must not mistake
for an effect. ``trend`` and ``drift`` add slow changes over the weeks (twitching settling or
worsening, a habit creeping up) for the same reason.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from twitchcare.diary.daily import DailyTable
from twitchcare.diary.records import FACTOR_RANGES, FACTORS, DayFactors, Episode

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


#: Monday..Sunday multipliers of the twitch rate in a ``weekly`` diary.
WEEKDAY_RATE = (0.9, 0.9, 0.95, 0.95, 1.05, 1.35, 1.25)


def _factor_draws(rng: np.random.Generator, n: int) -> dict[str, npt.NDArray[np.float64]]:
    import numpy as np

    return {
        "caffeine_mg": rng.choice([0.0, 95.0, 190.0, 285.0, 380.0], size=n),
        "alcohol_units": rng.choice([0.0, 0.0, 0.0, 1.0, 2.0, 4.0], size=n),
        "stress_0_10": rng.integers(0, 11, size=n).astype(np.float64),
        "sleep_hours": np.round(rng.normal(7.0, 1.0, size=n).clip(3, 11) * 2) / 2,
        "exercise_min": rng.choice([0.0, 0.0, 30.0, 45.0, 60.0], size=n),
        "magnesium_mg": np.round(rng.normal(300.0, 80.0, size=n).clip(50, 800)),
        "relaxation_min": rng.choice([0.0, 0.0, 10.0, 20.0], size=n),
    }


def _weekly_draws(
    rng: np.random.Generator, weekdays: npt.NDArray[np.int64]
) -> dict[str, npt.NDArray[np.float64]]:
    """Factor values whose distribution depends on the day of the week."""
    import numpy as np

    n = len(weekdays)
    weekend = weekdays >= 5
    friday_or_saturday = (weekdays == 4) | (weekdays == 5)
    values = _factor_draws(rng, n)
    workday_coffee = rng.choice([95.0, 190.0, 285.0, 380.0], size=n)
    weekend_coffee = rng.choice([0.0, 95.0, 190.0, 285.0], size=n)
    values["caffeine_mg"] = np.where(weekend, weekend_coffee, workday_coffee)
    going_out = rng.choice([0.0, 2.0, 4.0, 6.0], size=n)
    values["alcohol_units"] = np.where(friday_or_saturday, going_out, values["alcohol_units"] / 2)
    values["stress_0_10"] = np.clip(values["stress_0_10"] - 3.0 * weekend, 0, 10)
    values["sleep_hours"] = np.clip(values["sleep_hours"] + 1.0 * weekend, 3, 11)
    values["exercise_min"] = np.where(
        weekend, rng.choice([30.0, 60.0, 90.0], size=n), values["exercise_min"]
    )
    return values


def simulate_table(
    seed: int,
    *,
    days: int = 60,
    base_rate: float = 2.0,
    effects: dict[str, float] | None = None,
    alpha: float = 0.3,
    start: dt.date = dt.date(2026, 1, 1),
    weekly: bool = False,
    trend: float = 1.0,
    drift: dict[str, float] | None = None,
) -> DailyTable:
    """A diary of ``days`` logged days; ``effects`` maps factor -> rate ratio per 100 units.

    ``trend`` is the rate ratio of the last day to the first (log-linear in between); ``drift``
    maps factor -> how much its values rise from the first day to the last.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    dates = [start + dt.timedelta(days=i) for i in range(days)]
    if weekly:
        weekdays = np.array([d.weekday() for d in dates], dtype=np.int64)
        values = _weekly_draws(rng, weekdays)
    else:
        values = _factor_draws(rng, days)
    time = np.linspace(0.0, 1.0, days) if days > 1 else np.zeros(days)
    for factor, rise in (drift or {}).items():
        low, high = FACTOR_RANGES[factor][:2]
        values[factor] = np.clip(values[factor] + rise * time, low, high)
    log_mu = np.full(days, math.log(base_rate)) + math.log(trend) * time
    if weekly:
        log_mu += np.log(np.array(WEEKDAY_RATE))[weekdays]
    for factor, rr in (effects or {}).items():
        log_mu += math.log(rr) * (values[factor] - values[factor].mean()) / 100.0
    mu = np.exp(log_mu)
    lam = rng.gamma(shape=1.0 / alpha, scale=mu * alpha) if alpha > 0 else mu
    counts = rng.poisson(lam).astype(np.float64)
    return DailyTable(
        days=dates,
        counts=counts,
        factors={name: values[name] for name in FACTORS},
    )


def table_to_records(
    table: DailyTable, *, seed: int = 0, tz: dt.tzinfo = dt.UTC
) -> tuple[list[Episode], list[DayFactors]]:
    """Spread each day's count over plausible episodes, for storage tests and benchmarks."""
    import numpy as np

    from twitchcare.diary.records import CONTEXTS
    from twitchcare.locations import LOCATIONS

    rng = np.random.default_rng(seed)
    common = ("eyelid", "calf", "thigh", "upper_arm", "foot", "back")
    episodes: list[Episode] = []
    days: list[DayFactors] = []
    for i, day in enumerate(table.days):
        values = {name: float(table.factors[name][i]) for name in FACTORS}
        known = {k: v for k, v in values.items() if not np.isnan(v)}
        days.append(DayFactors(day, **known))  # type: ignore[arg-type]
        for _ in range(int(table.counts[i])):
            second = int(rng.integers(6 * 3600, 24 * 3600))
            loc = (
                common[int(rng.integers(len(common)))]
                if rng.random() < 0.9
                else str(LOCATIONS[int(rng.integers(len(LOCATIONS)))])
            )
            episodes.append(
                Episode(
                    started_at=dt.datetime.combine(day, dt.time(), tz)
                    + dt.timedelta(seconds=second),
                    locations=(loc,),
                    side=("left", "right", "both")[int(rng.integers(3))],
                    duration_s=float(rng.integers(2, 120)),
                    intensity=int(rng.integers(1, 6)),
                    contexts=(CONTEXTS[int(rng.integers(len(CONTEXTS)))],)
                    if rng.random() < 0.5
                    else (),
                )
            )
    return episodes, days
