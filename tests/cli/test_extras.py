"""A command that needs an optional part (charts, PostgreSQL) says in one line how to get it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcare.cli import i18n
from twitchcare.cli.app import app

runner = CliRunner()


def test_chart_without_matplotlib_names_the_charts_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["log", "calf"]).exit_code == 0
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    result = runner.invoke(app, ["diary", "chart", "--out", str(tmp_path / "c.png")])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: charts: diary charts need matplotlib, which is not installed"
        " (pip install 'twitchcare[charts]')"
    ]
    assert not (tmp_path / "c.png").exists()


def test_a_missing_extra_is_named_in_german_when_the_terminal_is_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["log", "calf"]).exit_code == 0
    monkeypatch.setenv("TWITCHCARE_LANG", "de")
    monkeypatch.setattr(i18n, "_language", None)  # read TWITCHCARE_LANG again
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    try:
        result = runner.invoke(app, ["diary", "chart", "--out", str(tmp_path / "c.png")])
    finally:
        i18n.set_language("en")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Fehler: charts: Diagramme des Tagebuchs brauchen matplotlib, das nicht installiert ist"
        " (pip install 'twitchcare[charts]')"
    ]


def test_postgres_diary_without_psycopg_names_the_postgres_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.setenv("TWITCHCARE_DATABASE_URL", "postgresql://postgres@127.0.0.1:9/none")
    result = runner.invoke(app, ["diary", "stats"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "twitchcare[postgres]" in line and "psycopg" in line


def test_pyproject_keeps_matplotlib_and_psycopg_out_of_the_core() -> None:
    import tomllib

    project = tomllib.loads(
        (Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    )["project"]
    core = " ".join(project["dependencies"])
    assert "matplotlib" not in core and "psycopg" not in core and "pandas" not in core
    assert any("matplotlib" in d for d in project["optional-dependencies"]["charts"])
    assert any("psycopg" in d for d in project["optional-dependencies"]["postgres"])
