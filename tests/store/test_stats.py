"""``compute_stats`` reads the stored diary once and reports course, persistence and factors."""

from __future__ import annotations

import datetime as dt

from twitchcare.diary.days import set_day
from twitchcare.diary.episodes import add_episode
from twitchcare.diary.records import Episode
from twitchcare.diary.stats import compute_stats
from twitchcare.store import DiaryStore

TODAY = dt.date(2026, 11, 25)


def _log(store: DiaryStore, day: dt.date, n: int, location: str = "calf") -> None:
    for i in range(n):
        at = dt.datetime.combine(day, dt.time(8 + i), dt.UTC)
        add_episode(store, Episode(started_at=at, locations=(location,)))


def test_stats_show_a_rising_trend_and_locations_by_month(store: DiaryStore) -> None:
    for back in range(14):
        day = TODAY - dt.timedelta(days=back)
        set_day(store, day, {"stress_0_10": 5}, carry_over=False)
        _log(store, day, 3 if back < 7 else 1, "eyelid" if back == 13 else "calf")
    stats = compute_stats(store, TODAY)
    assert stats.days_logged == 14
    assert stats.episodes == 7 * 3 + 7 * 1
    assert stats.course.per_day_last_7 == 3.0
    assert stats.course.per_day_previous_7 == 1.0
    assert stats.course.trend == "rising"
    assert stats.course.days_since_last == 0
    assert stats.course.locations == {"calf": 27, "eyelid": 1}
    assert stats.course.locations_by_month == {"2026-11": {"calf": 27, "eyelid": 1}}


def test_stats_report_persistence_after_more_than_two_weeks(store: DiaryStore) -> None:
    for back in range(16):
        _log(store, TODAY - dt.timedelta(days=back), 1)
    stats = compute_stats(store, TODAY)
    assert stats.persistence.facts == {"diary_persistent": True, "diary_returning": False}
    assert {f.verdict for f in stats.factors} == {"not_enough_data"}


def test_days_with_factors_and_no_episodes_count_as_zero(store: DiaryStore) -> None:
    set_day(store, TODAY - dt.timedelta(days=1), {"caffeine_mg": 0})
    _log(store, TODAY, 2)
    stats = compute_stats(store, TODAY)
    assert stats.days_logged == 2
    assert stats.episodes == 2


def test_detect_in_store_gives_the_facts_the_assessment_reads(store: DiaryStore) -> None:
    from twitchcare.diary.persistence import detect_in_store

    _log(store, TODAY - dt.timedelta(days=20), 1)
    _log(store, TODAY - dt.timedelta(days=2), 1)
    result = detect_in_store(store, TODAY)
    assert result.facts == {"diary_persistent": False, "diary_returning": True}
    assert result.source_id == "nhs-twitching"
