"""What a person types becomes record values, or one clear error."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from twitchcare.diary.parsing import (
    parse_contexts,
    parse_date,
    parse_duration,
    parse_locations,
    parse_side,
    parse_when,
    zone,
)
from twitchcare.errors import InputError

PRAGUE = ZoneInfo("Europe/Prague")
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=PRAGUE)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("2 min", 120), ("1m30s", 90), ("1.5 min", 90), ("45", 45), ("1 h", 3600)],
)
def test_parse_duration_accepts_short_forms(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "30 parsecs", "-5s", "2 days"])
def test_parse_duration_rejects_text_that_is_not_a_duration(text: str) -> None:
    with pytest.raises(InputError) as err:
        parse_duration(text)
    assert err.value.field == "duration"


def test_parse_when_reads_yesterday_with_a_time_in_the_given_zone() -> None:
    at = parse_when("yesterday 22:10", now=NOW, tz=PRAGUE)
    assert at == dt.datetime(2026, 11, 24, 22, 10, tzinfo=PRAGUE)
    assert at.utcoffset() == dt.timedelta(hours=1)


def test_parse_when_keeps_an_explicit_offset() -> None:
    at = parse_when("2026-11-24T22:10+05:30", now=NOW)
    assert at.utcoffset() == dt.timedelta(hours=5, minutes=30)


def test_parse_when_defaults_to_now() -> None:
    assert parse_when(None, now=NOW, tz=PRAGUE) == NOW


def test_parse_when_rejects_a_time_in_the_future() -> None:
    with pytest.raises(InputError) as err:
        parse_when("22:10", now=NOW, tz=PRAGUE)
    assert "future" in err.value.problem


def test_parse_when_rejects_nonsense() -> None:
    with pytest.raises(InputError) as err:
        parse_when("last tuesdayish", now=NOW)
    assert err.value.field == "at"


def test_parse_when_without_zone_uses_the_local_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        at = parse_when("2026-07-01 08:00", now=NOW)
        assert at.utcoffset() == dt.timedelta(hours=-4)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_unknown_zone_is_an_input_error() -> None:
    with pytest.raises(InputError):
        zone("Mars/Olympus")


def test_locations_accept_aliases_and_lists() -> None:
    assert parse_locations("eye") == ("eyelid",)
    assert parse_locations("thigh;calf,calf") == ("thigh", "calf")


def test_unknown_location_suggests_the_closest_one() -> None:
    with pytest.raises(InputError) as err:
        parse_locations("calff")
    assert "did you mean 'calf'" in err.value.hint


def test_contexts_accept_short_words() -> None:
    assert parse_contexts("stress;caffeine") == ("under_stress", "after_caffeine")
    assert parse_contexts("") == ()


def test_side_rejects_unknown_values() -> None:
    assert parse_side("L") == "left"
    with pytest.raises(InputError):
        parse_side("middle")


def test_parse_date_reads_words_and_iso_dates() -> None:
    today = dt.date(2026, 11, 25)
    assert parse_date("yesterday", today=today) == dt.date(2026, 11, 24)
    assert parse_date("2026-11-01", today=today) == dt.date(2026, 11, 1)
    with pytest.raises(InputError):
        parse_date("11/01/2026", today=today)


def test_every_word_the_interview_takes_for_a_place_is_taken_by_the_diary() -> None:
    from twitchcare.diary.parsing import parse_locations
    from twitchcare.locations import PLACE_ALIASES

    for place, aliases in PLACE_ALIASES.items():
        for alias in aliases:
            assert parse_locations(alias) == (place,), alias
    assert parse_locations("tummy") == ("abdomen",)
