"""The terminal in the person's language: gettext catalogues, chosen by ``TWITCHCARE_LANG``.

Every sentence the terminal prints is wrapped in :func:`_` (or marked with :func:`N_` where it is
defined before the language is known). English is the source language, so it needs no catalogue;
German lives in ``locale/de/LC_MESSAGES/messages.po``. ``make install`` compiles it to ``.mo``;
when that is missing or older than the ``.po`` (a fresh checkout, an edited translation), the
``.po`` is compiled in memory instead, so what is shown always matches the file in the repository.
The catalogue template ``locale/messages.pot`` is extracted with ``make messages``.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"

_language: str | None = None


def N_(message: str) -> str:
    """Mark a string for the catalogue where it is defined; translate it where it is shown."""
    return message


def catalogue_path(lang: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@lru_cache(maxsize=4)
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for ``lang`` (English: the strings as written)."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    po, mo = catalogue_path(lang), catalogue_path(lang, ".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def set_language(lang: str) -> None:
    """Use ``lang`` from now on (tests and commands that were given a language)."""
    global _language
    _language = lang


def language() -> str:
    """The language in use: set explicitly, else ``TWITCHCARE_LANG`` (read once)."""
    global _language
    if _language is None:
        from twitchcare.config import load_settings

        _language = load_settings().lang
    return _language


def _(message: str) -> str:
    """``message`` in the person's language."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(language()).ngettext(singular, plural, n)


def long_date(day: dt.date) -> str:
    """A date written out the way the language writes it ("Friday 4 December 2026")."""
    lang = language()
    if lang == SOURCE_LANGUAGE:
        return f"{day:%A} {day.day} {day:%B %Y}"
    from babel.dates import format_date

    return format_date(day, "EEEE, d. MMMM y", locale=lang)
