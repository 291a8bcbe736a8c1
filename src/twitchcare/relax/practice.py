"""Practised sessions: kept in the diary and added to the day's relaxation (or exercise) minutes.

A session adds its minutes to that day's factor, so ``diary stats`` can show whether relaxing
goes with less twitching. A day without a record starts from zero rather than carrying over
yesterday's factors: practice is counted, not assumed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from twitchcare.catalogue import gettext as _
from twitchcare.diary.records import FACTOR_RANGES
from twitchcare.errors import InputError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from twitchcare.diary.records import DayFactors
    from twitchcare.store import DiaryStore


@dataclass(frozen=True)
class Practice:
    """One session practised (``completed`` false when stopped early)."""

    at: dt.datetime
    session: str
    minutes: float
    completed: bool
    factor: str = "relaxation_min"

    @property
    def day(self) -> dt.date:
        return self.at.date()

    def validated(self) -> Practice:
        if self.at.utcoffset() is None:
            raise InputError(field="at", problem=_("the time has no time zone"))
        _low, high, _unit = FACTOR_RANGES[self.factor]
        if not 0 < self.minutes <= high:
            raise InputError(
                field="minutes",
                problem=_("{minutes} minutes").format(minutes=f"{self.minutes:g}"),
                hint=_("more than 0, at most {high}").format(high=f"{high:g}"),
            )
        return self


def log_practice(store: DiaryStore, practice: Practice) -> float:
    """Keep the session and add its minutes to the day's factor; returns the day's new total."""
    from twitchcare.store.models import DayRow, RelaxSessionRow

    p = practice.validated()
    offset = p.at.utcoffset()
    assert offset is not None
    with store.session() as session:
        session.add(
            RelaxSessionRow(
                at=p.at.astimezone(dt.UTC).replace(tzinfo=None),
                utc_offset_min=int(offset.total_seconds() // 60),
                day=p.day,
                session=p.session,
                minutes=round(p.minutes, 2),
                completed=p.completed,
                factor=p.factor,
            )
        )
        day = session.get(DayRow, p.day)
        if day is None:
            day = DayRow(day=p.day, tags="")
            session.add(day)
        _low, high, _unit = FACTOR_RANGES[p.factor]
        total = min(high, round((getattr(day, p.factor) or 0.0) + p.minutes, 2))
        setattr(day, p.factor, total)
        return float(total)


def list_practice(
    store: DiaryStore, *, since: dt.date | None = None, until: dt.date | None = None
) -> list[Practice]:
    """Practised sessions in time order."""
    from sqlalchemy import select

    from twitchcare.store.models import RelaxSessionRow

    query = select(RelaxSessionRow).order_by(RelaxSessionRow.at, RelaxSessionRow.id)
    if since is not None:
        query = query.where(RelaxSessionRow.day >= since)
    if until is not None:
        query = query.where(RelaxSessionRow.day <= until)
    with store.session() as session:
        return [
            Practice(
                at=r.at.replace(tzinfo=dt.UTC).astimezone(
                    dt.timezone(dt.timedelta(minutes=r.utc_offset_min))
                ),
                session=r.session,
                minutes=r.minutes,
                completed=r.completed,
                factor=r.factor,
            )
            for r in session.scalars(query)
        ]


def without_practice(session: Session, day: DayFactors) -> DayFactors:
    """``day`` with the minutes of sessions practised on it taken out of its factors.

    What is left is what the person stated (or nothing): the part that may carry over to a new
    day, whereas practice counts only on the day it happened.
    """
    from dataclasses import replace

    from sqlalchemy import func, select

    from twitchcare.store.models import RelaxSessionRow

    rows = session.execute(
        select(RelaxSessionRow.factor, func.sum(RelaxSessionRow.minutes))
        .where(RelaxSessionRow.day == day.day)
        .group_by(RelaxSessionRow.factor)
    ).all()
    changes: dict[str, float | None] = {}
    for factor, practised in rows:
        value = getattr(day, factor, None)
        if value is not None and practised:
            left = round(value - float(practised), 2)
            changes[factor] = left if left > 0 else None
    return replace(day, **changes) if changes else day  # type: ignore[arg-type]
