"""``twitchcare delete --all``: remove every entry of the diary, for good."""

from __future__ import annotations

import typer

from twitchcare.cli.i18n import _


def delete_command(
    everything: bool = typer.Option(
        False, "--all", help="Delete the whole diary: episodes, days, intake, assessments, ..."
    ),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete all your data from this diary; it cannot be undone (export it first if unsure)."""
    import sys

    from twitchcare.errors import InputError

    if not everything:
        raise InputError(
            field="--all",
            problem=_("say what to delete"),
            hint=_(
                "`twitchcare delete --all` deletes the whole diary; "
                "`twitchcare diary delete N` one episode"
            ),
        )
    if not yes:
        if not sys.stdin.isatty():
            raise InputError(
                field="--yes",
                problem=_("not confirmed"),
                hint=_("add {option} to delete").format(option="--yes"),
            )
        typer.confirm(
            _(
                "Delete every entry in your diary? This cannot be undone "
                "(`twitchcare export --format json` keeps a copy)"
            ),
            abort=True,
        )
    from twitchcare.diary.erase import erase_all
    from twitchcare.store import open_store

    store = open_store()
    try:
        removed = erase_all(store)
    finally:
        store.close()
    total = sum(removed.values())
    typer.echo(
        _("deleted {total} record(s); the diary is empty and its file was rewritten").format(
            total=total
        )
    )


def register(app: typer.Typer) -> None:
    """Attach ``delete`` to the root app."""
    app.command("delete")(delete_command)
