"""``twitchcare intake``: list the food and drink entries of the diary, and delete one."""

from __future__ import annotations

import typer

from twitchcare.cli.i18n import _

intake_app = typer.Typer(
    help="Food and drink entries (from mg add, caffeine add, alcohol add): list and delete.",
    no_args_is_help=True,
)


def _describe(entry: object) -> str:
    from twitchcare.diary.intake import IntakeEntry

    assert isinstance(entry, IntakeEntry)
    parts = []
    if entry.magnesium_mg:
        parts.append(f"{entry.magnesium_mg:g} mg " + _("magnesium"))
    if entry.caffeine_mg:
        parts.append(f"{entry.caffeine_mg:g} mg " + _("caffeine"))
    if entry.alcohol_units:
        parts.append(_("{units:g} units alcohol").format(units=entry.alcohol_units))
    amounts = ", ".join(parts) or _("nothing counted")
    kind = {"food": _("food"), "drink": _("drink")}.get(entry.kind, entry.kind)
    return f"{entry.day.isoformat()} {kind}: {entry.description} [{amounts}]"


@intake_app.command("list")
def list_command(
    date: str | None = typer.Option(None, "--date", help="Last day shown (default: today)."),
    days: int = typer.Option(7, "--days", help="How many days back, 1-3660."),
) -> None:
    """List entries with their numbers (newest day last)."""
    import datetime as dt

    from twitchcare.diary.intake import list_intake
    from twitchcare.diary.parsing import parse_date
    from twitchcare.diary.records import check_number
    from twitchcare.store import open_store

    check_number(days, "days", 1, 3660)
    last = parse_date(date, today=dt.date.today())
    store = open_store()
    try:
        entries = list_intake(store, since=last - dt.timedelta(days=days - 1), until=last)
    finally:
        store.close()
    if not entries:
        typer.echo(
            _("no food or drink entries in the {days} day(s) to {last}").format(
                days=days, last=last.isoformat()
            )
        )
        return
    for entry in entries:
        typer.echo(f"  #{entry.id:<6} {_describe(entry)}")


@intake_app.command("delete")
def delete_command(
    entry_id: int = typer.Argument(..., help="Entry number, as listed", min=1, max=2**62),
) -> None:
    """Delete an entry logged by mistake; the day's totals follow at once."""
    from twitchcare.diary.intake import delete_intake
    from twitchcare.store import open_store

    store = open_store()
    try:
        removed = delete_intake(store, entry_id)
    finally:
        store.close()
    typer.echo(_("deleted #{id}: {entry}").format(id=entry_id, entry=_describe(removed)))


def register(app: typer.Typer) -> None:
    """Attach ``intake`` to the root app."""
    app.add_typer(intake_app, name="intake")
