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


# The fast paths are taken only for a diary that exists and is current; a new one is made
# through the store (and Settings), so each test makes the diary first.
PATHS = (["log", "calf"], ["diary", "stats"], ["day", "--stress", "3"], ["diary"], ["profile"])


@pytest.mark.parametrize(
    ("variable", "value", "line"),
    [
        (
            "TWITCHCARE_MODE",
            "bogus",
            "TWITCHCARE_MODE: 'bogus' is not accepted (use one of local, hosted)",
        ),
        (
            "twitchcare_mode",
            "bogus",
            "TWITCHCARE_MODE: 'bogus' is not accepted (use one of local, hosted)",
        ),
        ("TWITCHCARE_LANG", "fr", "TWITCHCARE_LANG: 'fr' is not accepted (use one of en, de)"),
        (
            "TWITCHCARE_PORT",
            "eighty",
            "TWITCHCARE_PORT: 'eighty' is not a port (a whole number from 1 to 65535)",
        ),
    ],
)
def test_a_bad_setting_fails_with_the_same_line_on_every_path(
    variable: str, value: str, line: str
) -> None:
    assert _run("log", "calf").returncode == 0
    for args in PATHS:
        result = _run(*args, **{variable: value})
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.strip() == f"error: {line}", args


@pytest.mark.parametrize(
    ("variable", "value", "line"),
    [
        (
            "TWITCHCARE_MODE",
            "bogus",
            "Fehler: TWITCHCARE_MODE: „bogus“ ist nicht erlaubt (möglich sind: local, hosted)",
        ),
        (
            "TWITCHCARE_PORT",
            "abc",
            "Fehler: TWITCHCARE_PORT: „abc“ ist kein Port (eine ganze Zahl von 1 bis 65535)",
        ),
        (
            "TWITCHCARE_PORT",
            "70000",
            "Fehler: TWITCHCARE_PORT: „70000“ ist kein Port (eine ganze Zahl von 1 bis 65535)",
        ),
    ],
)
def test_a_bad_setting_is_one_german_line_when_twitchcare_lang_is_german(
    variable: str, value: str, line: str
) -> None:
    """Every other setting's error follows a valid TWITCHCARE_LANG, on every path."""
    assert _run("log", "calf").returncode == 0
    for args in [*PATHS, ["kb", "list"], ["serve"]]:
        result = _run(*args, TWITCHCARE_LANG="de", **{variable: value})
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr == line + "\n", args
        assert not result.stdout, args


def test_a_bad_twitchcare_lang_is_refused_in_english_naming_the_languages() -> None:
    """The language asked for is the bad value, so it cannot word its own error: English, the
    default, naming what is allowed; and only that error, though another setting is bad too."""
    result = _run("diary", "stats", TWITCHCARE_LANG="deutsch", TWITCHCARE_PORT="abc")
    assert result.returncode == 2
    assert result.stderr == (
        "error: TWITCHCARE_LANG: 'deutsch' is not accepted (use one of en, de)\n"
    )


def test_every_setting_is_checked_by_the_fast_paths_too() -> None:
    from typing import get_args

    from twitchcare.config import Settings
    from twitchcare.paths import CHOICES, PORTS, SETTINGS

    assert set(SETTINGS) == set(Settings.model_fields)
    for name, allowed in CHOICES.items():
        assert get_args(Settings.model_fields[name].annotation) == allowed
    port = Settings.model_fields["port"].metadata
    assert [m.ge for m in port if hasattr(m, "ge")] == [PORTS[0]]
    assert [m.le for m in port if hasattr(m, "le")] == [PORTS[1]]


def test_a_lower_case_data_dir_sends_log_and_diary_to_the_same_diary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TWITCHCARE_DATA_DIR")
    lower = tmp_path / "lower"
    monkeypatch.setenv("twitchcare_data_dir", str(lower))
    assert _run("log", "calf").returncode == 0  # makes the diary (through Settings)
    assert _run("log", "thigh").returncode == 0  # the stdlib fast path
    stats = _run("diary", "stats", "--json")  # the stdlib read path
    assert '"episodes": 2' in stats.stdout, stats.stdout
    listed = CliRunner().invoke(app, ["diary"])  # through Settings
    assert "calf" in listed.output and "thigh" in listed.output, listed.output
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
