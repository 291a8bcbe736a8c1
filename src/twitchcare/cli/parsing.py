"""Turn what a person types in the terminal into fact values.

Numbers, times ("2 weeks") and lists are read by :mod:`twitchcare.answers`, shared with the web;
this module adds the terminal's own words: steering commands, numbered picks and yes/no letters.

People answer in their own words ("2 weeks", "since March", "yep", "1 3 calf"), so each parser is
lenient about form and strict about meaning: anything it cannot read with confidence raises an
:class:`InputError` whose ``problem`` and ``hint`` make a one-line message, and the question is
asked again. Nothing here prints; the prompts module owns the screen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from twitchcare.answers import NONE_WORDS, bad_answer, normalise
from twitchcare.answers import parse_days as parse_days
from twitchcare.answers import parse_list as parse_list
from twitchcare.answers import parse_number as parse_number
from twitchcare.answers import year_note as year_note
from twitchcare.cli.i18n import _
from twitchcare.german_words import LOCATION_ALIASES
from twitchcare.kb.models import Fact
from twitchcare.locations import PLACE_ALIASES, PLACE_PREFIX

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
YES_WORDS = {"y", "yes", "yeah", "yep", "ja", "true", "1"}
NO_WORDS = {"n", "no", "nope", "nah", "false", "0"}


@dataclass(frozen=True)
class Command:
    """A word that steers the interview rather than answering it."""

    kind: Literal["dont_know", "back", "quit", "help"]
    item: int | None = None


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


def parse_yes_no(text: str) -> bool:
    t = normalise(text)
    if t in YES_WORDS:
        return True
    if t in NO_WORDS:
        return False
    raise bad_answer(
        _("'{text}' is not yes or no").format(text=text.strip()),
        _("type y, n, or ? if you don't know"),
    )


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
    raise bad_answer(
        _("'{text}' is not one of the choices").format(text=text.strip()),
        _("type 1 to {n}").format(n=len(choices)),
    )


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
            raise bad_answer(
                _("'{token}' is not an item number").format(token=token),
                _("type numbers from 1 to {n}").format(n=count),
            )
        for n in numbers:
            if not 1 <= n <= count:
                raise bad_answer(
                    _("there is no item {n}").format(n=n),
                    _("choose from 1 to {n}, or 0 for none").format(n=count),
                )
            chosen.add(n)
    if not chosen:
        raise bad_answer(_("no item chosen"), _("type the numbers that apply, 0 for none"))
    return chosen


def location_names(fact: Fact) -> set[str]:
    """Every name a body location answers to: its id, its label and each "or" part."""
    key = fact.id.removeprefix(PLACE_PREFIX).removeprefix("region.")
    label = normalise(re.sub(r"\(.*?\)", "", fact.text))
    names = {key, key.replace("_", " "), label}
    names.update(p.strip() for p in re.split(r"\bor\b|/", label) if p.strip())
    names.update(ALIASES.get(key, ()))
    names.update(LOCATION_ALIASES.get(key, ()))
    return names


ALIASES = PLACE_ALIASES


def parse_locations(
    text: str,
    locations: Sequence[Fact],
    within: Mapping[str, Sequence[Fact]] | None = None,
) -> set[int]:
    """Body-map picks from numbers and names mixed: "1 3 calf", "eyelid, upper arm" (1-based).

    ``within`` names the places a part of the body stands for, so that on a page of body parts
    "calf" picks "legs or feet".
    """
    t = normalise(text)
    if t in NONE_WORDS:
        return set()
    names: dict[str, int] = {}
    for i, fact in enumerate(locations, 1):
        for place in (within or {}).get(fact.id, ()):
            for name in location_names(place):
                names.setdefault(name, i)
    for i, fact in enumerate(locations, 1):
        for name in location_names(fact):
            names[name] = i
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
                raise bad_answer(
                    _("there is no place {n}").format(n=token),
                    _("choose from 1 to {n}").format(n=len(locations)),
                )
            else:
                raise bad_answer(
                    _("'{token}' is not a place on the list").format(token=token),
                    _("use its number or name"),
                )
            i += 1
    if not chosen:
        raise bad_answer(
            _("no place chosen"), _("type the numbers or names of the places that twitch")
        )
    return chosen
