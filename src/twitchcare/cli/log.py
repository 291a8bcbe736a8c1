"""Commands that write to the diary in one step: ``log``, ``day`` and ``profile``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from twitchcare.cli.i18n import N_, _, number

if TYPE_CHECKING:
    from twitchcare.diary.records import DayFactors

# The diary's factors and units as the core names them (diary.records.FACTOR_LABELS and the
# units of knowledge/limits.yaml), marked for the catalogue.
FACTOR_WORDS = (
    N_("caffeine"),
    N_("alcohol"),
    N_("stress"),
    N_("sleep"),
    N_("exercise"),
    N_("magnesium"),
    N_("relaxation"),
    N_("mg"),
    N_("units"),
    N_("hours"),
    N_("min"),
)


def _context_help() -> str:
    """The contexts and their everyday words, from the knowledge's vocabulary."""
    from twitchcare.vocabulary import vocabulary

    vocab = vocabulary()
    words = ", ".join(c.words[0] for c in vocab.contexts if c.diary and c.words)
    return f"{', '.join(vocab.diary_contexts)} (short forms: {words}); repeat for several"


def log(
    location: str = typer.Argument(
        ..., help="Where it twitches, e.g. eyelid, calf, thigh (several: calf;thigh)."
    ),
    side: str | None = typer.Option(None, "--side", "-s", help="left, right, both, not_applicable"),
    duration: str | None = typer.Option(None, "--duration", "-d", help="e.g. 30s, 2 min"),
    intensity: int | None = typer.Option(
        None, "--intensity", "-i", help="1 (barely) to 5 (strong)"
    ),
    context: list[str] = typer.Option(
        [],
        "--context",
        "-c",
        help=_context_help(),
    ),
    at: str | None = typer.Option(
        None, "--at", help='When: now (default), 22:10, "yesterday 22:10"'
    ),
    tz: str | None = typer.Option(
        None, "--tz", help="Time zone, e.g. Europe/Prague (default: local)"
    ),
    note: str = typer.Option("", "--note", "-n", help="Anything else worth remembering."),
) -> None:
    """Log a twitch episode in one line."""
    from twitchcare.cli.describe import describe_episode
    from twitchcare.diary.quicklog import parse_episode, record_episode

    episode = parse_episode(
        location=location,
        side=side,
        duration=duration,
        intensity=intensity,
        contexts=";".join(context),
        at=at,
        tz=tz,
        note=note,
    )
    new_id = record_episode(episode)
    typer.echo(_("logged #{id}: {episode}").format(id=new_id, episode=describe_episode(episode)))


def _describe_day(day: DayFactors) -> str:
    from twitchcare.diary.records import FACTOR_LABELS, FACTOR_RANGES

    parts = []
    for name, (_low, _high, unit) in FACTOR_RANGES.items():
        value = getattr(day, name)
        label = _(FACTOR_LABELS[name])
        shown = "?" if value is None else number(value)
        parts.append(f"{label} {shown}{'' if unit == 'points' else ' ' + _(unit)}")
    text = f"{day.day}: " + ", ".join(parts)
    if day.tags:
        text += "  " + _("tags") + ": " + ", ".join(day.tags)
    return text


def day(
    date: str | None = typer.Option(
        None, "--date", help="today (default), yesterday or YYYY-MM-DD"
    ),
    caffeine: float | None = typer.Option(None, "--caffeine", help="Caffeine, mg"),
    alcohol: float | None = typer.Option(None, "--alcohol", help="Alcohol, units"),
    stress: float | None = typer.Option(None, "--stress", help="Stress, 0-10"),
    sleep: float | None = typer.Option(None, "--sleep", help="Sleep, hours"),
    exercise: float | None = typer.Option(None, "--exercise", help="Exercise, minutes"),
    magnesium: float | None = typer.Option(None, "--magnesium", help="Magnesium intake, mg"),
    relaxation: float | None = typer.Option(None, "--relaxation", help="Relaxation, minutes"),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Free tag, e.g. exams; repeatable"),
    no_carry: bool = typer.Option(
        False, "--no-carry", help="Do not copy the previous day's values as defaults."
    ),
) -> None:
    """Log the day's factors; values not given are carried over from the previous day."""
    import datetime as dt

    from twitchcare.diary.days import set_day
    from twitchcare.diary.parsing import parse_date
    from twitchcare.store import open_store

    given = {
        "caffeine_mg": caffeine,
        "alcohol_units": alcohol,
        "stress_0_10": stress,
        "sleep_hours": sleep,
        "exercise_min": exercise,
        "magnesium_mg": magnesium,
        "relaxation_min": relaxation,
    }
    values = {k: v for k, v in given.items() if v is not None}
    when = parse_date(date, today=dt.date.today())
    from twitchcare.diary.profile import get_profile
    from twitchcare.diary.records import check_date

    store = open_store()
    try:
        person = get_profile(store)
        check_date(when, "date", age=person.age if person else None)
        stored = set_day(store, when, values, tags=tuple(tag) or None, carry_over=not no_carry)
    finally:
        store.close()
    typer.echo(_("saved {day}").format(day=_describe_day(stored)))
    from twitchcare.diary.days import INTAKE_FACTORS
    from twitchcare.diary.records import FACTOR_LABELS, FACTOR_RANGES

    for name in INTAKE_FACTORS:  # a stated amount below the day's entries: say which counts
        total = getattr(stored, name)
        if name in values and total is not None and total > values[name]:
            unit = _(FACTOR_RANGES[name][2])
            typer.echo(
                _(
                    "note: {factor} {total} {unit} counts, not the {given} {unit} given: the "
                    "day's entries add up to more and the larger counts (`twitchcare intake "
                    "list` shows them)"
                ).format(
                    factor=_(FACTOR_LABELS[name]),
                    total=number(total),
                    given=number(values[name]),
                    unit=unit,
                )
            )


def profile(
    age: int | None = typer.Option(None, "--age", help="Age in years"),
    sex: str | None = typer.Option(None, "--sex", help="female or male"),
    pregnant: bool | None = typer.Option(None, "--pregnant/--not-pregnant"),
    breastfeeding: bool | None = typer.Option(None, "--breastfeeding/--not-breastfeeding"),
    athlete: bool | None = typer.Option(None, "--athlete/--not-athlete"),
    weight: float | None = typer.Option(None, "--weight", help="Body weight, kg"),
) -> None:
    """Show or change your profile (used for triage and magnesium targets)."""
    from dataclasses import replace

    from twitchcare.diary.profile import Profile, get_profile, set_profile
    from twitchcare.errors import InputError
    from twitchcare.store import open_store

    store = open_store()
    try:
        current = get_profile(store)
        changes = {
            "age": age,
            "sex": sex,
            "pregnant": pregnant,
            "breastfeeding": breastfeeding,
            "athlete": athlete,
            "weight_kg": weight,
        }
        changes = {k: v for k, v in changes.items() if v is not None}
        if changes:
            if current is None:
                if age is None or sex is None:
                    raise InputError(
                        field="profile",
                        problem=_("a new profile needs {options}").format(options="--age, --sex"),
                        hint=_("e.g. {example}").format(
                            example="`twitchcare profile --age 34 --sex female`"
                        ),
                    )
                current = Profile(age=age, sex=sex)  # type: ignore[arg-type]
            current = replace(current, **changes)  # type: ignore[arg-type]
            set_profile(store, current)
    finally:
        store.close()
    if current is None:
        typer.echo(_("no profile yet: twitchcare profile --age 34 --sex female [--athlete]"))
        return
    names = {
        "pregnant": _("pregnant"),
        "breastfeeding": _("breastfeeding"),
        "athlete": _("athlete"),
    }
    flags = [label for n, label in names.items() if getattr(current, n)]
    weight_text = f", {number(current.weight_kg)} kg" if current.weight_kg is not None else ""
    sex_text = {"female": _("female"), "male": _("male")}.get(current.sex, current.sex)
    typer.echo(
        _("profile: {age} years, {sex}").format(age=current.age, sex=sex_text)
        + weight_text
        + (f" ({', '.join(flags)})" if flags else "")
    )


def register(app: typer.Typer) -> None:
    """Attach ``log``, ``day`` and ``profile`` to the root app."""
    app.command("log")(log)
    app.command("day")(day)
    app.command("profile")(profile)
