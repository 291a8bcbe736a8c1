"""``twitchcare export --format fhir``: a valid FHIR R4 Bundle that says what the diary says."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.diaries import ANSWERS, fill_diary
from twitchcare.cli.app import app
from twitchcare.diary.days import list_days
from twitchcare.diary.episodes import list_episodes
from twitchcare.diary.records import FACTORS
from twitchcare.kb import load_kb
from twitchcare.reports.fhir_codes import LOCAL_SYSTEM, QUESTIONNAIRE_URL
from twitchcare.store import open_store

runner = CliRunner()


def _export(tmp_path: Path, *extra: str) -> dict[str, Any]:
    out = tmp_path / f"bundle-{len(list(tmp_path.glob('bundle-*.json')))}.json"  # never over one
    result = runner.invoke(app, ["export", "--format", "fhir", "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    Bundle.model_validate(doc)  # raises on anything R4(B) does not allow
    return doc


def _resources(doc: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in doc["entry"] if e["resource"]["resourceType"] == kind]


@pytest.fixture
def diary() -> tuple[int, int]:
    """A 60-day diary; returns (episodes, known factor values)."""
    store = open_store()
    try:
        fill_diary(store, 60)
        episodes = len(list_episodes(store))
        values = sum(d.value(f) is not None for d in list_days(store) for f in FACTORS)
    finally:
        store.close()
    return episodes, values


def test_the_bundle_validates_and_holds_every_episode_and_day_factor(
    tmp_path: Path, diary: tuple[int, int]
) -> None:
    episodes, values = diary
    doc = _export(tmp_path)
    assert doc["type"] == "collection"
    observations = _resources(doc, "Observation")
    codes = Counter(o["code"]["coding"][0]["code"] for o in observations)
    assert codes["R25.3"] == episodes
    day_obs = [o for o in observations if o["id"].startswith("day-")]
    assert len(day_obs) == values
    sleep = next(o for o in observations if o["code"]["coding"][0]["code"] == "93832-4")
    assert sleep["code"]["coding"][0]["system"] == "http://loinc.org"
    assert sleep["valueQuantity"]["system"] == "http://unitsofmeasure.org"
    assert sleep["valueQuantity"]["code"] == "h"
    urls = [e["fullUrl"] for e in doc["entry"]]
    assert len(urls) == len(set(urls))


def test_the_patient_has_no_name_unless_one_is_given(tmp_path: Path, diary: object) -> None:
    [patient] = _resources(_export(tmp_path), "Patient")
    assert "name" not in patient and patient["gender"] == "female"
    [named] = _resources(_export(tmp_path, "--name", "Alice Example"), "Patient")
    assert named["name"] == [{"text": "Alice Example"}]


def test_each_assessment_answers_the_questionnaire_generated_from_the_knowledge(
    tmp_path: Path, diary: object
) -> None:
    doc = _export(tmp_path)
    [questionnaire] = _resources(doc, "Questionnaire")
    kb = load_kb()
    asked = {f for screen in kb.screens for f in screen.facts}
    link_ids = {i["linkId"]: g["linkId"] for g in questionnaire["item"] for i in g["item"]}
    assert set(link_ids) == asked
    assert questionnaire["version"] == kb.version
    [response] = _resources(doc, "QuestionnaireResponse")
    assert response["questionnaire"] == f"{QUESTIONNAIRE_URL}|{kb.version}"
    answered = {
        i["linkId"]: (g["linkId"], i["answer"]) for g in response["item"] for i in g["item"]
    }
    assert set(answered) == set(ANSWERS)
    for fact, (group, _answer) in answered.items():
        assert link_ids[fact] == group  # same group as in the Questionnaire
    assert answered["loc.calf"][1] == [{"valueBoolean": True}]
    assert answered["medications"][1] == [
        {"valueString": "omeprazole"},
        {"valueString": "sertraline"},
    ]
    level = next(o for o in _resources(doc, "Observation") if o["id"].endswith("-level"))
    assert level["derivedFrom"][0]["reference"] in {e["fullUrl"] for e in doc["entry"]}


def test_every_local_code_is_defined_in_the_bundles_code_system(
    tmp_path: Path, diary: object
) -> None:
    doc = _export(tmp_path)
    [system] = _resources(doc, "CodeSystem")
    defined = {c["code"] for c in system["concept"]}
    used: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("system") == LOCAL_SYSTEM and "code" in node:
                used.add(node["code"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for resource in _resources(doc, "Observation"):
        walk(resource)
    assert used and used <= defined


def test_an_empty_diary_exports_a_valid_bundle(tmp_path: Path) -> None:
    doc = _export(tmp_path)
    kinds = [e["resource"]["resourceType"] for e in doc["entry"]]
    assert kinds == ["CodeSystem", "Questionnaire", "Patient"]


def test_a_name_with_another_format_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["export", "--format", "csv", "--name", "Alice"])
    assert result.exit_code == 2 and "--name" in result.output


def test_resource_addresses_are_the_name_based_uuids_of_rfc_4122() -> None:
    import uuid

    from twitchcare.reports.fhir import _NAMESPACE, full_url

    for kind, ident in [("Patient", "patient"), ("Observation", "episode-1"), ("X", "y" * 64)]:
        assert full_url(kind, ident) == f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}/{ident}')}"


def test_the_bundle_can_be_written_to_standard_output(diary: object) -> None:
    result = runner.invoke(app, ["export", "--format", "fhir", "--out", "-"])
    assert result.exit_code == 0
    Bundle.model_validate(json.loads(result.stdout))


@settings(max_examples=200, deadline=None)
@given(
    when=st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2100, 1, 1)),
    offset=st.integers(-14 * 60, 14 * 60),
)
def test_episode_times_are_written_as_the_aware_local_time(when: dt.datetime, offset: int) -> None:
    from twitchcare.reports.fhir import _EpisodeParts

    shift, suffix = _EpisodeParts().local(offset)
    zone = dt.timezone(dt.timedelta(minutes=offset))
    expected = when.replace(tzinfo=dt.UTC).astimezone(zone).isoformat()
    assert (when + shift).isoformat() + suffix == expected
