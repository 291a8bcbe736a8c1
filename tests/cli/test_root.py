"""The root command: help and version work, and errors are one line with exit code 2."""

from __future__ import annotations

from typer.testing import CliRunner

from twitchcare import __version__
from twitchcare.cli.app import app

runner = CliRunner()


def test_version_prints_the_package_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_unknown_command_exits_with_code_2() -> None:
    result = runner.invoke(app, ["no-such-command"])
    assert result.exit_code == 2


def test_usage_errors_are_one_line_naming_the_option_with_exit_code_2() -> None:
    result = runner.invoke(app, ["day", "--stress", "abc"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "--stress" in lines[0] and "abc" in lines[0]
    assert "env var" not in lines[0]
