"""Every terminal command in German: its help, and a typical use of it, leave no English.

The commands are read from the app itself, so a new command is held to German from the day it is
added: a test fails until it has a typical use here. "English left" is the check of
``test_german.py`` (a sentence of the English catalogues, an English knowledge text, or a line of
ordinary English words); the cited sources keep their published names.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from tests.cli.test_german import english_left
from tests.shared import OWN_CASES
from twitchcare.cli.app import app

runner = CliRunner()


def _commands(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and group of the app, as the words typed after ``twitchcare``."""
    found = [path] if path else []
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            found += _commands(sub, (*path, name))
    return found


ROOT = typer.main.get_command(app)
COMMANDS = _commands(ROOT)


def _runs_something(path: tuple[str, ...]) -> bool:
    """A command, or a group that does something of its own (``twitchcare diary``)."""
    command: click.Command = ROOT
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return not isinstance(command, click.Group) or command.invoke_without_command


LEAVES = [path for path in COMMANDS if _runs_something(path)]

# A typical use of each command, run on a small diary (see ``diary``); "{tmp}" is a fresh folder.
CASE = str(OWN_CASES / "t05-hypnic-jerks-first-office-job.json")
TYPICAL: dict[tuple[str, ...], list[str]] = {
    ("alcohol", "add"): ["alcohol", "add", "1 pint beer"],
    ("alcohol", "week"): ["alcohol", "week"],
    ("assess",): ["assess", "--case", CASE],
    ("caffeine", "add"): ["caffeine", "add", "2 espresso"],
    ("caffeine", "drinks"): ["caffeine", "drinks"],
    ("caffeine", "today"): ["caffeine", "today"],
    ("day",): ["day", "--sleep", "6.5", "--stress", "4", "--tag", "Prüfung"],
    ("delete",): ["delete", "--all", "--yes"],
    ("diary",): ["diary"],
    ("diary", "chart"): ["diary", "chart", "--out", "{tmp}/verlauf.svg"],
    ("diary", "delete"): ["diary", "delete", "1"],
    ("diary", "experiment", "list"): ["diary", "experiment", "list"],
    ("diary", "experiment", "start"): ["diary", "experiment", "start", "Weniger Kaffee"],
    ("diary", "experiment", "stop"): ["diary", "experiment", "stop", "1"],
    ("diary", "repairs"): ["diary", "repairs"],
    ("diary", "restore"): ["diary", "restore", "--list"],
    ("diary", "stats"): ["diary", "stats"],
    ("evaluate",): ["evaluate", CASE],
    ("export",): ["export", "--format", "json", "--out", "{tmp}/tagebuch.json"],
    ("foods", "search"): ["foods", "search", "spinach", "-n", "2"],
    ("import",): ["import", "--episodes", "{tmp}/seed/episodes.csv"],
    ("intake", "delete"): ["intake", "delete", "1"],
    ("intake", "list"): ["intake", "list"],
    ("kb", "check"): ["kb", "check"],
    ("kb", "hazards"): ["kb", "hazards"],
    ("kb", "list"): ["kb", "list"],
    ("kb", "show"): ["kb", "show", "eyelid_myokymia"],
    ("log",): ["log", "Wade", "--side", "links", "--duration", "30s", "-i", "3", "-c", "stress"],
    ("mg", "add"): ["mg", "add", "30 g pumpkin seeds"],
    ("mg", "plan"): ["mg", "plan"],
    ("mg", "target"): ["mg", "target"],
    ("mg", "today"): ["mg", "today"],
    ("profile",): ["profile", "--age", "35", "--athlete"],
    ("relax", "autogenic"): ["relax", "autogenic", "--minutes", "2", "--speed", "10000"],
    ("relax", "breathing"): ["relax", "breathing", "--minutes", "2", "--speed", "10000"],
    ("relax", "list"): ["relax", "list"],
    ("relax", "meditation"): ["relax", "meditation", "--minutes", "2", "--speed", "10000"],
    ("relax", "pmr"): ["relax", "pmr", "--minutes", "2", "--speed", "10000"],
    ("relax", "programme", "start"): ["relax", "programme", "start", "breathing"],
    ("relax", "programme", "stop"): ["relax", "programme", "stop"],
    ("relax", "status"): ["relax", "status"],
    ("relax", "walk"): ["relax", "walk", "--minutes", "20"],
    ("relax", "yoga"): ["relax", "yoga", "--minutes", "2", "--speed", "10000"],
    ("report",): ["report", "--out", "{tmp}/bericht.pdf"],
}
# `serve` runs until it is stopped: its help is checked here, its pages in tests/web.
HELP_ONLY = {("serve",)}

# Commands whose output still carries English (none: the hazard log is German too, from
# knowledge/i18n/de/hazards.yaml). Strict: an entry whose command turns German fails here.
NOT_YET_GERMAN: dict[tuple[str, ...], str] = {}


def _run(args: list[str], tmp: Path) -> str:
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp)) for a in args])
    assert "Traceback" not in result.output
    assert result.exit_code == 0, (args, result.output)
    return result.output


@pytest.fixture
def diary(german: None, tmp_path: Path) -> Path:
    """A few days of diary in German: profile, episodes, days, food and drink, an experiment, a
    relaxation programme and an export of it all (for the import)."""
    for args in (
        ["profile", "--age", "34", "--sex", "female"],
        ["log", "Augenlid", "--side", "left", "-c", "caffeine", "--at", "yesterday 21:00"],
        ["log", "calf", "--duration", "2 min", "--note", "nach dem Laufen"],
        ["day", "--date", "yesterday", "--caffeine", "250", "--sleep", "6", "--stress", "5"],
        ["mg", "add", "100 g almonds"],
        ["caffeine", "add", "mug of coffee"],
        ["diary", "experiment", "start", "unter 200 mg Koffein"],
        ["relax", "programme", "start", "autogenic"],
        ["export", "--format", "csv", "--out", "{tmp}/seed"],
    ):
        _run(args, tmp_path)
    return tmp_path


def _sentences(out: str) -> str:
    """The output without what is typed or looked up rather than read: command lines, option
    names, ids (of commands, conditions, facts, advice, sources: `loc.eyelid`,
    `reduce-caffeine`, a list's first column)."""
    out = re.sub(r"`[^`]*`", " ", out)  # typed as shown, e.g. `female`
    out = re.sub(r"twitchcare(?: [a-z][a-z-]*)+", " ", out)
    out = re.sub(r"(?<![\w-])--?[a-z][a-z-]*", " ", out)
    out = re.sub(r"(?<![\w.-])[a-z0-9]+(?:[-_.][a-z0-9]+)+(?![\w-])", " ", out)
    out = re.sub(r"^│ {1,2}([a-z][a-z-]*)(?= )", "│ ", out, flags=re.MULTILINE)
    return re.sub(r"^(\s*)[a-z][a-z0-9]*(?=\s{2,}\S)", r"\1", out, flags=re.MULTILINE)


def test_every_command_has_a_typical_use_in_german() -> None:
    assert set(LEAVES) - HELP_ONLY == set(TYPICAL)
    assert set(NOT_YET_GERMAN) <= set(TYPICAL)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
@pytest.mark.usefixtures("german")
def test_the_help_of_every_command_in_german_leaves_no_english(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Aufruf:" in result.output
    out = _sentences(result.output)
    assert not english_left(out), english_left(out)


def _typical(path: tuple[str, ...]) -> object:
    reason = NOT_YET_GERMAN.get(path)
    if reason is None:
        return path
    return pytest.param(path, marks=pytest.mark.xfail(strict=True, reason=f"English: {reason}"))


@pytest.mark.parametrize("path", [_typical(p) for p in sorted(TYPICAL)], ids=" ".join)
def test_a_typical_use_of_every_command_in_german_leaves_no_english(
    diary: Path, path: tuple[str, ...]
) -> None:
    out = _run(TYPICAL[path], diary)
    out = _sentences(out.replace(str(diary), ""))  # the folder's name is not a sentence
    assert out.strip(), "no output"
    assert not english_left(out), english_left(out)


def test_the_check_finds_english_in_an_english_help() -> None:
    """The check itself must be able to fail: the English help of `diary` is full of findings."""
    result = runner.invoke(app, ["diary", "--help"])
    assert len(english_left(result.output)) >= 3, result.output


@pytest.mark.parametrize(
    ("typed", "places"),
    [("Wade", "Wade"), ("Augenlid;Oberschenkel", "Augenlid, Oberschenkel"), ("Rücken", "Rücken")],
)
@pytest.mark.usefixtures("german")
def test_a_twitch_is_logged_with_the_german_name_of_the_place(typed: str, places: str) -> None:
    result = runner.invoke(app, ["log", typed])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("eingetragen #1: ") and places in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["log", "Knie"],
        ["log", "Wade", "--duration", "ewig"],
        ["log", "Wade", "--bogus"],
        ["day", "--date", "morgen"],
        ["mg", "today"],
        ["profile", "--age", "34", "--sex", "divers"],
        ["mg", "add", "5 metres of spinach"],
        ["mg", "add", "40 cups of cooked rice"],
    ],
    ids=" ".join,
)
@pytest.mark.usefixtures("german")
def test_bad_input_in_german_is_one_german_line(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Fehler: ") and result.output.count("\n") == 1
    shown = re.sub(r"möglich sind: [^)]*", " ", result.output)  # the values to type
    assert not english_left(_sentences(shown)), result.output


def _garbage_diary(data: Path, tmp: Path) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "diary.sqlite3").write_bytes(b"not a diary, just some bytes of text")


def _empty_diary(data: Path, tmp: Path) -> None:
    data.mkdir(parents=True, exist_ok=True)
    (data / "diary.sqlite3").write_bytes(b"")


def _files(data: Path, tmp: Path) -> None:
    (tmp / "broken.json").write_text('{"format": ', encoding="utf-8")
    (tmp / "other.json").write_text('{"format": "something else"}', encoding="utf-8")
    (tmp / "wrong.csv").write_text("when,where\n2026-11-24,calf\n", encoding="utf-8")
    (tmp / "short.csv").write_text(
        "started_at,location,side,duration_s,intensity,context,note\n2026-11-24T22:10+01:00\n",
        encoding="utf-8",
    )
    (tmp / "taken.json").write_text("{}", encoding="utf-8")
    (tmp / "a-file").write_text("", encoding="utf-8")


def _a_diary(data: Path, tmp: Path) -> None:
    _files(data, tmp)
    result = runner.invoke(app, ["log", "calf"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("setup", "args", "env"),
    [
        (_garbage_diary, ["diary", "stats"], {}),
        (_garbage_diary, ["log", "Wade"], {}),
        (_empty_diary, ["diary", "list"], {}),
        (_a_diary, ["diary", "restore"], {}),
        (_files, ["import", "--json", "{tmp}/broken.json"], {}),
        (_files, ["import", "--json", "{tmp}/other.json"], {}),
        (_files, ["import", "--episodes", "{tmp}/wrong.csv"], {}),
        (_files, ["import", "--episodes", "{tmp}/short.csv"], {}),
        (_files, ["import", "--json", "{tmp}/missing.json"], {}),
        (_files, ["import"], {}),
        (_files, ["export", "--format", "json", "--out", "{tmp}/taken.json"], {}),
        (_files, ["export", "--format", "fhir", "--out", "{tmp}/taken.json"], {}),
        (_files, ["export", "--format", "csv", "--out", "-"], {}),
        (_files, ["diary", "stats"], {"TWITCHCARE_DATABASE_URL": "garbage"}),
        (_files, ["diary", "stats"], {"TWITCHCARE_DATA_DIR": "{tmp}/a-file"}),
        (_files, ["diary", "delete", "999"], {}),
        (_files, ["diary", "chart", "--out", "{tmp}/chart.png"], {}),
        (_files, ["diary", "experiment", "stop", "7"], {}),
        (_files, ["intake", "delete", "5"], {}),
        (_files, ["relax", "programme", "stop"], {}),
        (_files, ["relax", "programme", "start", "autogenix"], {}),
        (_files, ["mg", "add", "0 g almonds"], {}),
        (_files, ["mg", "add", "30 g"], {}),
        (_files, ["alcohol", "add", "pint of 0% beer"], {}),
        (
            _files,
            ["report", "--from", "2026-11-20", "--to", "2026-11-01", "--out", "{tmp}/r.pdf"],
            {},
        ),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else getattr(v, "__name__", None) or "-",
)
@pytest.mark.usefixtures("german")
def test_a_storage_file_or_diary_problem_in_german_is_one_german_line(
    setup: object,
    args: list[str],
    env: dict[str, str],
    tmp_path: Path,
    _isolated_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    setup(_isolated_data_dir, tmp_path)  # type: ignore[operator]
    for name, value in env.items():
        monkeypatch.setenv(name, value.replace("{tmp}", str(tmp_path)))
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Fehler: ") and result.output.count("\n") == 1, result.output
    shown = re.sub(r"Spalten: [^;)]*", " ", result.output)  # the column names to type
    assert not english_left(_sentences(shown)), result.output
