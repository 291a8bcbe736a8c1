"""The JSON archive carries the whole diary and brings it back, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from twitchcare.config import Settings, load_settings
from twitchcare.diary.archive import export_json, import_json
from twitchcare.diary.assessments import save_assessment
from twitchcare.diary.days import set_day
from twitchcare.diary.episodes import add_episode, list_episodes
from twitchcare.diary.experiments import Experiment, add_experiment
from twitchcare.diary.intake import IntakeEntry, add_intake
from twitchcare.diary.profile import Profile, set_profile
from twitchcare.diary.records import Episode
from twitchcare.errors import InputError
from twitchcare.kb import load_kb
from twitchcare.relax.practice import Practice, log_practice
from twitchcare.relax.programme import start_programme
from twitchcare.store import DiaryStore, open_store

PRAGUE = ZoneInfo("Europe/Prague")
DAY = dt.date(2026, 11, 24)


def _fill(store: DiaryStore) -> None:
    set_profile(store, Profile(age=41, sex="male", athlete=True, weight_kg=80.5))
    add_episode(
        store,
        Episode(
            dt.datetime(2026, 11, 24, 22, 10, tzinfo=PRAGUE),
            ("calf", "thigh"),
            "left",
            30.0,
            3,
            ("after_exercise",),
            "after a run",
        ),
    )
    set_day(store, DAY, {"caffeine_mg": 200, "stress_0_10": 3}, tags=("marathon",))
    add_intake(store, IntakeEntry(DAY, "food", "1 oz almonds", 28.0, 77.0, 0.0, 0.0, "12061"))
    add_experiment(
        store,
        Experiment("no coffee", DAY, DAY + dt.timedelta(days=13), "caffeine_mg", "below", 1.0),
    )
    save_assessment(
        store,
        {"where": ["calf"]},
        {"triage": "self_care"},
        "2026.11.0",
        dt.datetime(2026, 11, 24, 20, tzinfo=PRAGUE),
    )
    log_practice(
        store, Practice(dt.datetime(2026, 11, 24, 21, tzinfo=PRAGUE), "breathing", 5, True)
    )
    start_programme(store, load_kb(), "autogenic", DAY)


def test_archive_round_trip_reproduces_the_whole_diary(store: DiaryStore, tmp_path: Path) -> None:
    _fill(store)
    doc = json.loads(json.dumps(export_json(store)))
    fresh = open_store(load_settings(data_dir=tmp_path / "fresh"))
    added = import_json(fresh, doc)
    assert added == {
        "episodes": 1,
        "days": 1,
        "intake": 1,
        "experiments": 1,
        "assessments": 1,
        "relaxation sessions": 1,
        "programmes": 1,
    }
    assert export_json(fresh) == export_json(store)
    again = import_json(fresh, doc)
    assert again["episodes"] == again["intake"] == again["assessments"] == 0
    assert again["relaxation sessions"] == again["programmes"] == 0
    assert export_json(fresh) == export_json(store)
    fresh.close()


def test_archive_with_a_bad_item_names_it_and_imports_nothing(
    store: DiaryStore, tmp_path: Path
) -> None:
    other = open_store(load_settings(data_dir=tmp_path / "other"))
    _fill(other)
    doc = export_json(other)
    other.close()
    doc["episodes"].append({"started_at": "2026-11-25T08:00:00+01:00", "locations": ["knee"]})  # type: ignore[attr-defined]
    with pytest.raises(InputError) as err:
        import_json(store, doc)
    assert err.value.where == "diary.json episodes[1]"
    assert err.value.field == "location"
    assert list_episodes(store) == []


def test_a_document_that_is_not_an_archive_is_rejected(store_settings: Settings) -> None:
    store = open_store(store_settings)
    with pytest.raises(InputError):
        import_json(store, {"episodes": []})
    store.close()
