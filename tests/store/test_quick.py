"""The stdlib fast path for ``log`` writes exactly what the SQLAlchemy path writes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

from twitchcare.config import load_settings
from twitchcare.diary.episodes import add_episode, list_episodes, to_row_values
from twitchcare.diary.records import Episode
from twitchcare.store import open_store
from twitchcare.store.quick import append_row, sqlite_path
from twitchcare.store.revision import HEAD_REVISION

EPISODE = Episode(
    started_at=dt.datetime(2026, 11, 24, 22, 10, 5, tzinfo=ZoneInfo("Europe/Prague")),
    locations=("calf", "thigh"),
    side="both",
    duration_s=30.0,
    intensity=4,
    contexts=("at_rest",),
    note="n",
)


def test_fast_path_rows_read_back_like_store_rows(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path)
    store = open_store(settings)
    add_episode(store, EPISODE)
    path = sqlite_path(settings.effective_database_url)
    assert path is not None
    assert append_row(path, "episodes", to_row_values(EPISODE)) == 2
    first, second = list_episodes(store)
    store.close()
    assert first == second == EPISODE
    raw = sqlite3.connect(path).execute("SELECT * FROM episodes").fetchall()
    assert raw[0][1:] == raw[1][1:]


def test_fast_path_declines_a_missing_or_outdated_diary(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite3"
    assert append_row(missing, "episodes", to_row_values(EPISODE)) is None
    assert not missing.exists()
    old = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    conn.commit()
    conn.close()
    assert HEAD_REVISION != "0001"
    assert append_row(old, "episodes", to_row_values(EPISODE)) is None


def test_sqlite_path_only_applies_to_plain_sqlite_files() -> None:
    assert sqlite_path("sqlite:////tmp/x.sqlite3") == Path("/tmp/x.sqlite3")
    assert sqlite_path("sqlite:///:memory:") is None
    assert sqlite_path("postgresql+psycopg://postgres@127.0.0.1/db") is None
