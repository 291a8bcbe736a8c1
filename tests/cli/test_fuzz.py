"""A fuzzing harness for the whole command line.

Hypothesis builds argument lists for every command the app has (walked from the click tree, so a
new command is fuzzed without being listed here): option values and arguments are strings,
unicode, huge and negative numbers, nan/inf, empty values and 100 KB of text. Every invocation
must end with exit code 0 or 2, never a traceback; a refusal is one line on stderr under 300
characters; and a refused command leaves the diary exactly as it was.

``make test`` runs a short run; ``make fuzz`` runs at least 5,000 invocations
(``TWITCHCARE_CLI_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from twitchcare.cli.app import app

EXAMPLES = int(os.environ.get("TWITCHCARE_CLI_FUZZ_EXAMPLES", "150"))
ROOT = typer.main.get_command(app)


def _commands(
    group: click.Command, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    if isinstance(group, click.Group):
        if path:  # a group with a callback of its own (``diary``) is a command too
            yield path, group
        for name, sub in group.commands.items():
            yield from _commands(sub, (*path, name))
    else:
        yield path, group


PLAYERS_EXCEPT = {"programme", "status", "walk"}
COMMANDS = [
    (p, c)
    for p, c in _commands(ROOT)
    if p[0] not in {"evaluate", "serve"}
    and not (p[0] == "relax" and len(p) > 1 and p[1] not in PLAYERS_EXCEPT)
]
# `evaluate` reads case folders and its --check exits 1 on a missed target by design; it is
# covered by its own tests and by `make test`. `serve` runs until stopped (the web has its own
# schemathesis fuzzing). The relaxation players (`relax breathing` ...) play in real time; their
# options and a fake clock are covered by tests/cli/test_relax.py.

BIG = "<100 KB>"  # expanded when invoked, so a failing example prints short
NASTY = st.sampled_from(
    [
        "",
        " ",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "1e309",
        "-1",
        "0",
        "-0",
        "1e9",
        "99999999999999999999",
        "3.5",
        "½",
        "é",
        "épinards",
        "🙂",
        "\n",
        "a\nb",
        "--",
        "-",
        "-x",
        "../..",
        "/",
        "/dev/null",
        "calf",
        "today",
        "yesterday",
        "2024",
        "1900-01-01",
        "2999-12-31",
        "30 g almonds",
        "espresso",
        "pint of 4% beer",
        "caffeine_mg",
        "csv",
        "json",
        BIG,
    ]
)
VALUE = st.one_of(
    NASTY,
    st.text(max_size=40),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


@st.composite
def invocations(draw: st.DrawFn) -> list[str]:
    path, command = draw(st.sampled_from(COMMANDS))
    args = list(path)
    for param in command.params:
        if isinstance(param, click.Argument):
            if draw(st.integers(0, 9)) > 0:  # now and then an argument is missing
                args.append(draw(VALUE))
        elif isinstance(param, click.Option) and not param.hidden:
            if param.name == "help" or draw(st.integers(0, 2)) > 0:
                continue
            name = draw(st.sampled_from(param.opts + param.secondary_opts))
            args.append(name)
            if not param.is_flag:
                args.append(draw(VALUE))
    if path == ("assess",) and "--case" not in args:  # no interactive interview in a fuzz run
        args += ["--case", draw(VALUE)]
    if draw(st.integers(0, 9)) == 0:
        args.append(draw(VALUE))  # an extra token
    return args


def _content(diary: Path) -> str:
    """Everything the diary holds (SQL text), read through SQLite only."""
    if not diary.exists():
        return ""
    conn = sqlite3.connect(diary)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _isolated_data_dir: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in (
        ["profile", "--age", "34", "--sex", "female"],
        ["log", "calf", "--at", "yesterday 10:00"],
        ["day", "--stress", "4", "--sleep", "7"],
        ["caffeine", "add", "2 mugs of coffee"],
    ):
        assert runner.invoke(app, args).exit_code == 0
    return _isolated_data_dir / "diary.sqlite3"


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=False,
)
@given(args=invocations())
def test_no_command_line_ends_in_a_traceback_or_changes_the_diary_when_refused(
    seeded: Path, args: list[str]
) -> None:
    before = _content(seeded)
    result = CliRunner().invoke(app, [("x" * 100_000 if a == BIG else a) for a in args], input="")
    shown = " ".join(a[:40] for a in args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{shown}: {result.exception!r}") from result.exception
    assert result.exit_code in (0, 2), (shown, result.exit_code, result.output[-500:])
    assert "Traceback" not in result.output, shown
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, (shown, result.stderr[:600])
        assert len(lines[0]) < 300, (shown, lines[0])
        assert _content(seeded) == before, shown
