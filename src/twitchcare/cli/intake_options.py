"""What ``mg add``, ``caffeine add`` and ``alcohol add`` share: options and the final step."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import typer

from twitchcare.cli.i18n import _

if TYPE_CHECKING:
    from twitchcare.config import Settings

# "-3 g" must reach the parser (and get its one-line error), not be taken for an option.
ADD_SETTINGS = {"ignore_unknown_options": True}
DATE = typer.Option(None, "--date", help="today (default), yesterday or YYYY-MM-DD.")
DRY_RUN = typer.Option(False, "--dry-run", help="Show what was understood only.")


def finish_add(
    settings: Settings,
    day: dt.date,
    *,
    dry_run: bool,
    shown: list[str],
    cite: str = "",
    **entry: Any,
) -> None:
    """Check the entry against the diary's limits, store it unless this is a dry run, and only
    then show what was understood: a refused entry prints its one-line error and nothing else."""
    from twitchcare.diary.intake import IntakeEntry
    from twitchcare.nutrition import diary_link

    defaults = {"grams": None, "magnesium_mg": 0.0, "caffeine_mg": 0.0, "alcohol_units": 0.0}
    IntakeEntry(day=day, **{**defaults, "food_id": None, **entry}).validated()
    if not dry_run:
        diary_link.record(settings, day=day, **entry)
    for line in shown:
        typer.echo(line)
    if dry_run:
        typer.echo(_("not added (--dry-run)"))
        return
    typer.echo(
        _("added to {day}").format(day=day.isoformat())
        + (f" [{_('source')}: {cite}]" if cite else "")
    )
