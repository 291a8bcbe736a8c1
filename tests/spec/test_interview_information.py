"""The interview asks for the causes what is most likely to change them, per item read, and stops
when nothing left is worth the reading; an emergency stop says its causes are incomplete."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.spec.conftest import NOW
from twitchcare.engine import assess
from twitchcare.engine.causes import rank_causes
from twitchcare.engine.facts import derive, with_gateway_answers
from twitchcare.engine.information import LEADING, CauseOutlook
from twitchcare.engine.interview import (
    WORTH_PER_ITEM,
    CausePage,
    Interview,
    best_within,
    simulate,
)
from twitchcare.engine.kb_index import kb_index
from twitchcare.evaluation.cases import case_facts, case_paths, load_case, profile_facts
from twitchcare.kb import KnowledgeBase
from twitchcare.kb.logic import FactValue

PROFILE: dict[str, FactValue] = {"age": 35, "sex": "female"}
CASES = [
    c
    for c in (load_case(p) for p in case_paths([Path(__file__).parents[1] / "cases"]))
    if c.expected is not None
][::7]


def _answer_from(kb: KnowledgeBase, interview: Interview, full: dict[str, FactValue]) -> None:
    """Answer the next page as the simulation does: tick-lists as a whole."""
    step = interview.next_step()
    assert step is not None
    answers = {f: full.get(f) for f in step.screen.facts}
    if step.screen.kind == "checklist" and any(v is not None for v in answers.values()):
        answers = {
            f: (False if v is None and kb.facts[f].kind == "boolean" else v)
            for f, v in answers.items()
        }
    interview.answer(step.screen.id, answers)


def _asked(kb: KnowledgeBase, full: dict[str, FactValue]) -> list[str]:
    full = with_gateway_answers(kb, {**PROFILE, **full})
    interview = Interview(kb, known=PROFILE)
    while interview.next_step() is not None:
        _answer_from(kb, interview, full)
    return list(interview.asked)


def test_an_eyelid_twitch_is_never_shown_the_nerve_and_muscle_checklists(
    kb: KnowledgeBase,
) -> None:
    asked = _asked(kb, {"loc.eyelid": True, "duration_days": 5, "sleep_hours": 5})
    assert not {"weakness", "spasm_tingling", "back_bladder"} & set(asked)


def _best_total(pages: list[CausePage], room: int) -> float:
    """The most value any set of ``pages`` fitting ``room`` items holds, by trying every set."""
    if not pages:
        return 0.0
    first, rest = pages[0], pages[1:]
    without = _best_total(rest, room)
    if first.cost > room:
        return without
    return max(without, first.value + _best_total(rest, room - first.cost))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_each_page_asked_for_the_causes_belongs_to_the_set_worth_most_within_the_budget(
    kb: KnowledgeBase, case: object
) -> None:
    """Property over case files: every page chosen for the causes is worth its reading, and some
    set of pages that fits the items left, holding it, is worth as much as the best set that
    fits (every set tried, not the knapsack); the interview stops only when no page reaches
    ``WORTH_PER_ITEM``."""
    full = with_gateway_answers(kb, case_facts(case))  # type: ignore[arg-type]
    interview = Interview(kb, known=profile_facts(case))  # type: ignore[arg-type]
    while (step := interview.next_step()) is not None:
        if step.purpose == "causes" and step.reason != "details of what you ticked":
            worth = [p for p in interview.cause_pages() if p.value >= WORTH_PER_ITEM * p.effort]
            chosen = next(p for p in worth if p.screen.id == step.screen.id)
            others = [p for p in worth if p is not chosen]
            room = interview.item_budget - interview.items_shown
            with_chosen = chosen.value + _best_total(others, room - chosen.cost)
            assert with_chosen >= _best_total(worth, room) - 1e-9, step.screen.id
        _answer_from(kb, interview, full)
    if interview.result(now=NOW).level != "emergency":
        assert all(p.value < WORTH_PER_ITEM * p.effort for p in interview.cause_pages())


def test_a_longer_page_worth_more_than_two_short_ones_is_kept_room_for(kb: KnowledgeBase) -> None:
    """Greedy by value per item would take the two short pages and leave no room for the long
    one; within 8 items the long one alone is worth more."""
    screens = kb.screens
    short_a = CausePage(screen=screens[0], value=0.20, effort=5, cost=4)
    short_b = CausePage(screen=screens[1], value=0.10, effort=5, cost=4)
    long = CausePage(screen=screens[2], value=0.35, effort=9, cost=8)
    assert best_within([short_a, short_b, long], 8) == [long]
    assert best_within([short_a, short_b, long], 16) == [short_a, short_b, long]
    assert best_within([short_a, short_b, long], 3) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_look_ahead_ranks_the_causes_as_the_result_would(
    kb: KnowledgeBase, case: object
) -> None:
    """The quick re-ranking for one more answer gives the leading causes the result would."""
    facts = derive(kb, {k: v for k, v in case_facts(case).items() if k.startswith("loc.")})  # type: ignore[arg-type]
    outlook = CauseOutlook(kb, facts)
    for fact_id in ("eyes_forced_shut", "urge_to_move_legs", "duration_days", "weakness"):
        if fact_id in facts:
            continue
        for value, _chance in outlook.outcomes(fact_id):
            expected = [c.id for c in rank_causes(kb, {**facts, fact_id: value})][:LEADING]
            assert list(outlook.ranking_with(fact_id, value)) == expected, (fact_id, value)


def test_a_sign_that_would_open_a_gated_cause_is_worth_asking(kb: KnowledgeBase) -> None:
    facts = derive(kb, {"age": 60, "sex": "female", "loc.eyelid": True, "side": "both"})
    outlook = CauseOutlook(kb, facts)
    assert "blepharospasm" not in [c.id for c in rank_causes(kb, facts)]
    assert outlook.fact_value("eyes_forced_shut") > 0


def test_the_chances_of_an_answer_add_up_to_one(kb: KnowledgeBase) -> None:
    outlook = CauseOutlook(kb, derive(kb, {**PROFILE, "loc.calf": True}))
    for fact_id in ("duration_days", "sleep_hours", "side", "urge_to_move_legs"):
        chances = [chance for _value, chance in outlook.outcomes(fact_id)]
        assert len(chances) >= 2
        assert sum(chances) == pytest.approx(1.0)


def test_a_ticked_overview_line_makes_its_details_likely(kb: KnowledgeBase) -> None:
    before = CauseOutlook(kb, derive(kb, {**PROFILE, "loc.calf": True}))
    after = CauseOutlook(kb, derive(kb, {**PROFILE, "loc.calf": True, "gw.legs": True}))
    assert after.chance_of_yes("urge_to_move_legs") >= 0.5
    assert after.chance_of_yes("urge_to_move_legs") > before.chance_of_yes("urge_to_move_legs")


def test_a_fact_no_cause_reads_is_worth_nothing_for_the_causes(kb: KnowledgeBase) -> None:
    outlook = CauseOutlook(kb, derive(kb, PROFILE))
    unread = [
        f for f in kb.facts if f not in kb_index(kb).conditions_on and not f.startswith("gw.")
    ]
    assert unread
    assert all(outlook.fact_value(f) == 0.0 for f in unread)


def test_a_line_ticked_on_a_page_for_the_causes_is_followed_by_its_details(
    kb: KnowledgeBase,
) -> None:
    full = with_gateway_answers(
        kb, {**PROFILE, "loc.calf": True, "spreading": True, "urge_to_move_legs": True}
    )
    # Room for every page: what is asked within the budget is another test's business.
    interview = Interview(kb, known=PROFILE, item_budget=1000)
    steps = []
    while (step := interview.next_step()) is not None:
        steps.append((step.screen.id, step.purpose))
        _answer_from(kb, interview, full)
    assert ("other", "causes") in steps, "the page with the legs line is asked for the causes"
    assert steps[steps.index(("other", "causes")) + 1] == ("legs", "causes")


def test_an_emergency_stop_says_its_causes_are_incomplete(kb: KnowledgeBase) -> None:
    full: dict[str, FactValue] = {**PROFILE, "loc.face": True, "face_drooping": True}
    stopped = simulate(kb, full, known=PROFILE, now=NOW)
    assert stopped.level == "emergency"
    assert stopped.certainty == "incomplete"
    assert assess(kb, full, now=NOW).certainty != "incomplete"


def test_an_emergency_stop_lists_only_causes_that_something_told_points_to(
    kb: KnowledgeBase,
) -> None:
    """Base rates of causes never asked about must not stand above a cause with evidence."""
    full: dict[str, FactValue] = {
        **PROFILE,
        "loc.hand": True,
        "sudden_weakness_one_side": True,
        "speech_or_language_difficulty": True,
        "onset_days.sudden_weakness_one_side": 0.1,
        "onset_days.speech_or_language_difficulty": 0.1,
    }
    stopped = simulate(kb, full, known=PROFILE, now=NOW)
    assert stopped.certainty == "incomplete"
    assert "stroke" in [c.id for c in stopped.causes]
    assert all(c.supporting for c in stopped.causes)
    everything = assess(kb, full, now=NOW)
    assert any(not c.supporting for c in everything.causes), "the full result keeps base rates"
