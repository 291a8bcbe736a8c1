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
    """A day's entries and what the person stated for the day with ``twitchcare day``.

    The day's total follows the diary's one rule (:func:`twitchcare.diary.days.day_total`): the
    stated value, the sum of the entries, or the larger of the two when both exist.
    """

    day: dt.date
    entries: tuple[IntakeEntry, ...]
    stated: dict[str, float | None] = field(default_factory=dict)

    def _listed(self, name: str) -> float | None:
        amounts = [float(getattr(e, name)) for e in self.entries if getattr(e, name) > 0]
        return sum(amounts) if amounts else None

    def recorded(self, name: str) -> bool:
        """Whether anything is known of ``name`` this day (an entry or a stated value)."""
        return self.stated.get(name) is not None or self._listed(name) is not None

    def _total(self, name: str) -> float:
        from twitchcare.diary.days import day_total

        return day_total(self.stated.get(name), self._listed(name)) or 0.0

    def untracked(self, name: str) -> float:
        """The part of the day's total not explained by the listed entries."""
        return self._total(name) - (self._listed(name) or 0.0)

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
    """Add one entry to the diary (it counts towards that day's totals); returns its id."""
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
        factors = get_day(store, day)  # what was stated; entries are kept apart
        stated: dict[str, float | None] = {}
        if factors is not None:
            stated = {
                "magnesium_mg": factors.magnesium_mg,
                "caffeine_mg": factors.caffeine_mg,
                "alcohol_units": factors.alcohol_units,
            }
        out.append(DayIntake(day, tuple(intake_for_day(store, day)), stated))
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
