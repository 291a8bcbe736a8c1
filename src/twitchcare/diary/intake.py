"""Food, drink and supplement intake: one row per thing eaten or drunk.

Entries are kept apart from what the person stated for the day; a day's magnesium, caffeine and
alcohol totals are derived from both when read (:mod:`twitchcare.diary.days`), so an entry is
counted once, on its own day, and can be listed and deleted.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, cast

from twitchcare.catalogue import gettext as _
from twitchcare.diary.records import check_date
from twitchcare.errors import InputError
from twitchcare.limits import limits

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from twitchcare.store import DiaryStore
    from twitchcare.store.models import IntakeRow

IntakeKind = Literal["food", "drink", "supplement"]
KINDS: tuple[str, ...] = ("food", "drink", "supplement")
_TOTALS = ("magnesium_mg", "caffeine_mg", "alcohol_units")


@dataclass(frozen=True)
class IntakeEntry:
    """One thing eaten or drunk, as understood (``description``) with what it contributes."""

    day: dt.date
    kind: IntakeKind
    description: str
    grams: float | None
    magnesium_mg: float
    caffeine_mg: float
    alcohol_units: float
    food_id: str | None
    id: int | None = field(default=None, compare=False)

    def validated(self) -> IntakeEntry:
        if self.kind not in KINDS:
            raise InputError(
                field="kind",
                problem=_("'{kind}' is not food, drink or supplement").format(kind=self.kind),
            )
        if not self.description.strip():
            raise InputError(field="description", problem=_("the description is empty"))
        for name in ("grams", *_TOTALS):
            value = getattr(self, name)
            if value is None and name == "grams":
                continue
            if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                raise InputError(
                    field=name,
                    problem=_("'{value}' is not a non-negative number").format(value=value),
                )
            most = limits().entry[name]
            if value > most:
                raise InputError(
                    field=name,
                    problem=_("{value} is more than one entry may hold ({most})").format(
                        value=f"{value:g}", most=f"{most:g}"
                    ),
                    hint=_("check the amount, or add it in parts"),
                )
        check_date(self.day, "date")
        return self


def add_intake(store: DiaryStore, entry: IntakeEntry) -> int:
    """Store the item; returns its id once committed."""
    from twitchcare.store.models import IntakeRow

    entry.validated()
    with store.session() as session:
        check_day_sums(session, [entry])
        row = IntakeRow(
            day=entry.day,
            kind=entry.kind,
            description=entry.description,
            grams=entry.grams,
            magnesium_mg=float(entry.magnesium_mg),
            caffeine_mg=float(entry.caffeine_mg),
            alcohol_units=float(entry.alcohol_units),
            food_id=entry.food_id,
        )
        session.add(row)
        session.flush()
        return row.id


def check_day_sums(
    session: Session, new: list[IntakeEntry], days: set[dt.date] | None = None
) -> None:
    """Refuse entries that would take a day's sum past the day's limit (then it could not be
    read back or imported: the sum is a day value like any other)."""
    from twitchcare.diary.days import INTAKE_FACTORS, intake_sums
    from twitchcare.diary.records import FACTOR_RANGES

    for day in sorted({e.day for e in new} | (days or set())):
        stored = intake_sums(session, since=day, until=day).get(day, {})
        for name in INTAKE_FACTORS:
            added = sum(float(getattr(e, name)) for e in new if e.day == day)
            total = (stored.get(name) or 0.0) + added
            _low, high, unit = FACTOR_RANGES[name]
            if (added > 0 or days) and total > high:
                raise InputError(
                    field=name,
                    problem=_(
                        "{day} would hold {total} {unit}, more than the {high} {unit} a day the "
                        "diary accepts"
                    ).format(day=day.isoformat(), total=f"{total:g}", unit=unit, high=f"{high:g}"),
                    hint=_("check the amount; `twitchcare intake list` shows the day's entries"),
                )


def _entry(row: IntakeRow) -> IntakeEntry:
    return IntakeEntry(
        day=row.day,
        kind=cast(IntakeKind, row.kind),
        description=row.description,
        grams=row.grams,
        magnesium_mg=row.magnesium_mg,
        caffeine_mg=row.caffeine_mg,
        alcohol_units=row.alcohol_units,
        food_id=row.food_id,
        id=row.id,
    )


def intake_for_day(store: DiaryStore, day: dt.date) -> list[IntakeEntry]:
    """Every item logged for ``day`` in the order it was entered."""
    return list_intake(store, since=day, until=day)


def list_intake(
    store: DiaryStore, *, since: dt.date | None = None, until: dt.date | None = None
) -> list[IntakeEntry]:
    """Items in ``[since, until]`` by day, then in the order they were entered."""
    from sqlalchemy import select

    from twitchcare.store.models import IntakeRow

    query = select(IntakeRow).order_by(IntakeRow.day, IntakeRow.id)
    if since is not None:
        query = query.where(IntakeRow.day >= since)
    if until is not None:
        query = query.where(IntakeRow.day <= until)
    with store.session() as session:
        return [_entry(r) for r in session.scalars(query)]


def delete_intake(store: DiaryStore, entry_id: int) -> IntakeEntry:
    """Remove one item (logged by mistake); the day's totals follow at once."""
    from twitchcare.errors import NotFoundError
    from twitchcare.store.models import IntakeRow

    with store.session() as session:
        row = session.get(IntakeRow, entry_id)
        if row is None:
            raise NotFoundError(
                field="entry",
                problem=_("there is no intake entry #{entry_id}").format(entry_id=entry_id),
                hint=_("see the numbers with `twitchcare intake list`"),
            )
        removed = _entry(row)
        session.delete(row)
        return removed
