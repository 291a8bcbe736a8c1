"""Where the diary lives: one engine per store, created by a factory, never at import time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from twitchcare.config import Settings


@dataclass
class DiaryStore:
    """An opened, migrated diary database."""

    engine: Engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        from sqlalchemy.orm import Session

        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        """Release every pooled connection (tests and short-lived processes)."""
        self.engine.dispose()


def open_store(settings: Settings | None = None) -> DiaryStore:
    """Open the diary named by the settings, creating or upgrading its schema when needed."""
    from twitchcare.config import load_settings
    from twitchcare.store.engine import ensure_schema, make_engine

    engine = make_engine(settings or load_settings())
    ensure_schema(engine)
    return DiaryStore(engine)


__all__ = ["DiaryStore", "open_store"]
