"""Red flags are deterministic and always win; adding a symptom never lowers the level."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.spec.conftest import NOW
from twitchcare.engine import assess
from twitchcare.engine.facts import derive
from twitchcare.engine.triage import fired_rules
from twitchcare.kb import KnowledgeBase, load_kb
from twitchcare.kb.logic import FactValue, level_rank

EXAMPLES: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "rule_examples.yaml").read_text(encoding="utf-8")
)
BASE: dict[str, FactValue] = {"age": 40, "sex": "female", "loc.calf": True}


def _fired(kb: KnowledgeBase, facts: dict[str, FactValue]) -> set[str]:
    return {r.rule_id for r in fired_rules(kb, derive(kb, {**BASE, **facts}))}


def test_every_rule_has_an_example_that_fires_it_and_a_near_miss(kb: KnowledgeBase) -> None:
    assert {r.id for r in kb.rules} == set(EXAMPLES)


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_fires_on_its_example(kb: KnowledgeBase, rule_id: str) -> None:
    assert rule_id in _fired(kb, EXAMPLES[rule_id]["fires"])


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_rule_does_not_fire_on_its_near_miss(kb: KnowledgeBase, rule_id: str) -> None:
    assert rule_id not in _fired(kb, EXAMPLES[rule_id]["near_miss"])


def test_weakness_with_twitching_is_never_self_care(kb: KnowledgeBase) -> None:
    result = assess(kb, {**BASE, "weakness": True, "duration_days": 2}, now=NOW)
    assert result.level != "self_care"


def test_face_drooping_is_an_emergency_whatever_else_is_said(kb: KnowledgeBase) -> None:
    calm = {**BASE, "loc.eyelid": True, "symptoms_getting_better": True, "stress_0_10": 8}
    assert assess(kb, {**calm, "face_drooping": True}, now=NOW).level == "emergency"


def test_an_eyelid_twitch_of_a_few_days_is_self_care(kb: KnowledgeBase) -> None:
    facts: dict[str, FactValue] = {"age": 30, "sex": "male", "loc.eyelid": True}
    facts |= {"duration_days": 4, "side": "left", "caffeine_mg_per_day": 300}
    assert assess(kb, facts, now=NOW).level == "self_care"


def test_unknown_answers_do_not_raise_the_level_on_their_own(kb: KnowledgeBase) -> None:
    assert assess(kb, {"age": 30, "sex": "female", "loc.calf": True}, now=NOW).level == "self_care"


def test_slurred_speech_of_unknown_onset_counts_as_sudden(kb: KnowledgeBase) -> None:
    assert assess(kb, {**BASE, "slurred_speech": True}, now=NOW).level == "emergency"


def test_every_reason_cites_sources_and_names_its_facts(kb: KnowledgeBase) -> None:
    result = assess(kb, {**BASE, "tingling_around_mouth": True, "duration_days": 30}, now=NOW)
    assert result.reasons
    for reason in result.reasons:
        assert reason.sources and reason.facts


# ---------------------------------------------------------------- properties
_KB = load_kb()
BOOLEAN_FACTS = sorted(
    f.id
    for f in _KB.facts.values()
    if f.kind == "boolean"
    and not f.derived
    and f.id not in {"pregnant", "breastfeeding", "athlete"}
)
NUMBER_FACTS = {
    "duration_days": st.floats(0, 3650),
    "caffeine_mg_per_day": st.floats(0, 2000),
    "alcohol_units_per_week": st.floats(0, 100),
    "alcohol_stopped_days_ago": st.floats(0, 60),
    "sleep_hours": st.floats(0, 12),
    "stress_0_10": st.floats(0, 10),
    "medication_started_days_ago": st.floats(0, 400),
    "medication_stopped_days_ago": st.floats(0, 60),
    "pregnancy_weeks": st.floats(0, 42),
    "onset_days.slurred_speech": st.floats(0, 400),
    "onset_days.weakness": st.floats(0, 400),
    "onset_days.confusion": st.floats(0, 30),
    "onset_days.difficulty_swallowing": st.floats(0, 400),
}
MEDICINES = [
    "omeprazole", "furosemide", "salbutamol", "lithium", "sertraline", "metformin", "tramadol",
    "metoclopramide", "gliclazide", "theophylline", "ciprofloxacin", "spironolactone", "ramipril",
    "ibuprofen", "diazepam", "energy drink", "dnp", "no such medicine",
]  # fmt: skip


@st.composite
def people(draw: st.DrawFn) -> dict[str, FactValue]:
    facts: dict[str, FactValue] = {
        "age": draw(st.integers(0, 100)),
        "sex": draw(st.sampled_from(["female", "male"])),
    }
    for fact in draw(st.lists(st.sampled_from(BOOLEAN_FACTS), max_size=12, unique=True)):
        facts[fact] = draw(st.booleans())
    for name in draw(st.lists(st.sampled_from(sorted(NUMBER_FACTS)), max_size=4, unique=True)):
        facts[name] = draw(NUMBER_FACTS[name])
    for key in ("medications", "medications_stopped", "substances"):
        if draw(st.booleans()):
            facts[key] = draw(st.lists(st.sampled_from(MEDICINES), max_size=3, unique=True))
    return facts


@settings(max_examples=300, deadline=None)
@given(person=people(), symptom=st.sampled_from(BOOLEAN_FACTS))
def test_adding_a_symptom_never_lowers_urgency(person: dict[str, FactValue], symptom: str) -> None:
    before = assess(_KB, person, now=NOW).level
    after = assess(_KB, {**person, symptom: True}, now=NOW).level
    assert level_rank(after) >= level_rank(before)


@settings(max_examples=200, deadline=None)
@given(person=people(), medicine=st.sampled_from(MEDICINES))
def test_adding_a_medicine_never_lowers_urgency(
    person: dict[str, FactValue], medicine: str
) -> None:
    before = assess(_KB, person, now=NOW).level
    meds = person.get("medications")
    taken = list(meds) if isinstance(meds, list) else []
    after = assess(_KB, {**person, "medications": [*taken, medicine]}, now=NOW).level
    assert level_rank(after) >= level_rank(before)


@settings(max_examples=200, deadline=None)
@given(person=people())
def test_an_emergency_rule_always_decides_the_level(person: dict[str, FactValue]) -> None:
    result = assess(_KB, person, now=NOW)
    if any(r.level == "emergency" for r in result.reasons):
        assert result.level == "emergency"


def test_sleep_starts_for_months_stay_self_care(kb: KnowledgeBase) -> None:
    facts: dict[str, FactValue] = {"age": 25, "sex": "male", "loc.whole_body": True}
    facts |= {"duration_days": 90, "jerk_whole_body_at_sleep_onset": True}
    facts |= {f"ctx.{c}": c == "falling_asleep" for c in kb.vocabulary.context_ids}
    result = assess(kb, facts, now=NOW)
    assert result.level == "self_care"
    assert result.causes[0].id == "hypnic_jerks"


def test_daytime_twitching_for_three_weeks_needs_a_doctor(kb: KnowledgeBase) -> None:
    facts: dict[str, FactValue] = {"age": 25, "sex": "male", "loc.calf": True}
    assert assess(kb, {**facts, "duration_days": 21}, now=NOW).level == "doctor"
    assert (
        assess(kb, {**facts, "duration_days": 21, "ctx.at_rest": True}, now=NOW).level == "doctor"
    )


RED_FLAG_OVERVIEWS = [
    g for g in _KB.facts.values() if g.summarises and g.id.startswith("gw.") and g.kind == "boolean"
]


@st.composite
def overview_answers(draw: st.DrawFn) -> tuple[dict[str, FactValue], str]:
    """A person who said yes to one overview, answered some of its details, and one more."""
    gateway = draw(st.sampled_from(RED_FLAG_OVERVIEWS))
    details = [c for c in gateway.summarises if _KB.facts[c].kind == "boolean"]
    facts: dict[str, FactValue] = {**BASE, gateway.id: True}
    for child in draw(st.lists(st.sampled_from(details), unique=True, max_size=len(details))):
        facts[child] = draw(st.booleans())
    unanswered = [c for c in details if c not in facts] or details
    return facts, draw(st.sampled_from(unanswered))


@settings(max_examples=300, deadline=None)
@given(case=overview_answers())
def test_telling_apart_a_yes_overview_never_lowers_the_level(
    case: tuple[dict[str, FactValue], str],
) -> None:
    facts, detail = case
    before = assess(_KB, facts, now=NOW).level
    after = assess(_KB, {**facts, detail: True}, now=NOW).level
    assert level_rank(after) >= level_rank(before)


def test_a_yes_to_breathing_or_chest_without_details_is_an_emergency(kb: KnowledgeBase) -> None:
    assert assess(kb, {**BASE, "gw.breathing_chest": True}, now=NOW).level == "emergency"
    told = {"breathing_difficulty": False, "breathing_fast": True, "difficulty_swallowing": False}
    result = assess(kb, {**BASE, "gw.breathing_chest": True, **told, "chest_pain": False}, now=NOW)
    assert result.level != "emergency"


def test_a_group_not_told_apart_is_left_out_beside_a_told_sign_as_urgent(
    kb: KnowledgeBase,
) -> None:
    """The group counts as its worst sign only so that stopping early never lowers the level;
    beside a drooping face that was told, "you said yes to a group without saying which" adds
    nothing, and the level stays where the told sign puts it."""
    group = {**BASE, "gw.breathing_chest": True}
    alone = assess(kb, group, now=NOW)
    assert "red-flag-group-not-told-apart-emergency" in {r.rule_id for r in alone.reasons}
    both = assess(kb, {**group, "face_drooping": True}, now=NOW)
    assert both.level == "emergency"
    assert [r.rule_id for r in both.reasons if r.rule_id.startswith("red-flag-group")] == []
    assert "stroke-fast-signs" in {r.rule_id for r in both.reasons}
