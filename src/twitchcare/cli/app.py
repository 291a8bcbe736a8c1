"""Root of the ``twitchcare`` command.

Each command group lives in its own module with a ``register(app)`` function. Modules import only
Typer at the top so that ``twitchcare log`` does not pay for statistics or plotting libraries.
"""

from __future__ import annotations

from typing import Any

import typer
from click import Context, UsageError
from typer.core import TyperGroup

from twitchcare import __version__
from twitchcare.errors import TwitchcareError


class ErrorHandlingGroup(TyperGroup):
    """Render bad input as one line on stderr and exit with code 2.

    Both our own :class:`TwitchcareError` and command-line usage errors (an unknown command, a
    value that is not a number) end the same way, so scripts and people get one kind of answer.
    """

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except TwitchcareError as exc:
            typer.echo(f"error: {exc.one_line()}", err=True)
            raise typer.Exit(2) from None
        except UsageError as exc:
            hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
            typer.echo(f"error: {exc.format_message()}{hint}", err=True)
            raise typer.Exit(2) from None


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
    ):
        module.register(app)


_register_all()


def main() -> None:
    """Console-script entry point."""
    app()
