"""Export, delete everything, import: the same diary comes back (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from tests.diaries import TODAY, fill_diary
from twitchcare.diary.archive import export_json, import_json
from twitchcare.diary.erase import erase_all
from twitchcare.diary.stats import compute_stats
from twitchcare.store import DiaryStore


def test_export_delete_import_gives_the_same_diary(store: DiaryStore) -> None:
    fill_diary(store, 45)
    before = export_json(store)
    stats_before = compute_stats(store, TODAY).as_dict()
    removed = erase_all(store)
    assert removed["episodes"] > 0 and removed["assessments"] == 1
    empty = export_json(store)
    assert empty["profile"] is None
    assert all(empty[k] == [] for k in ("episodes", "days", "intake", "experiments", "assessments"))
    import_json(store, before)
    assert export_json(store) == before
    assert _without_ids(compute_stats(store, TODAY).as_dict()) == _without_ids(stats_before)


def _without_ids(stats: dict[str, object]) -> dict[str, object]:
    """Row numbers are the database's, not the diary's: PostgreSQL does not reuse them."""
    import json

    text = json.dumps(stats, sort_keys=True)
    doc = json.loads(text)
    for item in doc["experiments"]:
        item.get("experiment", item).pop("id", None)
    return dict(doc)


def test_deleting_an_empty_diary_is_harmless(store: DiaryStore) -> None:
    assert set(erase_all(store).values()) == {0}
    fill_diary(store, 3, today=dt.date(2026, 1, 10))
    assert len(export_json(store)["episodes"]) >= 0  # the diary is usable again at once
