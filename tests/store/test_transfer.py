"""CSV import and export: a round trip reproduces the diary; a bad row imports nothing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from twitchcare.diary.days import list_days, set_day
from twitchcare.diary.episodes import add_episode, list_episodes
from twitchcare.diary.records import Episode
from twitchcare.diary.simulate import simulate_table, table_to_records
from twitchcare.diary.transfer import (
    days_csv,
    episodes_csv,
    import_records,
    parse_days_csv,
    parse_episodes_csv,
)
from twitchcare.errors import InputError
from twitchcare.store import DiaryStore

HEADER_E = "started_at,location,side,duration_s,intensity,context,note\n"
HEADER_D = (
    "date,caffeine_mg,alcohol_units,stress_0_10,sleep_hours,exercise_min,magnesium_mg,"
    "relaxation_min\n"
)


def _fill(store: DiaryStore) -> None:
    episodes, days = table_to_records(simulate_table(9, days=20), tz=ZoneInfo("Europe/Prague"))
    episodes.append(
        Episode(
            started_at=dt.datetime(2026, 1, 5, 7, 0, tzinfo=ZoneInfo("America/New_York")),
            locations=("eyelid", "face"),
            duration_s=1.25,
            note='comma, "quotes" and\na new line',
        )
    )
    import_records(store, episodes, days)
    set_day(store, dt.date(2026, 2, 1), {"stress_0_10": 4}, carry_over=False)


def test_export_then_import_reproduces_the_same_diary(store: DiaryStore, tmp_path: object) -> None:
    from twitchcare.config import load_settings
    from twitchcare.store import open_store

    _fill(store)
    e_csv, d_csv = episodes_csv(list_episodes(store)), days_csv(list_days(store))
    fresh = open_store(load_settings(data_dir=str(tmp_path) + "/fresh"))
    import_records(fresh, parse_episodes_csv(e_csv), parse_days_csv(d_csv))
    assert list_episodes(fresh) == list_episodes(store)
    assert [e.started_at.utcoffset() for e in list_episodes(fresh)] == [
        e.started_at.utcoffset() for e in list_episodes(store)
    ]
    assert list_days(fresh) == list_days(store)
    assert episodes_csv(list_episodes(fresh)) == e_csv
    fresh.close()


def test_importing_the_same_file_twice_adds_nothing_new(store: DiaryStore) -> None:
    _fill(store)
    before = list_episodes(store)
    added, _ = import_records(store, parse_episodes_csv(episodes_csv(before)), [])
    assert added == 0
    assert list_episodes(store) == before


def test_bad_row_is_reported_with_line_and_column_and_nothing_is_imported(
    store: DiaryStore,
) -> None:
    text = (
        HEADER_E
        + "2026-01-01T08:00:00+01:00,calf,left,30,3,,\n"
        + "2026-01-01T09:00:00+01:00,calf,left,-5,3,,\n"
    )
    with pytest.raises(InputError) as err:
        import_records(store, parse_episodes_csv(text), [])
    assert err.value.where == "episodes.csv line 3"
    assert err.value.field == "duration_s"
    assert list_episodes(store) == []


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("2026-01-01T08:00:00,calf,,,,,", "started_at"),
        ("2026-01-01T08:00:00+01:00,elbow,,,,,", "location"),
        ("2026-01-01T08:00:00+01:00,calf,up,,,,", "side"),
        ("2026-01-01T08:00:00+01:00,calf,,,9,,", "intensity"),
        ("2026-01-01T08:00:00+01:00,calf,,,three,,", "intensity"),
        ("2026-01-01T08:00:00+01:00,calf,,,,bored,", "context"),
        ("yesterday,calf,,,,,", "started_at"),
    ],
)
def test_import_rejects_bad_episode_values_naming_the_column(row: str, column: str) -> None:
    with pytest.raises(InputError) as err:
        parse_episodes_csv(HEADER_E + row + "\n")
    assert err.value.field == column
    assert err.value.where == "episodes.csv line 2"


def test_import_rejects_stress_above_ten_in_days(store: DiaryStore) -> None:
    text = HEADER_D + "2026-01-01,100,,5,7,,,\n2026-01-02,100,,11,7,,,\n"
    with pytest.raises(InputError) as err:
        parse_days_csv(text)
    assert (err.value.where, err.value.field) == ("days.csv line 3", "stress_0_10")
    assert list_days(store) == []


def test_import_rejects_a_date_given_twice() -> None:
    with pytest.raises(InputError) as err:
        parse_days_csv(HEADER_D + "2026-01-01,,,,,,,\n2026-01-01,,,,,,,\n")
    assert err.value.where == "days.csv line 3"


def test_import_rejects_a_missing_column() -> None:
    with pytest.raises(InputError) as err:
        parse_days_csv("date,caffeine_mg\n2026-01-01,100\n")
    assert err.value.field == "header"
    assert "line 1" in err.value.where


def test_empty_cells_mean_unknown() -> None:
    [day] = parse_days_csv(HEADER_D + "2026-01-01,,0,,,,,\n")
    assert day.caffeine_mg is None
    assert day.alcohol_units == 0.0


def test_imported_days_replace_stored_values_for_the_same_date(store: DiaryStore) -> None:
    set_day(store, dt.date(2026, 1, 1), {"caffeine_mg": 400})
    add_episode(store, Episode(dt.datetime(2026, 1, 1, 8, tzinfo=dt.UTC), ("calf",)))
    import_records(store, [], parse_days_csv(HEADER_D + "2026-01-01,100,,,,,,\n"))
    [day] = list_days(store)
    assert day.caffeine_mg == 100
