"""Storing and reading twitch episodes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from twitchcare.catalogue import gettext as _
from twitchcare.diary.records import Episode

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore
    from twitchcare.store.models import EpisodeRow


def to_row_values(episode: Episode) -> dict[str, object]:
    """Column values for one episode: naive UTC, the offset in minutes and the local day."""
    offset = episode.started_at.utcoffset()
    assert offset is not None
    utc = episode.started_at.astimezone(dt.UTC).replace(tzinfo=None)
    return {
        "started_at": utc,
        "utc_offset_min": int(offset.total_seconds() // 60),
        "day": episode.day,
        "locations": ";".join(episode.locations),
        "side": episode.side,
        "duration_s": episode.duration_s,
        "intensity": episode.intensity,
        "contexts": ";".join(episode.contexts),
        "note": episode.note,
    }


def from_row(row: EpisodeRow) -> Episode:
    tz = dt.timezone(dt.timedelta(minutes=row.utc_offset_min))
    return Episode(
        started_at=row.started_at.replace(tzinfo=dt.UTC).astimezone(tz),
        locations=tuple(row.locations.split(";")),
        side=row.side,
        duration_s=row.duration_s,
        intensity=row.intensity,
        contexts=tuple(c for c in row.contexts.split(";") if c),
        note=row.note,
        id=row.id,
    )


def add_episode(store: DiaryStore, episode: Episode) -> int:
    """Validate and store one episode; returns its id once it is durably committed."""
    from twitchcare.store.models import EpisodeRow

    row = EpisodeRow(**to_row_values(episode.validated()))
    with store.session() as session:
        session.add(row)
        session.flush()
        return row.id


def list_episodes(
    store: DiaryStore,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[Episode]:
    """Episodes whose local day is in ``[since, until]``, oldest first unless asked otherwise."""
    from sqlalchemy import select

    from twitchcare.store.models import EpisodeRow

    query = select(EpisodeRow)
    if since is not None:
        query = query.where(EpisodeRow.day >= since)
    if until is not None:
        query = query.where(EpisodeRow.day <= until)
    order = (
        (EpisodeRow.started_at.desc(), EpisodeRow.id.desc())
        if newest_first
        else (
            EpisodeRow.started_at,
            EpisodeRow.id,
        )
    )
    query = query.order_by(*order)
    if limit is not None:
        query = query.limit(limit)
    with store.session() as session:
        return [from_row(r) for r in session.scalars(query)]


def counts_by_day(store: DiaryStore) -> dict[dt.date, int]:
    """Episodes per local day, computed in the database (cheap even for years of entries)."""
    from sqlalchemy import func, select

    from twitchcare.store.models import EpisodeRow

    query = select(EpisodeRow.day, func.count()).group_by(EpisodeRow.day)
    with store.session() as session:
        return {day: int(n) for day, n in session.execute(query)}


def waking_counts_by_day(store: DiaryStore) -> dict[dt.date, int]:
    """Episodes per local day without those only at sleep onset: what persistence counts.

    The few distinct sets of contexts are judged first (the rule of
    :func:`twitchcare.diary.persistence.sleep_start_only`), so the database counts one row per day
    instead of one per day and set of contexts: a ten-year diary returns 3,650 rows, not 28,000.
    """
    from sqlalchemy import func, or_, select

    from twitchcare.diary.persistence import sleep_start_only
    from twitchcare.store.models import EpisodeRow

    with store.session() as session:
        kinds = [c for (c,) in session.execute(select(EpisodeRow.contexts).distinct())]
        asleep = [c for c in kinds if c is not None and sleep_start_only(c)]
        query = select(EpisodeRow.day, func.count()).group_by(EpisodeRow.day)
        if asleep:
            query = query.where(
                or_(EpisodeRow.contexts.is_(None), EpisodeRow.contexts.not_in(asleep))
            )
        return {day: int(n) for day, n in session.execute(query)}


def location_counts_by_day(
    store: DiaryStore, *, since: dt.date | None = None
) -> dict[tuple[dt.date, str], int]:
    """Episodes per (day, location); an episode in two places counts for both."""
    from sqlalchemy import func, select

    from twitchcare.store.models import EpisodeRow

    query = select(EpisodeRow.day, EpisodeRow.locations, func.count()).group_by(
        EpisodeRow.day, EpisodeRow.locations
    )
    if since is not None:
        query = query.where(EpisodeRow.day >= since)
    result: dict[tuple[dt.date, str], int] = {}
    with store.session() as session:
        for day, locations, n in session.execute(query):
            for loc in locations.split(";"):
                result[(day, loc)] = result.get((day, loc), 0) + int(n)
    return result


def delete_episode(store: DiaryStore, episode_id: int) -> Episode:
    """Remove one episode logged by mistake; returns what was removed."""
    from twitchcare.errors import NotFoundError
    from twitchcare.store.models import EpisodeRow

    with store.session() as session:
        row = session.get(EpisodeRow, episode_id)
        if row is None:
            raise NotFoundError(
                field="episode",
                problem=_("no episode #{episode_id}").format(episode_id=episode_id),
                hint=_("see: twitchcare diary"),
            )
        removed = from_row(row)
        session.delete(row)
        return removed
