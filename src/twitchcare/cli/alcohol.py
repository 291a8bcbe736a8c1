"""``twitchcare alcohol``: drinks to UK units and US standard drinks, and the weekly total."""

from __future__ import annotations

import typer

from twitchcare.cli.i18n import _
from twitchcare.cli.intake_options import ADD_SETTINGS, DATE, DRY_RUN, finish_add


def add(
    text: str = typer.Argument(..., help="e.g. 'pint of 4.5% beer', '175 ml wine 13%'."),
    date: str | None = DATE,
    dry_run: bool = DRY_RUN,
) -> None:
    """Add an alcoholic drink to the diary."""

    from twitchcare.config import load_settings
    from twitchcare.nutrition.alcohol import understand_alcohol
    from twitchcare.nutrition.person import parse_day

    settings = load_settings()
    day = parse_day(date)
    result = understand_alcohol(text, cache_dir=settings.data_dir / "cache")
    shown = [f"{result.understood()} [{_('source')}: nhs-alcohol-units, niaaa-standard-drink]"]
    finish_add(
        settings,
        day,
        dry_run=dry_run,
        shown=shown,
        kind="drink",
        description=result.understood(),
        alcohol_units=round(result.uk_units, 2),
    )


def week(
    sex: str | None = typer.Option(None, "--sex", help="female or male (default: profile)."),
    pregnant: bool | None = typer.Option(None, "--pregnant/--not-pregnant"),
    date: str | None = typer.Option(None, "--date", help="Last day of the week (default: today)."),
) -> None:
    """Units over the last 7 days against UK guidance (and NIAAA limits for your sex)."""
    import datetime as dt

    from twitchcare.config import load_settings
    from twitchcare.nutrition import diary_link
    from twitchcare.nutrition.alcohol import alcohol_guidance, us_drinks_from_units
    from twitchcare.nutrition.person import parse_day, resolve_person

    settings = load_settings()
    last = parse_day(date)
    person = resolve_person(diary_link.profile(settings), sex=sex, pregnant=pregnant)
    records = diary_link.days(settings, last - dt.timedelta(days=6), last)
    total = 0.0
    drinking_days = 0
    heaviest = 0.0
    unrecorded = 0
    for record in records:
        if not record.recorded("alcohol_units"):
            unrecorded += 1
            typer.echo(f"  {record.day.isoformat()}  " + _("no record"))
            continue
        units = record.alcohol_units
        total += units
        drinking_days += units > 0
        heaviest = max(heaviest, units)
        typer.echo(f"  {record.day.isoformat()}  {units:5.1f} " + _("units"))
    total_us = us_drinks_from_units(total)
    typer.echo(
        _(
            "7 days to {last}: {total:.1f} UK units ({us:.1f} US standard drinks) on {days} day(s)"
        ).format(last=last.isoformat(), total=total, us=total_us, days=drinking_days)
    )
    if unrecorded:
        typer.echo(
            _(
                "{days} day(s) have no record of alcohol, so the total may be low (log a day "
                "without drinks with `twitchcare day --alcohol 0`)"
            ).format(days=unrecorded)
        )
    guidance = alcohol_guidance(sex=person.sex, pregnant=person.pregnant)
    for limit in guidance.limits:
        if limit.measure == "uk_units" and limit.period == "week":
            value = total
            unit = _("UK units")
        elif limit.period == "week":
            value, unit = total_us, _("US drinks")
        else:
            value, unit = us_drinks_from_units(heaviest), _("US drinks on your heaviest day")
        verdict = _("over") if value > limit.amount else _("within")
        typer.echo(
            f"{verdict}: {limit.note} ({value:.1f} {unit} {_('vs')} {limit.amount:g}) "
            f"[{_('source')}: {limit.source}]"
        )


def register(app: typer.Typer) -> None:
    """Attach ``alcohol`` to the root app."""
    alcohol_app = typer.Typer(
        help="Alcohol in UK units and US standard drinks, against guidance.", no_args_is_help=True
    )
    alcohol_app.command("add", context_settings=ADD_SETTINGS)(add)
    alcohol_app.command("week")(week)
    app.add_typer(alcohol_app, name="alcohol")
