"""Storage fixtures: the same tests run on SQLite and on a throw-away PostgreSQL database.

The PostgreSQL half uses the server named by TWITCHCARE_TEST_POSTGRES_SERVER. ``make test`` runs
the tests through ``scripts/with-postgres.sh``, which starts a private cluster for the run and sets
TWITCHCARE_TEST_POSTGRES_REQUIRED=1: then a server that does not answer is a failure, so the
PostgreSQL tests cannot quietly stop running. Run directly, without the flag, they are skipped
with the reason shown when no server answers. Each test gets its own database, dropped
afterwards, so no one's diary is ever seen.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from twitchcare.config import Settings, load_settings
from twitchcare.store import DiaryStore, open_store

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


def _server_url() -> str:
    return os.environ.get("TWITCHCARE_TEST_POSTGRES_SERVER", DEFAULT_SERVER)


def _required() -> bool:
    return os.environ.get("TWITCHCARE_TEST_POSTGRES_REQUIRED") == "1"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, as a SQLAlchemy URL."""
    import psycopg

    server = _server_url()
    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        where = server.split("@")[-1]  # never the password
        reason = f"no PostgreSQL server at {where}: {str(exc).splitlines()[0]}"
        if _required():
            pytest.fail(reason)
        pytest.skip(reason)
    name = f"twitchcare_test_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        base = server.rsplit("/", 1)[0]
        try:
            yield f"postgresql+psycopg://{base.split('://', 1)[1]}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings pointing at an empty diary database of each kind."""
    if request.param == "sqlite":
        return load_settings(data_dir=tmp_path / "data")
    url = request.getfixturevalue("postgres_url")
    return load_settings(data_dir=tmp_path / "data", database_url=url)


@pytest.fixture
def store(store_settings: Settings) -> Iterator[DiaryStore]:
    opened = open_store(store_settings)
    try:
        yield opened
    finally:
        opened.close()
