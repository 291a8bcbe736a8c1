"""``twitchcare caffeine``: drinks to milligrams, and today's total against your limit."""

from __future__ import annotations

import typer

from twitchcare.cli.i18n import _
from twitchcare.cli.intake_options import ADD_SETTINGS, DATE, DRY_RUN, finish_add


def add(
    text: str = typer.Argument(..., help="e.g. '2 espresso', 'mug of tea', '500 ml cola'."),
    date: str | None = DATE,
    dry_run: bool = DRY_RUN,
) -> None:
    """Add a caffeinated drink or food to the diary."""

    from twitchcare.config import load_settings
    from twitchcare.nutrition.caffeine import understand_caffeine
    from twitchcare.nutrition.person import parse_day

    settings = load_settings()
    day = parse_day(date)
    result = understand_caffeine(text, cache_dir=settings.data_dir / "cache")
    shown = [f"{result.understood()} [{_('source')}: {result.source}]"]
    if result.note:
        cited = f" [{_('source')}: {result.note_source}]" if result.note_source else ""
        shown.append(_("note: {note}").format(note=result.note) + cited)
    finish_add(
        settings,
        day,
        dry_run=dry_run,
        shown=shown,
        kind="drink",
        description=result.understood(),
        grams=result.grams,
        caffeine_mg=round(result.caffeine_mg, 1),
    )


def today(
    age: float | None = typer.Option(None, "--age", help="Age in years (default: profile)."),
    pregnant: bool | None = typer.Option(None, "--pregnant/--not-pregnant"),
    breastfeeding: bool | None = typer.Option(None, "--breastfeeding/--not-breastfeeding"),
    weight: float | None = typer.Option(None, "--weight", help="Body weight, kg."),
    date: str | None = DATE,
) -> None:
    """Caffeine today against the limit that applies to you."""

    from twitchcare.config import load_settings
    from twitchcare.nutrition import diary_link
    from twitchcare.nutrition.caffeine import caffeine_limit
    from twitchcare.nutrition.person import parse_day, resolve_person

    settings = load_settings()
    day = parse_day(date)
    person = resolve_person(
        diary_link.profile(settings),
        age=age,
        pregnant=pregnant,
        breastfeeding=breastfeeding,
        weight_kg=weight,
    )
    (record,) = diary_link.days(settings, day, day)
    for entry in record.entries:
        if entry.caffeine_mg > 0:
            typer.echo(f"  {entry.caffeine_mg:6.0f} mg  {entry.description}")
    if record.untracked("caffeine_mg") >= 0.5:
        extra = record.untracked("caffeine_mg")
        typer.echo(f"  {extra:6.0f} mg  " + _("recorded for the day with `twitchcare day`"))
    limit = caffeine_limit(
        age=person.age,
        pregnant=person.pregnant,
        breastfeeding=person.breastfeeding,
        weight_kg=person.weight_kg,
    )
    total = record.caffeine_mg
    if limit.daily_mg is None:
        typer.echo(
            _("{day}: {total:.0f} mg caffeine.").format(day=day.isoformat(), total=total)
            + f" {limit.note}"
        )
    else:
        over = total > limit.daily_mg
        typer.echo(
            (
                _("{day}: {total:.0f} mg caffeine of {limit:.0f} mg a day (over the limit)")
                if over
                else _("{day}: {total:.0f} mg caffeine of {limit:.0f} mg a day (within the limit)")
            ).format(day=day.isoformat(), total=total, limit=limit.daily_mg)
            + f" [{_('source')}: {limit.source}]"
        )
        cited = f" [{_('source')}: {limit.note_source}]" if limit.note_source else ""
        typer.echo(_("note: {note}").format(note=limit.note) + cited)
    biggest = max((e.caffeine_mg for e in record.entries), default=0.0)
    if biggest > limit.single_dose_mg:
        typer.echo(
            _(
                "one entry had {mg:.0f} mg: single doses above {single:.0f} mg are more than EFSA "
                "considers free of concern [source: {source}]"
            ).format(mg=biggest, single=limit.single_dose_mg, source=limit.single_dose_source)
        )


def drinks() -> None:
    """The caffeine table: typical milligrams per serving, with sources."""
    from twitchcare.nutrition.knowledge import load_knowledge

    for drink in load_knowledge().caffeine.drinks:
        for serving in drink.servings:
            typer.echo(
                f"{serving.caffeine_mg:5.0f} mg  {drink.name}, {serving.label} "
                f"[{_('source')}: {serving.source}]"
            )
    typer.echo(_("amounts vary by brand and brewing; these are typical values"))


def register(app: typer.Typer) -> None:
    """Attach ``caffeine`` to the root app."""
    caffeine_app = typer.Typer(
        help="Caffeine from drinks and foods, against published limits.", no_args_is_help=True
    )
    caffeine_app.command("add", context_settings=ADD_SETTINGS)(add)
    caffeine_app.command("today")(today)
    caffeine_app.command("drinks")(drinks)
    app.add_typer(caffeine_app, name="caffeine")
