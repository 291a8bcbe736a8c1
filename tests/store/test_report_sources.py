"""The report and the FHIR export read the same diary alike on SQLite and PostgreSQL."""

from __future__ import annotations

from fhir.resources.R4B.bundle import Bundle

from tests.diaries import TODAY, fill_diary
from twitchcare.diary.episodes import list_episodes
from twitchcare.kb import load_kb
from twitchcare.reports.content import assemble
from twitchcare.reports.fhir import bundle
from twitchcare.reports.reading import read_inputs
from twitchcare.store import DiaryStore


def test_fhir_bundle_and_report_read_every_episode(store: DiaryStore) -> None:
    fill_diary(store, 20)
    kb = load_kb()
    episodes = list_episodes(store)
    doc = bundle(store, kb)
    Bundle.model_validate(doc)
    times = [
        e["resource"]["effectiveDateTime"]
        for e in doc["entry"]
        if e["resource"]["id"].startswith("episode-")
    ]
    assert times == [e.started_at.isoformat() for e in episodes]
    report = assemble(kb, read_inputs(store, TODAY))
    summary = {item.label: item.value for item in report.course.summary}
    assert summary["Episodes"] == str(len(episodes))
    assert report.assessment is not None and report.who[0].value == "34 years"
