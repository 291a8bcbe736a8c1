""" "More than one place" means more than one part of the body, counted from the body map."""

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
        ["loc.upper_arm", "loc.forearm", "loc.hand"],
        ["loc.calf"],
    ],
)
def test_neighbouring_places_in_one_part_of_the_body_count_as_one(
    kb: KnowledgeBase, places: list[str]
) -> None:
    assert not _fires(kb, dict.fromkeys(places, True))


@pytest.mark.parametrize(
    "places",
    [
        ["loc.eyelid", "loc.hand"],
        ["loc.calf", "loc.forearm"],
        ["loc.neck", "loc.thigh"],
        ["loc.back", "loc.calf"],
    ],
)
def test_twitching_in_two_parts_of_the_body_is_for_a_doctor(
    kb: KnowledgeBase, places: list[str]
) -> None:
    assert _fires(kb, dict.fromkeys(places, True))


def test_the_body_map_pages_count_the_same_as_a_list_of_places(kb: KnowledgeBase) -> None:
    """The interview's region-first answers and a case file's list give the same count."""
    interview = derive(
        kb,
        {"region.head": True, "region.legs": True, "loc.eyelid": True, "loc.calf": True},
    )
    listed = derive(kb, {"loc.eyelid": True, "loc.calf": True})
    assert interview["region_count"] == listed["region_count"] == 2


def test_spreading_still_counts_within_one_part(kb: KnowledgeBase) -> None:
    assert _fires(kb, {"loc.calf": True, "loc.thigh": True, "spreading": True})
