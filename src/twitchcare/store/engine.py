"""Engine factory and schema upgrades.

SQLite is the default: WAL so a reader never blocks the logger, ``synchronous=FULL`` so an
acknowledged entry survives a power cut, and ``BEGIN IMMEDIATE`` so concurrent writers wait for
the lock (busy timeout) instead of failing half-way through a read-then-write transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from twitchcare.store.revision import HEAD_REVISION

if TYPE_CHECKING:
    from twitchcare.config import Settings

MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
_PG_LOCK_KEY = 7_340_2026  # any constant; serialises concurrent upgrades of one PostgreSQL diary


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # The driver must not open transactions on its own; the "begin" hook below does it.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(settings: Settings) -> Engine:
    """Create the engine for ``settings.effective_database_url`` (creating the data folder)."""
    url = settings.effective_database_url
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("postgresql+psycopg"):
        from twitchcare.extras import require

        require("postgres")
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at, or None for an empty database."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError):
        return None


#: One-line notes for the person about what an upgrade changed; the CLI prints them on stderr.
NOTICES: list[str] = []


def ensure_schema(engine: Engine) -> None:
    """Upgrade to head, but only pay for Alembic when the database is behind."""
    before = schema_revision(engine)
    if before != HEAD_REVISION:
        upgrade(engine)
        if before is not None and before < "0004":
            _note_repairs(engine)


def _note_repairs(engine: Engine) -> None:
    with engine.connect() as conn:
        changed = conn.execute(text("SELECT COUNT(*) FROM day_repairs")).scalar() or 0
    if changed:
        from twitchcare.catalogue import gettext as _

        NOTICES.append(
            _(
                "note: the diary was upgraded and {changed} day value(s) that had grown from "
                "copied entries were recomputed from the entries (see `twitchcare diary repairs`)"
            ).format(changed=changed)
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` inside one locked transaction."""
    from alembic import command
    from alembic.config import Config

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
