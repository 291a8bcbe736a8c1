"""What ``mg add``, ``caffeine add`` and ``alcohol add`` share: options and the final step."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from twitchcare.config import Settings

# "-3 g" must reach the parser (and get its one-line error), not be taken for an option.
ADD_SETTINGS = {"ignore_unknown_options": True}
DATE = typer.Option(None, "--date", help="today (default), yesterday or YYYY-MM-DD.")
DRY_RUN = typer.Option(False, "--dry-run", help="Show what was understood only.")


def finish_add(
    settings: Settings, day: dt.date, *, dry_run: bool, cite: str = "", **entry: Any
) -> None:
    """After showing what was understood: store it in the diary unless this is a dry run."""
    if dry_run:
        typer.echo("not added (--dry-run)")
        return
    from twitchcare.nutrition import diary_link

    diary_link.record(settings, day=day, **entry)
    typer.echo(f"added to {day.isoformat()}" + (f" [source: {cite}]" if cite else ""))
