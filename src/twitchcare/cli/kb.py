"""``twitchcare kb check``, ``show``, ``list`` and ``hazards``: the knowledge from the terminal."""

from __future__ import annotations

from pathlib import Path

import typer

from twitchcare.cli.i18n import _

kb_app = typer.Typer(help="Check and browse the knowledge base.", no_args_is_help=True)


def _check_nutrition_languages() -> None:
    """Every shipped language words the nutrition notes and cautions whole, and names no id the
    nutrition knowledge does not have (a limit read in half a language is no use)."""
    from twitchcare.errors import KnowledgeError
    from twitchcare.kb.translation import TRANSLATED
    from twitchcare.nutrition.knowledge import (
        _load,
        drink_names,
        food_names,
        missing_translations,
    )

    for lang in TRANSLATED:
        _load(lang)  # raises on an unknown id or field
        drink_names(lang)  # raises on a word for a drink or serving nobody knows
        food_names(lang)  # and on a word for a food or portion the food table does not know
        missing = missing_translations(lang)
        if missing:
            raise KnowledgeError(
                where=f"i18n/{lang}/nutrition.yaml",
                field=f"texts.{missing[0]}",
                problem="has no translation",
                hint=f"{len(missing)} nutrition text(s) are missing",
            )


def register(app: typer.Typer) -> None:
    """Attach the ``kb`` group to the root app."""
    app.add_typer(kb_app, name="kb")


@kb_app.command("check")
def check(
    directory: Path = typer.Option(None, "--dir", help="Knowledge directory (default: built in)."),
) -> None:
    """Validate every knowledge file; errors name the file and the key."""
    from twitchcare.kb.hazards import load_hazards
    from twitchcare.kb.loader import build_kb, check_nutrition, default_knowledge_dir
    from twitchcare.kb.translation import TRANSLATED, check_languages, translation_dir

    folder = directory or default_knowledge_dir()
    kb = build_kb(folder)
    log = load_hazards(kb, folder)
    for lang in TRANSLATED:  # a shipped language words the hazard log whole
        if translation_dir(folder, lang).is_dir():
            load_hazards(kb, folder, lang)
    nutrition = check_nutrition(kb, folder)
    from twitchcare.limits import FILE, read_limits

    read_limits((folder / FILE).read_text(encoding="utf-8"))
    untranslated = check_languages(kb, folder)
    if directory is None:  # the nutrition knowledge ships with the package, in every language
        _check_nutrition_languages()
    typer.echo(
        _(
            "knowledge {version} ({date}) is valid: {conditions} conditions, {rules} rules, "
            "{facts} facts, {screens} screens, {advice} advice items, {sources} sources, "
            "{hazards} hazards, {questions} questions for the doctor, {sessions} relaxation "
            "sessions, {programmes} programmes, {nutrition} nutrition files"
        ).format(
            version=kb.version,
            date=kb.date,
            conditions=len(kb.conditions),
            rules=len(kb.rules),
            facts=len(kb.facts),
            screens=len(kb.screens),
            advice=len(kb.advice),
            sources=len(kb.sources),
            hazards=len(log.hazards),
            questions=len(kb.doctor_questions),
            sessions=len(kb.relaxation),
            programmes=len(kb.programmes),
            nutrition=nutrition,
        )
    )
    for line in untranslated:
        typer.echo(_("warning: {line}").format(line=line), err=True)


@kb_app.command("hazards")
def hazards(
    as_json: bool = typer.Option(False, "--json", help="One JSON object per hazard."),
    markdown: bool = typer.Option(False, "--markdown", help="The summary table for the docs."),
) -> None:
    """Print the hazard log: harm, level, risk before and after, controls and verifying cases."""
    from twitchcare.cli.i18n import language
    from twitchcare.kb import load_kb
    from twitchcare.kb.hazards import as_json as hazards_json
    from twitchcare.kb.hazards import load_hazards, summary_table
    from twitchcare.kb.loader import default_knowledge_dir

    # The Markdown table is the copy in docs/safety.md, which is written in English.
    lang = "en" if markdown else language()
    log = load_hazards(load_kb(lang=lang), default_knowledge_dir(), lang)
    if as_json:
        import json

        typer.echo(json.dumps(hazards_json(log), indent=2, ensure_ascii=False))
        return
    if markdown:
        typer.echo(summary_table(log))
        return
    from twitchcare.cli.render import render_hazards

    render_hazards(log)


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
            problem=_("unknown condition '{condition}'").format(condition=condition),
            hint=_("did you mean '{close}'?").format(close=close[0])
            if close
            else _("see {command}").format(command="`twitchcare kb list`"),
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
