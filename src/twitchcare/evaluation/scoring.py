"""Score predictions against gold cases, the way the evaluation harness does.

Triage is correct when it equals the gold level or an acceptable one; under-triage is less urgent
than all of them (the unsafe error), over-triage more urgent than all of them.
"""

from __future__ import annotations

import itertools
import math
import statistics
from dataclasses import dataclass

from twitchcare.evaluation.cases import Case
from twitchcare.kb.logic import Level, level_rank

#: The one place the evaluation targets live: ``evaluate --check`` and every rendering read them.
TARGETS = {
    "triage_acceptable": 0.92,
    "under_triage": 0.02,
    "under_triage_urgent": 0.0,
    "over_triage_self_care": 0.10,
    "top1": 0.80,
    "top3": 0.93,
    "median_pages_before_advice": 8.0,
    "median_items_before_advice": 40.0,
    # Every item shown, those read under the call-now advice after an emergency included.
    "median_items_shown": 40.0,
    "same_triage_as_full": 0.95,
}
# Leading causes whose stated probability is checked against the gold list (Brier, reliability).
CALIBRATED_CAUSES = 3
RELIABILITY_BINS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0)
#: Targets a value must stay at or below; every other target is a floor.
CEILINGS = frozenset(
    {
        "under_triage",
        "under_triage_urgent",
        "over_triage_self_care",
        "median_pages_before_advice",
        "median_items_before_advice",
        "median_items_shown",
    }
)
#: Targets of one kind of run only: cause accuracy is a target of the full-information
#: assessment (a simulated interview stops once the triage is settled), the interview's length
#: and agreement with full information are targets of the simulated interview.
FULL_ONLY = frozenset({"top1", "top3"})
SIMULATE_ONLY = frozenset(
    {
        "median_pages_before_advice",
        "median_items_before_advice",
        "median_items_shown",
        "same_triage_as_full",
    }
)
COUNTS = frozenset(
    {
        "median_questions",
        "median_pages_before_advice",
        "median_items_shown",
        "median_items_before_advice",
    }
)  # shown as numbers, the rest as percentages


def shown(name: str, value: float) -> str:
    """A measured value as the evaluation prints it."""
    return f"{value:g}" if name in COUNTS else f"{value:.1%}"


def target_applies(name: str, *, simulate: bool) -> bool:
    """Whether ``evaluate --check`` holds a run of this kind to the target ``name``."""
    return name not in (FULL_ONLY if simulate else SIMULATE_ONLY)


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
    probabilities: tuple[float, ...] = ()
    items_shown: int = 0
    items_before_advice: int = 0
    # Pages read before the advice: after an emergency the pages for the crew are read under the
    # call-now advice, so they count after it, as the items do (``questions_asked`` counts all).
    pages_before_advice: int = 0


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
    items: int = 0
    self_care_case: bool = False
    calibration: tuple[tuple[float, bool], ...] = ()
    items_before_advice: int = 0
    pages_before_advice: int = 0


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
        items=prediction.items_shown,
        items_before_advice=prediction.items_before_advice,
        pages_before_advice=prediction.pages_before_advice,
        self_care_case=gold.triage == "self_care",
        calibration=tuple(
            (p, cause in gold.causes)
            for cause, p in zip(
                prediction.causes[:CALIBRATED_CAUSES],
                prediction.probabilities[:CALIBRATED_CAUSES],
                strict=False,
            )
        ),
    )


@dataclass(frozen=True)
class ReliabilityBin:
    """Stated probabilities in one band, against how often the cause was in the gold list."""

    low: float
    high: float
    n: int
    mean_stated: float | None
    observed: float | None
    observed_low: float | None
    observed_high: float | None


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval for a proportion: honest even for small bins."""
    if n == 0:
        return (0.0, 1.0)
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def reliability(pairs: list[tuple[float, bool]]) -> tuple[ReliabilityBin, ...]:
    """A reliability table: does "70%" mean roughly 70%?"""
    out = []
    edges = RELIABILITY_BINS
    for i, (low, high) in enumerate(itertools.pairwise(edges)):
        last = i == len(edges) - 2
        inside = [(p, y) for p, y in pairs if low <= p < high or (last and p == high)]
        n = len(inside)
        hits = sum(y for _, y in inside)
        lo, hi = wilson(hits, n)
        out.append(
            ReliabilityBin(
                low=low,
                high=high,
                n=n,
                mean_stated=sum(p for p, _ in inside) / n if n else None,
                observed=hits / n if n else None,
                observed_low=lo if n else None,
                observed_high=hi if n else None,
            )
        )
    return tuple(out)


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
    over_triage_self_care: float
    self_care_cases: int
    top1: float
    top3: float
    median_questions: float
    median_items_shown: float
    brier: float | None
    reliability: tuple[ReliabilityBin, ...]
    misses: tuple[CaseScore, ...]
    # Cause accuracy where a result shows the causes: every result but an emergency, which leaves
    # them out so that nothing distracts from the call (and whose interview stops before them).
    causes_shown_cases: int = 0
    top1_causes_shown: float | None = None
    top3_causes_shown: float | None = None
    # Items read before the level was shown: after an emergency the call-now advice comes first,
    # and the pages for the crew that follow it are read while waiting (items_shown counts them).
    median_items_before_advice: float = 0.0
    median_pages_before_advice: float = 0.0


def summarise(scores: list[CaseScore]) -> Summary:
    """Aggregate case scores.

    Under-triage of urgent cases counts gold urgent/emergency ones; over-triage of self-care cases
    counts gold self-care ones, the people that a needless "see a doctor" frightens most.
    """
    n = len(scores) or 1
    serious = [s for s in scores if level_rank(s.gold) >= level_rank("urgent")]
    self_care = [s for s in scores if s.self_care_case]
    pairs = [pair for s in scores for pair in s.calibration]
    shown = [s for s in scores if s.predicted != "emergency"]
    return Summary(
        cases=len(scores),
        triage_exact=sum(s.exact for s in scores) / n,
        triage_acceptable=sum(s.correct for s in scores) / n,
        under_triage=sum(s.under for s in scores) / n,
        under_triage_urgent=sum(s.under for s in serious) / (len(serious) or 1),
        urgent_cases=len(serious),
        over_triage=sum(s.over for s in scores) / n,
        over_triage_self_care=sum(s.over for s in self_care) / (len(self_care) or 1),
        self_care_cases=len(self_care),
        top1=sum(s.top1 for s in scores) / n,
        top3=sum(s.top3 for s in scores) / n,
        median_questions=statistics.median([s.questions for s in scores]) if scores else 0.0,
        median_items_shown=statistics.median([s.items for s in scores]) if scores else 0.0,
        brier=sum((p - y) ** 2 for p, y in pairs) / len(pairs) if pairs else None,
        reliability=reliability(pairs),
        misses=tuple(s for s in scores if not (s.correct and s.top3)),
        causes_shown_cases=len(shown),
        top1_causes_shown=sum(s.top1 for s in shown) / len(shown) if shown else None,
        top3_causes_shown=sum(s.top3 for s in shown) / len(shown) if shown else None,
        median_items_before_advice=(
            statistics.median([s.items_before_advice for s in scores]) if scores else 0.0
        ),
        median_pages_before_advice=(
            statistics.median([s.pages_before_advice for s in scores]) if scores else 0.0
        ),
    )


def failed_targets(summary: Summary, *, simulate: bool, same_triage: float | None) -> list[str]:
    """Which targets a run misses, in words, for ``evaluate --check``.

    Cause accuracy is a target of the full-information assessment; a simulated interview stops as
    soon as the triage is settled (at once for an emergency), so there only its own targets apply.
    """
    measured: list[tuple[str, str, float | None]] = [
        ("under_triage_urgent", "under-triage of urgent/emergency cases",
         summary.under_triage_urgent),
        ("under_triage", "under-triage", summary.under_triage),
        ("triage_acceptable", "triage exact-or-acceptable", summary.triage_acceptable),
        ("over_triage_self_care", "over-triage of self-care cases", summary.over_triage_self_care),
        ("top3", "cause top-3", summary.top3),
        ("top1", "cause top-1", summary.top1),
        ("median_pages_before_advice", "median pages read before the advice",
         summary.median_pages_before_advice),
        ("median_items_before_advice", "median items read before the advice",
         summary.median_items_before_advice),
        ("median_items_shown", "median items shown in all", summary.median_items_shown),
        ("same_triage_as_full", "same triage as full information", same_triage),
    ]  # fmt: skip
    return [
        f"{label} {shown(name, value)}, target {target_text(name)}"
        for name, label, value in measured
        if target_applies(name, simulate=simulate) and value is not None and not meets(name, value)
    ]
