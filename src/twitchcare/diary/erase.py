"""Delete everything a person has recorded: their data is theirs to take away.

Every diary table is emptied in one transaction; on SQLite the file is then vacuumed, so the
deleted entries do not linger in free pages of the database file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore


def erase_all(store: DiaryStore) -> dict[str, int]:
    """Remove every row of every diary table; returns how many rows each table lost."""
    from sqlalchemy import delete

    from twitchcare.store.models import Base

    removed: dict[str, int] = {}
    with store.session() as session:
        for table in reversed(Base.metadata.sorted_tables):
            result = session.execute(delete(table))
            removed[table.name] = int(getattr(result, "rowcount", 0) or 0)
    path = store.engine.url.database
    if store.engine.dialect.name == "sqlite" and path and path != ":memory:":
        import sqlite3

        # Outside SQLAlchemy: the store's connections always open a transaction, and VACUUM
        # cannot run inside one.
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("VACUUM")
        finally:
            conn.close()
    return removed
