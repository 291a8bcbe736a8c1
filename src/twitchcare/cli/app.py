"""Root of the ``twitchcare`` command.

Each command group lives in its own module with a ``register(app)`` function. Modules import only
Typer at the top so that ``twitchcare log`` does not pay for statistics or plotting libraries.
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from click import Context, UsageError
from typer.core import TyperGroup

from twitchcare import __version__
from twitchcare.cli.i18n import error_line
from twitchcare.errors import MAX_LINE, TwitchcareError, abbreviate


class ErrorHandlingGroup(TyperGroup):
    """Render bad input as one line on stderr and exit with code 2.

    Both our own :class:`TwitchcareError` and command-line usage errors (an unknown command, a
    value that is not a number) end the same way, so scripts and people get one kind of answer.
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        """The root's own options are parsed here, before :meth:`invoke`: same one-line errors."""
        if any("\x00" in arg for arg in args):  # a shell cannot pass one; a caller in-process can
            typer.echo("error: argument: contains a NUL character", err=True)
            raise typer.Exit(2)
        if parent is None:  # the whole command line: its help in the person's language
            from contextlib import suppress

            from twitchcare.cli.i18n import localise_commands

            with suppress(TwitchcareError):  # a bad setting is named by the command reading it
                localise_commands(self)
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except UsageError as exc:
            typer.echo(error_line(abbreviate(exc.format_message(), MAX_LINE)), err=True)
            raise typer.Exit(2) from None

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except TwitchcareError as exc:
            typer.echo(error_line(exc.one_line()), err=True)
            raise typer.Exit(2) from None
        except UsageError as exc:
            from twitchcare.cli.i18n import _

            see = _(" (see `{command} --help`)")
            hint = see.format(command=exc.ctx.command_path) if exc.ctx else ""
            message = abbreviate(exc.format_message(), MAX_LINE - len(hint))
            typer.echo(error_line(f"{message}{hint}"), err=True)
            raise typer.Exit(2) from None
        except BrokenPipeError:  # `twitchcare export --out - | head`: the reader has had enough
            _quiet_stdout()
            raise typer.Exit(0) from None
        except OSError as exc:  # a file the person named cannot be read or written
            name = abbreviate(str(exc.filename or "file"), 120)
            typer.echo(error_line(f"{name}: {exc.strerror or exc.__class__.__name__}"), err=True)
            raise typer.Exit(2) from None
        finally:
            _print_notices()


def _quiet_stdout() -> None:
    """Point standard output at nothing, so the final flush at exit cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (a test runner's buffer)
        pass


def _print_notices() -> None:
    """What opening the diary changed (an upgrade that repaired it), once, on stderr."""
    engine = sys.modules.get("twitchcare.store.engine")
    if engine is not None:
        notices: list[str] = engine.NOTICES
        while notices:
            typer.echo(notices.pop(0), err=True)


app = typer.Typer(
    cls=ErrorHandlingGroup,
    name="twitchcare",
    help=(
        "My muscles twitch - what should I do? Triage, diary and a personal plan. Not a diagnosis."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"twitchcare {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """twitchcare: information about muscle twitching, not a diagnosis."""


def _register_all() -> None:
    from twitchcare.cli import (
        alcohol,
        assess,
        caffeine,
        diary,
        erase,
        evaluate,
        foods,
        intake,
        kb,
        log,
        mg,
        relax,
        report,
        serve,
        transfer,
    )

    for module in (
        assess,
        evaluate,
        kb,
        log,
        diary,
        transfer,
        foods,
        mg,
        caffeine,
        alcohol,
        report,
        erase,
        relax,
        serve,
        intake,
    ):
        module.register(app)


_register_all()


def main() -> None:
    """Console-script entry point."""
    app()
