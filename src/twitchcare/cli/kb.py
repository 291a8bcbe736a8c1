"""``twitchcare kb check`` and ``twitchcare kb show``: the knowledge base from the terminal."""

from __future__ import annotations

from pathlib import Path

import typer

kb_app = typer.Typer(help="Check and browse the knowledge base.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Attach the ``kb`` group to the root app."""
    app.add_typer(kb_app, name="kb")


@kb_app.command("check")
def check(
    directory: Path = typer.Option(None, "--dir", help="Knowledge directory (default: built in)."),
) -> None:
    """Validate every knowledge file; errors name the file and the key."""
    from twitchcare.kb.loader import build_kb, default_knowledge_dir
    from twitchcare.kb.translation import check_languages

    kb = build_kb(directory or default_knowledge_dir())
    untranslated = check_languages(kb, directory or default_knowledge_dir())
    typer.echo(
        f"knowledge {kb.version} ({kb.date}) is valid: {len(kb.conditions)} conditions, "
        f"{len(kb.rules)} rules, {len(kb.facts)} facts, {len(kb.screens)} screens, "
        f"{len(kb.advice)} advice items, {len(kb.sources)} sources"
    )
    for line in untranslated:
        typer.echo(f"warning: {line}", err=True)


@kb_app.command("show")
def show(
    condition: str = typer.Argument(..., help="A condition id, e.g. eyelid_myokymia."),
) -> None:
    """Print one condition with its evidence and sources."""
    from twitchcare.cli.i18n import language
    from twitchcare.cli.render import render_condition
    from twitchcare.errors import NotFoundError
    from twitchcare.kb import load_kb

    kb = load_kb(lang=language())
    if condition not in kb.conditions:
        import difflib

        close = difflib.get_close_matches(condition, sorted(kb.conditions), n=1)
        raise NotFoundError(
            field="condition",
            problem=f"unknown condition '{condition}'",
            hint=f"did you mean '{close[0]}'?" if close else "see `twitchcare kb list`",
        )
    render_condition(kb, condition)


@kb_app.command("list")
def list_conditions() -> None:
    """List the conditions the knowledge base knows."""
    from twitchcare.cli.i18n import language
    from twitchcare.kb import load_kb

    kb = load_kb(lang=language())
    for cond in kb.conditions.values():
        typer.echo(f"{cond.id:<30} {cond.name}")
