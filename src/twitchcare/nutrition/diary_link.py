"""The only place nutrition talks to the diary: record an entry, read a day or a week.

The diary package (and SQLAlchemy behind it) is imported inside the functions, so searching
foods never pays for opening a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from twitchcare.config import Settings
    from twitchcare.diary.intake import IntakeEntry
    from twitchcare.diary.profile import Profile
    from twitchcare.store import DiaryStore


@dataclass(frozen=True)
class DayIntake:
    """A day's entries and the diary's totals for that day.

    The diary's day total is what pattern analysis uses; it also holds amounts typed directly
    with ``twitchcare day --magnesium``, so it can be more than the sum of the entries.
    """

    day: dt.date
    entries: tuple[IntakeEntry, ...]
    day_totals: dict[str, float | None] = field(default_factory=dict)

    def _total(self, name: str) -> float:
        listed = sum(float(getattr(e, name)) for e in self.entries)
        recorded = self.day_totals.get(name)
        return max(listed, recorded) if recorded is not None else listed

    def untracked(self, name: str) -> float:
        """The part of the day's total not explained by the listed entries."""
        return self._total(name) - sum(float(getattr(e, name)) for e in self.entries)

    @property
    def magnesium_mg(self) -> float:
        return self._total("magnesium_mg")

    @property
    def caffeine_mg(self) -> float:
        return self._total("caffeine_mg")

    @property
    def alcohol_units(self) -> float:
        return self._total("alcohol_units")


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
    from twitchcare.store import open_store

    store = open_store(settings)
    try:
        return days_in(store, first, last)
    finally:
        store.close()


def days_in(store: DiaryStore, first: dt.date, last: dt.date) -> list[DayIntake]:
    """:func:`days` on a diary that is already open (a server keeps one open)."""
    from twitchcare.diary.days import get_day
    from twitchcare.diary.intake import intake_for_day

    out = []
    day = first
    while day <= last:
        factors = get_day(store, day)
        totals: dict[str, float | None] = {}
        if factors is not None:
            totals = {
                "magnesium_mg": factors.magnesium_mg,
                "caffeine_mg": factors.caffeine_mg,
                "alcohol_units": factors.alcohol_units,
            }
        out.append(DayIntake(day, tuple(intake_for_day(store, day)), totals))
        day += dt.timedelta(days=1)
    return out


def profile(settings: Settings) -> Profile | None:
    """The stored profile, or None when the person has not set one."""
    from twitchcare.diary.profile import get_profile
    from twitchcare.store import open_store

    store = open_store(settings)
    try:
        return get_profile(store)
    finally:
        store.close()
