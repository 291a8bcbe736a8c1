"""Output paths are checked before any work starts, and nothing is written over."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app

runner = CliRunner()


def _one_line_error(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    return lines[0]


@pytest.fixture(autouse=True)
def _a_diary() -> None:
    assert runner.invoke(app, ["log", "calf", "--at", "yesterday 10:00"]).exit_code == 0


def test_export_json_refuses_an_existing_file_and_a_folder(tmp_path: Path) -> None:
    existing = tmp_path / "d.json"
    existing.write_text("keep me")
    assert "already exists" in _one_line_error(["export", "-f", "json", "--out", str(existing)])
    assert existing.read_text() == "keep me"
    assert "is a folder" in _one_line_error(["export", "-f", "json", "--out", str(tmp_path)])


def test_export_csv_refuses_a_file_for_a_folder_and_existing_csv_files(tmp_path: Path) -> None:
    a_file = tmp_path / "f"
    a_file.write_text("x")
    assert "is a file, not a folder" in _one_line_error(["export", "--out", str(a_file)])
    (tmp_path / "days.csv").write_text("mine")
    assert "days.csv already exists" in _one_line_error(["export", "--out", str(tmp_path)])
    assert (tmp_path / "days.csv").read_text() == "mine"
    assert not (tmp_path / "episodes.csv").exists()


def test_export_without_out_writes_a_new_dated_folder_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first = runner.invoke(app, ["export"])
    second = runner.invoke(app, ["export"])
    assert first.exit_code == 0 and second.exit_code == 0
    folders = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("twitchcare-export"))
    assert len(folders) == 2
    assert folders[0] in first.output + second.output


@pytest.mark.parametrize(("fmt", "name"), [("json", "diary.json"), ("fhir", "diary.fhir.json")])
def test_json_and_fhir_without_out_go_into_a_new_dated_folder_never_over_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    first = runner.invoke(app, ["export", "--format", fmt])
    second = runner.invoke(app, ["export", "--format", fmt])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    written = sorted(tmp_path.glob(f"twitchcare-export-*/{name}"))
    assert len(written) == 2 and written[0].parent != written[1].parent
    for path, result in zip(written, (first, second), strict=True):
        assert str(path.relative_to(tmp_path)) in result.stdout  # says where
        assert json.loads(path.read_text(encoding="utf-8"))  # a whole document, not a message


def test_a_dash_sends_json_to_standard_output_and_is_refused_for_csv(tmp_path: Path) -> None:
    piped = runner.invoke(app, ["export", "--format", "json", "--out", "-"])
    assert piped.exit_code == 0 and json.loads(piped.stdout)["episodes"]
    assert "--out: csv is two files" in _one_line_error(["export", "--out", "-"])


def test_chart_refuses_an_existing_file_a_folder_and_a_parent_that_is_a_file(
    tmp_path: Path,
) -> None:
    existing = tmp_path / "c.svg"
    existing.write_text("old")
    assert "already exists" in _one_line_error(["diary", "chart", "--out", str(existing)])
    folder = tmp_path / "dir.svg"
    folder.mkdir()
    assert "is a folder" in _one_line_error(["diary", "chart", "--out", str(folder)])
    a_file = tmp_path / "plain"
    a_file.write_text("x")
    line = _one_line_error(["diary", "chart", "--out", str(a_file / "c.svg")])
    assert "is a file, not a folder" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not bind root")
def test_an_unwritable_output_folder_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        line = _one_line_error(["diary", "chart", "--out", str(locked / "c.svg")])
        assert "not writable" in line
        assert "not writable" in _one_line_error(["export", "--out", str(locked)])
    finally:
        locked.chmod(0o700)


def test_a_reader_that_stops_early_is_not_reported_as_an_error() -> None:
    """`twitchcare export --out - | head -1`: the closed pipe ends the command quietly."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "twitchcare"), "intake", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the command has written anything
    with proc.stderr:
        stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, stderr
    assert stderr == ""


def test_report_refuses_an_existing_file_and_a_folder_before_any_work(tmp_path: Path) -> None:
    existing = tmp_path / "r.pdf"
    existing.write_bytes(b"keep me")
    assert "already exists" in _one_line_error(["report", "--out", str(existing)])
    assert existing.read_bytes() == b"keep me"
    folder = tmp_path / "a.pdf"
    folder.mkdir()
    assert "is a folder" in _one_line_error(["report", "--out", str(folder)])
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert "is a file, not a folder" in _one_line_error(["report", "--out", str(blocked / "r.pdf")])


def test_report_without_out_writes_a_new_dated_file_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        assert runner.invoke(app, ["report"]).exit_code == 0
    made = sorted(p.name for p in tmp_path.glob("twitchcare-report-*.pdf"))
    assert len(made) == 2 and made[0] != made[1]


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("fmt", ["json", "csv", "fhir"])
def test_a_place_that_passes_the_checks_but_cannot_be_written_names_out(fmt: str) -> None:
    """/proc looks like a writable folder to root, and refuses every new file."""
    line = _one_line_error(["export", "-f", fmt, "--out", f"/proc/twitchcare-test.{fmt}"])
    assert line.startswith("error: --out: cannot write"), line
