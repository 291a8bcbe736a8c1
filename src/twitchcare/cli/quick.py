"""The fast path of ``twitchcare log``: the same command, parsed with :mod:`argparse`.

Logging a twitch has to feel instant (target: 150 ms wall). Typer, pydantic and SQLAlchemy take
several times that to import, so :mod:`twitchcare.cli.entry` routes ``log`` here. The options
mirror the Typer command in :mod:`twitchcare.cli.log` exactly - a test compares both option lists
and the rows and output both paths produce - and ``--help`` still goes to Typer.
"""

from __future__ import annotations

import argparse
import sys

from twitchcare.errors import TwitchcareError


class _NotFast(Exception):
    """The command line is not one the fast path reads; the Typer app answers instead."""


class _Parser(argparse.ArgumentParser):
    """On any usage error, hand over to the Typer app, so the error is worded like every other
    command's (the catalogue's one line), not in argparse's words."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotFast(message)


def parser() -> argparse.ArgumentParser:
    """Options of ``twitchcare log``; see :func:`twitchcare.cli.log.log` for their help."""
    p = _Parser(prog="twitchcare log", add_help=False, allow_abbrev=False)
    p.add_argument("location")
    p.add_argument("--side", "-s")
    p.add_argument("--duration", "-d")
    p.add_argument("--intensity", "-i", type=int)
    p.add_argument("--context", "-c", action="append", default=[])
    p.add_argument("--at")
    p.add_argument("--tz")
    p.add_argument("--note", "-n", default="")
    return p


def run_log(argv: list[str]) -> int:
    """Log one episode; returns the exit code."""
    try:
        args = parser().parse_args(argv)
    except _NotFast:
        from twitchcare.cli.app import app

        app(["log", *argv])  # exits with the Typer app's code and one-line error
        return 2
    from twitchcare.cli import i18n
    from twitchcare.cli.describe import describe_episode
    from twitchcare.diary.quicklog import parse_episode, record_episode
    from twitchcare.paths import env

    lang = env("TWITCHCARE_LANG") or i18n.SOURCE_LANGUAGE
    if lang not in ("en", "de"):  # the Typer app names the setting and what is allowed
        from twitchcare.cli.app import app

        app(["log", *argv])
        return 2
    i18n.set_language(lang)
    try:
        episode = parse_episode(
            location=args.location,
            side=args.side,
            duration=args.duration,
            intensity=args.intensity,
            contexts=";".join(args.context),
            at=args.at,
            tz=args.tz,
            note=args.note,
        )
        new_id = record_episode(episode)
    except TwitchcareError as exc:  # the same catalogue and rendering as the Typer app
        from twitchcare.errors import abbreviate

        sys.stderr.write(i18n.error_line(abbreviate(exc.one_line(), 290)) + "\n")
        return 2
    except OSError as exc:
        sys.stderr.write(i18n.error_line(f"{exc.filename or 'file'}: {exc.strerror}") + "\n")
        return 2
    line = i18n._("logged #{id}: {episode}").format(id=new_id, episode=describe_episode(episode))
    sys.stdout.write(line + "\n")
    return 0
