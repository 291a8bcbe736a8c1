"""``scripts/with-postgres.sh``: a private PostgreSQL cluster for one command, gone afterwards.

It must never rely on, or weaken, anyone's PostgreSQL server: its own folder, its own port, a
password that lives only for the run, and a clean stop whatever the command does.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "scripts" / "with-postgres.sh"
ONE_POSTGRES_TEST = "test_open_store_creates_the_schema_at_head[postgres]"
PROBE = """
import os, sys, psycopg
url = os.environ["TWITCHCARE_TEST_POSTGRES_SERVER"]
with psycopg.connect(url) as conn:
    print(conn.execute("SHOW data_directory").fetchone()[0])
    print(conn.execute("SHOW port").fetchone()[0])
print(os.environ["TWITCHCARE_TEST_POSTGRES_REQUIRED"])
try:
    psycopg.connect(url.replace(url.split(":")[2].split("@")[0], "not-the-password"))
    print("open")
except psycopg.OperationalError:
    print("password required")
sys.exit(3)
"""


def _initdb_available() -> bool:
    return bool(shutil.which("initdb") or list(Path("/usr/lib/postgresql").glob("*/bin/initdb")))


@pytest.mark.skipif(
    not _initdb_available() and os.geteuid() != 0,
    reason="needs PostgreSQL's initdb, or root to install it",
)
def test_the_private_cluster_runs_for_the_command_only_and_needs_its_password() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWITCHCARE_TEST_POSTGRES")}
    run = subprocess.run(
        [str(SCRIPT), sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 3, run.stderr  # the command's own exit status comes back
    data_directory, port, required, access = run.stdout.splitlines()
    assert required == "1"
    assert access == "password required"
    assert int(port) != 5432
    assert not Path(data_directory).exists()  # stopped and deleted
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", int(port))) != 0


def test_a_server_given_by_the_developer_is_used_as_is() -> None:
    env = {**os.environ, "TWITCHCARE_TEST_POSTGRES_SERVER": "postgresql://someone@db/x"}
    env.pop("TWITCHCARE_TEST_POSTGRES_REQUIRED", None)
    code = "import os; print(os.environ['TWITCHCARE_TEST_POSTGRES_SERVER'])"
    run = subprocess.run(
        [str(SCRIPT), sys.executable, "-c", code], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0
    assert run.stdout.strip() == "postgresql://someone@db/x"
    assert run.stderr == ""


def test_when_make_test_promised_a_server_a_silent_one_fails_instead_of_skipping() -> None:
    env = {
        **os.environ,
        "TWITCHCARE_TEST_POSTGRES_SERVER": "postgresql://postgres:x@127.0.0.1:9/postgres",
        "TWITCHCARE_TEST_POSTGRES_REQUIRED": "1",
    }
    test = f"{Path(__file__).parent / 'test_schema.py'}::{ONE_POSTGRES_TEST}"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", test],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout
    assert "1 error" in run.stdout and "skipped" not in run.stdout  # the fixture fails
    assert "no PostgreSQL server at 127.0.0.1:9/postgres" in run.stdout
    assert ":x@" not in run.stdout  # the password is never printed
