"""Reading "1 cup", "half a cup of", "30 g", "2 slices" from what a person types.

Mass and volume units go through pint, so "tablespoons", "fl oz" and "kg" need no table of ours;
portion words (slice, medium, packet) are matched later against the food's USDA measures. Every
refusal is an :class:`InputError` that names the field (amount, unit or food) and what is allowed,
and it happens before anything is stored.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from twitchcare.catalogue import N_
from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError
from twitchcare.german_words import WORDS as GERMAN_WORDS

Kind = Literal["mass", "volume", "count", "none"]

ALLOWED_HINT = N_(
    "use a mass (g, kg, oz, lb), a volume (ml, l, cup, tbsp, tsp, fl oz) "
    "or a portion word such as slice, medium or packet"
)
# What pint says a unit measures, worded for the person ("5 metres of spinach").
DIMENSIONS = {
    "length": N_("length"),
    "length ** 2": N_("area"),
    "time": N_("time"),
    "temperature": N_("temperature"),
    "current": N_("electric current"),
    "substance": N_("amount of substance"),
    "luminosity": N_("light"),
}
MAX_GRAMS = 5000.0

NUMBER_WORDS = {
    "a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0,
    "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "eleven": 11.0,
    "twelve": 12.0, "half": 0.5, "quarter": 0.25, "third": 1 / 3, "couple": 2.0,
}  # fmt: skip
UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}

# Portion words that are matched against a food's household measures rather than converted.
COUNT_WORDS = frozenset(
    {
        "slice", "piece", "medium", "large", "small", "packet", "container", "bar", "can",
        "bottle", "scoop", "serving", "fillet", "stalk", "bunch", "fruit", "leaf", "link",
        "patty", "muffin", "cookie", "wedge", "clove", "spear", "square", "mug", "glass",
        "shot", "single", "double", "pack", "package", "stick", "sprig", "head", "ear",
        "kernel", "whole", "tablet", "capsule", "biscuit",
    }
)  # fmt: skip

# Measures people use that have no fixed size; refused with a hint rather than guessed.
VAGUE_MEASURES = frozenset(
    {"handful", "bowl", "plate", "plateful", "pinch", "dash", "splash", "bit", "spoonful", "some"}
    # German ones, refused in the words typed ("Handvoll"), as the German vague amounts are
    | {"handvoll", "schüssel", "schale", "teller", "prise", "schuss", "bisschen"}
)

# Words that say "more than one" without saying how many ("espresso, lots", "ein paar"): refused,
# never counted as one serving.
VAGUE_AMOUNTS = frozenset(
    {"lot", "lots", "loads", "load", "many", "several", "plenty", "heaps", "tons", "few", "much"}
    # German ones the shared German word list does not already turn into these
    | {"viele", "viel", "etliche", "jede", "menge"}
)

# Unit spellings handed to pint; anything else pint recognises is refused as a non-food unit
# (pint reads "mug" as microgram and "pinch" as pico-inch, so guessing is worse than asking).
PINT_UNITS = {
    "g": "gram", "gram": "gram", "grams": "gram", "gm": "gram", "gr": "gram",
    "kg": "kilogram", "kilo": "kilogram", "kilos": "kilogram", "kilogram": "kilogram",
    "kilograms": "kilogram", "mg": "milligram", "milligram": "milligram",
    "milligrams": "milligram", "oz": "ounce", "ounce": "ounce", "ounces": "ounce",
    "lb": "pound", "lbs": "pound", "pound": "pound", "pounds": "pound",
    "ml": "milliliter", "millilitre": "milliliter", "millilitres": "milliliter",
    "milliliter": "milliliter", "milliliters": "milliliter", "cl": "centiliter",
    "dl": "deciliter", "l": "liter", "litre": "liter", "litres": "liter", "liter": "liter",
    "liters": "liter", "cup": "cup", "cups": "cup", "c": "cup", "tbsp": "tablespoon",
    "tbs": "tablespoon", "tbsps": "tablespoon", "tablespoon": "tablespoon",
    "tablespoons": "tablespoon", "tsp": "teaspoon", "tsps": "teaspoon", "teaspoon": "teaspoon",
    "teaspoons": "teaspoon", "quart": "quart", "quarts": "quart", "qt": "quart",
    "pint": "pint", "pints": "pint", "gallon": "gallon", "gallons": "gallon",
    "floz": "fluid_ounce", "fl oz": "fluid_ounce", "fl. oz": "fluid_ounce",
    "fluid ounce": "fluid_ounce", "fluid ounces": "fluid_ounce", "fl oz.": "fluid_ounce",
}  # fmt: skip

_NUMBER = re.compile(
    r"^(?P<neg>-\s*)?(?:(?P<whole>\d+)\s+(?P<num>\d+)/(?P<den>\d+)"
    r"|(?P<fnum>\d+)/(?P<fden>\d+)"
    r"|(?P<thousands>\d{1,3}(?:,\d{3})+)(?![\d.])"
    r"|(?P<dec>(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:e[+-]?\d+)?)(?P<uni>[½¼¾⅓⅔⅛])?"
    r"|(?P<uonly>[½¼¾⅓⅔⅛]))",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\s,]+")
# A leading number glued to one or two letters ("7up", "100g", "2l"): a unit, or part of a name.
_GLUED = re.compile(r"^\d+(?P<letters>[^\W\d_]{1,2})(?=[\s,]|$)")


@dataclass(frozen=True)
class Amount:
    """How much was eaten, before the food is known: a number and what it counts."""

    value: float
    kind: Kind
    unit: str = ""
    grams: float | None = None
    ml: float | None = None
    explicit: bool = True

    def label(self) -> str:
        """The amount as twitchcare understood it, e.g. "0.5 cup" or "30 g"."""
        number = f"{self.value:g}" if self.value >= 0.1 else f"{self.value:.2g}"
        if self.kind == "none":
            return number
        unit = {
            "gram": "g",
            "kilogram": "kg",
            "milligram": "mg",
            "milliliter": "ml",
            "liter": "l",
            "fluid_ounce": "fl oz",
            "ounce": "oz",
            "pound": "lb",
            "tablespoon": "tbsp",
            "teaspoon": "tsp",
        }.get(self.unit, self.unit)
        return f"{number} {unit}"


@dataclass(frozen=True)
class ParsedAmount:
    """An amount and the text after it, which names the food or drink."""

    amount: Amount
    rest: str


_REGISTRY: list[Any] = []


def unit_registry(cache_dir: Path | None = None) -> Any:
    """pint's registry, built once per process; ``cache_dir`` (first call only) lets pint keep
    its parsed definitions on disk, which halves its load time in later runs."""
    if not _REGISTRY:
        import pint

        if cache_dir is not None:
            _REGISTRY.append(pint.UnitRegistry(cache_folder=str(cache_dir / "pint")))
        else:
            _REGISTRY.append(pint.UnitRegistry())
    return _REGISTRY[0]


_NOT_A_NUMBER = re.compile(r"^[-+]?(inf(inity)?|nan)\b", re.IGNORECASE)


def _number(text: str) -> tuple[float, str, bool]:
    """Leading number of ``text`` -> (value, remaining text, found)."""
    bad = _NOT_A_NUMBER.match(text)
    if bad:
        raise InputError(
            field="amount",
            problem=_("'{value}' is not an amount").format(value=bad.group(0)),
            hint=_("give a finite amount above 0, e.g. '30 g pumpkin seeds'"),
        )
    match = _NUMBER.match(text)
    if match:
        if match["neg"]:
            raise InputError(
                field="amount",
                problem=_("'{value}' is negative").format(value=match.group(0).strip()),
                hint=_("give an amount above 0, e.g. '30 g pumpkin seeds'"),
            )
        if match["whole"]:
            value = int(match["whole"]) + _fraction(match["num"], match["den"])
        elif match["fnum"]:
            value = _fraction(match["fnum"], match["fden"])
        elif match["thousands"]:
            value = float(match["thousands"].replace(",", ""))
        elif match["uonly"]:
            value = UNICODE_FRACTIONS[match["uonly"]]
        else:
            value = float(match["dec"].replace(",", "."))
            if match["uni"]:
                value += UNICODE_FRACTIONS[match["uni"]]
        if not math.isfinite(value):
            raise InputError(
                field="amount",
                problem=_("'{value}' is not a finite amount").format(value=match.group(0).strip()),
                hint=_("e.g. '30 g pumpkin seeds'"),
            )
        return value, text[match.end() :].strip(), True
    return _word_number(text)


def _fraction(num: str, den: str) -> float:
    if int(den) == 0:
        raise InputError(
            field="amount", problem=_("'{num}/{den}' divides by zero").format(num=num, den=den)
        )
    return int(num) / int(den)


def _english_word(word: str) -> str:
    """A German number or amount word as the English one this parser reads ("zwei" -> "two").

    The words come from the shared German word list, so "zwei Espresso" is two, as "2 Tage" is
    two days in the interview; any other word is left as it is.
    """
    english = GERMAN_WORDS.get(word.lower())
    if english is not None and (english in NUMBER_WORDS or english in VAGUE_AMOUNTS):
        return english
    return word


def _word_number(text: str) -> tuple[float, str, bool]:
    """Numbers written as words: "a", "two", "half a", "one and a half", "a couple of"."""
    tokens = [_english_word(t) for t in text.split()[:2]] + text.split()[2:]
    if not tokens:
        return 1.0, "", False
    first = tokens[0].lower()
    if (
        first in ("a", "an")
        and len(tokens) > 1
        and tokens[1].lower() in ("half", "quarter", "couple")
    ):
        tokens = tokens[1:]
        first = tokens[0].lower()
    if first not in NUMBER_WORDS:
        return 1.0, text, False
    value = NUMBER_WORDS[first]
    rest = tokens[1:]
    lowered = [t.lower() for t in rest]
    if lowered[:3] == ["and", "a", "half"]:
        value += 0.5
        rest = rest[3:]
    else:
        fraction_a = first in ("half", "quarter", "third", "couple") and lowered[:1] in (
            ["a"],
            ["an"],
        )
        couple_of = first == "couple" and lowered[:1] == ["of"]
        if fraction_a or couple_of:
            rest = rest[1:]
    return value, " ".join(rest), True


def _singular(word: str) -> str:
    if word.endswith("es") and word[:-2] in COUNT_WORDS:
        return word[:-2]
    if word.endswith("s") and word[:-1] in COUNT_WORDS:
        return word[:-1]
    return word


def parse_amount(text: str, *, cache_dir: Path | None = None) -> ParsedAmount:
    """Split "1 cup spinach, boiled" into an :class:`Amount` and "spinach, boiled"."""
    text = " ".join(text.replace("\u00a0", " ").split())
    if not text:
        raise InputError(
            field="food",
            problem=_("nothing was given"),
            hint=_(
                "write an amount and a food, e.g. '30 g pumpkin seeds' or '1 cup spinach, boiled'"
            ),
        )
    typed = text.split()
    lead = 1 if _english_word(typed[0]).lower() in ("a", "an") and len(typed) > 1 else 0
    refuse_vague(typed[lead : lead + 1], "3 cups")  # "several beers", "a lot of coffee"
    glued = _GLUED.match(text)
    if glued and glued["letters"].lower() not in PINT_UNITS and glued["letters"].lower() != "x":
        # "7up" names a drink: a number glued to one or two letters that are no unit is part of
        # the name, not seven of "up" (which matched an infant formula "for spit up").
        value, rest, explicit = 1.0, text, False
    else:
        value, rest, explicit = _number(text)
    if not explicit:
        trailing = _amount_at_end(text, cache_dir)
        if trailing is not None:
            return trailing
    if value <= 0:
        raise InputError(
            field="amount",
            problem=_("{value} is not above 0").format(value=f"{value:g}"),
            hint=_("e.g. {example}").format(example="'30 g'"),
        )
    times = re.match(r"^[x×*]\s*(?=[\d½¼¾⅓⅔⅛.])", rest, flags=re.IGNORECASE)
    if times:
        # "2 x 330 ml beer", "3 x 30 g almonds": a count of equal servings.
        inner = parse_amount(rest[times.end() :], cache_dir=cache_dir)
        return ParsedAmount(_scaled(inner.amount, value), inner.rest)
    amount, rest = _unit(value, rest, explicit, cache_dir)
    rest = re.sub(r"^(of|x)\s+", "", rest, flags=re.IGNORECASE).strip(" ,.;:")
    if amount.grams is not None and amount.grams > MAX_GRAMS:
        raise InputError(
            field="amount",
            problem=_("{value} is more than {most} kg in one entry").format(
                value=amount.label(), most=f"{MAX_GRAMS / 1000:g}"
            ),
            hint=_("check the amount, or add it in parts"),
        )
    if not rest:
        raise InputError(
            field="food",
            problem=_("no food after '{value}'").format(value=amount.label()),
            hint=_("name the food, e.g. '30 g pumpkin seeds'"),
        )
    return ParsedAmount(amount, rest)


def refuse_unread_numbers(words: tuple[str, ...], example: str) -> tuple[str, ...]:
    """``words``, unless one of them holds a number or a vague amount: both are refused.

    A brand may go unread, but a number is almost always how much, and "lots" or "several" says
    there was more than one without saying how many; counting one standard serving in place of
    either would log a guess.
    """
    numbers = [w for w in words if any(c.isdigit() for c in w)]
    if numbers:
        raise InputError(
            field="amount",
            problem=_("'{words}' was not read as an amount").format(words=" ".join(numbers)),
            hint=_("put the amount first, e.g. '{example}'").format(example=example),
        )
    refuse_vague(words, example)  # "espresso lots"
    return words


def refuse_vague(words: Sequence[str], example: str) -> None:
    """Refuse the first of ``words`` that says "more than one" without saying how many.

    "Several", "lots", "ein paar": counting one standard serving in their place would log a
    guess. Words are read as typed, German ones through the shared German word list.
    """
    vague = next((w for w in words if _english_word(w).lower() in VAGUE_AMOUNTS), None)
    if vague is not None:
        raise InputError(
            field="amount",
            problem=_("'{value}' is not an amount").format(value=vague),
            hint=_("say how many or how much, e.g. '{example}'").format(example=example),
        )


def _amount_at_end(text: str, cache_dir: Path | None) -> ParsedAmount | None:
    """An amount written after the food ("beer 500 ml", "espresso 2", "wine 2 glasses").

    Read as if it came first, but only when the words from a number to the end are wholly an
    amount: "7up" or "omega 3 eggs" keep their number, and a strength ("5%") is no amount.
    Without this the number was dropped and one standard serving counted in its place.
    """
    words = text.split()
    for i in range(1, len(words)):
        if "%" in words[i] or not _NUMBER.match(words[i]):
            continue
        food = " ".join(words[:i]).strip(" ,.;:")
        if not food or any(c.isdigit() for c in food):
            # a second number before it: which is the amount is a guess, so neither is moved
            continue
        parsed = parse_amount(" ".join(words[i:]) + " " + food, cache_dir=cache_dir)
        if parsed.rest == food:
            return parsed
    return None


def _scaled(amount: Amount, factor: float) -> Amount:
    return Amount(
        amount.value * factor,
        amount.kind,
        unit=amount.unit,
        grams=None if amount.grams is None else amount.grams * factor,
        ml=None if amount.ml is None else amount.ml * factor,
        explicit=amount.explicit,
    )


def _unit(value: float, rest: str, explicit: bool, cache_dir: Path | None) -> tuple[Amount, str]:
    words = _WORD.findall(rest)
    if not words:
        return Amount(value, "none", explicit=explicit), rest
    lowered = [w.lower().rstrip(".") for w in words]
    for size in (2, 1):
        candidate = " ".join(lowered[:size])
        if len(lowered) >= size and candidate in PINT_UNITS:
            amount = _convert(value, PINT_UNITS[candidate], cache_dir)
            return amount, _drop_words(rest, size)
    word = _singular(lowered[0])
    vague = next((w for w in (word, word[:-1], word[:-2]) if w in VAGUE_MEASURES), word)
    if vague in VAGUE_MEASURES:
        raise InputError(
            field="unit",
            problem=_("'{value}' has no fixed size").format(value=words[0]),
            hint=_("weigh it or use cups or spoons, e.g. '30 g almonds' or '1/2 cup black beans'"),
        )
    if word in COUNT_WORDS and len(words) > 1:
        return Amount(value, "count", unit=word, explicit=explicit), _drop_words(rest, 1)
    followed_by_of = len(lowered) > 1 and lowered[1] == "of"
    if lowered[0].isalpha() and (followed_by_of or _is_pint_unit(lowered[0], cache_dir)):
        dimension = _pint_dimension(lowered[0], cache_dir)
        if dimension in DIMENSIONS:
            problem = _("'{word}' is a unit of {dimension}").format(
                word=words[0], dimension=_(DIMENSIONS[dimension])
            )
        else:
            problem = _("'{word}' is not a measure twitchcare knows").format(word=words[0])
        raise InputError(field="unit", problem=problem, hint=_(ALLOWED_HINT))
    return Amount(value, "none", explicit=explicit), rest


def _drop_words(text: str, count: int) -> str:
    for _word in range(count):
        match = _WORD.search(text)
        if match is None:
            return ""
        text = text[match.end() :]
    return text.strip(" ,")


def _convert(value: float, unit: str, cache_dir: Path | None) -> Amount:
    ureg = unit_registry(cache_dir)
    quantity = ureg.Quantity(value, unit)
    if quantity.check("[mass]"):
        return Amount(value, "mass", unit=unit, grams=float(quantity.to("gram").magnitude))
    return Amount(value, "volume", unit=unit, ml=float(quantity.to("milliliter").magnitude))


def to_ml(value: float, unit: str, cache_dir: Path | None = None) -> float:
    """Millilitres in ``value`` of a volume unit known to :data:`PINT_UNITS`."""
    return _convert(value, PINT_UNITS.get(unit, unit), cache_dir).ml or 0.0


def _is_pint_unit(word: str, cache_dir: Path | None) -> bool:
    return bool(_pint_dimension(word, cache_dir))


def _pint_dimension(word: str, cache_dir: Path | None) -> str:
    """pint's name for what ``word`` measures ("length"), or "" when pint does not know it."""
    if len(word) < 3:
        return ""
    ureg = unit_registry(cache_dir)
    try:
        units = ureg.parse_units(word)
    except Exception:  # pint raises several unrelated types for unknown names
        return ""
    dims = str(units.dimensionality).strip("[]")
    if not dims or dims == "dimensionless":
        return ""
    return dims
