"""``twitchcare serve``: a bad port is one line with exit code 2; a start prints the address."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app

runner = CliRunner()


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_bad_port_is_refused_in_one_line(port: str) -> None:
    result = runner.invoke(app, ["serve", "--port", port])
    assert result.exit_code == 2
    assert len([line for line in result.output.splitlines() if line.strip()]) == 1


def test_a_bad_port_setting_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWITCHCARE_PORT", "eighty")
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "TWITCHCARE_PORT" in result.output


def test_serve_prints_its_loopback_address_once_it_listens(_isolated_data_dir: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).parent / "twitchcare"
    env = {**os.environ, "TWITCHCARE_PORT": str(port)}
    with subprocess.Popen([str(exe), "serve"], env=env, stdout=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert f"http://127.0.0.1:{port}/" in line
            with socket.create_connection(("127.0.0.1", port), timeout=5):
                pass
        finally:
            proc.terminate()
            proc.wait(timeout=10)
