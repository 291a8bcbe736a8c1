"""The diary for the pages and the API: log an episode, describe entries as JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from twitchcare.diary.records import DayFactors, Episode, check_date, check_moment
from twitchcare.errors import InputError
from twitchcare.store import DiaryStore


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
            problem="the time has no time zone",
            hint="give an offset, e.g. 2026-11-24T22:10+01:00",
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
