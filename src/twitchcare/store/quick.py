"""A stdlib-only way to append one row to a current SQLite diary.

``twitchcare log`` must answer in well under a second even on slow machines; importing SQLAlchemy
alone costs more than that budget allows. For the single insert of a log entry we therefore use
:mod:`sqlite3` directly, with the same pragmas and locking as the engine, and only when the diary
already exists at the current schema revision. Everything else (creating, migrating, PostgreSQL)
goes through SQLAlchemy. Values are written in SQLAlchemy's SQLite text formats, which a test
checks by reading fast-path rows back through the models.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from twitchcare.store.revision import HEAD_REVISION

BUSY_TIMEOUT_S = 30.0


def sqlite_path(url: str) -> Path | None:
    """The file behind a plain ``sqlite:///`` URL, or None for anything else."""
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix) and "?" not in url:
            path = url.removeprefix(prefix)
            return None if path in ("", ":memory:") else Path(path)
    return None


def _sql_value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def append_row(path: Path, table: str, values: dict[str, object]) -> int | None:
    """Insert one row durably and return its id; None when the fast path does not apply."""
    from twitchcare.store.health import check_file, daily_backup, damaged

    if not path.exists():
        return None
    check_file(path)
    try:
        new_id = _append(path, table, values)
    except sqlite3.DatabaseError as exc:
        raise damaged(path, str(exc)) from None
    if new_id is not None:
        # the entry is safe even if this fails; the next command that opens the store says so
        with contextlib.suppress(OSError, sqlite3.Error):
            daily_backup(path)
    return new_id


def _append(path: Path, table: str, values: dict[str, object]) -> int | None:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            row = None
        if row is None or row[0] != HEAD_REVISION:
            conn.execute("ROLLBACK")
            return None
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = conn.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",
            [_sql_value(v) for v in values.values()],
        )
        conn.execute("COMMIT")
        return cur.lastrowid
    finally:
        conn.close()


def read_rows(
    path: Path, queries: dict[str, str], params: dict[str, tuple[object, ...]] | None = None
) -> dict[str, list[tuple[Any, ...]]] | None:
    """Run read-only queries in one snapshot of a current diary; None when that does not apply."""
    from twitchcare.store.health import check_file, damaged

    if not path.exists():
        return None
    check_file(path)
    try:
        return _read(path, queries, params)
    except sqlite3.DatabaseError as exc:
        raise damaged(path, str(exc)) from None


def _read(
    path: Path, queries: dict[str, str], params: dict[str, tuple[object, ...]] | None
) -> dict[str, list[tuple[Any, ...]]] | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        conn.execute("BEGIN")
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
        if row is None or row[0] != HEAD_REVISION:
            return None
        params = params or {}
        return {
            name: conn.execute(sql, params.get(name, ())).fetchall()
            for name, sql in queries.items()
        }
    finally:
        conn.close()
