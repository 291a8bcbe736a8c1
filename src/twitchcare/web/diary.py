"""The diary for the pages and the API: log an episode, describe entries as JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from twitchcare.diary.records import DayFactors, Episode, check_date, check_moment
from twitchcare.errors import InputError
from twitchcare.store import DiaryStore
from twitchcare.web.i18n import _

if TYPE_CHECKING:
    from twitchcare.diary.experiments import Experiment, ExperimentResult


def now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def today() -> dt.date:
    return now().date()


def profile_age(store: DiaryStore) -> int | None:
    """The age in the profile, if any: entries before the birth year are refused."""
    from twitchcare.diary.profile import get_profile

    profile = get_profile(store)
    return profile.age if profile else None


def check_day(store: DiaryStore, day: dt.date, field_name: str = "day") -> dt.date:
    """Refuse a diary day before the person's birth year (or 1900) or after tomorrow."""
    return check_date(day, field_name, age=profile_age(store))


def log_episode(
    store: DiaryStore,
    *,
    locations: Sequence[str],
    started_at: dt.datetime | None = None,
    side: str | None = None,
    duration_s: float | None = None,
    intensity: int | None = None,
    contexts: Sequence[str] = (),
    note: str = "",
) -> Episode:
    """Validate and keep one episode; the records module owns what is allowed."""
    from dataclasses import replace

    from twitchcare.diary.episodes import add_episode

    if started_at is not None and started_at.tzinfo is None:
        raise InputError(
            field="started_at",
            problem=_("the time has no time zone"),
            hint=_("give an offset, e.g. {example}").format(example="2026-11-24T22:10+01:00"),
        )
    when = check_moment(started_at, "started_at", age=profile_age(store)) if started_at else now()
    episode = Episode(
        started_at=when,
        locations=tuple(locations),
        side=side or None,
        duration_s=duration_s,
        intensity=intensity,
        contexts=tuple(contexts),
        note=note,
    ).validated()
    return replace(episode, id=add_episode(store, episode))


def last_place(store: DiaryStore) -> tuple[str, ...]:
    """Where the latest episode was: the quick-log button offers it first."""
    from twitchcare.diary.episodes import list_episodes

    latest = list_episodes(store, limit=1, newest_first=True)
    return latest[0].locations if latest else ()


def episode_json(e: Episode) -> dict[str, Any]:
    return {
        "id": e.id,
        "started_at": e.started_at.isoformat(),
        "day": e.day.isoformat(),
        "locations": list(e.locations),
        "side": e.side,
        "duration_s": e.duration_s,
        "intensity": e.intensity,
        "contexts": list(e.contexts),
        "note": e.note,
    }


def day_json(d: DayFactors) -> dict[str, Any]:
    from twitchcare.diary.records import FACTORS

    out: dict[str, Any] = {"day": d.day.isoformat()}
    out.update({name: getattr(d, name) for name in FACTORS})
    out["tags"] = list(d.tags)
    return out


def start_experiment(
    store: DiaryStore,
    *,
    name: str,
    days: float | None = None,
    start: dt.date | None = None,
    factor: str | None = None,
    comparison: str | None = None,
    target: float | None = None,
) -> Experiment:
    """Start a personal experiment the way ``twitchcare diary experiment start`` does: the
    target is read from the name ("under 200 mg caffeine") unless given."""
    from dataclasses import replace

    from twitchcare.diary.experiments import DEFAULT_DAYS, Experiment, add_experiment, infer_target

    days = DEFAULT_DAYS if days is None else days
    if days != int(days) or not 1 <= days <= 366:
        raise InputError(field="days", problem=_("give a whole number of days"), hint="1-366")
    name = name.strip()
    if not name or len(name) > 200:
        raise InputError(
            field="name",
            problem=_("say what you will change, in 1-200 characters"),
            hint=_("e.g. under 200 mg caffeine"),
        )
    first = check_day(store, start, "start") if start else today()
    if factor is None and comparison is None and target is None:
        inferred = infer_target(name)
        if inferred is not None:
            factor, comparison, target = inferred
    experiment = Experiment(
        name=name,
        start=first,
        end=first + dt.timedelta(days=int(days) - 1),
        factor=factor,
        comparison=comparison,
        target=target,
    )
    try:
        return replace(experiment, id=add_experiment(store, experiment))
    except InputError as exc:
        from twitchcare.diary.records import FACTOR_RANGES

        out_of_range = comparison in ("below", "above") and target is not None
        if exc.field == "target" and factor in FACTOR_RANGES and out_of_range:
            low, high, unit = FACTOR_RANGES[factor]
            exc.hint = (
                _("use a value from {low} to {high} {unit}")
                .format(low=f"{low:g}", high=f"{high:g}", unit=unit)
                .strip()
            )
            raise
        if "--" not in exc.problem + exc.hint:
            raise
        # the core's messages name the terminal's options (--below); say it for a form or JSON
        raise InputError(
            field=exc.field,
            problem=_("a target needs a factor")
            if exc.field == "factor"
            else _("a factor needs a comparison and a target"),
            hint=_(
                "give factor, comparison (below or above) and target together, e.g. "
                "caffeine_mg below 200, or leave all three out"
            ),
        ) from None


def experiment_results(store: DiaryStore) -> list[ExperimentResult]:
    """Every experiment with its result so far (as ``twitchcare diary experiment list``)."""
    from twitchcare.diary.daily import load_table
    from twitchcare.diary.experiments import evaluate, list_experiments

    table = load_table(store)
    return [evaluate(e, table, today()) for e in list_experiments(store)]


def stop_experiment(store: DiaryStore, experiment_id: int) -> ExperimentResult:
    """End an experiment today (as ``twitchcare diary experiment stop``); its result."""
    from twitchcare.diary.experiments import stop_experiment as stop

    stop(store, experiment_id, today())
    return next(r for r in experiment_results(store) if r.experiment.id == experiment_id)
