"""The fast ``log`` path behaves exactly like the Typer command it stands in for."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from twitchcare.cli import entry
from twitchcare.cli.app import app
from twitchcare.cli.quick import parser, run_log
from twitchcare.diary.episodes import list_episodes
from twitchcare.store import open_store

ARGVS = [
    ["calf", "--at", "2026-11-20 22:10"],
    ["eyelid", "--side", "left", "-d", "30s", "-i", "3", "--at", "2026-11-20 07:00"],
    [
        "calf;thigh",
        "-c",
        "stress",
        "-c",
        "caffeine",
        "--note",
        "after coffee",
        "--at",
        "2026-11-18 22:10",
    ],
    ["hand", "--at", "2026-11-19 10:00", "--tz", "Europe/Prague", "--duration", "2 min"],
]


def _typer_options() -> set[str]:
    command = get_command(app).commands["log"]  # type: ignore[attr-defined]
    return {opt for p in command.params for opt in p.opts if opt.startswith("-")}


def _parser_options() -> set[str]:
    return {opt for action in parser()._actions for opt in action.option_strings}


def test_fast_path_accepts_exactly_the_options_of_the_typer_command() -> None:
    assert _parser_options() == _typer_options() - {"--help"}


def _rows(data_dir: Path) -> list[tuple[object, ...]]:
    store = open_store()
    try:
        return [
            (e.started_at, e.locations, e.side, e.duration_s, e.intensity, e.contexts, e.note)
            for e in list_episodes(store)
        ]
    finally:
        store.close()


@pytest.mark.parametrize("argv", ARGVS, ids=[a[0] for a in ARGVS])
def test_fast_path_stores_and_prints_what_the_typer_command_does(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    outputs, rows = [], []
    for name in ("typer", "fast"):
        data_dir = tmp_path / name
        monkeypatch.setenv("TWITCHCARE_DATA_DIR", str(data_dir))
        open_store().close()  # an existing, current diary: the case the fast path serves
        if name == "typer":
            result = CliRunner().invoke(app, ["log", *argv])
            assert result.exit_code == 0, result.output
            outputs.append(result.output)
        else:
            assert run_log(argv) == 0
            outputs.append(capsys.readouterr().out)
        rows.append(_rows(data_dir))
    assert outputs[0] == outputs[1]
    assert rows[0] == rows[1] and len(rows[0]) == 1


def test_fast_path_rejects_bad_input_in_one_line_with_exit_code_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_log(["elbow"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and "elbow" in err[0]


def test_fast_path_usage_errors_exit_with_code_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_log(["calf", "--intensity", "strong"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("error:")


def test_help_for_log_goes_to_the_typer_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["twitchcare", "log", "--help"])
    with pytest.raises(SystemExit) as exit_info:
        entry.main()
    assert exit_info.value.code == 0
    assert "--duration" in capsys.readouterr().out
