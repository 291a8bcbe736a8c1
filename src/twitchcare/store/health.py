"""Is the diary usable, and can it be brought back: checks, daily backups and restore.

Standard library only (:mod:`sqlite3`), so the fast paths of ``log`` and ``diary stats`` use the
same checks as every other command. A problem is a :class:`~twitchcare.errors.StorageError`:
one line that names the file and says what to do, never a traceback, and nothing is changed -
in particular an empty (0-byte) or damaged diary is reported, never silently replaced.

Backups use SQLite's online backup API, which copies a consistent snapshot even while another
process writes. The first command of a day that opens a healthy local diary writes
``backups/diary-YYYY-MM-DD.sqlite3`` next to it and keeps the last :data:`KEEP`.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

from twitchcare.catalogue import gettext as _
from twitchcare.errors import StorageError

HEADER = b"SQLite format 3\x00"
KEEP = 7
BACKUP_DIR = "backups"
#: Above this size ``log`` skips the whole-file check (it costs about 3 ms per MB); damage it
#: meets is still reported, and the daily backup checks the whole file first.
FULL_CHECK_LIMIT_BYTES = 8 * 1024 * 1024


def backup_dir(path: Path) -> Path:
    return path.parent / BACKUP_DIR


def backups(path: Path) -> list[Path]:
    """Backups of the diary at ``path``, newest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-????-??-??{path.suffix}"), reverse=True)


def _what_to_do(path: Path, *, empty: bool = False) -> str:
    found = backups(path)
    if found:  # named relative to the diary's folder, which the message names already
        return _(
            "`twitchcare diary restore` brings back {backup} next to it and keeps the damaged file"
        ).format(backup=f"{BACKUP_DIR}/{found[0].name}")
    if empty:
        return _("no backup exists yet; delete it to start a new diary (nothing was changed)")
    return _("no backup exists yet; move the file away to start a new diary (nothing was changed)")


def damaged(path: Path, detail: str | None = None, *, problem: str | None = None) -> StorageError:
    """The one error for a diary file that SQLite cannot read: ``detail`` is SQLite's own words
    (shown as they are), ``problem`` a whole sentence instead."""
    if problem is None:
        problem = _("the diary file is damaged ({detail})").format(detail=detail)
    return StorageError(field=str(path), problem=problem, hint=_what_to_do(path))


def check_folder(folder: Path, variable: str = "TWITCHCARE_DATA_DIR") -> None:
    """The data folder exists (or can be made), is a folder, and can be written."""
    if folder.exists() and not folder.is_dir():
        raise StorageError(
            field=variable,
            problem=_("{folder} is a file, not a folder").format(folder=folder),
            hint=_("name a folder"),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            field=variable,
            problem=_("cannot create {folder} ({reason})").format(
                folder=folder, reason=exc.strerror or exc.__class__.__name__
            ),
            hint=_("name a folder you can write to"),
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            field=variable,
            problem=_("{folder} is not writable").format(folder=folder),
            hint=_("fix its permissions or name another folder"),
        )


def check_file(path: Path, *, full: bool = True) -> None:
    """Refuse an empty, foreign or damaged diary file; a missing file is fine (a new diary)."""
    if not path.exists():
        return
    if path.is_dir():
        raise StorageError(field=str(path), problem=_("is a folder, not a diary file"))
    # Only stat() and SQLite itself touch the file: opening and closing it with plain file
    # calls would drop the POSIX locks this process's SQLite connections hold on it.
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise StorageError(
            field=str(path),
            problem=_("cannot be read ({reason})").format(reason=exc.strerror),
            hint=_("check its permissions"),
        ) from None
    if size == 0:
        raise StorageError(
            field=str(path),
            problem=_("the diary file is empty (0 bytes)"),
            hint=_what_to_do(path, empty=True),
        )
    if size < len(HEADER):
        raise damaged(path, problem=_("the diary file is too short to be a SQLite database"))
    if full and size <= FULL_CHECK_LIMIT_BYTES:
        quick_check(path)


_BUSY = ("error code=5", "error code=6", "database is locked")


def quick_check(path: Path, attempts: int = 3) -> None:
    """SQLite's structural check of every page; raises :func:`damaged` on any problem.

    A page another process is writing at that moment can read as busy; that is retried and, if
    it persists, not taken for damage (the check is a safety net, not a lock).
    """
    for attempt in range(attempts):
        try:
            # read-write like every other connection: a read-only one cannot share the WAL index
            # with writers and reports "disk I/O error" while they work; the check writes nothing
            conn = sqlite3.connect(path, timeout=30)
            try:
                rows = conn.execute("PRAGMA quick_check(1)").fetchall()
            finally:
                conn.close()
        except sqlite3.OperationalError as exc:
            if any(b in str(exc) for b in _BUSY):
                time.sleep(0.05 * (attempt + 1))
                continue
            raise damaged(path, str(exc)) from None
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc):
                raise damaged(path, problem=_("the diary file is not a SQLite database")) from None
            raise damaged(path, str(exc)) from None
        if rows == [("ok",)]:
            return
        first = str(rows[0][0])
        if any(b in first for b in _BUSY):
            time.sleep(0.05 * (attempt + 1))
            continue
        raise damaged(path, first.replace(chr(10), " ")[:80])


def daily_backup(path: Path, today: dt.date | None = None) -> Path | None:
    """Write today's backup if there is none yet (after a whole-file check); keep the last 7."""
    if not path.exists():
        return None
    today = today or dt.date.today()
    folder = backup_dir(path)
    target = folder / f"{path.stem}-{today.isoformat()}{path.suffix}"
    if target.exists():
        return None
    quick_check(path)  # never let a damaged file push a good backup out
    folder.mkdir(exist_ok=True)
    partial = target.with_name(target.name + ".part")
    source = sqlite3.connect(path, timeout=30)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
            # a single self-contained file: reading it later leaves no -wal/-shm files behind
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        source.close()
    partial.replace(target)
    for old in backups(path)[KEEP:]:
        for side in ("", "-wal", "-shm"):
            old.with_name(old.name + side).unlink(missing_ok=True)
    return target


def restore(path: Path, source: Path | None = None) -> tuple[Path, Path | None]:
    """Put the newest healthy backup (or ``source``) in place of the diary.

    The current file, with its write-ahead log, is moved aside (never deleted) and its new name
    returned. Returns ``(backup used, where the old file went)``.
    """
    candidates = [source] if source is not None else backups(path)
    if not candidates:
        raise StorageError(
            field=str(path),
            problem=_("there is no backup to restore"),
            hint=_("backups live in {folder}").format(folder=backup_dir(path)),
        )
    chosen = None
    for candidate in candidates:
        try:
            check_file(candidate)
        except StorageError:
            if source is not None:
                raise
            continue
        chosen = candidate
        break
    if chosen is None:
        raise StorageError(field=str(backup_dir(path)), problem=_("every backup is damaged"))
    moved = None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    if path.exists():
        moved = path.with_name(f"{path.name}.replaced-{stamp}")
        path.replace(moved)
    for extra in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + extra)
        if side.exists():
            side.replace(side.with_name(f"{side.name}.replaced-{stamp}"))
    src = sqlite3.connect(f"file:{chosen}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(path)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    return chosen, moved
