"""``twitchcare assess``: the interactive interview, or case files for the evaluation contract."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Attach ``assess`` to the root app."""
    app.command("assess")(assess_command)


def assess_command(
    case: list[Path] = typer.Option(
        None, "--case", help="Assess a case file (repeatable) instead of asking questions."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per case per line."),
    simulate: bool = typer.Option(
        False, "--simulate", help="Run the adaptive interview, answered from the case file."
    ),
    save: bool | None = typer.Option(
        None,
        "--save/--no-save",
        help="Keep the result in your diary (default: only if you already keep a diary).",
    ),
) -> None:
    """Assess your twitching: how urgently to see whom, why, likely causes and a plan."""
    import datetime as dt

    from twitchcare.cli.i18n import language
    from twitchcare.kb import load_kb

    kb = load_kb(lang=language())
    now = dt.datetime.now(dt.UTC)
    if not case:
        from twitchcare.cli.interactive import run_interactive

        run_interactive(kb, now=now, save=save)
        return
    from twitchcare.engine import assess
    from twitchcare.engine.interview import simulate as run_simulation
    from twitchcare.engine.serialise import contract_line
    from twitchcare.evaluation.cases import case_facts, case_paths, load_case, profile_facts

    cases = [load_case(p) for p in case_paths(list(case))]  # all validated before any output
    for item in cases:
        facts = case_facts(item)
        if simulate:
            result = run_simulation(kb, facts, known=profile_facts(item), now=now)
        else:
            result = assess(kb, facts, now=now)
        if as_json:
            typer.echo(json.dumps(contract_line(item.id, result)))
        else:
            from twitchcare.cli.render import render_assessment

            render_assessment(kb, result, title=item.id)
