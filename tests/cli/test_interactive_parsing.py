"""Lay answers typed in the terminal become fact values, or a one-line reason to ask again."""

from __future__ import annotations

import datetime as dt

import pytest

from twitchcare.cli import parsing
from twitchcare.errors import InputError
from twitchcare.kb import load_kb
from twitchcare.kb.models import Fact

TODAY = dt.date(2026, 11, 25)  # a Wednesday
KB = load_kb()
LOCATIONS = [f for f in KB.facts.values() if f.id.startswith("loc.")]


def fact(fact_id: str) -> Fact:
    return KB.facts[fact_id]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("5", 5),
        ("3 days", 3),
        ("2 weeks", 14),
        ("two weeks ago", 14),
        ("a few days", 3),
        ("for about 6 months", 180),
        ("1 year", 365),
        ("3d", 3),
        ("this morning", 0),
        ("yesterday", 1),
        ("last week", 7),
        ("since March", 269),
        ("since 1 November", 24),
        ("since 2026-11-20", 5),
        ("since Monday", 2),
        ("half a year", 182),
    ],
)
def test_lay_durations_become_days(text: str, days: float) -> None:
    assert parsing.parse_days(text, today=TODAY) == days


@pytest.mark.parametrize("text", ["since 2024", "2024", "in 2024", "since about 2024"])
def test_a_year_alone_means_since_the_first_of_january_and_says_so(text: str) -> None:
    assert parsing.parse_days(text, today=TODAY) == (TODAY - dt.date(2024, 1, 1)).days  # not 2024
    assert parsing.year_note(text, today=TODAY) == "read as since 1 January 2024 (1059 days)"


@pytest.mark.parametrize("text", ["since 2030", "1850"])
def test_a_future_or_pre_1900_year_is_refused_not_guessed(text: str) -> None:
    with pytest.raises(InputError):
        parsing.parse_days(text, today=TODAY)


def test_a_month_in_the_future_means_that_month_last_year() -> None:
    assert parsing.parse_days("since December", today=TODAY) == 359


@pytest.mark.parametrize("text", ["soon", "5 apples", "since tomorrowish", ""])
def test_unreadable_durations_are_rejected_with_examples(text: str) -> None:
    with pytest.raises(InputError) as err:
        parsing.parse_days(text, today=TODAY)
    assert "2 weeks" in err.value.hint


def test_a_number_may_carry_its_unit_but_not_another_word() -> None:
    assert parsing.parse_number(fact("sleep_hours"), "7.5 hours", today=TODAY) == 7.5
    assert parsing.parse_number(fact("sleep_hours"), "6,5", today=TODAY) == 6.5
    assert parsing.parse_number(fact("caffeine_mg_per_day"), "200mg", today=TODAY) == 200
    with pytest.raises(InputError, match="not a number"):
        parsing.parse_number(fact("caffeine_mg_per_day"), "3 coffees", today=TODAY)


def test_a_number_out_of_its_range_names_the_range() -> None:
    with pytest.raises(InputError) as err:
        parsing.parse_number(fact("stress_0_10"), "11", today=TODAY)
    assert err.value.one_line() == "answer: 11 is out of range (allowed 0 to 10)"


def test_days_facts_accept_lay_durations() -> None:
    assert parsing.parse_number(fact("duration_days"), "3 weeks", today=TODAY) == 21


@pytest.mark.parametrize(
    ("text", "value"), [("y", True), ("Yes", True), ("n", False), ("no", False)]
)
def test_yes_and_no_in_several_spellings(text: str, value: bool) -> None:
    assert parsing.parse_yes_no(text) is value


def test_choices_by_number_id_or_start_of_label() -> None:
    pattern = fact("pattern")
    assert parsing.parse_choice(pattern, "2") == "comes_and_goes"
    assert parsing.parse_choice(pattern, "constant") == "constant"
    assert parsing.parse_choice(pattern, "it comes") == "comes_and_goes"
    with pytest.raises(InputError):
        parsing.parse_choice(pattern, "it")  # starts more than one label


def test_checklist_selection_reads_lists_ranges_and_none() -> None:
    assert parsing.parse_selection("1 3", 5) == {1, 3}
    assert parsing.parse_selection("1,3 and 5", 5) == {1, 3, 5}
    assert parsing.parse_selection("2-4", 5) == {2, 3, 4}
    assert parsing.parse_selection("none", 5) == set()
    assert parsing.parse_selection("0", 5) == set()
    with pytest.raises(InputError, match="no item 6"):
        parsing.parse_selection("6", 5)


def test_body_map_reads_numbers_and_names_mixed() -> None:
    picked = parsing.parse_locations("1 3 calf", LOCATIONS)
    names = {LOCATIONS[i - 1].id for i in picked}
    assert names == {"loc.eyelid", "loc.lips_or_mouth", "loc.calf"}


def test_body_map_reads_two_word_places_and_everyday_words() -> None:
    picked = parsing.parse_locations("upper arm, tummy and all over", LOCATIONS)
    names = {LOCATIONS[i - 1].id for i in picked}
    assert names == {"loc.upper_arm", "loc.abdomen", "loc.whole_body"}


def test_body_map_rejects_a_place_it_does_not_know() -> None:
    with pytest.raises(InputError, match="'knee' is not a place"):
        parsing.parse_locations("calf knee", LOCATIONS)


@pytest.mark.parametrize(
    ("text", "kind", "item"),
    [
        ("?", "dont_know", None),
        ("Don’t know", "dont_know", None),
        ("b", "back", None),
        ("q", "quit", None),
        ("h", "help", None),
        ("h 3", "help", 3),
        ("?3", "help", 3),
    ],
)
def test_steering_words_are_understood_at_every_prompt(
    text: str, kind: str, item: int | None
) -> None:
    cmd = parsing.command(text)
    assert cmd is not None
    assert (cmd.kind, cmd.item) == (kind, item)


def test_medicines_are_separated_by_commas_and_none_is_an_empty_list() -> None:
    assert parsing.parse_list("Omeprazole, salbutamol and sertraline") == [
        "omeprazole",
        "salbutamol",
        "sertraline",
    ]
    assert parsing.parse_list("none") == []
