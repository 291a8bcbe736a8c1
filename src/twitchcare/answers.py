"""Reading answers typed in a person's own words: "2 weeks", "since March", "200 mg", "none".

Shared by the terminal and the web, so both accept the same phrases with the same messages.
Lenient about form, strict about meaning: what cannot be read with confidence raises an
:class:`InputError` whose ``problem`` and ``hint`` make a one-line message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from twitchcare.catalogue import gettext as _
from twitchcare.engine.interview import validate_answer
from twitchcare.errors import InputError
from twitchcare.german_words import as_english
from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import Fact

NONE_WORDS = {"0", "none", "nothing", "no", "none of these", "neither"}
NUMBER_WORDS = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "couple": 2.0,
    "few": 3.0,
    "several": 4.0,
    "half": 0.5,
}
DAYS_PER_UNIT = {
    "hour": 1 / 24,
    "hr": 1 / 24,
    "h": 1 / 24,
    "day": 1.0,
    "d": 1.0,
    "night": 1.0,
    "week": 7.0,
    "wk": 7.0,
    "w": 7.0,
    "month": 30.0,
    "mo": 30.0,
    "m": 30.0,
    "year": 365.0,
    "yr": 365.0,
    "y": 365.0,
}
SAME_DAY = {"today", "this morning", "this afternoon", "this evening", "tonight", "just now", "now"}
ONE_DAY = {"yesterday", "last night", "since yesterday"}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FILLER = re.compile(
    r"\b(about|around|roughly|approx(imately)?|maybe|for|since|ago|the|past|last)\b"
)
NUMBER = re.compile(r"^~?\s*(\d+(?:[.,]\d+)?)\s*(.*)$")


def normalise(text: str) -> str:
    """Lower case, single spaces and straight apostrophes, so "Don’t  know" reads as typed;
    German answer words become the English ones read here ("3 Tage" -> "3 days")."""
    return as_english(" ".join(text.replace("\u2019", "'").lower().split()))


def bad_answer(problem: str, hint: str = "") -> InputError:
    return InputError(field="answer", problem=problem, hint=hint)


def _amount(words: str) -> tuple[float, str] | None:
    """Split "2 weeks" / "two weeks" / "a few days" into (2.0, "weeks")."""
    match = NUMBER.match(words)
    if match:
        return float(match.group(1).replace(",", ".")), match.group(2).strip()
    parts = words.split()
    if parts and parts[0] in NUMBER_WORDS:
        rest = parts[1:]
        if parts[0] in {"a", "an"} and rest and rest[0] in {"few", "couple"}:
            return NUMBER_WORDS[rest[0]], " ".join(w for w in rest[1:] if w != "of")
        return NUMBER_WORDS[parts[0]], " ".join(w for w in rest if w != "of")
    return None


def _unit_days(unit: str) -> float | None:
    unit = re.sub(r"^(a|an)\s+", "", unit.strip(". "))
    if not unit:
        return 1.0
    for name, days in DAYS_PER_UNIT.items():
        if unit in {name, name + "s"}:
            return days
    return None


def _since_date(text: str, today: dt.date) -> int | None:
    """Days since a calendar date or weekday ("since March", "since 3 May 2025", "since Monday")."""
    if text in WEEKDAYS:
        back = (today.weekday() - WEEKDAYS.index(text)) % 7 or 7
        return back
    from dateutil import parser as date_parser

    try:
        when = date_parser.parse(text, default=dt.datetime(today.year, today.month, 1)).date()
    except (ValueError, OverflowError):
        return None
    if when > today and not re.search(r"\d{4}", text):
        when = when.replace(year=when.year - 1)
    if when > today:
        return None
    return (today - when).days


YEAR = re.compile(r"(?:in\s+)?(\d{4})")


def _year_start(stripped: str, today: dt.date) -> dt.date | None:
    """A year on its own is a date, not a number of days: "since 2024" is since 1 January 2024.

    A four-digit number after 1899 is read as that year; one in the future, or before 1900, is
    refused rather than guessed ("give a unit, e.g. 1500 days").
    """
    match = YEAR.fullmatch(stripped)
    if match is None:
        return None
    year = int(match.group(1))
    if year > today.year:
        raise bad_answer(f"{year} is in the future", "e.g. since 2024, 3 weeks, since March")
    if year < 1900:
        raise bad_answer(f"'{year}' reads as a year before 1900", f"for days, say '{year} days'")
    return dt.date(year, 1, 1)


def year_note(text: str, *, today: dt.date) -> str | None:
    """What a bare year was read as, to say back to the person ("since 1 January 2024")."""
    stripped = " ".join(FILLER.sub(" ", normalise(text)).split())
    try:
        start = _year_start(stripped, today)
    except InputError:
        return None
    if start is None:
        return None
    return _("read as since 1 January {year} ({days} days)").format(
        year=start.year, days=(today - start).days
    )


def parse_days(text: str, *, today: dt.date) -> float:
    """How many days ago something began, from lay phrases: "3 days", "2 weeks", "since March"."""
    t = normalise(text)
    if t in SAME_DAY:
        return 0
    if t in ONE_DAY:
        return 1
    if t in {"last week", "a week ago"}:
        return 7
    if t in {"last month", "a month ago"}:
        return 30
    if t in {"last year", "a year ago"}:
        return 365
    stripped = " ".join(FILLER.sub(" ", t).split())
    year = _year_start(stripped, today)
    if year is not None:
        return (today - year).days
    amount = _amount(stripped)
    if amount is not None:
        days_per = _unit_days(amount[1])
        if days_per is not None:
            # Hours and minutes are kept to the minute: for a stroke sign the hours count.
            if days_per < 1:
                return round(amount[0] * days_per, 4)
            return round(amount[0] * days_per)
    days = _since_date(stripped, today) if stripped else None
    if days is not None:
        return days
    raise bad_answer(
        _("could not read '{text}' as a time").format(text=text.strip()),
        _("e.g. 3 days, 2 weeks, 6 months, this morning, since March"),
    )


def days_ago(days: float, amount: str) -> str:
    """How long ago something began, read back as a person would say it: hours for less than a
    day ("5 hours" is stored as 0.2083 days; for a stroke sign the crew needs the hours), else
    ``amount`` (the number with its unit) "ago"."""
    if days <= 0:
        return _("today")  # "today" is stored as 0: the hour is not known
    if days < 1:
        hours = round(days * 24)
        if hours < 1:
            return _("less than an hour ago")
        if hours == 1:
            return _("about an hour ago")
        return _("about {hours} hours ago").format(hours=hours)
    return _("{amount} ago").format(amount=amount)


def _unit_words(unit: str | None) -> set[str]:
    """Words a person may type after a number for this unit ("7 hours", "200 mg")."""
    if not unit:
        return set()
    words = {unit.lower()}
    for part in re.split(r"[/\s]+", unit.lower()):
        if part and part not in {"uk", "per", "a", "day", "week"}:
            words.update({part, part.rstrip("s"), part[0]})
    return words


def parse_number(
    fact: Fact, text: str, *, today: dt.date, units: Mapping[str, str] | None = None
) -> float:
    """A number for ``fact``, in its unit, checked against its range (``units``: the unit names
    in the language shown)."""
    if fact.unit == "days":
        value: float = parse_days(text, today=today)
    else:
        t = normalise(text)
        match = NUMBER.match(t)
        if match is None or (match.group(2) and match.group(2) not in _unit_words(fact.unit)):
            unit = f" ({(units or {}).get(fact.unit, fact.unit)})" if fact.unit else ""
            raise bad_answer(
                _("'{text}' is not a number").format(text=text.strip()) + unit,
                _("type a number, e.g. 7"),
            )
        value = float(match.group(1).replace(",", "."))
    if value == int(value):
        value = int(value)
    _check(fact, value)
    return value


def _check(fact: Fact, value: FactValue) -> None:
    """Re-raise the engine's own range check without the internal field name."""
    try:
        validate_answer(fact, value)
    except InputError as exc:
        if fact.kind != "number" or not isinstance(value, int | float):
            raise bad_answer(exc.problem, exc.hint) from None
        low = "" if fact.minimum is None else f"{fact.minimum:g}"
        high = "" if fact.maximum is None else f"{fact.maximum:g}"
        raise bad_answer(
            _("{value} is out of range").format(value=f"{value:g}"),
            _("allowed {low} to {high}").format(low=low, high=high),
        ) from None


def parse_list(text: str) -> list[str]:
    """Names separated by commas ("omeprazole, salbutamol"); "none" is an empty list."""
    t = normalise(text)
    if t in NONE_WORDS:
        return []
    names = [n.strip() for n in re.split(r",|;|\band\b", t)]
    return [n for n in names if n]
