"""What one diary entry is, and what values it may hold.

Validation lives here, next to the records, so the CLI, the importer and the web form all reject
the same things with the same message.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from dataclasses import dataclass, field

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError
from twitchcare.limits import limits
from twitchcare.locations import LOCATIONS, SIDES
from twitchcare.vocabulary import vocabulary

#: The contexts an episode may carry, from ``knowledge/vocabulary.yaml`` (the interview's too).
CONTEXTS: tuple[str, ...] = vocabulary().diary_contexts

#: The daily factors, in the order of :class:`DayFactors`.
FACTORS: tuple[str, ...] = (
    "caffeine_mg",
    "alcohol_units",
    "stress_0_10",
    "sleep_hours",
    "exercise_min",
    "magnesium_mg",
    "relaxation_min",
)
#: Their accepted range and unit, from ``knowledge/limits.yaml`` (the one set of limits).
FACTOR_RANGES: dict[str, tuple[float, float, str]] = {
    name: (r.low, r.high, r.unit) for name, r in ((n, limits().day[n]) for n in FACTORS)
}
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
        return _("did you mean '{close}'? choose from {choices}").format(
            close=close[0], choices=", ".join(choices)
        )
    return _("choose from {choices}").format(choices=", ".join(choices))


def check_choice(value: str, choices: tuple[str, ...], field_name: str) -> str:
    """Return ``value`` if it is one of ``choices``, else raise with a did-you-mean hint."""
    if value not in choices:
        raise InputError(
            field=field_name,
            problem=_("'{value}' is not a known {field}").format(value=value, field=field_name),
            hint=_suggest(value, choices),
        )
    return value


def check_number(value: float | None, field_name: str, low: float, high: float) -> float | None:
    """Accept ``None`` (unknown) or a finite number inside ``[low, high]``."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError(
            field=field_name, problem=_("'{value}' is not a number").format(value=value)
        )
    if not low <= value <= high:
        raise InputError(
            field=field_name,
            problem=_("{value} is outside the accepted range").format(value=f"{value:g}"),
            hint=_("use a value from {low} to {high}").format(low=f"{low:g}", high=f"{high:g}"),
        )
    return float(value)


def earliest_year(age: int | None, today: dt.date) -> int:
    """The first year a diary entry may fall in: the person's birth year; without a known age,
    the birth year of the oldest accepted age (so 1900 is refused even before a profile exists)."""
    oldest = int(limits().age.high)
    return max(limits().earliest_year, today.year - (oldest if age is None else age) - 1)


def check_date(day: dt.date, field_name: str, *, age: int | None = None) -> dt.date:
    """Refuse a day before the earliest year (see :func:`earliest_year`) or after today."""
    today = dt.date.today()
    first = earliest_year(age, today)
    if day.year < first:
        hint = (
            _(
                "dates before your birth year (from the profile's age) are refused as typing "
                "mistakes"
            )
            if age is not None
            else _(
                "over {years} years back: refused as a typing mistake; an age in your profile "
                "narrows it"
            ).format(years=f"{limits().age.high:g}")
        )
        raise InputError(
            field=field_name,
            problem=_("{day} is before {first}").format(day=day.isoformat(), first=first),
            hint=hint,
        )
    if day > today + dt.timedelta(days=1):  # a day ahead is "today" somewhere on Earth
        raise InputError(
            field=field_name,
            problem=_("{day} is in the future").format(day=day.isoformat()),
            hint=_("give today, yesterday or an earlier date"),
        )
    return day


def check_moment(at: dt.datetime, field_name: str, *, age: int | None = None) -> dt.datetime:
    """Refuse a time before the earliest year or more than a minute in the future."""
    now = dt.datetime.now(dt.UTC)
    if at - now > dt.timedelta(seconds=limits().future_seconds):
        raise InputError(
            field=field_name,
            problem=_("{day} is in the future").format(day=at.isoformat(timespec="minutes")),
            hint=_("give a time up to now, e.g. 'yesterday 22:10'"),
        )
    check_date(at.date(), field_name, age=age)
    return at


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
                problem=_("the time has no time zone"),
                hint=_("give an offset, e.g. 2026-11-24T22:10+01:00"),
            )
        check_moment(self.started_at, "at")
        if not self.locations:
            raise InputError(field="location", problem=_("no body location given"))
        for loc in self.locations:
            check_choice(loc, LOCATIONS, "location")
        if self.side is not None:
            check_choice(self.side, SIDES, "side")
        duration = limits().duration_s
        check_number(self.duration_s, "duration", duration.low, duration.high)
        if self.intensity is not None and (
            isinstance(self.intensity, bool)
            or not isinstance(self.intensity, int)
            or not 1 <= self.intensity <= 5
        ):
            raise InputError(
                field="intensity",
                problem=_("'{intensity}' is not 1-5").format(intensity=self.intensity),
                hint=_("1 = barely, 5 = strong"),
            )
        for ctx in self.contexts:
            check_choice(ctx, CONTEXTS, "context")
        if len(self.note) > limits().note_chars:
            raise InputError(
                field="note",
                problem=_("the note is longer than {note_chars} characters").format(
                    note_chars=limits().note_chars
                ),
            )
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
        check_date(self.day, "date")
        for name, (low, high, _unit) in FACTOR_RANGES.items():
            check_number(getattr(self, name), name, low, high)
        for tag in self.tags:
            if not tag or ";" in tag or len(tag) > 40:
                raise InputError(
                    field="tags",
                    problem=_("'{tag}' is not a usable tag").format(tag=tag),
                    hint=_("1-40 characters, no ';'"),
                )
        return self
