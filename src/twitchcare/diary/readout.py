"""The raw aggregates ``diary stats`` needs, read either through the store or straight from SQLite.

``compute_stats`` is pure over a :class:`Readout`. The store reader works for every database; the
SQLite reader uses the standard library only, because importing SQLAlchemy costs a cold
``twitchcare diary stats`` more than its whole budget (1 s for ten years of entries). A test reads
the same diary both ways and requires identical readouts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from twitchcare.diary.experiments import Experiment, list_experiments
from twitchcare.diary.records import FACTORS, DayFactors

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore


@dataclass(frozen=True)
class Readout:
    """Day totals (stated values and entries), episode counts per day and place, experiments."""

    days: list[DayFactors]
    counts_by_day: dict[dt.date, int]
    waking_counts_by_day: dict[dt.date, int]  # without sleep starts: what persistence counts
    location_totals: dict[str, int]
    location_counts_by_day: dict[tuple[dt.date, str], int]  # since ``since``
    experiments: list[Experiment]
    since: dt.date


def locations_since(today: dt.date) -> dt.date:
    """First day of the month twelve months back: the window of the location-by-month figure."""
    return (today.replace(day=1) - dt.timedelta(days=335)).replace(day=1)


def _split_locations(rows: list[tuple[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for joined, n in rows:
        for loc in joined.split(";"):
            totals[loc] = totals.get(loc, 0) + int(n)
    return totals


def read_store(store: DiaryStore, today: dt.date) -> Readout:
    """Read through SQLAlchemy (any database)."""
    from sqlalchemy import func, select

    from twitchcare.diary.days import combine_days, intake_sums
    from twitchcare.diary.episodes import (
        counts_by_day,
        location_counts_by_day,
        waking_counts_by_day,
    )
    from twitchcare.store.models import DayRow, EpisodeRow

    since = locations_since(today)
    columns = [getattr(DayRow, name) for name in FACTORS]
    with store.session() as session:
        day_rows = session.execute(select(DayRow.day, *columns).order_by(DayRow.day)).all()
        sums = intake_sums(session)
        totals = session.execute(
            select(EpisodeRow.locations, func.count()).group_by(EpisodeRow.locations)
        ).all()
    return Readout(
        days=combine_days([DayFactors(row[0], *row[1:]) for row in day_rows], sums),
        counts_by_day=counts_by_day(store),
        waking_counts_by_day=waking_counts_by_day(store),
        location_totals=_split_locations([(str(j), int(n)) for j, n in totals]),
        location_counts_by_day=location_counts_by_day(store, since=since),
        experiments=list_experiments(store),
        since=since,
    )


def read_sqlite(path: Path, today: dt.date) -> Readout | None:
    """Read a current SQLite diary with the standard library; None if that does not apply."""
    from twitchcare.diary.days import INTAKE_SUMS_SQL, combine_days, sums_from_rows
    from twitchcare.diary.persistence import waking_counts
    from twitchcare.store.quick import read_rows

    since = locations_since(today)
    queries = {
        "days": f"SELECT day, {', '.join(FACTORS)} FROM days ORDER BY day",
        "intake": INTAKE_SUMS_SQL,
        "counts": "SELECT day, COUNT(*) FROM episodes GROUP BY day",
        "by_context": "SELECT day, contexts, COUNT(*) FROM episodes GROUP BY day, contexts",
        "totals": "SELECT locations, COUNT(*) FROM episodes GROUP BY locations",
        "by_day": "SELECT day, locations, COUNT(*) FROM episodes WHERE day >= ? "
        "GROUP BY day, locations",
        "experiments": 'SELECT id, name, factor, comparison, target, start, "end" '
        "FROM experiments ORDER BY id",
    }
    params: dict[str, tuple[object, ...]] = {"by_day": (since.isoformat(),)}
    rows = read_rows(path, queries, params)
    if rows is None:
        return None
    day = dt.date.fromisoformat
    by_day: dict[tuple[dt.date, str], int] = {}
    for d, joined, n in rows["by_day"]:
        for loc in str(joined).split(";"):
            by_day[(day(d), loc)] = by_day.get((day(d), loc), 0) + int(n)
    return Readout(
        days=combine_days(
            [DayFactors(day(r[0]), *r[1:]) for r in rows["days"]], sums_from_rows(rows["intake"])
        ),
        counts_by_day={day(d): int(n) for d, n in rows["counts"]},
        waking_counts_by_day=waking_counts((day(d), c, n) for d, c, n in rows["by_context"]),
        location_totals=_split_locations([(str(j), int(n)) for j, n in rows["totals"]]),
        location_counts_by_day=by_day,
        experiments=[
            Experiment(
                name=name,
                start=day(start),
                end=day(end),
                factor=factor,
                comparison=comparison,
                target=target,
                id=ident,
            )
            for ident, name, factor, comparison, target, start, end in rows["experiments"]
        ],
        since=since,
    )
