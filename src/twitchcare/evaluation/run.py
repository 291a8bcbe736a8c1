"""Run the assessment over case files and collect the scores (used by ``twitchcare evaluate``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from twitchcare.engine import assess
from twitchcare.engine.interview import simulate as run_simulation
from twitchcare.evaluation.cases import case_facts, case_paths, load_case, profile_facts
from twitchcare.evaluation.scoring import Prediction, Summary, failed_targets, score_case, summarise
from twitchcare.kb import load_kb


@dataclass(frozen=True)
class EvaluationReport:
    """A summary, the share of simulated triages that match full information, and failures."""

    summary: Summary
    simulate: bool
    same_triage_as_full: float | None
    failures: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self.summary)
        data["misses"] = [asdict(m) for m in self.summary.misses]
        return {
            "simulate": self.simulate,
            "summary": data,
            "same_triage_as_full": self.same_triage_as_full,
            "failures": list(self.failures),
        }


def evaluate(targets: list[Path], *, simulate: bool, now: dt.datetime) -> EvaluationReport:
    """Assess every case with a gold answer and score it."""
    kb = load_kb()
    cases = [c for c in (load_case(p) for p in case_paths(targets)) if c.expected is not None]
    scores = []
    same = 0
    for case in cases:
        facts = case_facts(case)
        full = assess(kb, facts, now=now)
        result = run_simulation(kb, facts, known=profile_facts(case), now=now) if simulate else full
        same += result.level == full.level
        prediction = Prediction(
            case_id=case.id,
            triage=result.level,
            causes=tuple(c.id for c in result.causes),
            specialist=result.specialist,
            questions_asked=result.questions_asked,
            probabilities=tuple(c.probability for c in result.causes),
            items_shown=result.items_shown,
            items_before_advice=result.items_before_advice,
            pages_before_advice=result.pages_before_advice,
        )
        scores.append(score_case(case, prediction))
    summary = summarise(scores)
    same_share = same / len(cases) if cases and simulate else None
    failures = failed_targets(summary, simulate=simulate, same_triage=same_share)
    if not cases:
        failures.append("no case with an expected answer was found")
    return EvaluationReport(
        summary=summary, simulate=simulate, same_triage_as_full=same_share, failures=tuple(failures)
    )
