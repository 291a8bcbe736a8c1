"""Turn what a person types in the terminal into fact values.

People answer in their own words ("2 weeks", "since March", "yep", "1 3 calf"), so each parser is
lenient about form and strict about meaning: anything it cannot read with confidence raises an
:class:`InputError` whose ``problem`` and ``hint`` make a one-line message, and the question is
asked again. Nothing here prints; the prompts module owns the screen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from twitchcare.cli.german_words import LOCATION_ALIASES, as_english
from twitchcare.cli.i18n import _
from twitchcare.engine.interview import validate_answer
from twitchcare.errors import InputError
from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import Fact

DONT_KNOW_WORDS = {
    "?",
    "dk",
    "idk",
    "don't know",
    "dont know",
    "do not know",
    "not sure",
    "unknown",
}
NONE_WORDS = {"0", "none", "nothing", "no", "none of these", "neither"}
YES_WORDS = {"y", "yes", "yeah", "yep", "ja", "true", "1"}
NO_WORDS = {"n", "no", "nope", "nah", "false", "0"}
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


@dataclass(frozen=True)
class Command:
    """A word that steers the interview rather than answering it."""

    kind: Literal["dont_know", "back", "quit", "help"]
    item: int | None = None


def normalise(text: str) -> str:
    """Lower case, single spaces and straight apostrophes, so "Don’t  know" reads as typed;
    German answer words become the English ones the parsers know ("3 Tage" -> "3 days")."""
    return as_english(" ".join(text.replace("\u2019", "'").lower().split()))


def command(text: str) -> Command | None:
    """The steering word in ``text``, if that is all it is."""
    t = normalise(text)
    if t in DONT_KNOW_WORDS:
        return Command("dont_know")
    if t in {"b", "back", "undo"}:
        return Command("back")
    if t in {"q", "quit", "exit", "stop"}:
        return Command("quit")
    if t in {"h", "help"}:
        return Command("help")
    match = re.fullmatch(r"(?:h|help|\?)\s*(\d+)", t)
    if match:
        return Command("help", int(match.group(1)))
    return None


def _bad(problem: str, hint: str = "") -> InputError:
    return InputError(field="answer", problem=problem, hint=hint)


def parse_yes_no(text: str) -> bool:
    t = normalise(text)
    if t in YES_WORDS:
        return True
    if t in NO_WORDS:
        return False
    raise _bad(
        _("'{text}' is not yes or no").format(text=text.strip()),
        _("type y, n, or ? if you don't know"),
    )


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
    amount = _amount(stripped)
    if amount is not None:
        days_per = _unit_days(amount[1])
        if days_per is not None:
            return round(amount[0] * days_per, 1) if days_per < 1 else round(amount[0] * days_per)
    days = _since_date(stripped, today) if stripped else None
    if days is not None:
        return days
    raise _bad(
        _("could not read '{text}' as a time").format(text=text.strip()),
        _("e.g. 3 days, 2 weeks, 6 months, this morning, since March"),
    )


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
    """A number for ``fact``, in its unit, checked against its range (``units``: unit names in
    the language shown)."""
    if fact.unit == "days":
        value: float = parse_days(text, today=today)
    else:
        t = normalise(text)
        match = NUMBER.match(t)
        if match is None or (match.group(2) and match.group(2) not in _unit_words(fact.unit)):
            unit = (units or {}).get(fact.unit, fact.unit) if fact.unit else ""
            raise _bad(
                _("'{text}' is not a number").format(text=text.strip())
                + (f" ({unit})" if unit else ""),
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
            raise _bad(exc.problem, exc.hint) from None
        low = "" if fact.minimum is None else f"{fact.minimum:g}"
        high = "" if fact.maximum is None else f"{fact.maximum:g}"
        raise _bad(
            _("{value} is out of range").format(value=f"{value:g}"),
            _("allowed {low} to {high}").format(low=low, high=high),
        ) from None


def parse_choice(fact: Fact, text: str) -> str:
    """A choice by number, id or (the start of) its label."""
    choices = list((fact.choices or {}).items())
    t = normalise(text)
    if t.isdigit() and 1 <= int(t) <= len(choices):
        return choices[int(t) - 1][0]
    for key, label in choices:
        if t in {key, key.replace("_", " "), normalise(label)}:
            return key
    starts = [key for key, label in choices if normalise(label).startswith(t) and t]
    if len(starts) == 1:
        return starts[0]
    raise _bad(
        _("'{text}' is not one of the choices").format(text=text.strip()),
        _("type 1 to {n}").format(n=len(choices)),
    )


def parse_list(text: str) -> list[str]:
    """Names separated by commas ("omeprazole, salbutamol"); "none" is an empty list."""
    t = normalise(text)
    if t in NONE_WORDS:
        return []
    names = [n.strip() for n in re.split(r",|;|\band\b", t)]
    return [n for n in names if n]


def parse_selection(text: str, count: int) -> set[int]:
    """Item numbers from "1 3", "1,3", "2-4"; "0" or "none" is the empty set (1-based)."""
    t = normalise(text)
    if t in NONE_WORDS:
        return set()
    chosen: set[int] = set()
    for token in re.split(r"[\s,;]+|\band\b", t):
        if not token:
            continue
        span = re.fullmatch(r"(\d+)-(\d+)", token)
        if span:
            numbers = range(int(span.group(1)), int(span.group(2)) + 1)
        elif token.isdigit():
            numbers = range(int(token), int(token) + 1)
        else:
            raise _bad(
                _("'{token}' is not an item number").format(token=token),
                _("type numbers from 1 to {n}").format(n=count),
            )
        for n in numbers:
            if not 1 <= n <= count:
                raise _bad(
                    _("there is no item {n}").format(n=n),
                    _("choose from 1 to {n}, or 0 for none").format(n=count),
                )
            chosen.add(n)
    if not chosen:
        raise _bad(_("no item chosen"), _("type the numbers that apply, 0 for none"))
    return chosen


def location_names(fact: Fact) -> set[str]:
    """Every name a body location answers to: its id, its label and each "or" part."""
    key = fact.id.removeprefix("loc.")
    label = normalise(re.sub(r"\(.*?\)", "", fact.text))
    names = {key, key.replace("_", " "), label}
    names.update(p.strip() for p in re.split(r"\bor\b|/", label) if p.strip())
    names.update(ALIASES.get(key, ()))
    names.update(LOCATION_ALIASES.get(key, ()))
    return names


ALIASES = {
    "eyelid": ("eye", "eyes", "eyelids", "lid"),
    "lips_or_mouth": ("lip", "mouth"),
    "abdomen": ("tummy", "stomach", "abs"),
    "calf": ("calves",),
    "hand": ("hands", "finger", "thumb"),
    "foot": ("feet", "toe"),
    "whole_body": ("everywhere", "all over", "body", "all"),
    "buttock": ("buttocks", "bum", "bottom"),
    "shoulder": ("shoulders",),
    "thigh": ("thighs",),
}


def parse_locations(text: str, locations: Sequence[Fact]) -> set[int]:
    """Body-map picks from numbers and names mixed: "1 3 calf", "eyelid, upper arm" (1-based)."""
    t = normalise(text)
    if t in NONE_WORDS:
        return set()
    names = {name: i for i, fact in enumerate(locations, 1) for name in location_names(fact)}
    tokens = [w for w in re.split(r"[\s,;]+", t) if w and w not in {"and", "my", "the"}]
    chosen: set[int] = set()
    i = 0
    while i < len(tokens):
        for size in (3, 2, 1):
            phrase = " ".join(tokens[i : i + size])
            if phrase in names:
                chosen.add(names[phrase])
                i += size
                break
        else:
            token = tokens[i]
            if token.isdigit() and 1 <= int(token) <= len(locations):
                chosen.add(int(token))
            elif token.isdigit():
                raise _bad(
                    _("there is no place {n}").format(n=token),
                    _("choose from 1 to {n}").format(n=len(locations)),
                )
            else:
                raise _bad(
                    _("'{token}' is not a place on the list").format(token=token),
                    _("use its number or name"),
                )
            i += 1
    if not chosen:
        raise _bad(_("no place chosen"), _("type the numbers or names of the places that twitch"))
    return chosen
