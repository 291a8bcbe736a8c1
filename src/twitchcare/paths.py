"""Where the diary lives, read from the environment with the standard library only.

:class:`twitchcare.config.Settings` is the typed, validated view of the same variables; this
module exists so the one-line ``twitchcare log`` can find a local diary without importing pydantic
(start-up time is most of that command's budget).
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_VAR = "TWITCHCARE_DATA_DIR"
DATABASE_URL_VAR = "TWITCHCARE_DATABASE_URL"


def default_data_dir() -> Path:
    """The per-user data directory (platformdirs knows each system's convention)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("twitchcare", appauthor=False))


def sqlite_url(data_dir: Path) -> str:
    """The default embedded database inside a data directory."""
    return f"sqlite:///{data_dir / 'diary.sqlite3'}"


def local_database_url() -> str | None:
    """The SQLite URL from the environment, or None when a server database is configured."""
    url = os.environ.get(DATABASE_URL_VAR)
    if url:
        return url if url.startswith("sqlite") else None
    data_dir = os.environ.get(DATA_DIR_VAR)
    return sqlite_url(Path(data_dir) if data_dir else default_data_dir())
