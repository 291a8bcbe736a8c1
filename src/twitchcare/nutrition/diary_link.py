"""The only place nutrition talks to the diary: record an entry, read a day or a week.

The diary package (and SQLAlchemy behind it) is imported inside the functions, so searching
foods never pays for opening a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from twitchcare.config import Settings
    from twitchcare.diary.intake import IntakeEntry
    from twitchcare.diary.profile import Profile


@dataclass(frozen=True)
class DayIntake:
    """A day's entries and totals as nutrition needs them."""

    day: dt.date
    entries: tuple[IntakeEntry, ...]

    @property
    def magnesium_mg(self) -> float:
        return sum(e.magnesium_mg for e in self.entries)

    @property
    def caffeine_mg(self) -> float:
        return sum(e.caffeine_mg for e in self.entries)

    @property
    def alcohol_units(self) -> float:
        return sum(e.alcohol_units for e in self.entries)


def record(
    settings: Settings,
    *,
    day: dt.date,
    kind: Literal["food", "drink", "supplement"],
    description: str,
    grams: float | None = None,
    magnesium_mg: float = 0.0,
    caffeine_mg: float = 0.0,
    alcohol_units: float = 0.0,
    food_id: str | None = None,
) -> int:
    """Add one entry to the diary (and so to that day's totals); returns its id."""
    from twitchcare.diary.intake import IntakeEntry, add_intake
    from twitchcare.store import open_store

    entry = IntakeEntry(
        day=day,
        kind=kind,
        description=description,
        grams=grams,
        magnesium_mg=magnesium_mg,
        caffeine_mg=caffeine_mg,
        alcohol_units=alcohol_units,
        food_id=food_id,
    )
    store = open_store(settings)
    try:
        return add_intake(store, entry)
    finally:
        store.close()


def days(settings: Settings, first: dt.date, last: dt.date) -> list[DayIntake]:
    """Entries for every day from ``first`` to ``last`` inclusive."""
    from twitchcare.diary.intake import intake_for_day
    from twitchcare.store import open_store

    store = open_store(settings)
    try:
        out = []
        day = first
        while day <= last:
            out.append(DayIntake(day, tuple(intake_for_day(store, day))))
            day += dt.timedelta(days=1)
        return out
    finally:
        store.close()


def profile(settings: Settings) -> Profile | None:
    """The stored profile, or None when the person has not set one."""
    from twitchcare.diary.profile import get_profile
    from twitchcare.store import open_store

    store = open_store(settings)
    try:
        return get_profile(store)
    finally:
        store.close()
