"""``twitchcare assess --case`` keeps the evaluation contract and rejects bad case files cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.shared import DEV_CASES
from twitchcare.cli.app import app

runner = CliRunner()
LEVELS = {"emergency", "urgent", "doctor", "self_care"}

VALID = {
    "id": "calf-after-run",
    "story": "My calf twitches since my run yesterday.",
    "person": {"age": 30, "sex": "female"},
    "twitching": {"locations": ["calf"], "duration_days": 1},
    "findings": {"weakness": False},
}


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_json_output_is_one_line_per_case_with_the_contract_keys(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.json", VALID)
    second = _write(tmp_path, "b.json", {**VALID, "id": "second"})
    result = runner.invoke(app, ["assess", "--case", str(first), "--case", str(second), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["id"] for line in lines] == ["calf-after-run", "second"]
    for line in lines:
        assert set(line) == {
            "id",
            "triage",
            "causes",
            "specialist",
            "questions_asked",
            "items_shown",
        }
        assert line["triage"] in LEVELS
        probabilities = [c["probability"] for c in line["causes"]]
        assert all(0 <= p <= 1 for p in probabilities)
        assert line["questions_asked"] == 0


def test_simulate_reports_how_many_questions_were_asked(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.json", VALID)
    result = runner.invoke(app, ["assess", "--case", str(path), "--json", "--simulate"])
    assert result.exit_code == 0, result.output
    line = json.loads(result.output)
    assert 1 <= line["questions_asked"] <= 10
    assert line["items_shown"] >= line["questions_asked"]


def test_a_directory_of_cases_is_assessed_in_name_order() -> None:
    if not DEV_CASES.exists():
        pytest.skip("dev cases not available")
    result = runner.invoke(app, ["assess", "--case", str(DEV_CASES), "--json"])
    assert result.exit_code == 0
    ids = [json.loads(line)["id"] for line in result.output.splitlines()]
    assert ids == sorted(p.stem for p in DEV_CASES.glob("*.json"))


def test_human_readable_output_shows_banner_reasons_and_sources(tmp_path: Path) -> None:
    data = {**VALID, "findings": {"tingling_around_mouth": True}}
    result = runner.invoke(app, ["assess", "--case", str(_write(tmp_path, "a.json", data))])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "See a doctor today" in text
    assert "Sources" in text
    assert "not a diagnosis" in text


BAD_CASES = {
    "negative duration": (
        {**VALID, "twitching": {"locations": ["calf"], "duration_days": -2}},
        "twitching.duration_days",
    ),
    "unknown finding": ({**VALID, "findings": {"weaknes": True}}, "did you mean 'weakness'"),
    "unknown location": ({**VALID, "twitching": {"locations": ["elbow"]}}, "twitching.locations.0"),
    "missing person": ({k: v for k, v in VALID.items() if k != "person"}, "person"),
    "extra key": ({**VALID, "diagnosis": "ALS"}, "diagnosis"),
    "bad age": ({**VALID, "person": {"age": -1, "sex": "female"}}, "person.age"),
    # version-2 fields
    "negative onset": (
        {**VALID, "finding_onset_days": {"slurred_speech": -1}},
        "finding_onset_days.slurred_speech",
    ),
    "onset of an unknown finding": (
        {**VALID, "finding_onset_days": {"slured_speech": 1}},
        "did you mean 'slurred_speech'",
    ),
    "substances not a list": (
        {**VALID, "exposures": {"substances": "energy_drink"}},
        "exposures.substances",
    ),
    "unknown diet": ({**VALID, "exposures": {"diet": "keto"}}, "exposures.diet"),
    "weight of zero": ({**VALID, "exposures": {"weight_kg": 0}}, "exposures.weight_kg"),
    "yes-no as text": (
        {**VALID, "exposures": {"took_more_than_prescribed": "maybe"}},
        "exposures.took_more_than_prescribed",
    ),
    "pregnancy weeks out of range": (
        {**VALID, "person": {"age": 30, "sex": "female", "pregnancy_weeks": 60}},
        "person.pregnancy_weeks",
    ),
    "unknown history": ({**VALID, "history": ["myasthenia"]}, "history.0"),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_a_bad_case_is_one_line_naming_file_and_field_with_exit_code_2(
    tmp_path: Path, name: str
) -> None:
    data, expected_text = BAD_CASES[name]
    path = _write(tmp_path, "bad.json", data)
    result = runner.invoke(app, ["assess", "--case", str(path), "--json"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert str(path) in lines[0] and expected_text in lines[0]


V2 = {
    **VALID,
    "person": {"age": 30, "sex": "female", "pregnant": True, "pregnancy_weeks": 30},
    "findings": {"heavy_sweating": True, "fit_or_seizure": False, "slurred_speech": True},
    "finding_onset_days": {"slurred_speech": 0.1},
    "exposures": {
        "medications": ["Sertraline"],
        "medications_stopped": ["diazepam"],
        "medication_stopped_days_ago": 3,
        "took_more_than_prescribed": False,
        "substances": ["energy_drink"],
        "diet": "vegan",
        "fasting": False,
        "heat_exposure": True,
        "recent_long_haul_travel": False,
        "weight_kg": 62.5,
    },
    "history": ["myasthenia_gravis", "recent_infection"],
    "expected": {"triage": "emergency", "causes": ["serotonin_syndrome"]},
}


def test_a_version_2_case_is_read_with_every_new_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "v2.json", V2)
    result = runner.invoke(app, ["assess", "--case", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["triage"] == "emergency"  # slurred speech since today


def test_malformed_json_is_reported_not_crashed(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.json", '{"id": "x", ')
    result = runner.invoke(app, ["assess", "--case", str(path), "--json"])
    assert result.exit_code == 2
    assert "not valid JSON" in result.output


def test_a_missing_file_is_reported_with_its_name(tmp_path: Path) -> None:
    result = runner.invoke(app, ["assess", "--case", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "nope.json" in result.output and "not found" in result.output


def test_one_bad_file_stops_before_any_output(tmp_path: Path) -> None:
    good = _write(tmp_path, "a.json", VALID)
    bad = _write(tmp_path, "b.json", {**VALID, "person": {"age": 30}})
    result = runner.invoke(app, ["assess", "--case", str(good), "--case", str(bad), "--json"])
    assert result.exit_code == 2
    assert '"triage"' not in result.output


def test_evaluate_prints_the_measures_and_passes_its_targets_on_dev_cases() -> None:
    if not DEV_CASES.exists():
        pytest.skip("dev cases not available")
    result = runner.invoke(app, ["evaluate", str(DEV_CASES), "--check"])
    assert result.exit_code == 0, result.output
    for measure in (
        "Triage exact or acceptable",
        "Under-triage",
        "Cause top-3",
        "Median pages read before the advice",
    ):
        assert measure in result.output


def test_evaluate_json_has_the_summary_figures() -> None:
    if not DEV_CASES.exists():
        pytest.skip("dev cases not available")
    result = runner.invoke(app, ["evaluate", str(DEV_CASES), "--simulate", "--json"])
    data = json.loads(result.output)
    assert data["summary"]["cases"] >= 20
    assert data["same_triage_as_full"] >= 0.95
    assert data["summary"]["median_items_shown"] >= data["summary"]["median_questions"]
    assert data["summary"]["median_questions"] >= data["summary"]["median_pages_before_advice"] > 0
    assert 0 <= data["summary"]["brier"] <= 1
    bins = data["summary"]["reliability"]
    assert sum(b["n"] for b in bins) > 0
    assert all(b["observed"] is None or 0 <= b["observed"] <= 1 for b in bins)


def test_evaluate_fails_its_check_when_there_are_no_cases(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(tmp_path), "--check"])
    assert result.exit_code == 1
    assert "no case" in result.output
