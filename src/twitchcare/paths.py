"""Where the diary lives, read from the environment with the standard library only.

:class:`twitchcare.config.Settings` is the typed, validated view of the same variables; this
module exists so the one-line ``twitchcare log`` can find a local diary without importing pydantic
(start-up time is most of that command's budget).
"""

from __future__ import annotations

import os
from pathlib import Path

from twitchcare.catalogue import LANGUAGES, N_
from twitchcare.catalogue import gettext as _

DATA_DIR_VAR = "TWITCHCARE_DATA_DIR"
DATABASE_URL_VAR = "TWITCHCARE_DATABASE_URL"
#: The accepted values of the settings that have a choice; :class:`twitchcare.config.Settings`
#: declares the same (a test holds them equal).
MODES = ("local", "hosted")
PORTS = (1, 65535)
#: The fields of :class:`twitchcare.config.Settings` (a test holds the two equal), each read from
#: ``TWITCHCARE_<NAME>``; :func:`check_environment` checks them with the same accepted values,
#: the language first: it words the errors of the others, so a bad one is the error to report.
SETTINGS = ("lang", "data_dir", "database_url", "mode", "host", "port")
CHOICES: dict[str, tuple[str, ...]] = {"mode": MODES, "lang": LANGUAGES}  # catalogue's


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


def check_setting(name: str, value: str) -> str:
    """``value`` of setting ``name`` if it is accepted, else the one-line error of that
    variable. Settings checks the environment with this function before it builds itself, so a
    command on a fast path and every other command fail with the same line."""
    from twitchcare.errors import ConfigError, abbreviate

    var = f"TWITCHCARE_{name.upper()}"
    shown = abbreviate(value, 40)
    if name in CHOICES and value not in CHOICES[name]:
        raise ConfigError(
            field=var,
            problem=_worded(name, N_("'{value}' is not accepted")).format(value=shown),
            hint=_worded(name, N_("use one of {allowed}")).format(allowed=", ".join(CHOICES[name])),
        )
    if name == "port" and not (
        value.isascii() and value.isdigit() and PORTS[0] <= int(value) <= PORTS[1]
    ):
        raise ConfigError(
            field=var,
            problem=_("'{value}' is not a port").format(value=shown),
            hint=_("a whole number from {low} to {high}").format(low=PORTS[0], high=PORTS[1]),
        )
    return value


def _worded(name: str, message: str) -> str:
    """``message`` in the language in use, except for a bad ``TWITCHCARE_LANG``: the language
    asked for is the value that is wrong, so its error is in English, the default language
    every other message falls back to, naming the values that are allowed (en, de). Every other
    setting's error follows a valid ``TWITCHCARE_LANG`` (the terminal reads it first)."""
    return message if name == "lang" else _(message)


def check_environment() -> None:
    """Check every ``TWITCHCARE_*`` setting that is set (in any case, as Settings reads it)."""
    for name in SETTINGS:
        value = env(f"TWITCHCARE_{name.upper()}")
        if value is not None:
            check_setting(name, value)


def default_data_dir() -> Path:
    """The per-user data directory (platformdirs knows each system's convention)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("twitchcare", appauthor=False))


def sqlite_url(data_dir: Path) -> str:
    """The default embedded database inside a data directory."""
    return f"sqlite:///{data_dir / 'diary.sqlite3'}"


def local_database_url() -> str | None:
    """The SQLite URL from the environment, or None when a server database is configured.

    Variables are read exactly as :class:`twitchcare.config.Settings` reads them (the name in
    any case, empty means unset) and every setting is checked as Settings checks it, so a bad
    value fails here with the line every other command gives.
    """
    check_environment()
    url = env(DATABASE_URL_VAR)
    if url:
        return url if url.startswith("sqlite") else None
    data_dir = env(DATA_DIR_VAR)
    return sqlite_url(Path(data_dir) if data_dir else default_data_dir())
