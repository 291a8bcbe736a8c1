"""``twitchcare evaluate DIR``: score the assessment on case files with gold answers."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Attach ``evaluate`` to the root app."""
    app.command("evaluate")(evaluate_command)


def evaluate_command(
    targets: list[Path] = typer.Argument(..., help="Case files or directories of *.json cases."),
    simulate: bool = typer.Option(False, "--simulate", help="Use the adaptive interview."),
    check: bool = typer.Option(False, "--check", help="Exit 1 when a target is missed."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    calibration: bool = typer.Option(
        False,
        "--calibration",
        help="Fit the calibration of the causes' numbers and check it family by family.",
    ),
) -> None:
    """Triage accuracy, under- and over-triage, cause top-1/top-3 and questions asked."""
    import datetime as dt
    import json

    from twitchcare.cli.render import render_calibration, render_evaluation
    from twitchcare.evaluation.run import evaluate

    if calibration:
        from dataclasses import asdict

        from twitchcare.evaluation.calibration import calibration_report

        fitted = calibration_report(list(targets), now=dt.datetime.now(dt.UTC))
        if as_json:
            typer.echo(json.dumps(asdict(fitted), indent=2))
        else:
            render_calibration(fitted)
        return

    report = evaluate(list(targets), simulate=simulate, now=dt.datetime.now(dt.UTC))
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
    else:
        render_evaluation(report)
    if check and report.failures:
        raise typer.Exit(1)
