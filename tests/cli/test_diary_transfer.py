"""``twitchcare export`` and ``import`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app

runner = CliRunner()


def test_csv_export_import_round_trip_through_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        runner.invoke(app, ["log", "calf", "-d", "30s", "--at", "2026-11-20 21:00+01:00"]).exit_code
        == 0
    )
    note = 'a, "b"\r\nc\rd'
    assert (
        runner.invoke(
            app, ["log", "thigh", "--at", "2026-11-20 22:00+01:00", "--note", note]
        ).exit_code
        == 0
    )
    assert runner.invoke(app, ["day", "--date", "2026-11-20", "--caffeine", "250"]).exit_code == 0
    out = tmp_path / "export"
    result = runner.invoke(app, ["export", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    episodes = (out / "episodes.csv").read_text()
    assert episodes.splitlines()[0] == "started_at,location,side,duration_s,intensity,context,note"
    assert "2026-11-20T21:00:00+01:00,calf,,30,,," in episodes

    monkeypatch.setenv("TWITCHCARE_DATA_DIR", str(tmp_path / "other"))
    imported = runner.invoke(
        app, ["import", "--episodes", str(out / "episodes.csv"), "--days", str(out / "days.csv")]
    )
    assert imported.exit_code == 0, imported.output
    assert "imported 2 episode(s) and 1 day(s)" in imported.output
    again = runner.invoke(app, ["export", "--format", "csv", "--out", str(tmp_path / "again")])
    assert again.exit_code == 0
    for name in ("episodes.csv", "days.csv"):
        assert (tmp_path / "again" / name).read_bytes() == (out / name).read_bytes()
    assert note.encode() in (out / "episodes.csv").read_bytes().replace(b'""', b'"')


def test_import_of_a_bad_row_exits_2_with_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "e.csv"
    bad.write_text(
        "started_at,location,side,duration_s,intensity,context,note\n"
        "2026-11-20T21:00:00+01:00,calf,,30,,,\n"
        "2026-11-20T22:00:00+01:00,calf,,30,6,,\n"
    )
    result = runner.invoke(app, ["import", "--episodes", str(bad)])
    assert result.exit_code == 2
    assert "e.csv line 3: intensity" in result.output
    listing = runner.invoke(app, ["diary"])
    assert "empty" in listing.output


def test_json_export_contains_every_part_of_the_diary() -> None:
    assert runner.invoke(app, ["log", "eyelid", "--note", "exam week"]).exit_code == 0
    assert runner.invoke(app, ["profile", "--age", "30", "--sex", "male"]).exit_code == 0
    result = runner.invoke(app, ["export", "--format", "json", "--out", "-"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"profile", "episodes", "days", "intake", "experiments", "assessments"}
    assert data["episodes"][0]["note"] == "exam week"
    assert data["profile"]["age"] == 30


def test_export_rejects_an_unknown_format() -> None:
    result = runner.invoke(app, ["export", "--format", "xml"])
    assert result.exit_code == 2


def test_json_archive_round_trip_through_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["log", "eyelid", "-c", "stress", "--note", "exams"]).exit_code == 0
    assert runner.invoke(app, ["day", "--stress", "8", "--tag", "exams"]).exit_code == 0
    archive = tmp_path / "diary.json"
    assert runner.invoke(app, ["export", "--format", "json", "--out", str(archive)]).exit_code == 0
    monkeypatch.setenv("TWITCHCARE_DATA_DIR", str(tmp_path / "other"))
    result = runner.invoke(app, ["import", "--json", str(archive)])
    assert result.exit_code == 0, result.output
    assert "1 episodes" in result.output
    again = runner.invoke(app, ["export", "--format", "json", "--out", "-"])
    assert json.loads(again.output) == json.loads(archive.read_text())


def test_import_of_broken_json_names_the_line(tmp_path: Path) -> None:
    broken = tmp_path / "diary.json"
    broken.write_text('{"format": "twitchcare-diary",\n "version": 1,,}')
    result = runner.invoke(app, ["import", "--json", str(broken)])
    assert result.exit_code == 2
    assert "diary.json line 2" in result.output


def test_identical_entries_all_come_back_and_a_second_import_adds_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):  # the same espresso three times, two twitches in the same minute
        assert runner.invoke(app, ["caffeine", "add", "espresso"]).exit_code == 0
    for _ in range(2):
        assert runner.invoke(app, ["log", "calf", "--at", "yesterday 10:00"]).exit_code == 0
    archive = tmp_path / "diary.json"
    assert runner.invoke(app, ["export", "-f", "json", "--out", str(archive)]).exit_code == 0
    assert runner.invoke(app, ["delete", "--all", "--yes"]).exit_code == 0
    first = runner.invoke(app, ["import", "--json", str(archive)])
    assert "imported 2 episodes" in first.output and "3 intake" in first.output, first.output
    again = runner.invoke(app, ["import", "--json", str(archive)])
    assert "imported 0 episodes" in again.output and " 0 intake" in again.output
    back = runner.invoke(app, ["export", "-f", "json", "--out", "-"])
    assert json.loads(back.stdout) == json.loads(archive.read_text())
