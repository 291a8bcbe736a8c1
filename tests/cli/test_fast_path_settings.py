"""The fast paths (`log`, `diary stats`) read the environment exactly as every other command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app

TWITCHCARE = str(Path(sys.executable).parent / "twitchcare")


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [TWITCHCARE, *args], capture_output=True, text=True, env={**os.environ, **env}, check=False
    )


def test_a_bad_mode_fails_with_the_same_line_on_every_path() -> None:
    lines = set()
    for args in (["log", "calf"], ["diary", "stats"], ["day", "--stress", "3"], ["diary"]):
        result = _run(*args, TWITCHCARE_MODE="bogus")
        assert result.returncode == 2, (args, result.stderr)
        lines.add(result.stderr.strip())
    assert lines == {"error: TWITCHCARE_MODE: 'bogus' is not accepted (local or hosted)"}


def test_a_lower_case_data_dir_sends_log_and_diary_to_the_same_diary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TWITCHCARE_DATA_DIR")
    lower = tmp_path / "lower"
    monkeypatch.setenv("twitchcare_data_dir", str(lower))
    assert _run("log", "calf").returncode == 0  # the stdlib fast path
    listed = CliRunner().invoke(app, ["diary"])  # through Settings
    assert "calf" in listed.output, listed.output
    assert (lower / "diary.sqlite3").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["log"],
        ["log", "calf", "--intensity", "x"],
        ["log", "calf", "--dur", "3"],
        ["log", "a", "b"],
    ],
)
def test_fast_log_usage_errors_are_in_the_words_of_every_other_command(args: list[str]) -> None:
    fast = _run(*args)
    typer_path = CliRunner().invoke(app, args)
    assert fast.returncode == typer_path.exit_code == 2
    assert fast.stderr.strip() == typer_path.stderr.strip()
    assert len(fast.stderr.splitlines()) == 1
    for argparse_words in ("expected one argument", "invalid int value", "unrecognized"):
        assert argparse_words not in fast.stderr
