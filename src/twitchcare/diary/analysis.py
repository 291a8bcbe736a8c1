"""Which daily factors go with more (or fewer) twitches, and how sure we can be.

For each factor and for the same day (lag 0) and the next day (lag 1) we fit a count model of
episodes per logged day on the factor, adjusted for the day of the week (see
:mod:`twitchcare.diary.countmodel`). The effect is a rate ratio per a unit a person can picture.

Verdict rule, stated to the user with every result:
- ``not_enough_data``: fewer than 14 logged days with the factor known, fewer than 5 of them that
  differ from its usual value, no twitching at all, or the model cannot be fitted;
- ``associated``: the 95% interval of the rate ratio excludes 1;
- ``no_evidence``: otherwise (which is not proof of no effect).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from twitchcare.diary.countmodel import fit_rate, weekday_dummies
from twitchcare.diary.records import FACTOR_LABELS, FACTORS

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from twitchcare.diary.daily import DailyTable

MIN_DAYS = 14
MIN_VARYING_DAYS = 5
COLLINEAR_R = 0.7
LAGS = (0, 1)
RULE = (
    f"associated when the 95% interval excludes 1; needs at least {MIN_DAYS} logged days with the"
    f" factor known and at least {MIN_VARYING_DAYS} of them differing from its usual value"
)

#: Rate ratios are reported per these amounts (what a person can change in a day).
PER_UNIT: dict[str, tuple[float, str]] = {
    "caffeine_mg": (100.0, "100 mg caffeine"),
    "alcohol_units": (1.0, "1 unit of alcohol"),
    "stress_0_10": (1.0, "1 stress point (0-10)"),
    "sleep_hours": (1.0, "1 hour of sleep"),
    "exercise_min": (30.0, "30 min exercise"),
    "magnesium_mg": (100.0, "100 mg magnesium"),
    "relaxation_min": (10.0, "10 min relaxation"),
}


@dataclass(frozen=True)
class FactorResult:
    factor: str
    lag_days: int
    rate_ratio: float | None
    ci_low: float | None
    ci_high: float | None
    per: str
    verdict: str
    days_used: int
    reason: str

    def as_dict(self) -> dict[str, object]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "factor": self.factor,
            "lag_days": self.lag_days,
            "rate_ratio": r(self.rate_ratio),
            "ci_low": r(self.ci_low),
            "ci_high": r(self.ci_high),
            "per": self.per,
            "verdict": self.verdict,
            "days_used": self.days_used,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Collinearity:
    factors: tuple[str, str]
    correlation: float
    days: int
    message: str

    def as_dict(self) -> dict[str, object]:
        return {
            "factors": list(self.factors),
            "correlation": round(self.correlation, 3),
            "days": self.days,
            "message": self.message,
        }


def _varying_days(values: npt.NDArray[np.float64]) -> int:
    import numpy as np

    uniques, counts = np.unique(values, return_counts=True)
    return int(len(values) - counts.max()) if len(uniques) else 0


def association(table: DailyTable, factor: str, lag: int) -> FactorResult:
    """The factor's rate ratio (``lag`` days before) with the day's episode count."""
    import numpy as np

    unit, per = PER_UNIT[factor]
    x = table.lagged(factor, lag)
    known = ~np.isnan(x)
    y, xk = table.counts[known], x[known]
    n = int(known.sum())

    def not_enough(reason: str) -> FactorResult:
        return FactorResult(factor, lag, None, None, None, per, "not_enough_data", n, reason)

    if n < MIN_DAYS:
        return not_enough(f"{n} logged day(s) with this factor known; needs at least {MIN_DAYS}")
    varying = _varying_days(xk)
    if varying < MIN_VARYING_DAYS:
        return not_enough(
            f"only {varying} day(s) differ from the usual value; needs at least {MIN_VARYING_DAYS}"
        )
    if y.sum() == 0:
        return not_enough("no twitching logged on these days")
    fit = fit_rate(y, xk / unit, weekday_dummies(table.weekday()[known]))
    if fit is None:
        return not_enough("the model could not be fitted to these days")
    low, high = fit.ci
    if low > 1.0:
        verdict, reason = "associated", "more twitching with more of this factor"
    elif high < 1.0:
        verdict, reason = "associated", "less twitching with more of this factor"
    else:
        verdict, reason = "no_evidence", "the 95% interval includes 1: no clear difference"
    return FactorResult(factor, lag, fit.rate_ratio, low, high, per, verdict, n, reason)


def associations(table: DailyTable) -> list[FactorResult]:
    """Every factor at the same day and the next day."""
    return [association(table, factor, lag) for factor in FACTORS for lag in LAGS]


def collinear_pairs(table: DailyTable) -> list[Collinearity]:
    """Pairs of factors that move together so closely their effects cannot be told apart."""
    import numpy as np

    found = []
    for i, a in enumerate(FACTORS):
        for b in FACTORS[i + 1 :]:
            xa, xb = table.factors[a], table.factors[b]
            both = ~np.isnan(xa) & ~np.isnan(xb)
            if both.sum() < MIN_DAYS or xa[both].std() == 0 or xb[both].std() == 0:
                continue
            r = float(np.corrcoef(xa[both], xb[both])[0, 1])
            if abs(r) >= COLLINEAR_R:
                found.append(
                    Collinearity(
                        factors=(a, b),
                        correlation=r,
                        days=int(both.sum()),
                        message=(
                            f"{FACTOR_LABELS[a]} and {FACTOR_LABELS[b]}"
                            f" moved together (r = {r:.2f}); their effects cannot be told apart"
                        ),
                    )
                )
    return found
