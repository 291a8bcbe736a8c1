"""Which daily factors go with more (or fewer) twitches, and how sure we can be.

One diary asks many questions at once: seven factors, each on the same day (lag 0) and the day
before (lag 1), fourteen tests. Tested one at a time at the 5% level, 37-49% of simulated diaries
with nothing planted told the person that some factor drives their twitching. So:

- **All factors in one model.** Episodes per logged day are fitted by one count model (see
  :mod:`twitchcare.diary.countmodel`) on every factor and lag together, so caffeine is adjusted
  for the stress that came with it, and today's coffee for yesterday's. The model also carries a
  slow trend over the weeks (a natural spline in the date, one degree of freedom per six weeks
  the diary spans, at most 12) and, from four weeks of data, the day of the week, because both
  move twitching and habits together and would otherwise pass for an effect.
- **Holm's method over every test the diary makes.** A factor is called ``associated`` only when
  its Holm-adjusted p-value is at most 5%, so the chance that a diary shows *any* chance finding
  is at most 5%. Holm rather than Benjamini-Hochberg because a person acts on each single
  finding ("cut the coffee"), so the error that matters is any false finding in their diary, not
  the share of false ones among many; Holm controls that under any dependence between the tests
  (the same factor at lag 0 and 1 is strongly dependent), and is never less powerful than
  Bonferroni.
- **The one-factor view stays, second.** Each factor alone (adjusted only for trend and day of the
  week) is shown for comparison, without a verdict: when it differs from the joint model, another
  factor that moved with it explains the difference.

A factor-and-lag that cannot enter the joint model (logged on too few of the same days as the
others) is tested alone, says so, and still counts in Holm's family. Verdicts:

- ``not_enough_data``: fewer than 14 logged days with the factor known, fewer than 5 of them that
  differ from its usual value, no twitching at all, or the model cannot be fitted;
- ``associated``: Holm-adjusted p <= 0.05 (the reason says "more" or "less" twitching);
- ``no_evidence``: otherwise (which is not proof of no effect).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from twitchcare.catalogue import gettext as _
from twitchcare.diary.countmodel import Fit, fit_rates, natural_spline, weekday_dummies
from twitchcare.diary.records import FACTOR_LABELS, FACTORS

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from twitchcare.diary.daily import DailyTable

MIN_DAYS = 14
MIN_VARYING_DAYS = 5
MIN_RESIDUAL_DF = 10  # the joint model keeps at least this many residual degrees of freedom
WEEKDAY_MIN_DAYS = 28  # four of each weekday before the day of the week is adjusted for
TREND_DAYS_PER_DF = 42  # one degree of freedom of trend per six weeks the diary spans
MAX_TREND_DF = 12
FAMILY_ERROR = 0.05
COLLINEAR_R = 0.7
LAGS = (0, 1)


def N_(text: str) -> str:
    """Mark a sentence for the catalogue where it is defined; it is translated where shown."""
    return text


_RULE = N_(
    "associated when the Holm-adjusted p-value is at most {error} (Holm's method over every "
    "factor and lag tested, so the chance that a diary shows any chance finding is at most "
    "{error}); needs at least {min_days} logged days with the factor known and at least "
    "{min_varying} of them differing from its usual value"
)
_RULE_NUMBERS = {
    "error": f"{FAMILY_ERROR:.0%}",
    "min_days": MIN_DAYS,
    "min_varying": MIN_VARYING_DAYS,
}
RULE = _RULE.format(**_RULE_NUMBERS)
NOT_PROOF = N_(
    "An association in one person's diary is not proof of cause: something logged or unlogged that"
    " moves with the factor could explain it. A personal experiment (change one thing, compare with"
    " before) is a fairer test."
)


def rule_text() -> str:
    """:data:`RULE` in the language in use."""
    return _(_RULE).format(**_RULE_NUMBERS)


def not_proof_text() -> str:
    """:data:`NOT_PROOF` in the language in use."""
    return _(NOT_PROOF)


TREND = "a slow trend over the weeks"
WEEKDAY = "day of the week"
OTHERS = "the other factors"

#: Rate ratios are reported per these amounts (what a person can change in a day).
PER_UNIT: dict[str, tuple[float, str]] = {  # the words are translated where they are shown
    "caffeine_mg": (100.0, N_("100 mg caffeine")),
    "alcohol_units": (1.0, N_("1 unit of alcohol")),
    "stress_0_10": (1.0, N_("1 stress point (0-10)")),
    "sleep_hours": (1.0, N_("1 hour of sleep")),
    "exercise_min": (30.0, N_("30 min exercise")),
    "magnesium_mg": (100.0, N_("100 mg magnesium")),
    "relaxation_min": (10.0, N_("10 min relaxation")),
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
    p_value: float | None = None
    p_adjusted: float | None = None  # Holm, over every test in the diary's family
    adjusted_for: tuple[str, ...] = ()

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
            "p_value": None if self.p_value is None else float(f"{self.p_value:.3g}"),
            "p_adjusted": None if self.p_adjusted is None else float(f"{self.p_adjusted:.3g}"),
            "adjusted_for": list(self.adjusted_for),
        }


@dataclass(frozen=True)
class FactorAnalysis:
    """The joint model's verdicts (primary) and each factor alone (secondary, no verdict)."""

    results: list[FactorResult]
    one_factor: list[FactorResult]
    tests: int  # how many factor-and-lag tests Holm's method allowed for

    @property
    def method(self) -> str:
        return (
            f"All factors and lags fitted together in one count model (negative binomial when"
            f" the counts vary more than Poisson), with {TREND} and the {WEEKDAY}; 95% intervals."
            f" {self.tests} factor-and-lag test(s) were made at once; {RULE}."
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "method": self.method,
            "tests": self.tests,
            "family_error": FAMILY_ERROR,
            "correction": "holm",
            "not_proof_of_cause": NOT_PROOF,
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


@dataclass(frozen=True)
class _Term:
    factor: str
    lag: int
    values: npt.NDArray[np.float64]  # in the unit the rate ratio is reported per; NaN = unknown

    @property
    def known(self) -> npt.NDArray[np.bool_]:
        import numpy as np

        return ~np.isnan(self.values)


def _varying_days(values: npt.NDArray[np.float64]) -> int:
    import numpy as np

    uniques, counts = np.unique(values, return_counts=True)
    return int(len(values) - counts.max()) if len(uniques) else 0


def _shortage(term: _Term, counts: npt.NDArray[np.float64]) -> str | None:
    """Why this factor-and-lag cannot be analysed yet, or None when it can."""
    known = term.known
    n = int(known.sum())
    if n < MIN_DAYS:
        return _("{n} logged day(s) with this factor known; needs at least {needed}").format(
            n=n, needed=MIN_DAYS
        )
    varying = _varying_days(term.values[known])
    if varying < MIN_VARYING_DAYS:
        return _("only {n} day(s) differ from the usual value; needs at least {needed}").format(
            n=varying, needed=MIN_VARYING_DAYS
        )
    if counts[known].sum() == 0:
        return _("no twitching logged on these days")
    return None


def holm(p_values: list[float]) -> list[float]:
    """Holm's step-down adjusted p-values, in the order given."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


class _Calendar:
    """Each logged day's ordinal and weekday, and the trend and weekday columns for a set of
    rows, computed once per set (most fits share the same days)."""

    def __init__(self, table: DailyTable) -> None:
        self.ordinals = table.ordinals.astype(float)
        self.weekdays = table.weekday()
        self._cache: dict[bytes, tuple[npt.NDArray[np.float64], tuple[str, ...]]] = {}

    def nuisance(
        self, rows: npt.NDArray[np.bool_]
    ) -> tuple[npt.NDArray[np.float64], tuple[str, ...]]:
        """Trend (and, with four weeks of days, weekday) columns for ``rows``, with names."""
        key = rows.tobytes()
        if key not in self._cache:
            self._cache[key] = self._build(rows)
        return self._cache[key]

    def _build(
        self, rows: npt.NDArray[np.bool_]
    ) -> tuple[npt.NDArray[np.float64], tuple[str, ...]]:
        import numpy as np

        ords = self.ordinals[rows]
        n = len(ords)
        if n == 0:
            return np.empty((0, 0)), ()
        span = float(ords.max() - ords.min()) + 1.0
        trend_df = min(MAX_TREND_DF, max(1, round(span / TREND_DAYS_PER_DF)))
        columns = [natural_spline(ords, trend_df)]
        names = [TREND] if columns[0].shape[1] else []
        if n >= WEEKDAY_MIN_DAYS:
            weekdays = weekday_dummies(self.weekdays[rows])
            if weekdays.shape[1]:
                columns.append(weekdays)
                names.append(WEEKDAY)
        return np.hstack(columns), tuple(names)


def _complete(terms: list[_Term], n: int) -> npt.NDArray[np.bool_]:
    import numpy as np

    mask = np.ones(n, dtype=bool)
    for term in terms:
        mask &= term.known
    return mask


def _joint_terms(table: DailyTable, calendar: _Calendar, eligible: list[_Term]) -> list[_Term]:
    """The largest set of terms the joint model can carry on the days they share.

    While the shared days are too few (or leave too little residual freedom), the term whose
    removal frees the most days goes; among equals the last one (next-day terms before same-day).
    """
    active = list(eligible)
    n = len(table)
    while active:
        rows = _complete(active, n)
        used = int(rows.sum())
        nuisance, _names = calendar.nuisance(rows)
        parameters = 1 + len(active) + nuisance.shape[1]
        if (
            used >= MIN_DAYS
            and used - parameters >= MIN_RESIDUAL_DF
            and table.counts[rows].sum() > 0
        ):
            return active
        gains = [int(_complete(active[:i] + active[i + 1 :], n).sum()) for i in range(len(active))]
        drop = max(range(len(active)), key=lambda i: (gains[i], i))
        active.pop(drop)
    return active


def _fit(
    table: DailyTable, calendar: _Calendar, terms: list[_Term]
) -> tuple[list[Fit] | None, int, tuple[str, ...]]:
    """Fit ``terms`` together on the days they are all known; fits, days used, adjustments."""
    import numpy as np

    rows = _complete(terms, len(table))
    nuisance, names = calendar.nuisance(rows)
    exposures = np.column_stack([t.values[rows] for t in terms])
    fits = fit_rates(table.counts[rows], exposures, nuisance)
    return fits, int(rows.sum()), names


def _estimate(
    term: _Term,
    fit: Fit,
    days: int,
    adjusted_for: tuple[str, ...],
    verdict: str,
    reason: str,
) -> FactorResult:
    low, high = fit.ci
    return FactorResult(
        factor=term.factor,
        lag_days=term.lag,
        rate_ratio=fit.rate_ratio,
        ci_low=low,
        ci_high=high,
        per=PER_UNIT[term.factor][1],
        verdict=verdict,
        days_used=days,
        reason=reason,
        p_value=fit.p_value,
        adjusted_for=adjusted_for,
    )


def _terms(table: DailyTable) -> list[_Term]:
    """Every factor on the same day, then every factor on the day before."""
    return [
        _Term(factor, lag, table.lagged(factor, lag) / PER_UNIT[factor][0])
        for lag in LAGS
        for factor in FACTORS
    ]


def analyse(table: DailyTable) -> FactorAnalysis:
    """Every factor and lag: the joint model with Holm's verdicts, and each factor alone."""
    terms = _terms(table)
    shortages = {(t.factor, t.lag): _shortage(t, table.counts) for t in terms}
    eligible = [t for t in terms if shortages[(t.factor, t.lag)] is None]
    calendar = _Calendar(table)

    alone: dict[tuple[str, int], tuple[Fit | None, int, tuple[str, ...]]] = {}
    for term in eligible:
        fits, days, names = _fit(table, calendar, [term])
        alone[(term.factor, term.lag)] = (fits[0] if fits else None, days, names)

    joint: dict[tuple[str, int], tuple[Fit, int, tuple[str, ...]]] = {}
    active = _joint_terms(table, calendar, eligible)
    alone_note = "; " + _("tested alone (too few shared days to fit it with the other factors)")
    if len(active) > 1:
        fits, days, names = _fit(table, calendar, active)
        if fits is None:  # e.g. two factors logged as exactly the same numbers
            alone_note = "; " + _("tested alone (the factors could not be fitted together)")
        else:
            for term, fit in zip(active, fits, strict=True):
                joint[(term.factor, term.lag)] = (fit, days, (OTHERS, *names))

    primary: list[tuple[_Term, Fit, int, tuple[str, ...], str]] = []
    results: dict[tuple[str, int], FactorResult] = {}
    for term in terms:
        key = (term.factor, term.lag)
        per = PER_UNIT[term.factor][1]
        shortage = shortages[key]
        if shortage is None and key not in joint and alone[key][0] is None:
            shortage = "the model could not be fitted to these days"
        if shortage is not None:
            days = int(term.known.sum())
            results[key] = FactorResult(
                term.factor, term.lag, None, None, None, per, "not_enough_data", days, shortage
            )
            continue
        if key in joint:
            primary.append((term, *joint[key], ""))
        else:
            only, days, names = alone[key]
            assert only is not None
            note = "" if len(eligible) == 1 else alone_note
            primary.append((term, only, days, names, note))

    adjusted = holm([fit.p_value for _, fit, _, _, _ in primary])
    for (term, fit, days, names, note), p_adj in zip(primary, adjusted, strict=True):
        low, high = fit.ci
        shown = _("adjusted p {p}").format(p=_p(p_adj))
        if p_adj <= FAMILY_ERROR:
            verdict, reason = (
                "associated",
                _("more twitching with more of this factor")
                if fit.coef > 0
                else _("less twitching with more of this factor"),
            )
        elif low > 1.0 or high < 1.0:
            verdict = "no_evidence"
            reason = _(
                "the interval excludes 1 for this test alone, but not once all {n} tests are "
                "allowed for"
            ).format(n=len(primary))
        else:
            verdict, reason = "no_evidence", _("no clear difference")
        result = _estimate(term, fit, days, names, verdict, f"{reason} ({shown}){note}")
        results[(term.factor, term.lag)] = replace(result, p_adjusted=p_adj)

    one_factor = []
    for term in terms:
        key = (term.factor, term.lag)
        single, days, names = alone.get(key, (None, 0, ()))
        if single is None:
            one_factor.append(results[key])
            continue
        one_factor.append(
            _estimate(term, single, days, names, "for_comparison", "this factor alone, no verdict")
        )
    ordered = [results[(t.factor, t.lag)] for t in sorted(terms, key=_display_order)]
    one_factor.sort(key=lambda r: (FACTORS.index(r.factor), r.lag_days))
    return FactorAnalysis(results=ordered, one_factor=one_factor, tests=len(primary))


def _display_order(term: _Term) -> tuple[int, int]:
    return FACTORS.index(term.factor), term.lag


def _p(p: float) -> str:
    return "< 0.001" if p < 0.001 else f"= {p:.3f}" if p < 0.01 else f"= {p:.2f}"


def association(table: DailyTable, factor: str, lag: int) -> FactorResult:
    """The factor's verdict at ``lag`` days from the full analysis of the diary."""
    return next(r for r in analyse(table).results if r.factor == factor and r.lag_days == lag)


def associations(table: DailyTable) -> list[FactorResult]:
    """Every factor at the same day and the next day (the joint model's verdicts)."""
    return analyse(table).results


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
                        message=_(
                            "{a} and {b} moved together (r = {r}); their effects cannot be told "
                            "apart"
                        ).format(a=_(FACTOR_LABELS[a]), b=_(FACTOR_LABELS[b]), r=f"{r:.2f}"),
                    )
                )
    return found
