"""Opening a diary creates or upgrades its schema, cheaply when it is already current."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from twitchcare.config import Settings, load_settings
from twitchcare.diary.days import get_day
from twitchcare.diary.episodes import list_episodes
from twitchcare.diary.profile import get_profile
from twitchcare.store import open_store
from twitchcare.store.engine import MIGRATIONS, make_engine, schema_revision, upgrade
from twitchcare.store.revision import HEAD_REVISION


def test_head_revision_constant_matches_the_shipped_migrations() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD_REVISION


def test_open_store_creates_the_schema_at_head(store_settings: Settings) -> None:
    store = open_store(store_settings)
    assert schema_revision(store.engine) == HEAD_REVISION
    store.close()


def test_default_store_is_sqlite_in_the_data_dir_with_wal_and_full_sync(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "d")
    store = open_store(settings)
    assert (tmp_path / "d" / "diary.sqlite3").exists()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.close()


def test_reopening_a_current_diary_does_not_run_migrations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(data_dir=tmp_path / "d")
    open_store(settings).close()

    def fail(*_args: object, **_kw: object) -> None:
        raise AssertionError("migrations ran on a current schema")

    monkeypatch.setattr("twitchcare.store.engine.upgrade", fail)
    open_store(settings).close()


def test_upgrade_from_the_first_schema_keeps_every_entry(store_settings: Settings) -> None:
    engine = make_engine(store_settings)
    upgrade(engine, "0001")
    assert schema_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO episodes (started_at, utc_offset_min, day, locations, side,"
                " duration_s, intensity, contexts, note) VALUES"
                " ('2026-11-20 21:10:00', 60, '2026-11-20', 'calf;thigh', 'left', 30, 3,"
                " 'under_stress', 'old entry')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO days (day, caffeine_mg, alcohol_units, stress_0_10, sleep_hours,"
                " exercise_min, magnesium_mg, relaxation_min, tags)"
                " VALUES ('2026-11-20', 300, 1, 6, 6.5, 30, NULL, 0, 'exams')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO profile (id, age, sex, pregnant, breastfeeding, athlete)"
                " VALUES (1, 34, 'female', false, false, true)"
            )
        )
    engine.dispose()

    store = open_store(store_settings)
    assert schema_revision(store.engine) == HEAD_REVISION
    [episode] = list_episodes(store)
    assert episode.locations == ("calf", "thigh")
    assert episode.started_at == dt.datetime(2026, 11, 20, 21, 10, tzinfo=dt.UTC)
    assert episode.started_at.utcoffset() == dt.timedelta(hours=1)
    assert episode.note == "old entry"
    day = get_day(store, dt.date(2026, 11, 20))
    assert day is not None and day.caffeine_mg == 300 and day.tags == ("exams",)
    profile = get_profile(store)
    assert profile is not None and profile.athlete and profile.weight_kg is None
    store.close()
