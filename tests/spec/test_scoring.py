"""Scoring measures the over-triage of self-care cases, the people a needless referral frightens."""

from __future__ import annotations

from twitchcare.evaluation.cases import Case
from twitchcare.evaluation.scoring import (
    CaseScore,
    Prediction,
    failed_targets,
    score_case,
    summarise,
)
from twitchcare.kb.logic import Level


def _case(case_id: str, gold: Level) -> Case:
    return Case.model_validate(
        {
            "id": case_id,
            "story": "s",
            "person": {"age": 30, "sex": "female"},
            "twitching": {"locations": ["calf"]},
            "expected": {"triage": gold, "causes": ["benign_fasciculations"]},
        }
    )


def _score(case_id: str, gold: Level, got: Level) -> CaseScore:
    prediction = Prediction(case_id, got, ("benign_fasciculations",), "none", 0)
    return score_case(_case(case_id, gold), prediction)


def test_over_triage_of_self_care_counts_only_self_care_cases() -> None:
    scores = [
        _score("a", "self_care", "doctor"),
        _score("b", "self_care", "self_care"),
        _score("c", "doctor", "urgent"),
        _score("d", "urgent", "urgent"),
    ]
    summary = summarise(scores)
    assert summary.self_care_cases == 2
    assert summary.over_triage_self_care == 0.5
    assert summary.over_triage == 0.5


def test_over_triage_of_self_care_above_ten_percent_fails_the_check() -> None:
    scores = [_score(str(i), "self_care", "doctor" if i < 2 else "self_care") for i in range(10)]
    failures = failed_targets(summarise(scores), simulate=False, same_triage=None)
    assert "over-triage of self-care cases 20.0%, target ≤ 10%" in failures
    fine = [_score(str(i), "self_care", "doctor" if i < 1 else "self_care") for i in range(10)]
    assert not any(
        "self-care" in f for f in failed_targets(summarise(fine), simulate=False, same_triage=None)
    )


def test_cause_accuracy_where_causes_are_shown_leaves_out_emergency_results() -> None:
    """An emergency result leaves the causes out (and its interview stops before them)."""
    missed = score_case(
        _case("e", "emergency"), Prediction("e", "emergency", ("stress_anxiety",), "none", 0)
    )
    scores = [missed, _score("a", "doctor", "doctor"), _score("b", "self_care", "self_care")]
    summary = summarise(scores)
    assert summary.top1 < 1.0
    assert summary.causes_shown_cases == 2
    assert summary.top1_causes_shown == summary.top3_causes_shown == 1.0
