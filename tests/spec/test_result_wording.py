"""What the result tells a person: the emergency title, the red flags left unanswered and the
answers a reason rests on are all about this person, and each is said once."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.shared import case_files
from tests.spec.conftest import NOW
from twitchcare.engine import assess
from twitchcare.engine.facts import gateways
from twitchcare.engine.interview import applies
from twitchcare.evaluation.cases import case_facts, load_case
from twitchcare.kb import KnowledgeBase, load_kb
from twitchcare.kb.logic import AnyOf, FactTest, FactValue, leaves, level_rank, matched_facts

KB = load_kb()
CASES = [case_facts(load_case(p)) for p in case_files()]
# The yes/no questions of the rules that call for urgent or emergency care, and the overviews.
RED_FLAGS = sorted(
    {
        t.fact
        for rule in KB.rules
        if level_rank(rule.level) >= level_rank("urgent")
        for t in leaves(rule.when)
        if t.fact in KB.facts
        and KB.facts[t.fact].kind == "boolean"
        and not KB.facts[t.fact].derived
    }
)
GATEWAYS = sorted(g.id for g in gateways(KB))
PEOPLE = st.fixed_dictionaries(
    {},
    optional={
        "sex": st.sampled_from(["female", "male"]),
        "age": st.integers(min_value=1, max_value=100),
    },
)
ANSWERS = st.dictionaries(st.sampled_from(RED_FLAGS + GATEWAYS), st.booleans(), max_size=25)


def _never_asked(kb: KnowledgeBase, facts: dict[str, FactValue], listed: tuple[str, ...]) -> list:
    """Listed questions the interview would not ask: skip logic, or behind an overview said no."""
    denied = {c for g in gateways(kb) if facts.get(g.id) is False for c in g.summarises}
    return [f for f in listed if not applies(kb, f, facts) or f in denied]


def test_the_emergency_title_names_no_country_numbers() -> None:
    for lang in ("en", "de"):
        title = load_kb(lang=lang).levels["emergency"].title
        assert not any(ch.isdigit() for ch in title), (lang, title)


def test_a_man_of_58_is_not_asked_about_pregnancy_among_the_unanswered_red_flags(
    kb: KnowledgeBase,
) -> None:
    facts: dict[str, FactValue] = {
        "age": 58,
        "sex": "male",
        "loc.eyelid": True,
        "new_or_severe_headache": True,
    }
    listed = assess(kb, facts, now=NOW).unanswered_red_flags
    assert "pregnant" not in listed and "breastfeeding" not in listed
    assert "breathing_difficulty" in listed  # the other red flags are still named


def test_a_woman_of_30_with_a_new_headache_is_still_asked_about_pregnancy(
    kb: KnowledgeBase,
) -> None:
    facts: dict[str, FactValue] = {"age": 30, "sex": "female", "new_or_severe_headache": True}
    assert "pregnant" in assess(kb, facts, now=NOW).unanswered_red_flags


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(person=PEOPLE, answers=ANSWERS)
def test_no_unanswered_red_flag_is_one_the_interview_would_never_ask_this_person(
    person: dict[str, FactValue], answers: dict[str, FactValue]
) -> None:
    result = assess(KB, {**person, **answers}, now=NOW)
    facts = dict(result.facts)
    assert _never_asked(KB, facts, result.unanswered_red_flags) == []
    for fact in result.unanswered_red_flags:
        assert fact not in facts


def test_no_case_lists_an_unanswered_red_flag_the_interview_would_never_ask() -> None:
    for raw in CASES:
        result = assess(KB, raw, now=NOW)
        assert _never_asked(KB, dict(result.facts), result.unanswered_red_flags) == [], raw


def test_a_red_flag_is_not_listed_when_its_rule_is_already_ruled_out(kb: KnowledgeBase) -> None:
    """Feeling anxious matters here only after stopping heavy drinking; "nothing changed in
    medicines or drinking" rules that out, so it is no reason to get help now."""
    person: dict[str, FactValue] = {"age": 40, "sex": "male", "loc.calf": True}
    unsure = assess(kb, person, now=NOW).unanswered_red_flags
    assert "anxious_most_days" in unsure  # while drinking is unknown it can still matter
    ruled_out = assess(kb, {**person, "gw.medicine_change": False}, now=NOW)
    assert "anxious_most_days" not in ruled_out.unanswered_red_flags


def test_a_fact_tested_twice_by_a_rule_is_named_once_in_first_order() -> None:
    rule = AnyOf(
        any=[
            FactTest(fact="fever"),
            FactTest(fact="confusion"),
            FactTest(fact="fever"),
            FactTest(fact="stiff_neck"),
        ]
    )
    facts: dict[str, FactValue] = {"fever": True, "confusion": True, "stiff_neck": True}
    assert matched_facts(rule, facts) == ["fever", "confusion", "stiff_neck"]


def test_because_you_said_names_each_answer_once_in_every_case() -> None:
    for raw in CASES:
        result = assess(KB, raw, now=NOW)
        for reason in result.reasons:
            assert len(set(reason.facts)) == len(reason.facts), (reason.rule_id, reason.facts)
        for cause in result.causes:
            for hit in (*cause.supporting, *cause.opposing):
                assert len(set(hit.facts)) == len(hit.facts), (cause.id, hit.facts)
