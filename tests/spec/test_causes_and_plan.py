"""Ranked causes show their evidence; reassurance is specific and never hides a red flag."""

from __future__ import annotations

from tests.spec.conftest import NOW
from twitchcare.engine import assess
from twitchcare.kb import KnowledgeBase
from twitchcare.kb.logic import FactValue

WORRIED_CALVES: dict[str, FactValue] = {
    "age": 34,
    "sex": "male",
    "loc.calf": True,
    "duration_days": 90,
    "worried_about_serious_disease": True,
    "weakness": False,
    "muscle_wasting": False,
}


def test_benign_twitching_with_fear_of_als_gets_the_follow_up_evidence(kb: KnowledgeBase) -> None:
    result = assess(kb, WORRIED_CALVES, now=NOW)
    assert "benign_fasciculations" in [c.id for c in result.causes[:3]]
    assert "reassure-benign-fasciculations" in [a.id for a in result.plan.reassurance]
    assert "blexrud-1993" in result.plan.reassurance[0].sources


def test_motor_neuron_disease_is_not_listed_without_evidence_for_it(kb: KnowledgeBase) -> None:
    result = assess(kb, WORRIED_CALVES, now=NOW)
    assert "motor_neuron_disease" not in [c.id for c in result.causes]


def test_weakness_brings_serious_causes_into_view_and_withholds_reassurance(
    kb: KnowledgeBase,
) -> None:
    facts = {**WORRIED_CALVES, "weakness": True, "weakness_progressive": True}
    result = assess(kb, facts, now=NOW)
    assert "motor_neuron_disease" in [c.id for c in result.causes]
    assert result.plan.reassurance == ()
    assert result.level in ("doctor", "urgent")


def test_each_cause_lists_the_facts_for_it_with_sources(kb: KnowledgeBase) -> None:
    facts: dict[str, FactValue] = {"age": 38, "sex": "female", "loc.eyelid": True}
    result = assess(kb, {**facts, "caffeine_mg_per_day": 500, "duration_days": 3}, now=NOW)
    top = result.causes[0]
    assert top.id == "eyelid_myokymia"
    assert top.supporting and all(h.sources for h in top.supporting)
    caffeine = next(c for c in result.causes if c.id == "caffeine_stimulants")
    assert any("caffeine_mg_per_day" in h.facts for h in caffeine.supporting)


def test_causes_are_listed_most_likely_first(kb: KnowledgeBase) -> None:
    result = assess(kb, WORRIED_CALVES, now=NOW)
    probabilities = [c.probability for c in result.causes]
    assert probabilities == sorted(probabilities, reverse=True)
    assert all(0 < p < 1 for p in probabilities)


def test_a_worry_about_als_is_answered_with_the_signs_that_are_absent(kb: KnowledgeBase) -> None:
    result = assess(kb, WORRIED_CALVES, now=NOW)
    answer = {n.id: n for n in result.not_listed}
    assert "motor_neuron_disease" in answer
    assert {"weakness", "muscle_wasting"} <= set(answer["motor_neuron_disease"].absent)


def test_a_feared_disease_is_not_named_to_someone_who_did_not_ask(kb: KnowledgeBase) -> None:
    facts = {**WORRIED_CALVES, "worried_about_serious_disease": False}
    assert assess(kb, facts, now=NOW).not_listed == ()


def test_a_feared_disease_on_the_list_is_not_also_explained_away(kb: KnowledgeBase) -> None:
    facts = {**WORRIED_CALVES, "weakness": True, "weakness_progressive": True}
    assert "motor_neuron_disease" not in [n.id for n in assess(kb, facts, now=NOW).not_listed]


def test_ranking_is_uncertain_when_nothing_points_to_a_cause(kb: KnowledgeBase) -> None:
    result = assess(kb, {"age": 30, "sex": "female", "loc.thigh": True}, now=NOW)
    assert result.certainty in ("uncertain", "tentative")
    eyelid = assess(
        kb,
        {"age": 30, "sex": "female", "loc.eyelid": True, "duration_days": 3},
        now=NOW,
    )
    assert eyelid.certainty == "clear"


def test_two_causes_both_likely_are_said_to_go_together_not_to_be_close(
    kb: KnowledgeBase,
) -> None:
    from twitchcare.engine.causes import RankedCause, ranking_certainty

    def cause(cid: str, p: float) -> RankedCause:
        return RankedCause(cid, cid, p, (), (), serious=False)

    assert ranking_certainty([cause("a", 0.96), cause("b", 0.78)]) == "several"
    assert ranking_certainty([cause("a", 0.9), cause("b", 0.3)]) == "clear"
    assert ranking_certainty([cause("a", 0.45), cause("b", 0.4)]) == "tentative"
    assert ranking_certainty([cause("a", 0.88), cause("b", 0.49)]) == "likely"
    assert ranking_certainty([cause("a", 0.15)]) == "uncertain"


def test_plan_targets_caffeine_when_intake_is_high(kb: KnowledgeBase) -> None:
    facts = {**WORRIED_CALVES, "caffeine_mg_per_day": 600}
    plan = assess(kb, facts, now=NOW).plan
    assert "reduce-caffeine" in [a.id for a in plan.change]


def test_self_care_states_when_to_see_a_doctor_and_a_follow_up_date(kb: KnowledgeBase) -> None:
    facts: dict[str, FactValue] = {"age": 30, "sex": "female", "loc.eyelid": True}
    result = assess(kb, {**facts, "duration_days": 2}, now=NOW)
    assert result.level == "self_care"
    assert {"net-doctor", "net-emergency"} <= {a.id for a in result.plan.safety_net}
    assert result.plan.follow_up is not None and result.plan.follow_up > NOW.date()


def test_an_emergency_plan_does_not_distract_with_lifestyle_changes(kb: KnowledgeBase) -> None:
    result = assess(kb, {**WORRIED_CALVES, "seizure_or_fainting": True}, now=NOW)
    assert result.level == "emergency"
    assert result.plan.change == ()
    assert result.specialist == "emergency_services"


def test_doctor_level_names_the_specialist_of_the_leading_cause(kb: KnowledgeBase) -> None:
    facts: dict[str, FactValue] = {"age": 40, "sex": "female", "loc.hand": True}
    facts |= {"heat_intolerance": True, "weight_loss": True, "tremor": True, "duration_days": 60}
    result = assess(kb, facts, now=NOW)
    assert result.level == "doctor"
    assert result.specialist == "endocrinologist"


def test_the_result_carries_the_knowledge_version_and_a_disclaimer(kb: KnowledgeBase) -> None:
    result = assess(kb, WORRIED_CALVES, now=NOW)
    assert result.kb_version == kb.version
    assert "not a diagnosis" in result.disclaimer


def test_unanswered_red_flag_questions_are_named_in_the_result(kb: KnowledgeBase) -> None:
    facts: dict[str, FactValue] = {"age": 30, "sex": "female", "loc.calf": True}
    result = assess(kb, {**facts, "face_drooping": False}, now=NOW)
    assert "face_drooping" not in result.unanswered_red_flags
    assert "breathing_difficulty" in result.unanswered_red_flags


EVERYDAY_CAUSES = (
    "stress_anxiety",
    "caffeine_stimulants",
    "alcohol",
    "sleep_deprivation",
    "exercise_fatigue",
    "hypnic_jerks",
    "eyelid_myokymia",
)


def test_a_drooping_lid_or_double_vision_counts_against_the_everyday_causes_as_weakness_does(
    kb: KnowledgeBase,
) -> None:
    """Everyday triggers do not cause weakness, and a drooping lid or double vision is weakness of
    the muscles of the eye (nhs-myasthenia-gravis): months of both beside an eyelid twitch put a
    cause that explains them above stress, sleep or caffeine (the twitch of the lid itself may
    still lead: it is there too)."""
    from twitchcare.engine.causes import probability

    twitch: dict[str, FactValue] = {"loc.eyelid": True, "duration_days": 120, "age": 60}
    for sign in ("drooping_eyelid", "double_vision"):
        told = {**twitch, sign: True}
        for cause in EVERYDAY_CAUSES:
            condition = kb.conditions[cause]
            assert probability(condition, told) < probability(condition, twitch), (cause, sign)
    both = {**twitch, "drooping_eyelid": True, "double_vision": True}
    ranked = [c.id for c in assess(kb, both, now=NOW).causes]
    above = ranked[: ranked.index("myasthenia_gravis")]
    assert set(above) <= {"eyelid_myokymia"}


def test_the_tablets_taken_for_myasthenia_tell_of_it_as_the_diagnosis_would(
    kb: KnowledgeBase,
) -> None:
    """Pyridostigmine is the first treatment of myasthenia and taken for little else
    (abn-myasthenia-2015); the same class's dementia medicines tell nothing of it."""
    base: dict[str, FactValue] = {"age": 58, "sex": "female", "loc.hand": True, "weakness": True}
    on_it = assess(kb, {**base, "medications": ["pyridostigmine"]}, now=NOW)
    told = assess(kb, {**base, "history.myasthenia_gravis": True}, now=NOW)
    for dementia in ("donepezil", "rivastigmine"):
        other = assess(kb, {**base, "medications": [dementia]}, now=NOW)
        assert "myasthenia_gravis" not in [c.id for c in other.causes]
    for result in (on_it, told):
        assert "myasthenia_gravis" in [c.id for c in result.causes]
