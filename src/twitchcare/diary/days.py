"""Daily factors, with yesterday's values as today's defaults.

Most factors change little from one day to the next (the same coffee, the same job), so a day is
logged in one step: values not given are carried over from the latest earlier day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from twitchcare.diary.records import FACTORS, DayFactors, check_choice

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from twitchcare.store import DiaryStore
    from twitchcare.store.models import DayRow


def from_row(row: DayRow) -> DayFactors:
    values = {name: getattr(row, name) for name in FACTORS}
    return DayFactors(day=row.day, tags=tuple(t for t in row.tags.split(";") if t), **values)


def row_values(day: DayFactors) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(day, name) for name in FACTORS}
    values["tags"] = ";".join(day.tags)
    return values


def _previous(session: Session, day: dt.date) -> DayRow | None:
    from sqlalchemy import select

    from twitchcare.store.models import DayRow

    query = select(DayRow).where(DayRow.day < day).order_by(DayRow.day.desc()).limit(1)
    return session.scalars(query).first()


def set_day(
    store: DiaryStore,
    day: dt.date,
    values: Mapping[str, float | None],
    *,
    tags: tuple[str, ...] | None = None,
    carry_over: bool = True,
) -> DayFactors:
    """Record factors for ``day``; factors not in ``values`` keep the day's value or carry over.

    A day that already exists keeps what it had for factors not given. A new day starts from the
    latest earlier day when ``carry_over`` is true. Returns what is now stored.
    """
    from twitchcare.store.models import DayRow

    for name in values:
        check_choice(name, FACTORS, "factor")
    with store.session() as session:
        row = session.get(DayRow, day)
        if row is None:
            base = DayFactors(day=day)
            previous = _previous(session, day) if carry_over else None
            if previous is not None:
                from twitchcare.relax.practice import without_practice

                # Sessions practised belong to their own day: only what was stated carries over.
                base = replace(without_practice(session, from_row(previous)), day=day, tags=())
        else:
            base = from_row(row)
        merged = replace(base, **values)  # type: ignore[arg-type]
        if tags is not None:
            merged = replace(merged, tags=tags)
        merged.validated()
        if row is None:
            session.add(DayRow(day=day, **row_values(merged)))
        else:
            for key, value in row_values(merged).items():
                setattr(row, key, value)
        return merged


def get_day(store: DiaryStore, day: dt.date) -> DayFactors | None:
    from twitchcare.store.models import DayRow

    with store.session() as session:
        row = session.get(DayRow, day)
        return from_row(row) if row else None


def list_days(
    store: DiaryStore, *, since: dt.date | None = None, until: dt.date | None = None
) -> list[DayFactors]:
    """Logged days in date order."""
    from sqlalchemy import select

    from twitchcare.store.models import DayRow

    query = select(DayRow).order_by(DayRow.day)
    if since is not None:
        query = query.where(DayRow.day >= since)
    if until is not None:
        query = query.where(DayRow.day <= until)
    with store.session() as session:
        return [from_row(r) for r in session.scalars(query)]
