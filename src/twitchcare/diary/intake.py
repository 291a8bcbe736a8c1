"""Food, drink and supplement intake, and the daily totals it feeds.

Each item is kept (so a day can be shown and corrected) and also added to the day's magnesium,
caffeine and alcohol totals, which are the factors the pattern analysis looks at.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from twitchcare.errors import InputError

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore

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

    def validated(self) -> IntakeEntry:
        if self.kind not in KINDS:
            raise InputError(
                field="kind", problem=f"'{self.kind}' is not food, drink or supplement"
            )
        if not self.description.strip():
            raise InputError(field="description", problem="the description is empty")
        for name in ("grams", *_TOTALS):
            value = getattr(self, name)
            if value is None and name == "grams":
                continue
            if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                raise InputError(field=name, problem=f"'{value}' is not a non-negative number")
        return self


def add_intake(store: DiaryStore, entry: IntakeEntry) -> int:
    """Store the item and add it to that day's totals, in one transaction.

    A day with no record yet starts its totals at zero (not carried over): what was eaten is a
    count, and yesterday's coffee is not today's. Only the amounts an item actually has are added,
    so logging almonds does not turn the day's unknown alcohol into "none".
    """
    from twitchcare.store.models import DayRow, IntakeRow

    entry.validated()
    with store.session() as session:
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
        day = session.get(DayRow, entry.day)
        if day is None:
            day = DayRow(day=entry.day, tags="")
            session.add(day)
        for name in _TOTALS:
            amount = float(getattr(entry, name))
            if amount > 0:  # a food with no alcohol says nothing about the day's alcohol
                setattr(day, name, (getattr(day, name) or 0.0) + amount)
        session.flush()
        return row.id


def intake_for_day(store: DiaryStore, day: dt.date) -> list[IntakeEntry]:
    """Every item logged for ``day`` in the order it was entered."""
    from sqlalchemy import select

    from twitchcare.store.models import IntakeRow

    query = select(IntakeRow).where(IntakeRow.day == day).order_by(IntakeRow.id)
    with store.session() as session:
        return [
            IntakeEntry(
                day=r.day,
                kind=cast(IntakeKind, r.kind),
                description=r.description,
                grams=r.grams,
                magnesium_mg=r.magnesium_mg,
                caffeine_mg=r.caffeine_mg,
                alcohol_units=r.alcohol_units,
                food_id=r.food_id,
            )
            for r in session.scalars(query)
        ]
