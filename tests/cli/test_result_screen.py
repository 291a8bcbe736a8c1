"""The terminal result names the number to call: the chosen country's, or 112 with a note."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.shared import OWN_CASES
from twitchcare.cli.app import app

runner = CliRunner()
FIT = OWN_CASES / "ma-37-weeks-fit-on-sofa-now-drowsy.json"


def _squash(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_an_emergency_result_without_a_country_says_call_112_and_lists_no_other_numbers() -> None:
    result = runner.invoke(app, ["assess", "--case", str(FIT)])
    assert result.exit_code == 0, result.output
    banner, *_ = _squash(result.output).split(" Why ")
    assert "Call 112 now." in banner
    assert "elsewhere, call your local emergency number" in banner
    assert "999" not in banner and "911" not in banner
    last = result.output.rstrip().splitlines()[-1]
    assert "Call the emergency number now" in last and not any(c.isdigit() for c in last)


def test_an_emergency_result_names_the_number_of_the_chosen_country(
    _isolated_data_dir: Path,
) -> None:
    _isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (_isolated_data_dir / "preferences.json").write_text(json.dumps({"country": "GB"}))
    out = _squash(runner.invoke(app, ["assess", "--case", str(FIT)]).output)
    assert "Call 999 now." in out and "United Kingdom" in out
    assert "112" not in out.split(" Why ")[0]


def test_an_unreadable_country_choice_still_gives_a_number(_isolated_data_dir: Path) -> None:
    _isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (_isolated_data_dir / "preferences.json").write_text(json.dumps({"country": "XX"}))
    result = runner.invoke(app, ["assess", "--case", str(FIT)])
    assert result.exit_code == 0, result.output
    assert "Call 112 now." in _squash(result.output)


def test_a_start_of_less_than_a_day_ago_is_read_back_in_hours() -> None:
    case = OWN_CASES / "mb-wd-gabapentin-ran-out-muddled-today.json"  # began 0.2 days ago
    out = _squash(runner.invoke(app, ["assess", "--case", str(case)]).output)
    assert "When did the confusion begin: about 5 hours ago" in out
    assert "0.2 days" not in out
    assert "When did it start: 365 days ago" in out
