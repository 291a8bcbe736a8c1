"""Message catalogues (gettext) for the adapters, read the same way by the terminal and the web.

English is the source language, so it needs no catalogue. Another language is a ``.po`` file at
``<locale_dir>/<lang>/LC_MESSAGES/messages.po``. ``make install`` compiles it to ``.mo``; when the
``.mo`` is missing or older than the ``.po`` (a fresh checkout, an edited translation), the
``.po`` is compiled in memory instead, so what is shown always matches the file in the
repository and never silently falls back to English.
"""

from __future__ import annotations

import gettext as _gettext
import io
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "de")


def catalogue_path(locale_dir: Path, lang: str, suffix: str = ".po") -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@lru_cache(maxsize=8)
def load_catalogue(locale_dir: Path, lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue for ``lang`` (English: the strings as written)."""
    if lang == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    po, mo = catalogue_path(locale_dir, lang), catalogue_path(locale_dir, lang, ".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as handle:
            return _gettext.GNUTranslations(handle)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


# The language of what is being worded now: set by the adapter (the terminal once, the web app per
# request), read by the core's few sentences of its own (answers it cannot read, for example).
LANGUAGE: ContextVar[str] = ContextVar("twitchcare_language", default=SOURCE_LANGUAGE)
CORE_LOCALE_DIR = Path(__file__).parent / "locale"


def N_(message: str) -> str:
    """Mark a core sentence for the catalogue where it is defined; it is translated where shown."""
    return message


def gettext(message: str) -> str:
    """A core sentence in the language in use (catalogue ``src/twitchcare/locale``)."""
    return load_catalogue(CORE_LOCALE_DIR, LANGUAGE.get()).gettext(message)
