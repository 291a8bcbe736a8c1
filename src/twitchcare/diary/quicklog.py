"""Log one episode from typed text, as fast as a command line can be."""

from __future__ import annotations

import datetime as dt

from twitchcare.diary.parsing import (
    parse_contexts,
    parse_duration,
    parse_intensity,
    parse_locations,
    parse_side,
    parse_when,
    zone,
)
from twitchcare.diary.records import Episode


def parse_episode(
    *,
    location: str,
    side: str | None = None,
    duration: str | None = None,
    intensity: int | None = None,
    contexts: str = "",
    at: str | None = None,
    tz: str | None = None,
    note: str = "",
    now: dt.datetime | None = None,
) -> Episode:
    """Build a validated episode from what was typed."""
    tzinfo = zone(tz) if tz else None
    now = now or dt.datetime.now(dt.UTC)
    return Episode(
        started_at=parse_when(at, now=now, tz=tzinfo),
        locations=parse_locations(location),
        side=parse_side(side) if side else None,
        duration_s=parse_duration(duration) if duration else None,
        intensity=parse_intensity(intensity) if intensity is not None else None,
        contexts=parse_contexts(contexts),
        note=note,
    ).validated()


def record_episode(episode: Episode) -> int:
    """Store one validated episode; returns its id once durably committed.

    A current SQLite diary takes the stdlib fast path (see :mod:`twitchcare.store.quick`); a new,
    outdated or PostgreSQL diary is opened through the store, which creates or migrates it.
    """
    from twitchcare.diary.episodes import to_row_values
    from twitchcare.diary.records import check_moment
    from twitchcare.paths import local_database_url
    from twitchcare.store.quick import append_row, read_rows, sqlite_path

    url = local_database_url()
    path = sqlite_path(url) if url else None
    if path is not None:
        rows = read_rows(path, {"age": "SELECT age FROM profile"})
        if rows is not None:
            age = rows["age"][0][0] if rows["age"] else None
            check_moment(episode.started_at, "at", age=age)  # not before the birth year
            new_id = append_row(path, "episodes", to_row_values(episode.validated()))
            if new_id is not None:
                return new_id

    from twitchcare.diary.episodes import add_episode
    from twitchcare.diary.profile import get_profile
    from twitchcare.store import open_store

    store = open_store()
    try:
        profile = get_profile(store)
        check_moment(episode.started_at, "at", age=profile.age if profile else None)
        return add_episode(store, episode)
    finally:
        store.close()
