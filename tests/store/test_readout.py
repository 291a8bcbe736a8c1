"""``diary stats`` reads the same figures through SQLite directly as through the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from twitchcare.diary.days import set_day
from twitchcare.diary.episodes import add_episode
from twitchcare.diary.experiments import Experiment, add_experiment
from twitchcare.diary.readout import read_sqlite, read_store
from twitchcare.diary.records import Episode
from twitchcare.diary.stats import compute_stats, stats_from
from twitchcare.store import open_store

TODAY = dt.date(2026, 11, 25)


def _fill() -> None:
    store = open_store()
    try:
        for back in range(40):
            day = TODAY - dt.timedelta(days=back)
            when = dt.datetime.combine(day, dt.time(20, 30), dt.timezone(dt.timedelta(hours=1)))
            for k in range(back % 4):
                places = ("calf",) if k % 2 else ("eyelid", "thigh")
                add_episode(store, Episode(started_at=when, locations=places, intensity=2))
            set_day(store, day, {"caffeine_mg": 100.0 + 10 * (back % 5), "sleep_hours": 7.0})
        add_experiment(
            store,
            Experiment(
                name="under 200 mg caffeine",
                start=TODAY - dt.timedelta(days=14),
                end=TODAY,
                factor="caffeine_mg",
                comparison="below",
                target=200.0,
            ),
        )
    finally:
        store.close()


def test_sqlite_and_store_readouts_are_identical(_isolated_data_dir: Path) -> None:
    _fill()
    store = open_store()
    try:
        through_store = read_store(store, TODAY)
        stats = compute_stats(store, TODAY)
    finally:
        store.close()
    direct = read_sqlite(_isolated_data_dir / "diary.sqlite3", TODAY)
    assert direct == through_store
    assert direct is not None and len(direct.experiments) == 1
    assert stats_from(direct, TODAY).as_dict() == stats.as_dict()


def test_sqlite_reader_declines_a_missing_diary(tmp_path: Path) -> None:
    assert read_sqlite(tmp_path / "none.sqlite3", TODAY) is None
    assert not (tmp_path / "none.sqlite3").exists()
