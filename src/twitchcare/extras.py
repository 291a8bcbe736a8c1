"""Optional parts of twitchcare, and the one-line error when a command needs a missing one.

The core (assessment, diary on SQLite, nutrition) needs none of them: charts need matplotlib
(``twitchcare[charts]``), a PostgreSQL diary the psycopg driver (``twitchcare[postgres]``) and
``twitchcare serve`` FastAPI and friends (``twitchcare[web]``). Keeping them optional makes a plain
install small; ``make install`` installs them all.
"""

from __future__ import annotations

import importlib

from twitchcare.catalogue import N_
from twitchcare.catalogue import gettext as _
from twitchcare.errors import MissingExtraError

#: extra name -> (module it provides, what needs it)
EXTRAS: dict[str, tuple[str, str]] = {
    "charts": ("matplotlib", N_("diary charts need {module}, which is not installed")),
    "postgres": ("psycopg", N_("a PostgreSQL diary needs {module}, which is not installed")),
    "web": ("fastapi", N_("the web app needs {module}, which is not installed")),
}


def require(extra: str) -> None:
    """Import the extra's module, or raise a one-line error saying how to install it."""
    module, purpose = EXTRAS[extra]
    try:
        importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            field=extra,
            problem=_(purpose).format(module=module),
            hint=f"pip install 'twitchcare[{extra}]'",
        ) from None
