"""Delete everything a person has put in their diary, so that nothing can be read back.

Deleting rows is not enough for a health diary: SQLite keeps deleted content in free pages and in
its write-ahead log until they are reused. So, on SQLite, the delete runs with
``PRAGMA secure_delete`` (freed content is overwritten with zeros), then ``VACUUM`` rebuilds the
file and the log is checkpointed and truncated. PostgreSQL gets ``VACUUM FULL`` on each table,
which rewrites it. The schema (and its version) stays, so the diary can be used again at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore


def erase_all(store: DiaryStore) -> dict[str, int]:
    """Remove every row of every diary table; returns how many rows each table held."""
    from sqlalchemy import delete, func, select

    from twitchcare.store.models import Base

    tables = list(reversed(Base.metadata.sorted_tables))  # children before parents
    sqlite = store.engine.dialect.name == "sqlite"
    removed: dict[str, int] = {}
    with store.session() as session:
        if sqlite:
            session.connection().exec_driver_sql("PRAGMA secure_delete=ON")
        for table in tables:
            removed[table.name] = int(
                session.execute(select(func.count()).select_from(table)).scalar() or 0
            )
            session.execute(delete(table))
    _compact(store, [t.name for t in tables], sqlite=sqlite)
    return removed


def _compact(store: DiaryStore, tables: list[str], *, sqlite: bool) -> None:
    """Rewrite the database so deleted content is gone from the files, not just unlisted."""
    raw = store.engine.raw_connection()
    try:
        if sqlite:
            cursor = raw.cursor()
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
            return
        raw.commit()
        driver = raw.driver_connection
        assert driver is not None
        previous = driver.autocommit
        driver.autocommit = True  # VACUUM cannot run inside a transaction
        try:
            for name in tables:
                driver.execute(f'VACUUM FULL "{name}"')
        finally:
            driver.autocommit = previous
    finally:
        raw.close()
