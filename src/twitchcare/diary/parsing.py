"""Turn what a person types ("2 min", "yesterday 22:10", "stress") into record values.

Entering an episode has to take seconds, so common short forms are accepted; anything else is
rejected with a hint rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from twitchcare.catalogue import gettext as _
from twitchcare.diary.records import CONTEXTS, check_choice, check_date
from twitchcare.errors import InputError
from twitchcare.german_words import LOCATION_ALIASES as GERMAN_LOCATION_ALIASES
from twitchcare.german_words import PLACE_NAMES
from twitchcare.locations import ALIAS_TO_PLACE, LOCATIONS, SIDES
from twitchcare.vocabulary import vocabulary

_DURATION_PART = re.compile(
    r"(\d+(?:\.\d+)?)\s*(hours?|hrs|hr|h|minutes?|mins|min|m|seconds?|secs|sec|s)?", re.I
)
_UNIT_SECONDS = {"h": 3600.0, "m": 60.0, "s": 1.0}

# English words first; German names where they are not also English ("Wade", "Augenlid").
LOCATION_ALIASES = {
    **{
        word.replace(" ", "_"): place
        for names in (PLACE_NAMES, GERMAN_LOCATION_ALIASES)
        for place, words in names.items()
        for word in words
    },
    **ALIAS_TO_PLACE,
}
CONTEXT_ALIASES = vocabulary().context_words
SIDE_ALIASES = {
    "l": "left",
    "r": "right",
    "both_sides": "both",
    "na": "not_applicable",
    "n/a": "not_applicable",
    # German (twitchcare log --side links)
    "links": "left",
    "rechts": "right",
    "beide": "both",
    "beidseits": "both",
}


def _norm(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def parse_locations(text: str) -> tuple[str, ...]:
    """``"calf"`` or ``"calf;thigh"`` or ``"calf,thigh"`` to sorted, distinct location ids."""
    parts = [_norm(p) for p in re.split(r"[;,]", text) if p.strip()]
    if not parts:
        raise InputError(
            field="location", problem=_("no body location given"), hint=", ".join(LOCATIONS)
        )
    found = {check_choice(LOCATION_ALIASES.get(p, p), LOCATIONS, "location") for p in parts}
    return tuple(sorted(found, key=LOCATIONS.index))


def parse_contexts(text: str) -> tuple[str, ...]:
    """``"stress;caffeine"`` to context ids in their canonical order; empty text is no context."""
    parts = [_norm(p) for p in re.split(r"[;,]", text) if p.strip()]
    found = {check_choice(CONTEXT_ALIASES.get(p, p), CONTEXTS, "context") for p in parts}
    return tuple(sorted(found, key=CONTEXTS.index))


def parse_side(text: str) -> str:
    value = _norm(text)
    return check_choice(SIDE_ALIASES.get(value, value), SIDES, "side")


def parse_duration(text: str) -> float:
    """Seconds from "30s", "2 min", "1m30s", "1.5 min", "1 h" or a bare number of seconds."""
    raw = text.strip().lower()
    pos, total, matched = 0, 0.0, False
    while pos < len(raw):
        if raw[pos] == " ":
            pos += 1
            continue
        m = _DURATION_PART.match(raw, pos)
        if not m or m.end() == pos:
            break
        total += float(m.group(1)) * _UNIT_SECONDS[(m.group(2) or "s")[0]]
        pos, matched = m.end(), True
    if not matched or pos < len(raw):
        raise InputError(
            field="duration",
            problem=_("'{text}' is not a duration").format(text=text),
            hint=_("e.g. 30s, 2 min, 1m30s"),
        )
    if total > 86_400:
        raise InputError(
            field="duration", problem=_("'{text}' is longer than a day").format(text=text)
        )
    return total


def parse_intensity(value: int) -> int:
    if not 1 <= value <= 5:
        raise InputError(
            field="intensity",
            problem=_("'{value}' is not 1-5").format(value=value),
            hint=_("1 = barely, 5 = strong"),
        )
    return value


def zone(name: str | None) -> dt.tzinfo:
    """The named IANA zone, or the computer's local zone when no name is given."""
    if not name:
        local = dt.datetime.now().astimezone().tzinfo
        assert local is not None
        return local
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(
            field="tz",
            problem=_("'{name}' is not a time zone").format(name=name),
            hint=_("e.g. Europe/Prague or UTC"),
        ) from None


def _localize(naive: dt.datetime, tz: dt.tzinfo | None) -> dt.datetime:
    if tz is None:
        return naive.astimezone()  # the computer's zone, with the offset valid on that date
    return naive.replace(tzinfo=tz)


def parse_when(text: str | None, *, now: dt.datetime, tz: dt.tzinfo | None = None) -> dt.datetime:
    """An aware time from "now", "22:10", "yesterday 22:10", "2026-11-24 07:30" or ISO with offset.

    ``now`` must be aware; relative words are resolved in ``tz`` (default: the local zone).
    """
    local_now = now.astimezone(tz) if tz is not None else now.astimezone()
    raw = (text or "now").strip().lower()
    if raw == "now":
        return local_now.replace(microsecond=0)
    day = local_now.date()
    for word, offset in (("today", 0), ("yesterday", -1)):
        if raw.startswith(word):
            day = day + dt.timedelta(days=offset)
            raw = raw.removeprefix(word).strip()
            if not raw:
                return local_now.replace(microsecond=0) + dt.timedelta(days=offset)
            break
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})", raw)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour > 23 or minute > 59:
            raise InputError(
                field="at", problem=_("'{text}' is not a time of day").format(text=text)
            )
        parsed = _localize(dt.datetime.combine(day, dt.time(hour, minute)), tz)
    else:
        parsed = _parse_iso(text or "", raw, tz)
    if parsed > now + dt.timedelta(minutes=5):
        raise InputError(
            field="at",
            problem=_("'{text}' is in the future").format(text=text),
            hint=_("e.g. 'yesterday 22:10'"),
        )
    return parsed


def _parse_iso(text: str, raw: str, tz: dt.tzinfo | None) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(raw.upper().replace(" ", "T", 1))
    except ValueError:
        raise InputError(
            field="at",
            problem=_("'{text}' is not a time").format(text=text),
            hint=_("e.g. now, 22:10, 'yesterday 22:10', 2026-11-24T22:10+01:00"),
        ) from None
    # The diary's date rules before any time-zone arithmetic, which fails near year 1 or 9999.
    from twitchcare.diary.records import check_date

    check_date(parsed.date(), "at")
    if parsed.tzinfo is None:
        parsed = _localize(parsed, tz)
    return parsed


def parse_date(text: str | None, *, today: dt.date) -> dt.date:
    """A diary date from "today", "yesterday" or YYYY-MM-DD."""
    raw = (text or "today").strip().lower()
    if raw == "today":
        return today
    if raw == "yesterday":
        return today - dt.timedelta(days=1)
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError(
            field="date",
            problem=_("'{text}' is not a date").format(text=text),
            hint=_("use YYYY-MM-DD, today or yesterday"),
        ) from None
    return check_date(day, "date")
