"""Translations: every word a person reads goes through gettext, so a language is a file.

Templates use the Jinja2 i18n extension (``{% trans %}``, ``_()``); Python code uses
:func:`gettext`. The catalogue template ``locale/messages.pot`` is extracted with
``make messages`` (Babel, configured in ``babel.cfg``); German is ``locale/de/LC_MESSAGES/
messages.po`` beside it, read by :mod:`twitchcare.catalogue`.

The language of a request is the one the person chose with the switch in the page header (a
cookie), else ``TWITCHCARE_LANG``. It is held for the request in a context variable, so wording
code deep in a route translates without being handed the request.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import Request
from starlette.responses import Response

from twitchcare.catalogue import LANGUAGE, LANGUAGES, load_catalogue

LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LOCALE = "en"
LANGUAGE_COOKIE = "tc_lang"
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}

# One language for the request, shared with the core's own sentences (twitchcare.catalogue).
_current = LANGUAGE


def translations(locale: str = DEFAULT_LOCALE) -> _gettext.NullTranslations:
    """The compiled catalogue for ``locale``; English is the source language, so none is needed."""
    return load_catalogue(LOCALE_DIR, locale)


def current_language() -> str:
    return _current.get()


def gettext(message: str) -> str:
    """Translate one message in Python code (route flash texts, error titles)."""
    return translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_current.get()).ngettext(singular, plural, n)


_ = gettext


def N_(message: str) -> str:
    """Mark a string for the catalogue where it is defined; translate it where it is shown."""
    return message


def request_language(request: Request) -> str:
    """The person's choice (cookie) if it is a language we have, else the configured one."""
    chosen = request.cookies.get(LANGUAGE_COOKIE, "")
    if chosen in LANGUAGES:
        return chosen
    configured: str = getattr(request.app.state.settings, "lang", DEFAULT_LOCALE)
    return configured


async def language_middleware(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Hold the request's language for everything that words the page."""
    lang = request_language(request)
    request.state.lang = lang
    token = _current.set(lang)
    try:
        response = await call_next(request)
    finally:
        _current.reset(token)
    response.headers.setdefault("Content-Language", lang)
    return response
