""" "More than one place" (NHS) means twitching that spreads to new places, or twitching all over
the body while awake: two places twitching at once, for a few days, is not by itself a reason for
a doctor (docs/safety-evaluation.md)."""

from __future__ import annotations

import pytest

from twitchcare.engine.facts import derive
from twitchcare.engine.triage import fired_rules
from twitchcare.kb import KnowledgeBase
from twitchcare.kb.logic import FactValue

RULE = "more-than-one-place"


def _fires(kb: KnowledgeBase, facts: dict[str, FactValue]) -> bool:
    known = derive(kb, {"age": 30, "sex": "male", **facts})
    return RULE in {r.rule_id for r in fired_rules(kb, known)}


@pytest.mark.parametrize(
    "places",
    [
        ["loc.eyelid", "loc.face"],  # a flicker of the lid and the cheek below it
        ["loc.thigh", "loc.calf"],  # thigh and calf the day after a long run
        ["loc.eyelid", "loc.hand"],  # thumb and eyelid in exam week
        ["loc.calf", "loc.forearm"],  # calves and forearms after digging on a hot afternoon
    ],
)
def test_places_twitching_at_once_without_spreading_are_not_by_themselves_for_a_doctor(
    kb: KnowledgeBase, places: list[str]
) -> None:
    assert not _fires(kb, {**dict.fromkeys(places, True), "duration_days": 3, "spreading": False})


@pytest.mark.parametrize(
    "places", [["loc.calf"], ["loc.calf", "loc.thigh"], ["loc.back", "loc.calf"]]
)
def test_twitching_that_spreads_to_new_places_is_for_a_doctor(
    kb: KnowledgeBase, places: list[str]
) -> None:
    assert _fires(kb, {**dict.fromkeys(places, True), "spreading": True})


def test_twitching_all_over_while_awake_is_for_a_doctor_and_at_sleep_onset_is_not(
    kb: KnowledgeBase,
) -> None:
    assert _fires(kb, {"loc.whole_body": True, "awake_twitching": True})
    assert not _fires(kb, {"loc.whole_body": True, "awake_twitching": False})


def test_two_places_for_more_than_two_weeks_still_go_to_a_doctor(kb: KnowledgeBase) -> None:
    known = derive(kb, {"age": 30, "loc.eyelid": True, "loc.calf": True, "duration_days": 20})
    assert "lasts-over-two-weeks" in {r.rule_id for r in fired_rules(kb, known)}
