"""Personal experiments: change one thing for a while and compare with the time before.

An experiment is a named change ("under 200 mg caffeine"), optionally tied to a factor and a
target so adherence can be checked, and a period. Its result compares the episode rate during
the period with the equally long period just before it, with the same count model as the factor
analysis. Verdicts are plain: fewer twitches, more twitches, no clear difference, not enough data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from twitchcare.catalogue import gettext as _
from twitchcare.diary.countmodel import fit_rate
from twitchcare.diary.records import FACTOR_LABELS, FACTOR_RANGES, FACTORS, check_choice
from twitchcare.errors import InputError

if TYPE_CHECKING:
    from twitchcare.diary.daily import DailyTable
    from twitchcare.store import DiaryStore
    from twitchcare.store.models import ExperimentRow

MIN_DAYS_EACH = 7
COMPARISONS = ("below", "above")
_WORDS = {
    "under": "below",
    "below": "below",
    "less than": "below",
    "at most": "below",
    "max": "below",
    "over": "above",
    "above": "above",
    "more than": "above",
    "at least": "above",
    "min": "above",
}
_TARGET = re.compile(
    r"\b(under|below|less than|at most|max|over|above|more than|at least|min)\s+"
    r"(\d+(?:\.\d+)?)\s*(?:mg|units?|points?|min(?:utes)?|h(?:ours?)?)?\s+(?:of\s+)?"
    r"(caffeine|alcohol|stress|sleep|exercise|magnesium|relaxation)\b",
    re.I,
)


def infer_target(name: str) -> tuple[str, str, float] | None:
    """Read "under 200 mg caffeine" or "at least 20 min relaxation" as factor and target."""
    m = _TARGET.search(name)
    if m is None:
        return None
    factor = next(f for f, label in FACTOR_LABELS.items() if label == m.group(3).lower())
    return factor, _WORDS[m.group(1).lower()], float(m.group(2))


#: How long an experiment runs when no length is given, in every adapter: two weeks give each
#: weekday twice, and the same number of days before the start to compare with.
DEFAULT_DAYS = 14


@dataclass(frozen=True)
class Experiment:
    name: str
    start: dt.date
    end: dt.date
    factor: str | None = None
    comparison: str | None = None  # "below" or "above" the target
    target: float | None = None
    id: int | None = field(default=None, compare=False)

    def validated(self) -> Experiment:
        if not self.name.strip() or len(self.name) > 200:
            raise InputError(field="name", problem=_("give the change a name of 1-200 characters"))
        if self.end < self.start:
            raise InputError(field="end", problem=_("the experiment ends before it starts"))
        if (self.end - self.start).days + 1 > 366:
            raise InputError(field="days", problem=_("an experiment can last at most a year"))
        if self.factor is None and (self.target is not None or self.comparison is not None):
            raise InputError(
                field="factor",
                problem=_("--below or --above needs the factor it applies to"),
                hint=_("e.g. --factor caffeine_mg --below 200"),
            )
        if self.factor is not None:
            check_choice(self.factor, FACTORS, "factor")
            if self.comparison not in COMPARISONS or self.target is None:
                raise InputError(
                    field="target",
                    problem=_("a factor needs --below or --above with a value"),
                    hint=_("e.g. --factor caffeine_mg --below 200"),
                )
            low, high, _unit = FACTOR_RANGES[self.factor]
            if not low <= self.target <= high:
                raise InputError(
                    field="target",
                    problem=_("{target} is out of range").format(target=f"{self.target:g}"),
                )
        return self

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def before(self) -> tuple[dt.date, dt.date]:
        return self.start - dt.timedelta(days=self.days), self.start - dt.timedelta(days=1)


@dataclass(frozen=True)
class ExperimentResult:
    experiment: Experiment
    status: str  # "planned", "running", "finished"
    days_logged_before: int
    days_logged_during: int
    rate_before: float | None
    rate_during: float | None
    rate_ratio: float | None
    ci_low: float | None
    ci_high: float | None
    adherence: float | None  # share of logged days in the period that met the target
    verdict: str
    summary: str

    def as_dict(self) -> dict[str, object]:
        e = self.experiment

        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "id": e.id,
            "name": e.name,
            "factor": e.factor,
            "comparison": e.comparison,
            "target": e.target,
            "start": e.start.isoformat(),
            "end": e.end.isoformat(),
            "status": self.status,
            "days_logged_before": self.days_logged_before,
            "days_logged_during": self.days_logged_during,
            "rate_before": r(self.rate_before),
            "rate_during": r(self.rate_during),
            "rate_ratio": r(self.rate_ratio),
            "ci_low": r(self.ci_low),
            "ci_high": r(self.ci_high),
            "adherence": r(self.adherence),
            "verdict": self.verdict,
            "summary": self.summary,
        }


def evaluate(experiment: Experiment, table: DailyTable, today: dt.date) -> ExperimentResult:
    """Compare the period (so far) with the same number of days just before it."""
    import numpy as np

    e = experiment
    status = "planned" if today < e.start else ("running" if today <= e.end else "finished")
    before = table.between(*e.before)
    during = table.between(e.start, min(e.end, today))
    nb, nd = len(before), len(during)
    rate_b = float(before.counts.mean()) if nb else None
    rate_d = float(during.counts.mean()) if nd else None
    adherence = None
    if e.factor is not None and e.target is not None and nd:
        values = during.factors[e.factor]
        known = values[~np.isnan(values)]
        if len(known):
            met = known < e.target if e.comparison == "below" else known > e.target
            adherence = float(met.mean())

    def result(
        verdict: str, summary: str, fit: tuple[float, float, float] | None = None
    ) -> ExperimentResult:
        rr, lo, hi = fit if fit else (None, None, None)
        return ExperimentResult(
            e, status, nb, nd, rate_b, rate_d, rr, lo, hi, adherence, verdict, summary
        )

    if nb < MIN_DAYS_EACH or nd < MIN_DAYS_EACH:
        return result(
            "not_enough_data",
            _(
                "Not enough data yet: {before} logged day(s) before and {during} during; needs at "
                "least {needed} in each."
            ).format(before=nb, during=nd, needed=MIN_DAYS_EACH),
        )
    y = np.concatenate([before.counts, during.counts])
    x = np.concatenate([np.zeros(nb), np.ones(nd)])
    if y.sum() == 0:
        return result(
            "not_enough_data", _("No twitching logged before or during: nothing to compare.")
        )
    fit = fit_rate(y, x) if before.counts.sum() and during.counts.sum() else None
    if fit is None:
        return result(
            "not_enough_data",
            _(
                "Twitches per day went from {before} to {during}; too few to estimate a ratio."
            ).format(before=f"{rate_b:.1f}", during=f"{rate_d:.1f}"),
        )
    rr, (lo, hi) = fit.rate_ratio, fit.ci
    change = _(
        "Twitches per day: {before} before, {during} during (rate ratio {rr}, 95% CI {lo}-{hi})."
    ).format(
        before=f"{rate_b:.1f}",
        during=f"{rate_d:.1f}",
        rr=f"{rr:.2f}",
        lo=f"{lo:.2f}",
        hi=f"{hi:.2f}",
    )
    if hi < 1:
        verdict = "fewer_twitches"
        plain = " " + _("About {percent} fewer twitches.").format(percent=f"{100 * (1 - rr):.0f}%")
    elif lo > 1:
        verdict = "more_twitches"
        plain = " " + _("About {percent} more twitches.").format(percent=f"{100 * (rr - 1):.0f}%")
    else:
        verdict, plain = "no_clear_difference", " " + _("No clear difference yet.")
    if adherence is not None and e.factor is not None:
        plain += " " + _("Target met on {percent} of logged days ({factor}).").format(
            percent=f"{100 * adherence:.0f}%", factor=_(FACTOR_LABELS[e.factor])
        )
    return result(verdict, change + plain, (rr, lo, hi))


def _from_row(row: ExperimentRow) -> Experiment:
    return Experiment(
        name=row.name,
        start=row.start,
        end=row.end,
        factor=row.factor,
        comparison=row.comparison,
        target=row.target,
        id=row.id,
    )


def add_experiment(store: DiaryStore, experiment: Experiment) -> int:
    from twitchcare.store.models import ExperimentRow

    e = experiment.validated()
    row = ExperimentRow(
        name=e.name,
        factor=e.factor,
        comparison=e.comparison,
        target=e.target,
        start=e.start,
        end=e.end,
    )
    with store.session() as session:
        session.add(row)
        session.flush()
        return row.id


def list_experiments(store: DiaryStore) -> list[Experiment]:
    from sqlalchemy import select

    from twitchcare.store.models import ExperimentRow

    with store.session() as session:
        rows = session.scalars(
            select(ExperimentRow).order_by(ExperimentRow.start, ExperimentRow.id)
        )
        return [_from_row(r) for r in rows]


def stop_experiment(store: DiaryStore, experiment_id: int, today: dt.date) -> Experiment:
    """End a running experiment today (or keep its end if that is earlier)."""
    from twitchcare.errors import NotFoundError
    from twitchcare.store.models import ExperimentRow

    with store.session() as session:
        row = session.get(ExperimentRow, experiment_id)
        if row is None:
            raise NotFoundError(
                field="experiment",
                problem=_("no experiment #{experiment_id}").format(experiment_id=experiment_id),
            )
        row.end = max(row.start, min(row.end, today))
        return _from_row(row)
