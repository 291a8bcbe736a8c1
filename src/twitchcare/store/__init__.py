"""Where the diary lives: one engine per store, created by a factory, never at import time.

Opening checks the storage first (:mod:`twitchcare.store.health`): the data folder, an empty or
damaged SQLite file, a URL that is not one, a server that does not answer. Each is a one-line
:class:`~twitchcare.errors.StorageError`, and a database error met later in a session becomes one
too, so a damaged diary never ends a command in a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from twitchcare.catalogue import gettext as _
from twitchcare.errors import StorageError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from twitchcare.config import Settings

URL_VAR = "TWITCHCARE_DATABASE_URL"


def _url_hint() -> str:
    return _("e.g. postgresql://user@host/diary, or unset it for the local SQLite diary")


def _no_driver() -> str:
    return _("names a database driver that is not installed")


@dataclass
class DiaryStore:
    """An opened, migrated diary database."""

    engine: Engine
    path: Path | None = None  # the SQLite file, when the diary is one

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        from sqlalchemy.exc import DatabaseError, IntegrityError
        from sqlalchemy.orm import Session

        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except IntegrityError:
            raise
        except DatabaseError as exc:
            raise storage_problem(exc, self.path, self.engine.url) from None

    def close(self) -> None:
        """Release every pooled connection (tests and short-lived processes)."""
        self.engine.dispose()


def storage_problem(exc: Exception, path: Path | None, url: object = None) -> StorageError:
    """One line for a database error: a damaged file, or a server that cannot be used."""
    from twitchcare.store.health import damaged

    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:120] if str(exc) else ""
    if path is not None:
        if "unable to open" in detail:
            return StorageError(
                field=str(path),
                problem=_("cannot be opened"),
                hint=_("check the folder's permissions"),
            )
        return damaged(path, detail)
    where = _safe_url(url)
    return StorageError(
        field=URL_VAR,
        problem=_("cannot use the database at {where}").format(where=where),
        hint=_("check that the server runs and the URL is right; nothing was saved"),
    )


def _safe_url(url: object) -> str:
    """The URL without its password, for messages."""
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(str(url))
        host = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
        return f"{host}/{parsed.database or ''}"
    except Exception:
        return _("the configured URL")


def open_store(settings: Settings | None = None) -> DiaryStore:
    """Open the diary named by the settings, creating or upgrading its schema when needed.

    A local diary gets its daily backup here (see :func:`twitchcare.store.health.daily_backup`).
    """
    from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError

    from twitchcare.config import load_settings
    from twitchcare.store.engine import ensure_schema, make_engine
    from twitchcare.store.health import check_file, check_folder
    from twitchcare.store.quick import sqlite_path

    settings = settings or load_settings()
    url = settings.effective_database_url
    path = sqlite_path(url)
    if not settings.database_url:
        check_folder(settings.data_dir)
    elif path is not None:
        check_folder(path.parent, URL_VAR)
    created = False
    if path is not None:
        check_file(path)
        if not path.exists():
            _create(settings, path)
            created = True
    try:
        engine = make_engine(settings)
    except (ArgumentError, NoSuchModuleError, ValueError):
        raise StorageError(
            field=URL_VAR, problem=_("is not a database URL"), hint=_url_hint()
        ) from None
    except ImportError:
        raise StorageError(field=URL_VAR, problem=_no_driver(), hint=_url_hint()) from None
    try:
        ensure_schema(engine)
    except DatabaseError as exc:
        engine.dispose()
        raise storage_problem(exc, path, engine.url) from None
    except ImportError:
        engine.dispose()
        raise StorageError(field=URL_VAR, problem=_no_driver(), hint=_url_hint()) from None
    if path is not None and not created:  # a backup of a new, empty diary would restore nothing
        _backup(path)
    return DiaryStore(engine, path)


def _create(settings: Settings, path: Path) -> None:
    """Make a new SQLite diary appear whole: built beside it, then linked into place.

    A half-made file is never visible, so an empty (0-byte) diary file always means damage, and
    two processes creating the same diary at once end up sharing the one that was linked first.
    """
    import os

    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from twitchcare.store.engine import ensure_schema

    temp = path.with_name(f".{path.name}.new-{os.getpid()}")
    for leftover in (temp, temp.with_name(temp.name + "-wal"), temp.with_name(temp.name + "-shm")):
        leftover.unlink(missing_ok=True)
    # A plain rollback-journal connection: no write-ahead log whose name would follow the
    # temporary path. The diary switches to WAL when first opened under its own name.
    engine = create_engine(f"sqlite:///{temp}", poolclass=NullPool)
    try:
        ensure_schema(engine)
    finally:
        engine.dispose()
    try:
        os.link(temp, path)
    except FileExistsError:
        pass  # another process made it first: use theirs
    except OSError:  # a file system without hard links: a plain rename, if still missing
        if not path.exists():
            os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _backup(path: Path) -> None:
    """Today's backup; a failure to write it is told, not fatal (the diary itself is fine)."""
    import sqlite3

    from twitchcare.store.engine import NOTICES
    from twitchcare.store.health import backup_dir, daily_backup

    try:
        daily_backup(path)
    except (OSError, sqlite3.Error) as exc:
        NOTICES.append(
            _("note: could not write today's backup in {folder} ({reason})").format(
                folder=backup_dir(path), reason=exc
            )
        )


__all__ = ["DiaryStore", "open_store", "storage_problem"]
