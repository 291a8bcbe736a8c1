"""Alcoholic drinks as UK units and US standard drinks, and the weekly guidance.

UK units are volume x ABV / 1000 (NHS); a US standard drink is 14 g of alcohol (NIAAA). When the
strength is not given, the drink's typical strength is assumed and shown, so a person can
correct it ("pint of 5.2% lager").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError
from twitchcare.nutrition.amounts import parse_amount, refuse_unread_numbers
from twitchcare.nutrition.knowledge import (
    AlcoholDrink,
    AlcoholLimit,
    load_knowledge,
)
from twitchcare.nutrition.words import drinks_in_english

_ABV = re.compile(r"(-\s*)?(\d+(?:[.,]\d+)?)\s*%(?:\s*(?:abv|vol|alc))?", re.IGNORECASE)
MAX_ABV = 96.0
_FILLER = frozenset({"a", "an", "of", "one", "two", "three", "four", "ml", "abv", "vol"})
UK_PINT_ML = 568.0


@dataclass(frozen=True)
class AlcoholServing:
    """One understood drink with its alcohol in both measures."""

    text: str
    drink: str
    ml: float
    abv: float
    abv_assumed: bool
    uk_units: float
    us_drinks: float

    def understood(self) -> str:
        assumed = (
            " " + _("(typical strength assumed; add e.g. '5%' to be exact)")
            if self.abv_assumed
            else ""
        )
        return _(
            "{ml} ml {drink} at {abv}%{assumed} -> {uk} UK units ({us} US standard drinks)"
        ).format(
            ml=f"{self.ml:g}",
            drink=self.drink,
            abv=f"{self.abv:g}",
            assumed=assumed,
            uk=_one_place(self.uk_units),
            us=_one_place(self.us_drinks),
        )


def _one_place(value: float) -> str:
    """Round half up, as the NHS examples do (330 ml at 5% is 1.65, shown as 1.7)."""
    return f"{math.floor(value * 10 + 0.5 + 1e-9) / 10:.1f}"


def uk_units(ml: float, abv: float) -> float:
    """NHS formula: units = ml x ABV% / 1000 (one unit is 10 ml of pure alcohol)."""
    unit_ml = load_knowledge().alcohol.conversions.uk_unit_ml_ethanol.value
    return ml * abv / 100.0 / unit_ml


def us_drinks(ml: float, abv: float) -> float:
    """Grams of alcohol divided by the 14 g of a US standard drink."""
    conv = load_knowledge().alcohol.conversions
    return ml * abv / 100.0 * conv.ethanol_g_per_ml.value / conv.us_standard_drink_g.value


def _drink_named(words: str) -> AlcoholDrink | None:
    tokens = set(re.findall(r"[a-z]+", words.lower()))
    # "2 beers", "three ciders": the plural names the same drink.
    tokens |= {t[:-1] for t in tokens if t.endswith("s") and len(t) > 3}
    text = " ".join(re.findall(r"[a-z]+", words.lower()))
    for drink in load_knowledge().alcohol.drinks:
        for alias in drink.aliases:
            if (" " in alias and alias in text) or alias in tokens:
                return drink
    return None


def understand_alcohol(text: str, *, cache_dir: Path | None = None) -> AlcoholServing:
    """Parse "pint of 4.5% beer", "175 ml wine 13%" or "2 single spirits"."""
    text = drinks_in_english(text)
    kb = load_knowledge().alcohol
    abv_match = _ABV.search(text)
    abv: float | None = None
    if abv_match:
        if abv_match.group(1):
            raise InputError(
                field="abv",
                problem=_("'{value}' is a negative strength").format(
                    value=abv_match.group(0).strip()
                ),
                hint=_("give the strength on the label, e.g. '5%'"),
            )
        abv = float(abv_match.group(2).replace(",", "."))
        if abv == 0:
            raise InputError(
                field="abv",
                problem=_("a drink of no strength (0%) has no alcohol"),
                hint=_("nothing to add; `twitchcare day --alcohol 0` records a day without"),
            )
        if not 0 < abv <= MAX_ABV:
            raise InputError(
                field="abv",
                problem=_("{abv}% is not a drink strength").format(abv=f"{abv:g}"),
                hint=_("above 0 and at most {most}%").format(most=f"{MAX_ABV:g}"),
            )
        text_wo_abv = (text[: abv_match.start()] + " " + text[abv_match.end() :]).strip()
    else:
        text_wo_abv = text
    cleaned = " ".join(text_wo_abv.split())
    if not cleaned:
        raise InputError(
            field="drink", problem=_("nothing was given"), hint=_("e.g. 'pint of 4.5% beer'")
        )
    lowered = cleaned.lower()
    drink = _drink_named(lowered)
    serving = None
    longest = 0
    for candidate in kb.servings:
        if drink is not None and drink.id not in candidate.drinks:
            continue
        for word in candidate.words:
            if len(word) > longest and re.search(rf"\b{re.escape(word)}\b", lowered):
                serving, longest = candidate, len(word)
    if drink is None and serving is not None and len(serving.drinks) == 1:
        # "a double" is a spirit, but "glass of water" is not wine: only a bare measure counts.
        leftover = set(re.findall(r"[a-z]+", lowered)) - _FILLER
        leftover -= {w for word in serving.words for w in word.split()}
        if not leftover:
            drink = next(d for d in kb.drinks if d.id == serving.drinks[0])
    if drink is None:
        raise InputError(
            field="drink",
            problem=_("no drink twitchcare knows in '{text}'").format(text=text),
            hint=_("name beer, lager, cider, wine, spirits (vodka, gin...) or alcopop"),
        )
    parsed = _parse_count(cleaned, cache_dir)
    refuse_unread_numbers(tuple(parsed[3].split()), "500 ml beer")
    if parsed[1] is not None:
        ml = parsed[1]
    else:
        if serving is None and parsed[2]:
            raise InputError(
                field="unit",
                problem=_("'{value}' is not a measure twitchcare knows for {name}").format(
                    value=parsed[2], name=drink.name
                ),
                hint=_("give the volume and strength, e.g. '440 ml {name} 5%'").format(
                    name=drink.name
                ),
            )
        if serving is None:
            serving = next(s for s in kb.servings if s.id == drink.default_serving)
        ml = serving.ml * parsed[0]
    strength = abv if abv is not None else drink.default_abv
    return AlcoholServing(
        text=text,
        drink=drink.name,
        ml=round(ml, 1),
        abv=strength,
        abv_assumed=abv is None,
        uk_units=uk_units(ml, strength),
        us_drinks=us_drinks(ml, strength),
    )


def _parse_count(text: str, cache_dir: Path | None) -> tuple[float, float | None, str, str]:
    """(how many, the volume in ml when a volume unit was given, the portion word if any, the
    text left after the amount).

    A pint of beer is the UK pint (568 ml); pint the library would read a US pint (473 ml).
    """
    lowered = text.lower()
    pints = re.match(
        r"^\s*(\d+(?:\.\d+)?|a|an|one|two|three|four)?\s*(half\s+(?:a\s+)?)?pints?\b", lowered
    )
    if pints:
        words = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0}
        number = pints.group(1) or "1"
        value = words[number] if number in words else float(number)
        if pints.group(2):
            value *= 0.5
        if value <= 0:
            raise InputError(
                field="amount",
                problem=_("{value} is not above 0").format(value=f"{value:g}"),
                hint=_("e.g. 1 pint"),
            )
        return value, value * UK_PINT_ML, "", lowered[pints.end() :]
    try:
        parsed = parse_amount(text, cache_dir=cache_dir)
    except InputError as exc:
        if exc.field == "food":
            return 1.0, None, "", text
        raise
    amount = parsed.amount
    if amount.kind == "volume" and amount.ml is not None:
        return amount.value, amount.ml, "", parsed.rest
    if amount.kind == "mass":
        raise InputError(
            field="unit",
            problem=_("drinks are measured by volume"),
            hint=_("e.g. {example}").format(example="175 ml"),
        )
    return amount.value, None, amount.unit if amount.kind == "count" else "", parsed.rest


@dataclass(frozen=True)
class AlcoholGuidance:
    """The limits that apply to this person, for display next to a weekly total."""

    limits: tuple[AlcoholLimit, ...]
    pregnant: bool


def alcohol_guidance(*, sex: str | None = None, pregnant: bool = False) -> AlcoholGuidance:
    """UK weekly guidance always; NIAAA limits for the person's sex when it is known."""
    kb = load_knowledge().alcohol
    chosen = []
    for limit in kb.limits:
        wanted = {"adults"} | ({"pregnant"} if pregnant else set())
        wanted |= {"male": {"men"}, "female": {"women"}}.get(sex or "", set())
        if limit.group in wanted:
            chosen.append(limit)
    return AlcoholGuidance(tuple(chosen), pregnant)


def us_drinks_from_units(units: float) -> float:
    """US standard drinks in an amount of UK units (both are fixed amounts of alcohol)."""
    conv = load_knowledge().alcohol.conversions
    ml = units * conv.uk_unit_ml_ethanol.value
    return ml * conv.ethanol_g_per_ml.value / conv.us_standard_drink_g.value
