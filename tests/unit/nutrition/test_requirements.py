"""Magnesium targets (NIH ODS RDA table), the supplement upper limit and higher-need groups."""

from __future__ import annotations

import pytest

from twitchcare.errors import InputError
from twitchcare.nutrition.requirements import magnesium_target, supplement_limit


@pytest.mark.parametrize(
    ("age", "sex", "pregnant", "breastfeeding", "mg"),
    [
        (0.3, "female", False, False, 30),
        (2, "male", False, False, 80),
        (10, "female", False, False, 240),
        (16, "male", False, False, 410),
        (16, "female", True, False, 400),
        (25, "female", False, False, 310),
        (25, "female", True, False, 350),
        (40, "male", False, False, 420),
        (40, "female", True, False, 360),
        (40, "female", False, True, 320),
        (70, "female", False, False, 320),
    ],
)
def test_target_follows_the_ods_table(
    age: float, sex: str, pregnant: bool, breastfeeding: bool, mg: float
) -> None:
    target = magnesium_target(age, sex, pregnant=pregnant, breastfeeding=breastfeeding)
    assert target.mg == mg
    assert target.source == "nih-ods-magnesium"


def test_athletes_and_stressed_people_get_no_invented_extra() -> None:
    plain = magnesium_target(30, "male")
    target = magnesium_target(30, "male", athlete=True, stressed=True)
    assert target.mg == plain.mg
    assert all(not n.has_separate_value for n in target.notes)
    assert {n.group for n in target.notes} == {"athletes", "stressed people"}
    assert all("no separate" in n.statement for n in target.notes)


@pytest.mark.parametrize(("age", "limit"), [(0.5, None), (2, 65), (6, 110), (9, 350), (45, 350)])
def test_supplement_upper_limit_by_age(age: float, limit: float | None) -> None:
    assert supplement_limit(age).mg == limit


@pytest.mark.parametrize(
    ("age", "sex", "pregnant", "field"),
    [(-1, "male", False, "age"), (30, "other", False, "sex"), (30, "male", True, "pregnant")],
)
def test_impossible_people_are_refused(age: float, sex: str, pregnant: bool, field: str) -> None:
    with pytest.raises(InputError) as caught:
        magnesium_target(age, sex, pregnant=pregnant)
    assert caught.value.field == field


def test_days_are_today_yesterday_or_iso_dates() -> None:
    import datetime as dt

    from twitchcare.nutrition.person import parse_day

    today = dt.date(2026, 11, 25)
    assert parse_day(None, today=today) == today
    assert parse_day("yesterday", today=today) == dt.date(2026, 11, 24)
    assert parse_day("2026-01-02", today=today) == dt.date(2026, 1, 2)
    with pytest.raises(InputError) as caught:
        parse_day("next tuesday", today=today)
    assert caught.value.field == "date"
