"""Episodes, days, intake, profile and assessments survive a round trip through the database."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from twitchcare.diary.assessments import list_assessments, save_assessment
from twitchcare.diary.days import day_totals, get_day, list_days, set_day
from twitchcare.diary.episodes import add_episode, counts_by_day, list_episodes
from twitchcare.diary.intake import IntakeEntry, add_intake, intake_for_day
from twitchcare.diary.profile import Profile, get_profile, set_profile
from twitchcare.diary.records import Episode
from twitchcare.errors import InputError
from twitchcare.store import DiaryStore

PRAGUE = ZoneInfo("Europe/Prague")


def test_episode_keeps_its_local_time_offset_and_fields(store: DiaryStore) -> None:
    started = dt.datetime(2026, 11, 24, 23, 30, tzinfo=PRAGUE)
    episode = Episode(
        started_at=started,
        locations=("eyelid",),
        side="left",
        duration_s=30.0,
        intensity=2,
        contexts=("under_stress", "after_caffeine"),
        note="exam week",
    )
    new_id = add_episode(store, episode)
    [back] = list_episodes(store)
    assert back.id == new_id
    assert back == episode
    assert back.started_at.utcoffset() == dt.timedelta(hours=1)
    assert back.day == dt.date(2026, 11, 24)  # local day, although UTC is still the 24th too


def test_episode_day_is_the_local_date_not_the_utc_date(store: DiaryStore) -> None:
    late = dt.datetime(2026, 11, 25, 0, 30, tzinfo=PRAGUE)  # 23:30 UTC on the 24th
    add_episode(store, Episode(started_at=late, locations=("calf",)))
    assert counts_by_day(store) == {dt.date(2026, 11, 25): 1}


def test_add_episode_rejects_an_unknown_location_and_stores_nothing(store: DiaryStore) -> None:
    bad = Episode(started_at=dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC), locations=("elbow",))
    with pytest.raises(InputError) as err:
        add_episode(store, bad)
    assert err.value.field == "location"
    assert list_episodes(store) == []


def test_new_day_carries_over_the_previous_days_factors(store: DiaryStore) -> None:
    set_day(
        store, dt.date(2026, 11, 20), {"caffeine_mg": 300, "stress_0_10": 6, "sleep_hours": 6.5}
    )
    today = set_day(store, dt.date(2026, 11, 22), {"stress_0_10": 3})
    assert today.caffeine_mg == 300
    assert today.sleep_hours == 6.5
    assert today.stress_0_10 == 3
    assert get_day(store, dt.date(2026, 11, 22)) == today


def test_updating_a_day_keeps_factors_not_given(store: DiaryStore) -> None:
    set_day(store, dt.date(2026, 11, 20), {"caffeine_mg": 300, "alcohol_units": 2})
    set_day(store, dt.date(2026, 11, 20), {"alcohol_units": 0})
    [day] = list_days(store)
    assert (day.caffeine_mg, day.alcohol_units) == (300, 0)


def test_set_day_rejects_stress_above_ten(store: DiaryStore) -> None:
    with pytest.raises(InputError) as err:
        set_day(store, dt.date(2026, 11, 20), {"stress_0_10": 11})
    assert err.value.field == "stress_0_10"
    assert list_days(store) == []


def test_add_intake_stores_the_item_and_the_day_total_follows_the_rule(store: DiaryStore) -> None:
    day = dt.date(2026, 11, 24)
    set_day(store, day, {"caffeine_mg": 100, "sleep_hours": 7})
    spinach = IntakeEntry(
        day=day,
        kind="food",
        description="1 cup (180 g) Spinach, cooked, boiled",
        grams=180.0,
        magnesium_mg=157.0,
        caffeine_mg=0.0,
        alcohol_units=0.0,
        food_id="11458",
    )
    coffee = IntakeEntry(day, "drink", "1 mug coffee", 240.0, 7.0, 95.0, 0.0, None)
    first = add_intake(store, spinach)
    second = add_intake(store, coffee)
    assert second > first
    assert intake_for_day(store, day) == [spinach, coffee]
    [totals] = day_totals(store)
    assert totals.magnesium_mg == pytest.approx(164.0)  # nothing stated: the sum of the entries
    # 100 mg stated for the day, 95 mg listed: the stated figure already covers the mug
    assert totals.caffeine_mg == pytest.approx(100.0)
    assert totals.alcohol_units is None  # neither item had alcohol: still not known, not zero
    assert totals.sleep_hours == 7
    stated = get_day(store, day)
    assert stated is not None
    assert (stated.magnesium_mg, stated.caffeine_mg) == (None, 100)  # entries are not written in


def test_add_intake_on_a_new_day_counts_from_zero_without_carrying_over(
    store: DiaryStore,
) -> None:
    set_day(store, dt.date(2026, 11, 23), {"caffeine_mg": 400})
    beer = IntakeEntry(dt.date(2026, 11, 24), "drink", "500 ml beer 5%", None, 20.0, 0.0, 2.5, None)
    add_intake(store, beer)
    [_, totals] = day_totals(store)
    # yesterday's coffee is not today's, and a beer says nothing about today's caffeine
    assert (totals.caffeine_mg, totals.alcohol_units, totals.magnesium_mg) == (None, 2.5, 20.0)


def test_add_intake_rejects_negative_magnesium(store: DiaryStore) -> None:
    bad = IntakeEntry(dt.date(2026, 11, 24), "food", "x", None, -1.0, 0.0, 0.0, None)
    with pytest.raises(InputError):
        add_intake(store, bad)
    assert intake_for_day(store, dt.date(2026, 11, 24)) == []


def test_profile_is_absent_until_set_and_then_replaced(store: DiaryStore) -> None:
    assert get_profile(store) is None
    set_profile(store, Profile(age=31, sex="female", pregnant=True))
    set_profile(store, Profile(age=32, sex="female", breastfeeding=True, weight_kg=61.5))
    assert get_profile(store) == Profile(age=32, sex="female", breastfeeding=True, weight_kg=61.5)


def test_profile_rejects_pregnancy_for_sex_male(store: DiaryStore) -> None:
    with pytest.raises(InputError):
        set_profile(store, Profile(age=40, sex="male", pregnant=True))
    assert get_profile(store) is None


def test_saved_assessment_keeps_answers_result_and_kb_version(store: DiaryStore) -> None:
    at = dt.datetime(2026, 11, 24, 20, 0, tzinfo=PRAGUE)
    answers = {"locations": ["calf"], "weakness": "no", "onset_days": 10}
    result = {"triage": "self_care", "causes": [{"id": "exercise", "probability": 0.4}]}
    new_id = save_assessment(store, answers, result, "2026.11.0", at)
    [saved] = list_assessments(store)
    assert saved.id == new_id
    assert (saved.answers, saved.result, saved.kb_version) == (answers, result, "2026.11.0")
    assert saved.at == at
