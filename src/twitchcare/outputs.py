"""Where a command may write: checked before any work starts, one line for each problem.

Export, chart and report never write over an existing file, into a path that is a file where a
folder is needed (or the other way round), or into a folder that cannot be written.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError


def _writable_folder(folder: Path, field: str) -> None:
    existing = folder
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise InputError(
            field=field, problem=_("{folder} is a file, not a folder").format(folder=existing)
        )
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(
            field=field,
            problem=_("{folder} is not writable").format(folder=existing),
            hint=_("choose a folder you can write to"),
        )


def _usable(path: Path, field: str) -> None:
    try:
        path.exists()
    except OSError as exc:  # a name too long for the file system, say
        raise InputError(
            field=field,
            problem=_("cannot use {path} ({reason})").format(path=path, reason=exc.strerror),
        ) from None


def check_new_file(path: Path, field: str = "out") -> Path:
    """``path`` can be created: it does not exist, and its folder can be written."""
    _usable(path, field)
    if path.is_dir():
        raise InputError(
            field=field,
            problem=_("{path} is a folder").format(path=path),
            hint=_("give a file name"),
        )
    if path.exists():
        raise InputError(
            field=field,
            problem=_("{path} already exists").format(path=path),
            hint=_("choose another name; twitchcare does not write over files"),
        )
    _writable_folder(path.parent, field)
    return path


def check_folder_for(folder: Path, names: tuple[str, ...], field: str = "out") -> Path:
    """``folder`` is (or can become) a writable folder in which none of ``names`` exists yet."""
    _usable(folder / names[0], field)
    if folder.exists() and not folder.is_dir():
        raise InputError(
            field=field, problem=_("{folder} is a file, not a folder").format(folder=folder)
        )
    _writable_folder(folder, field)
    taken = [n for n in names if (folder / n).exists()]
    if taken:
        raise InputError(
            field=field,
            problem=_("{path} already exists").format(path=folder / taken[0]),
            hint=_("choose another folder; twitchcare does not write over files"),
        )
    return folder


def new_dated_file(base: Path, stem: str, suffix: str, today: dt.date | None = None) -> Path:
    """A file name that does not exist yet: ``stem-YYYY-MM-DD.suffix``, then ``-2``, ``-3``..."""
    day = (today or dt.date.today()).isoformat()
    candidate = base / f"{stem}-{day}{suffix}"
    n = 2
    while candidate.exists():
        candidate = base / f"{stem}-{day}-{n}{suffix}"
        n += 1
    return candidate


def new_dated_folder(base: Path, stem: str, today: dt.date | None = None) -> Path:
    """A folder name that does not exist yet: ``stem-YYYY-MM-DD``, then ``-2``, ``-3``..."""
    day = (today or dt.date.today()).isoformat()
    candidate = base / f"{stem}-{day}"
    n = 2
    while candidate.exists():
        candidate = base / f"{stem}-{day}-{n}"
        n += 1
    return candidate
