"""``twitchcare foods search``: the USDA table, ranked and forgiving."""

from __future__ import annotations

import typer

from twitchcare.cli.i18n import _


def _fmt(value: float | None) -> str:
    return _("unknown") if value is None else f"{value:g} mg/100 g"


def search(
    query: list[str] = typer.Argument(..., help="What to look for, e.g. spinach cooked."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
    limit: int = typer.Option(10, "--limit", "-n", help="How many foods (1-100)."),
) -> None:
    """Search the USDA SR28 foods; magnesium and caffeine are per 100 g.

    "unknown" (null in JSON) means USDA published no value, which is not the same as zero.
    """
    import json

    from twitchcare.errors import InputError
    from twitchcare.nutrition.search import load_index
    from twitchcare.nutrition.words import foods_in_english

    text = " ".join(query).strip()
    if not text:
        raise InputError(
            field="query",
            problem=_("is empty"),
            hint=_("e.g. {example}").format(example="`twitchcare foods search spinach`"),
        )
    if not 1 <= limit <= 100:
        raise InputError(
            field="limit", problem=_("{limit} is not allowed").format(limit=limit), hint="1-100"
        )
    hits = load_index().search(foods_in_english(text), limit=limit)
    if as_json:
        typer.echo(json.dumps([hit.food.as_json() for hit in hits], ensure_ascii=False))
        return
    if not hits:
        typer.echo(_("no food matches '{text}'").format(text=text))
        return
    for hit in hits:
        food = hit.food
        portions = "; ".join(f"{p.description} = {p.grams:g} g" for p in food.portions)
        typer.echo(
            f"{food.id}  {food.description}\n"
            f"       {_('magnesium')} {_fmt(food.magnesium_mg_per_100g)}, "
            f"{_('caffeine')} {_fmt(food.caffeine_mg_per_100g)}"
            + (f"; {portions}" if portions else "")
        )
        if food.note:
            typer.echo("       " + _("note: {note}").format(note=food.note))
    typer.echo(_("source") + ": USDA SR28 [usda-sr28]")


def register(app: typer.Typer) -> None:
    """Attach ``foods`` to the root app."""
    foods_app = typer.Typer(
        help="Search the USDA food table (magnesium and caffeine per 100 g).",
        no_args_is_help=True,
    )
    foods_app.command("search")(search)
    app.add_typer(foods_app, name="foods")
