"""One typed settings object for every adapter.

Settings come from ``TWITCHCARE_*`` environment variables. A bad value stops start-up with the
variable name and what is accepted, instead of failing later in some unrelated place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from twitchcare.catalogue import gettext as _
from twitchcare.errors import ConfigError
from twitchcare.paths import default_data_dir, sqlite_url


class Settings(BaseSettings):
    """Everything an adapter needs to know about its environment."""

    # Variable names are matched in any case (pydantic-settings' rule); the stdlib reader of
    # the fast paths (:func:`twitchcare.paths.env`) follows the same rule, and an empty value
    # counts as unset in both.
    model_config = SettingsConfigDict(
        env_prefix="TWITCHCARE_", extra="ignore", env_ignore_empty=True
    )

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    mode: Literal["local", "hosted"] = "local"
    host: str = "127.0.0.1"
    port: int = Field(default=8765, ge=1, le=65535)
    lang: Literal["en", "de"] = "en"

    @property
    def effective_database_url(self) -> str:
        """SQLite in the data directory unless a URL was given."""
        if self.database_url:
            return self.database_url
        return sqlite_url(self.data_dir)


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning pydantic's error into one line naming the variable."""
    from twitchcare.paths import check_environment, check_setting

    check_environment()  # the checks of the fast paths, so both fail with the same line
    for name in ("lang", "mode", "port"):
        if overrides.get(name) is not None:
            check_setting(name, str(overrides[name]))
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        # Not reached by the environment (check_environment words each setting it can refuse);
        # pydantic's own words, in English, say what it expected.
        err = exc.errors()[0]
        name = "TWITCHCARE_" + str(err["loc"][0]).upper() if err["loc"] else "TWITCHCARE_*"
        raise ConfigError(field=name, problem=_("is not accepted"), hint=err["msg"]) from None
