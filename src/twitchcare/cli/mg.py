"""``twitchcare mg``: magnesium from food, today's total against the target, and a plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from twitchcare.cli.i18n import N_, _
from twitchcare.cli.intake_options import ADD_SETTINGS, DATE, DRY_RUN, finish_add

if TYPE_CHECKING:
    from twitchcare.config import Settings
    from twitchcare.nutrition.person import Person
    from twitchcare.nutrition.requirements import MagnesiumTarget


# The groups of knowledge/nutrition/magnesium.yaml (keys there, so only translated when shown).
GROUPS = (N_("pregnant"), N_("breastfeeding"), N_("athletes"), N_("stressed people"))
AGE = typer.Option(None, "--age", help="Age in years (default: your profile).")
SEX = typer.Option(None, "--sex", help="female or male (default: your profile).")
PREGNANT = typer.Option(None, "--pregnant/--not-pregnant", help="Default: your profile.")
BREASTFEEDING = typer.Option(None, "--breastfeeding/--not-breastfeeding")


def _person(
    settings: Settings,
    age: float | None,
    sex: str | None,
    pregnant: bool | None,
    breastfeeding: bool | None,
) -> Person:
    from twitchcare.nutrition import diary_link
    from twitchcare.nutrition.person import resolve_person

    return resolve_person(
        diary_link.profile(settings),
        age=age,
        sex=sex,
        pregnant=pregnant,
        breastfeeding=breastfeeding,
    )


def _target(
    person: Person, *, athlete: bool = False, stressed: bool = False
) -> tuple[float, MagnesiumTarget]:
    """The person's age and daily magnesium target (profile values unless overridden)."""
    from twitchcare.nutrition.requirements import magnesium_target

    age_years, sex_value = person.require_age_and_sex()
    target = magnesium_target(
        age_years,
        sex_value,
        pregnant=person.pregnant,
        breastfeeding=person.breastfeeding,
        athlete=athlete or person.athlete,
        stressed=stressed,
    )
    return age_years, target


def add(
    text: str = typer.Argument(..., help="e.g. '1 cup spinach, boiled' or '30 g pumpkin seeds'."),
    date: str | None = DATE,
    dry_run: bool = DRY_RUN,
) -> None:
    """Add a food to the diary and show what was understood."""

    from twitchcare.config import load_settings
    from twitchcare.nutrition.person import parse_day
    from twitchcare.nutrition.serving import understand_food

    settings = load_settings()
    day = parse_day(date)
    serving = understand_food(text, cache_dir=settings.data_dir / "cache")
    shown = [serving.understood()]
    if serving.food.note:
        shown.append(_("note: {note}").format(note=serving.food.note))
    if serving.caffeine_mg is None:
        shown.append(_("caffeine: USDA has no value for this food, so none is counted"))
    elif serving.caffeine_mg >= 0.5:
        shown.append(
            _("caffeine: {mg:.0f} mg, added to the day's caffeine too").format(
                mg=serving.caffeine_mg
            )
        )
    finish_add(
        settings,
        day,
        dry_run=dry_run,
        shown=shown,
        cite="usda-sr28",
        kind="food",
        description=serving.understood(),
        grams=round(serving.grams, 1),
        magnesium_mg=round(serving.magnesium_mg, 1),
        caffeine_mg=round(serving.caffeine_mg or 0.0, 1),
        food_id=serving.food.id,
    )


def today(
    age: float | None = AGE,
    sex: str | None = SEX,
    pregnant: bool | None = PREGNANT,
    breastfeeding: bool | None = BREASTFEEDING,
    date: str | None = DATE,
) -> None:
    """Magnesium eaten today against your daily target."""

    from twitchcare.config import load_settings
    from twitchcare.nutrition import diary_link
    from twitchcare.nutrition.person import parse_day

    settings = load_settings()
    day = parse_day(date)
    _age, target = _target(_person(settings, age, sex, pregnant, breastfeeding))
    (record,) = diary_link.days(settings, day, day)
    for entry in record.entries:
        if entry.magnesium_mg > 0 or entry.kind == "food":
            typer.echo(f"  {entry.magnesium_mg:6.0f} mg  {entry.description}")
    if record.untracked("magnesium_mg") >= 0.5:
        extra = record.untracked("magnesium_mg")
        typer.echo(f"  {extra:6.0f} mg  " + _("recorded for the day with `twitchcare day`"))
    total = record.magnesium_mg
    share = 100 * total / target.mg
    typer.echo(
        _(
            "{day}: {total:.0f} mg magnesium of {target:.0f} mg ({share:.0f}%; {kind} for "
            "{basis}) [source: {source}]"
        ).format(
            day=day.isoformat(),
            total=total,
            target=target.mg,
            share=share,
            kind=target.kind,
            basis=target.basis,
            source=target.source,
        )
    )
    if total < target.mg:
        typer.echo(_("{mg:.0f} mg to go: twitchcare mg plan").format(mg=target.mg - total))
    for note in target.notes:
        typer.echo(
            _("note: {note} [source: {source}]").format(note=note.statement, source=note.source)
        )


def target(
    age: float | None = AGE,
    sex: str | None = SEX,
    pregnant: bool | None = PREGNANT,
    breastfeeding: bool | None = BREASTFEEDING,
    athlete: bool = typer.Option(False, "--athlete", help="You train hard."),
    stressed: bool = typer.Option(False, "--stressed", help="You are under stress."),
) -> None:
    """Your daily magnesium target, the supplement limit, and what the evidence says about
    the higher-need groups the article names."""
    from twitchcare.config import load_settings
    from twitchcare.nutrition.requirements import supplement_limit

    person = _person(load_settings(), age, sex, pregnant, breastfeeding)
    age_years, result = _target(person, athlete=athlete, stressed=stressed)
    typer.echo(
        _("magnesium target: {mg:.0f} mg a day ({kind} for {basis}) [source: {source}]").format(
            mg=result.mg, kind=result.kind, basis=result.basis, source=result.source
        )
    )
    limit = supplement_limit(age_years)
    if limit.mg is None:
        typer.echo(
            _(
                "supplements: no upper limit is set at this age; magnesium should come from food "
                "or formula only [source: {source}]"
            ).format(source=limit.source)
        )
    else:
        typer.echo(
            _(
                "supplements: at most {mg:.0f} mg a day from supplements and medicines; "
                "magnesium in food does not count [source: {source}]"
            ).format(mg=limit.mg, source=limit.source)
        )
    for note in result.notes:
        typer.echo(f"{_(note.group)}: {note.statement} [{_('source')}: {note.source}]")


def plan(
    likes: list[str] = typer.Option([], "--likes", help="Foods you like (repeat or comma list)."),
    dislikes: list[str] = typer.Option([], "--dislikes", help="Foods to leave out."),
    vegetarian: bool = typer.Option(False, "--vegetarian", help="No meat or fish."),
    age: float | None = AGE,
    sex: str | None = SEX,
    pregnant: bool | None = PREGNANT,
    breastfeeding: bool | None = BREASTFEEDING,
    date: str | None = DATE,
) -> None:
    """Suggest foods for the rest of the day that close the gap to your target."""

    from twitchcare.config import load_settings
    from twitchcare.nutrition import diary_link
    from twitchcare.nutrition.person import parse_day
    from twitchcare.nutrition.plan import make_plan

    settings = load_settings()
    day = parse_day(date)
    age_years, target = _target(_person(settings, age, sex, pregnant, breastfeeding))
    (record,) = diary_link.days(settings, day, day)
    split = [w.strip() for item in likes for w in item.split(",") if w.strip()]
    avoid = [w.strip() for item in dislikes for w in item.split(",") if w.strip()]
    result = make_plan(
        target.mg,
        record.magnesium_mg,
        age=age_years,
        likes=split,
        dislikes=avoid,
        vegetarian=vegetarian,
        cache_dir=settings.data_dir / "cache",
    )
    typer.echo(
        _(
            "target {target:.0f} mg [source: {source}], eaten {eaten:.0f} mg, gap {gap:.0f} mg"
        ).format(target=target.mg, source=target.source, eaten=result.eaten_mg, gap=result.gap_mg)
    )
    if result.gap_mg <= 0:
        typer.echo(_("you have reached today's target from food."))
    for item in result.items:
        star = "*" if item.food.article_food else " "
        typer.echo(f" {star} {item.serving.understood()}")
    if result.items:
        typer.echo(
            _(
                "together {mg:.0f} mg [source: usda-sr28]; * = foods named in the article (nuts, "
                "oatmeal, sunflower seeds, spinach, beans)"
            ).format(mg=result.planned_mg)
        )
        if not result.closes_gap:
            typer.echo(_("these do not close the whole gap; larger portions or more meals would."))
    for reason in result.skipped:
        typer.echo(_("left out: {reason}").format(reason=reason))
    advice = result.supplement
    typer.echo(_("supplements (food first; tablets are an option, not a must):"))
    if advice.limit_mg is not None:
        typer.echo(
            _(
                "  upper limit from supplements: {mg:.0f} mg a day for your age (food does not "
                "count) [source: {source}]"
            ).format(mg=advice.limit_mg, source=advice.limit_source)
        )
    source = _("source")
    for form in advice.forms:
        typer.echo(f"  {_('forms')} - {form.name}: {form.note} [{source}: {form.source}]")
    for caution in advice.cautions:
        mark = _("ask a doctor first: ") if caution.ask_doctor else ""
        typer.echo(f"  {mark}{caution.text} [{source}: {caution.source}]")


def register(app: typer.Typer) -> None:
    """Attach ``mg`` to the root app."""
    mg_app = typer.Typer(
        help="Magnesium: add foods, see today against your target, get a plan.",
        no_args_is_help=True,
    )
    mg_app.command("add", context_settings=ADD_SETTINGS)(add)
    mg_app.command("today")(today)
    mg_app.command("target")(target)
    mg_app.command("plan")(plan)
    app.add_typer(mg_app, name="mg")
