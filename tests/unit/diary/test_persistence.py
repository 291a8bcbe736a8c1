"""Persistence (more than 14 days, most days) and recurrence (back after 7+ free days)."""

from __future__ import annotations

import datetime as dt

from twitchcare.diary.persistence import detect

TODAY = dt.date(2026, 11, 25)


def _days(start: dt.date, n: int, every: int = 1) -> dict[dt.date, int]:
    return {start + dt.timedelta(days=i): 2 for i in range(0, n, every)}


def test_twitching_every_day_for_fifteen_days_is_persistent() -> None:
    result = detect(_days(TODAY - dt.timedelta(days=14), 15), TODAY)
    assert result.persistent
    assert result.facts == {"diary_persistent": True, "diary_returning": False}
    assert result.source_id == "nhs-twitching"
    assert "more than 14 days" in result.reason
    assert "2 weeks" in result.reason


def test_fourteen_days_of_twitching_is_not_yet_persistent() -> None:
    result = detect(_days(TODAY - dt.timedelta(days=13), 14), TODAY)
    assert not result.persistent
    assert result.facts["diary_persistent"] is False


def test_twitching_on_only_a_third_of_days_over_a_month_is_not_persistent() -> None:
    result = detect(_days(TODAY - dt.timedelta(days=29), 30, every=3), TODAY)
    assert not result.persistent


def test_twitching_on_most_days_with_short_gaps_is_persistent() -> None:
    counts = _days(TODAY - dt.timedelta(days=20), 21)
    for gap in (3, 4, 10, 11, 12):
        counts.pop(TODAY - dt.timedelta(days=gap))
    assert detect(counts, TODAY).persistent


def test_twitching_back_after_seven_free_days_is_returning() -> None:
    counts = _days(dt.date(2026, 11, 1), 3) | _days(dt.date(2026, 11, 11), 2)  # free 4th-10th
    result = detect(counts, TODAY)
    assert result.returning and not result.persistent
    assert result.facts == {"diary_persistent": False, "diary_returning": True}
    assert "2026-11-11" in result.reason and "7 free days" in result.reason


def test_six_free_days_do_not_make_a_return() -> None:
    counts = _days(dt.date(2026, 11, 1), 3) | _days(dt.date(2026, 11, 10), 2)  # free 4th-9th
    assert not detect(counts, TODAY).returning


def test_empty_diary_is_neither_persistent_nor_returning() -> None:
    result = detect({}, TODAY)
    assert result.facts == {"diary_persistent": False, "diary_returning": False}
    assert result.reason


def test_days_with_zero_episodes_and_future_days_are_ignored() -> None:
    counts = {TODAY - dt.timedelta(days=i): 0 for i in range(30)}
    counts[TODAY + dt.timedelta(days=3)] = 5
    assert detect(counts, TODAY).facts == {"diary_persistent": False, "diary_returning": False}
