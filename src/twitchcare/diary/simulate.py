"""Simulated diaries with a known truth, to prove the analysis finds what is there and only that.

Counts are drawn from a negative binomial (gamma-Poisson) with a planted rate ratio per unit of
one factor, so tests can check that the analysis finds a planted effect and stays quiet otherwise.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from twitchcare.diary.daily import DailyTable
from twitchcare.diary.records import FACTORS, DayFactors, Episode

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


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


def simulate_table(
    seed: int,
    *,
    days: int = 60,
    base_rate: float = 2.0,
    effects: dict[str, float] | None = None,
    alpha: float = 0.3,
    start: dt.date = dt.date(2026, 1, 1),
) -> DailyTable:
    """A diary of ``days`` logged days; ``effects`` maps factor -> rate ratio per 100 units."""
    import numpy as np

    rng = np.random.default_rng(seed)
    values = _factor_draws(rng, days)
    log_mu = np.full(days, math.log(base_rate))
    for factor, rr in (effects or {}).items():
        log_mu += math.log(rr) * (values[factor] - values[factor].mean()) / 100.0
    mu = np.exp(log_mu)
    lam = rng.gamma(shape=1.0 / alpha, scale=mu * alpha) if alpha > 0 else mu
    counts = rng.poisson(lam).astype(np.float64)
    return DailyTable(
        days=[start + dt.timedelta(days=i) for i in range(days)],
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
