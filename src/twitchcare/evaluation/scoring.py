"""Score predictions against gold cases, the way the evaluation harness does.

Triage is correct when it equals the gold level or an acceptable one; under-triage is less urgent
than all of them (the unsafe error), over-triage more urgent than all of them.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from twitchcare.evaluation.cases import Case
from twitchcare.kb.logic import Level, level_rank

#: The one place the evaluation targets live: ``evaluate --check`` and every rendering read them.
TARGETS = {
    "triage_acceptable": 0.92,
    "under_triage": 0.02,
    "under_triage_urgent": 0.0,
    "top1": 0.75,
    "top3": 0.92,
    "median_questions": 8.0,
    "same_triage_as_full": 0.95,
}
#: Targets a value must stay at or below; every other target is a floor.
CEILINGS = frozenset({"under_triage", "under_triage_urgent", "median_questions"})
COUNTS = frozenset({"median_questions"})  # shown as numbers, the rest as percentages


def shown(name: str, value: float) -> str:
    """A measured value as the evaluation prints it."""
    return f"{value:g}" if name in COUNTS else f"{value:.1%}"


def target_text(name: str) -> str:
    """The target in words for tables and messages, e.g. "≥ 92%" or "≤ 8"."""
    value = TARGETS[name]
    number = f"{value:g}" if name in COUNTS else f"{value:.0%}"
    return f"{'≤' if name in CEILINGS else '≥'} {number}"


def meets(name: str, value: float) -> bool:
    """Whether a measured value reaches its target."""
    return value <= TARGETS[name] if name in CEILINGS else value >= TARGETS[name]


@dataclass(frozen=True)
class Prediction:
    """What the assessment said about one case (the JSON contract line)."""

    case_id: str
    triage: Level
    causes: tuple[str, ...]
    specialist: str
    questions_asked: int


@dataclass(frozen=True)
class CaseScore:
    case_id: str
    predicted: Level
    gold: Level
    acceptable: tuple[Level, ...]
    exact: bool
    correct: bool
    under: bool
    over: bool
    top1: bool
    top3: bool
    gold_causes: tuple[str, ...]
    predicted_causes: tuple[str, ...]
    questions: int


def score_case(case: Case, prediction: Prediction) -> CaseScore:
    """Compare one prediction with the gold answer of its case."""
    if case.expected is None:
        raise ValueError(f"case {case.id} has no expected answer")
    gold = case.expected
    allowed = (gold.triage, *gold.acceptable_triage)
    ranks = [level_rank(x) for x in allowed]
    got = level_rank(prediction.triage)
    return CaseScore(
        case_id=case.id,
        predicted=prediction.triage,
        gold=gold.triage,
        acceptable=tuple(gold.acceptable_triage),
        exact=prediction.triage == gold.triage,
        correct=prediction.triage in allowed,
        under=got < min(ranks),
        over=got > max(ranks),
        top1=bool(prediction.causes) and prediction.causes[0] in gold.causes,
        top3=bool(set(prediction.causes[:3]) & set(gold.causes)),
        gold_causes=tuple(gold.causes),
        predicted_causes=prediction.causes[:3],
        questions=prediction.questions_asked,
    )


@dataclass(frozen=True)
class Summary:
    """The figures of one evaluation run."""

    cases: int
    triage_exact: float
    triage_acceptable: float
    under_triage: float
    under_triage_urgent: float
    urgent_cases: int
    over_triage: float
    top1: float
    top3: float
    median_questions: float
    misses: tuple[CaseScore, ...]


def summarise(scores: list[CaseScore]) -> Summary:
    """Aggregate case scores; under-triage of urgent cases counts gold urgent/emergency ones."""
    n = len(scores) or 1
    serious = [s for s in scores if level_rank(s.gold) >= level_rank("urgent")]
    return Summary(
        cases=len(scores),
        triage_exact=sum(s.exact for s in scores) / n,
        triage_acceptable=sum(s.correct for s in scores) / n,
        under_triage=sum(s.under for s in scores) / n,
        under_triage_urgent=sum(s.under for s in serious) / (len(serious) or 1),
        urgent_cases=len(serious),
        over_triage=sum(s.over for s in scores) / n,
        top1=sum(s.top1 for s in scores) / n,
        top3=sum(s.top3 for s in scores) / n,
        median_questions=statistics.median([s.questions for s in scores]) if scores else 0.0,
        misses=tuple(s for s in scores if not (s.correct and s.top3)),
    )


def failed_targets(summary: Summary, *, simulate: bool, same_triage: float | None) -> list[str]:
    """Which targets a run misses, in words, for ``evaluate --check``.

    Cause accuracy is a target of the full-information assessment; a simulated interview stops as
    soon as the triage is settled (at once for an emergency), so there only its own targets apply.
    """
    measured: list[tuple[str, str, float | None, bool]] = [
        ("under_triage_urgent", "under-triage of urgent/emergency cases",
         summary.under_triage_urgent, True),
        ("under_triage", "under-triage", summary.under_triage, True),
        ("triage_acceptable", "triage exact-or-acceptable", summary.triage_acceptable, True),
        ("top3", "cause top-3", summary.top3, not simulate),
        ("top1", "cause top-1", summary.top1, not simulate),
        ("median_questions", "median questions", summary.median_questions, simulate),
        ("same_triage_as_full", "same triage as full information", same_triage, simulate),
    ]  # fmt: skip
    return [
        f"{label} {shown(name, value)}, target {target_text(name)}"
        for name, label, value, applies in measured
        if applies and value is not None and not meets(name, value)
    ]
