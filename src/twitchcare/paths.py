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
MODE_VAR = "TWITCHCARE_MODE"
#: The accepted values of TWITCHCARE_MODE; :class:`twitchcare.config.Settings` checks with
#: :func:`check_mode` too, so a bad value fails with the same line on every path.
MODES = ("local", "hosted")


def env(name: str) -> str | None:
    """A variable as :class:`twitchcare.config.Settings` sees it: the name in any case (when
    several spellings are set, the last in the environment wins, as in pydantic-settings), and
    an empty value as unset."""
    wanted = name.lower()
    value = None
    for key, found in os.environ.items():
        if key.lower() == wanted:
            value = found
    return value or None


def check_mode(value: str) -> str:
    """``value`` if it is a mode, else the one :class:`ConfigError` every command gives."""
    if value not in MODES:
        from twitchcare.errors import ConfigError, abbreviate

        raise ConfigError(
            field=MODE_VAR,
            problem=f"'{abbreviate(value, 40)}' is not accepted",
            hint=" or ".join(MODES),
        )
    return value


def default_data_dir() -> Path:
    """The per-user data directory (platformdirs knows each system's convention)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("twitchcare", appauthor=False))


def sqlite_url(data_dir: Path) -> str:
    """The default embedded database inside a data directory."""
    return f"sqlite:///{data_dir / 'diary.sqlite3'}"


def local_database_url() -> str | None:
    """The SQLite URL from the environment, or None when a server database is configured.

    Variables are read exactly as :class:`twitchcare.config.Settings` reads them (upper case
    only, empty means unset) and TWITCHCARE_MODE is checked the same way.
    """
    check_mode(env(MODE_VAR) or "local")
    url = env(DATABASE_URL_VAR)
    if url:
        return url if url.startswith("sqlite") else None
    data_dir = env(DATA_DIR_VAR)
    return sqlite_url(Path(data_dir) if data_dir else default_data_dir())
