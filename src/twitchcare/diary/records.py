"""What one diary entry is, and what values it may hold.

Validation lives here, next to the records, so the CLI, the importer and the web form all reject
the same things with the same message.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from dataclasses import dataclass, field

from twitchcare.errors import InputError
from twitchcare.locations import LOCATIONS, SIDES

#: Diary and assessment speak of the same places.

CONTEXTS: tuple[str, ...] = (
    "falling_asleep",
    "at_rest",
    "after_exercise",
    "under_stress",
    "after_caffeine",
    "after_alcohol",
)

#: Daily factors with their plausible range and unit; a value outside is a typo, not a fact.
FACTOR_RANGES: dict[str, tuple[float, float, str]] = {
    "caffeine_mg": (0.0, 3000.0, "mg"),
    "alcohol_units": (0.0, 60.0, "units"),
    "stress_0_10": (0.0, 10.0, "points"),
    "sleep_hours": (0.0, 24.0, "hours"),
    "exercise_min": (0.0, 1440.0, "min"),
    "magnesium_mg": (0.0, 5000.0, "mg"),
    "relaxation_min": (0.0, 1440.0, "min"),
}
FACTORS: tuple[str, ...] = tuple(FACTOR_RANGES)
FACTOR_LABELS: dict[str, str] = {
    "caffeine_mg": "caffeine",
    "alcohol_units": "alcohol",
    "stress_0_10": "stress",
    "sleep_hours": "sleep",
    "exercise_min": "exercise",
    "magnesium_mg": "magnesium",
    "relaxation_min": "relaxation",
}


def _suggest(value: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, choices, n=1)
    if close:
        return f"did you mean '{close[0]}'? choose from {', '.join(choices)}"
    return f"choose from {', '.join(choices)}"


def check_choice(value: str, choices: tuple[str, ...], field_name: str) -> str:
    """Return ``value`` if it is one of ``choices``, else raise with a did-you-mean hint."""
    if value not in choices:
        raise InputError(
            field=field_name,
            problem=f"'{value}' is not a known {field_name}",
            hint=_suggest(value, choices),
        )
    return value


def check_number(value: float | None, field_name: str, low: float, high: float) -> float | None:
    """Accept ``None`` (unknown) or a finite number inside ``[low, high]``."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError(field=field_name, problem=f"'{value}' is not a number")
    if not low <= value <= high:
        raise InputError(
            field=field_name,
            problem=f"{value:g} is outside the accepted range",
            hint=f"use a value from {low:g} to {high:g}",
        )
    return float(value)


@dataclass(frozen=True)
class Episode:
    """One twitch episode. ``started_at`` is time-zone aware; its local date is the diary day."""

    started_at: dt.datetime
    locations: tuple[str, ...]
    side: str | None = None
    duration_s: float | None = None
    intensity: int | None = None
    contexts: tuple[str, ...] = ()
    note: str = ""
    id: int | None = field(default=None, compare=False)

    @property
    def day(self) -> dt.date:
        return self.started_at.date()

    def validated(self) -> Episode:
        """Raise :class:`InputError` for the first value that is not allowed."""
        if self.started_at.tzinfo is None or self.started_at.utcoffset() is None:
            raise InputError(
                field="started_at",
                problem="the time has no time zone",
                hint="give an offset, e.g. 2026-11-24T22:10+01:00",
            )
        if not self.locations:
            raise InputError(field="location", problem="no body location given")
        for loc in self.locations:
            check_choice(loc, LOCATIONS, "location")
        if self.side is not None:
            check_choice(self.side, SIDES, "side")
        check_number(self.duration_s, "duration", 0.0, 86_400.0)
        if self.intensity is not None and (
            isinstance(self.intensity, bool)
            or not isinstance(self.intensity, int)
            or not 1 <= self.intensity <= 5
        ):
            raise InputError(
                field="intensity",
                problem=f"'{self.intensity}' is not 1-5",
                hint="1 = barely, 5 = strong",
            )
        for ctx in self.contexts:
            check_choice(ctx, CONTEXTS, "context")
        if len(self.note) > 2000:
            raise InputError(field="note", problem="the note is longer than 2000 characters")
        return self


@dataclass(frozen=True)
class DayFactors:
    """What a day was like. ``None`` means not known, which is different from zero."""

    day: dt.date
    caffeine_mg: float | None = None
    alcohol_units: float | None = None
    stress_0_10: float | None = None
    sleep_hours: float | None = None
    exercise_min: float | None = None
    magnesium_mg: float | None = None
    relaxation_min: float | None = None
    tags: tuple[str, ...] = ()

    def value(self, factor: str) -> float | None:
        result: float | None = getattr(self, check_choice(factor, FACTORS, "factor"))
        return result

    def validated(self) -> DayFactors:
        for name, (low, high, _unit) in FACTOR_RANGES.items():
            check_number(getattr(self, name), name, low, high)
        for tag in self.tags:
            if not tag or ";" in tag or len(tag) > 40:
                raise InputError(
                    field="tags",
                    problem=f"'{tag}' is not a usable tag",
                    hint="1-40 characters, no ';'",
                )
        return self
