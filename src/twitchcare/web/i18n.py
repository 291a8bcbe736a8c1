"""Translations: every word a person reads goes through gettext, so a language is a file.

Templates use the Jinja2 i18n extension (``{% trans %}``, ``_()``); Python code uses
:func:`gettext`. The catalogue template ``locale/messages.pot`` is extracted with
``make messages`` (Babel, configured in ``babel.cfg``).
"""

from __future__ import annotations

from pathlib import Path

from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LOCALE = "en"


def translations(locale: str = DEFAULT_LOCALE) -> NullTranslations:
    """The compiled catalogue for ``locale``; English is the source language, so none is needed."""
    return Translations.load(str(LOCALE_DIR), locales=[locale])


_active = translations()


def gettext(message: str) -> str:
    """Translate one message in Python code (route flash texts, error titles)."""
    return _active.gettext(message)


_ = gettext
