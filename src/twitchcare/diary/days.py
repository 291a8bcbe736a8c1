"""A day as the person stated it, and the day's totals derived from it and from the entries.

Two things are kept apart so a day's total can never grow by itself:

- **stated** values, given with ``twitchcare day`` (the ``days`` table). Only these carry over:
  a new day starts from the latest earlier day's *stated* values, because habits (the usual
  sleep, the usual coffee) change little from one day to the next;
- **entries** from ``mg add``, ``caffeine add`` and ``alcohol add`` (the ``intake`` table). They
  belong to their own day and are never copied.

The total of magnesium, caffeine or alcohol for a day is derived when it is read (see
:func:`day_total`): the stated value when there are no entries, the sum of the entries when
nothing was stated, and the larger of the two when both exist - a stated figure is the whole
day's amount and already includes the items listed, unless the items add up to more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from twitchcare.diary.records import FACTORS, DayFactors, check_choice

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from twitchcare.store import DiaryStore
    from twitchcare.store.models import DayRow

#: Factors that food and drink entries add to.
INTAKE_FACTORS: tuple[str, ...] = ("magnesium_mg", "caffeine_mg", "alcohol_units")


#: Per day: the sum of each intake factor over the entries that have some of it (None = none).
IntakeSums = Mapping[str, float | None]


def day_total(stated: float | None, listed: float | None) -> float | None:
    """The day's amount from what was stated and the sum of the entries (None = unknown)."""
    if stated is None:
        return listed
    if listed is None:
        return stated
    return max(stated, listed)


def from_row(row: DayRow) -> DayFactors:
    values = {name: getattr(row, name) for name in FACTORS}
    return DayFactors(day=row.day, tags=tuple(t for t in row.tags.split(";") if t), **values)


def row_values(day: DayFactors) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(day, name) for name in FACTORS}
    values["tags"] = ";".join(day.tags)
    return values


def with_entries(stated: DayFactors | None, day: dt.date, sums: IntakeSums | None) -> DayFactors:
    """The day's totals: ``stated`` (may be None) combined with the sums of its entries."""
    base = stated or DayFactors(day=day)
    if not sums:
        return base
    totals = {name: day_total(getattr(base, name), sums.get(name)) for name in INTAKE_FACTORS}
    return replace(base, **totals)  # type: ignore[arg-type]


def combine_days(
    stated: Iterable[DayFactors], sums: Mapping[dt.date, IntakeSums]
) -> list[DayFactors]:
    """Every day with a statement or an entry, in date order, as totals."""
    by_day = {d.day: d for d in stated}
    return [
        with_entries(by_day.get(day), day, sums.get(day)) for day in sorted(set(by_day) | set(sums))
    ]


def sums_from_rows(rows: Iterable[tuple[object, ...]]) -> dict[dt.date, IntakeSums]:
    """``(day, magnesium, caffeine, alcohol)`` rows of :data:`INTAKE_SUMS_SQL` as a mapping."""
    out: dict[dt.date, IntakeSums] = {}
    for day, *values in rows:
        key = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        out[key] = {
            name: None if v is None else float(v)  # type: ignore[arg-type]
            for name, v in zip(INTAKE_FACTORS, values, strict=True)
        }
    return out


#: Sums of the entries per day; an entry with none of a factor says nothing about it (NULLIF),
#: so logging almonds does not turn the day's unknown alcohol into "none". Plain SQL so that the
#: stdlib reader of ``diary stats`` and the store agree.
INTAKE_SUMS_SQL = (
    "SELECT day, SUM(NULLIF(magnesium_mg, 0)), SUM(NULLIF(caffeine_mg, 0)), "
    "SUM(NULLIF(alcohol_units, 0)) FROM intake GROUP BY day"
)


def intake_sums(
    session: Session, *, since: dt.date | None = None, until: dt.date | None = None
) -> dict[dt.date, IntakeSums]:
    """Sums of the entries per day inside ``[since, until]``."""
    from sqlalchemy import func, select

    from twitchcare.store.models import IntakeRow

    columns = [func.sum(func.nullif(getattr(IntakeRow, n), 0)) for n in INTAKE_FACTORS]
    query = select(IntakeRow.day, *columns).group_by(IntakeRow.day)
    if since is not None:
        query = query.where(IntakeRow.day >= since)
    if until is not None:
        query = query.where(IntakeRow.day <= until)
    return sums_from_rows(tuple(r) for r in session.execute(query))


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
    """State factors for ``day``; factors not in ``values`` keep the day's value or carry over.

    A day already stated keeps what it had for factors not given. A new day starts from the
    latest earlier day's *stated* values when ``carry_over`` is true (entries never carry over).
    Returns the day's totals as they now count.
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
        sums = intake_sums(session, since=day, until=day)
        return with_entries(merged, day, sums.get(day))


def get_day(store: DiaryStore, day: dt.date) -> DayFactors | None:
    """What the person stated for ``day`` (None when nothing was), without the entries."""
    from twitchcare.store.models import DayRow

    with store.session() as session:
        row = session.get(DayRow, day)
        return from_row(row) if row else None


def list_days(
    store: DiaryStore, *, since: dt.date | None = None, until: dt.date | None = None
) -> list[DayFactors]:
    """Stated days in date order (what ``twitchcare day`` recorded; the archive keeps these)."""
    from sqlalchemy import select

    from twitchcare.store.models import DayRow

    query = select(DayRow).order_by(DayRow.day)
    if since is not None:
        query = query.where(DayRow.day >= since)
    if until is not None:
        query = query.where(DayRow.day <= until)
    with store.session() as session:
        return [from_row(r) for r in session.scalars(query)]


def day_totals(
    store: DiaryStore, *, since: dt.date | None = None, until: dt.date | None = None
) -> list[DayFactors]:
    """Every day with a statement or an entry, as totals (what analysis, charts and CSV use)."""
    from sqlalchemy import select

    from twitchcare.store.models import DayRow

    query = select(DayRow).order_by(DayRow.day)
    if since is not None:
        query = query.where(DayRow.day >= since)
    if until is not None:
        query = query.where(DayRow.day <= until)
    with store.session() as session:
        stated = [from_row(r) for r in session.scalars(query)]
        sums = intake_sums(session, since=since, until=until)
    return combine_days(stated, sums)
