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
        from twitchcare.catalogue import LANGUAGE, LANGUAGES
        from twitchcare.config import load_settings
        from twitchcare.paths import env

        # TWITCHCARE_LANG first, alone, for the words of a bad setting (the core's sentences and
        # error_line): another setting's error is then in the person's language, and a bad
        # TWITCHCARE_LANG itself in English, the default. Until the settings are valid, every
        # sentence raises the settings' error again, so no command runs on a bad setting.
        chosen = env("TWITCHCARE_LANG")
        LANGUAGE.set(chosen if chosen in LANGUAGES else SOURCE_LANGUAGE)
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


# --- Help texts ------------------------------------------------------------------------------
# A command's help is its docstring and each option's ``help=``; they are written in English
# where the command is defined, and put through the catalogue when the command line is read
# (:func:`localise_commands`). ``make messages`` finds them with :func:`extract_messages`, so they
# need no marking of their own.

# Help written with a name in it (one command per relaxation session).
HELP_TEMPLATES = (
    N_("Play the '{session}' session (see `twitchcare relax list`)."),
    N_("{contexts} (short forms: {words}); repeat for several"),
)

# Short words put together with others inside f-strings, where extraction cannot see them.
JOINING_WORDS = (N_("source"), N_("vs"), N_("and"), N_("per"), N_("forms"))

# The words Click and Typer print around the help and in their own errors.
FRAMEWORK_WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Arguments"),
    N_("Error"),
    N_("Aborted."),
    N_("[default: {}]"),
    N_("[required]"),
    N_("[env var: {}]"),
    N_("(deprecated) "),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing argument '{param}'."),
    N_("No such option: {name}"),
    N_("No such command {name!r}."),
    N_("Got unexpected extra argument ({args})"),
    N_("Got unexpected extra arguments ({args})"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("Option {name!r} requires an argument."),
    N_("Did you mean {possibility}?"),
    N_("(Possible options: {possibilities})"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value!r} is not one of {choices}."),
    N_("{value!r} is not {choice}."),
    N_("{value!r} is not a valid boolean."),
)

_RICH_CONSTANTS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
}


def _framework_gettext(message: str) -> str:
    return _(message)


def _framework_ngettext(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)  # both forms are in the catalogue on their own


def translate_help(text: str) -> str:
    """A help text in the person's language (as written when there is no translation)."""
    found = _(text)
    if found != text or language() == SOURCE_LANGUAGE:
        return found
    import re

    for template in HELP_TEMPLATES:
        pattern = "^" + re.sub(r"\\{(\w+)\\}", r"(?P<\1>.+?)", re.escape(template)) + "$"
        match = re.match(pattern, text)
        if match:
            return _(template).format(**match.groupdict())
    return text


def localise_commands(command: object) -> None:
    """Put the help of ``command``, its options and all its subcommands in the person's language.

    Click and Typer word their own parts (Usage, Options, [default: ...], their errors) through
    the standard ``gettext`` module; those few words are taken from this catalogue too.
    """
    import importlib
    import sys

    import click

    if language() != SOURCE_LANGUAGE:  # Typer words its help panels when this is imported
        importlib.import_module("typer.rich_utils")
    for name in ("click.core", "click.decorators", "click.exceptions", "click.formatting",
                 "click.parser", "click.types", "typer.rich_utils", "typer.core"):  # fmt: skip
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "_"):
            module._ = _framework_gettext  # type: ignore[attr-defined]
            if hasattr(module, "ngettext"):
                module.ngettext = _framework_ngettext  # type: ignore[attr-defined]
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        for constant, english in _RICH_CONSTANTS.items():
            setattr(rich_utils, constant, _(english))

    def walk(cmd: click.Command) -> None:
        if cmd.help:
            cmd.help = translate_help(cmd.help)
        if cmd.short_help:
            cmd.short_help = translate_help(cmd.short_help)
        for param in cmd.params:
            help_text = getattr(param, "help", None)
            if help_text:
                param.help = translate_help(help_text)  # type: ignore[attr-defined]
        if isinstance(cmd, click.Group):
            for sub in cmd.commands.values():
                walk(sub)

    if isinstance(command, click.Command):
        walk(command)


def extract_messages(
    fileobj: object, keywords: object, comment_tags: object, options: object
) -> object:
    """Babel extractor for the terminal: the marked strings, each command's docstring and every
    literal ``help=`` text (what :func:`localise_commands` looks up)."""
    import ast
    import io

    from babel.messages.extract import extract_python

    source = fileobj.read()  # type: ignore[attr-defined]
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)  # type: ignore[arg-type]
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                value = keyword.value
                literal = isinstance(value, ast.Constant) and isinstance(value.value, str)
                if keyword.arg == "help" and literal and value.value:  # type: ignore[attr-defined]
                    yield value.lineno, None, value.value, []  # type: ignore[attr-defined]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            decorated = any(
                isinstance(d, ast.Call)
                and isinstance(d.func, ast.Attribute)
                and d.func.attr in ("command", "callback")
                for d in node.decorator_list
            )
            doc = ast.get_docstring(node)
            if doc and (decorated or _registered(tree, node.name)):
                yield node.lineno, None, doc, []


def _registered(tree: object, name: str) -> bool:
    """``name`` is made a command by ``app.command("...")(name)``."""
    import ast

    for node in ast.walk(tree):  # type: ignore[arg-type]
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Call)
            and isinstance(node.func.func, ast.Attribute)
            and node.func.func.attr in ("command", "callback")
            and any(isinstance(arg, ast.Name) and arg.id == name for arg in node.args)
        ):
            return True
    return False


def error_line(message: str) -> str:
    """``error: message`` in the person's language. When the settings cannot be read (the error
    being reported), that is the language a valid ``TWITCHCARE_LANG`` asks for, else English."""
    from twitchcare.catalogue import LANGUAGE
    from twitchcare.errors import TwitchcareError

    try:
        template = _("error: {message}")
    except TwitchcareError:  # in the language TWITCHCARE_LANG asks for, if it is a valid one
        template = translations(LANGUAGE.get()).gettext("error: {message}")
    return template.format(message=message)
