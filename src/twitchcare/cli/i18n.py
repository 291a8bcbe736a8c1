"""The terminal in the person's language: gettext catalogues, chosen by ``TWITCHCARE_LANG``.

Every sentence the terminal prints is wrapped in :func:`_` (or marked with :func:`N_` where it is
defined before the language is known). English is the source language, so it needs no catalogue;
German lives in ``locale/de/LC_MESSAGES/messages.po``, read by :mod:`twitchcare.catalogue`.
The catalogue template ``locale/messages.pot`` is extracted with ``make messages``.
"""

from __future__ import annotations

import datetime as dt
import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
SOURCE_LANGUAGE = "en"

_language: str | None = None


def N_(message: str) -> str:
    """Mark a string for the catalogue where it is defined; translate it where it is shown."""
    return message


def catalogue_path(lang: str, suffix: str = ".po") -> Path:
    from twitchcare.catalogue import catalogue_path as path

    return path(LOCALE_DIR, lang, suffix)


def translations(lang: str) -> gettext.NullTranslations:
    """The terminal's catalogue for ``lang``."""
    from twitchcare.catalogue import load_catalogue

    return load_catalogue(LOCALE_DIR, lang)


def set_language(lang: str) -> None:
    """Use ``lang`` from now on (tests and commands that were given a language)."""
    from twitchcare.catalogue import LANGUAGE

    global _language
    _language = lang
    LANGUAGE.set(lang)  # the core's own sentences follow the terminal


def language() -> str:
    """The language in use: set explicitly, else ``TWITCHCARE_LANG`` (read once)."""
    global _language
    if _language is None:
        from twitchcare.config import load_settings

        set_language(load_settings().lang)
    return _language or SOURCE_LANGUAGE


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


def number(value: float) -> str:
    """A number the way the language writes it ("0.5" in English, "0,5" in German)."""
    lang = language()
    if lang == SOURCE_LANGUAGE:
        return f"{value:g}"
    from babel.numbers import format_decimal

    return format_decimal(value, locale=lang, group_separator=False)
