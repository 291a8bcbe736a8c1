"""Turning an amount into grams of one particular food.

Mass needs nothing more. A volume needs the food's own household measure ("1 cup = 180 g" for
boiled spinach but 30 g for raw), converted with pint when the units differ (a tablespoon from a
cup). A portion word ("2 slices") needs a measure that names it. When none fits, the error lists
the measures the food does have, so the person can pick one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError
from twitchcare.nutrition.amounts import PINT_UNITS, Amount, to_ml
from twitchcare.nutrition.foods import Food, Portion
from twitchcare.nutrition.vocabulary import stem, words

# Measures that read as a single item when someone types "1 banana" or "2 eggs".
PREFERRED_SINGLE = ("medium", "large", "slice", "packet", "container", "bar", "can", "fruit")


@dataclass(frozen=True)
class PortionMeasure:
    """A USDA measure read as number + unit: "0.5 cup, chopped" -> 0.5, "cup", 95 g."""

    portion: Portion
    count: float
    unit: str
    kind: str


def read_measure(portion: Portion) -> PortionMeasure:
    """Classify a household measure as volume, mass or a count of something."""
    tokens = portion.description.replace(",", " ").split()
    count = 1.0
    if tokens:
        try:
            count = float(tokens[0])
            tokens = tokens[1:]
        except ValueError:
            pass
    lowered = [t.lower().rstrip(".") for t in tokens]
    for size in (2, 1):
        candidate = " ".join(lowered[:size])
        if len(lowered) >= size and candidate in PINT_UNITS:
            unit = PINT_UNITS[candidate]
            kind = "mass" if unit in ("ounce", "pound", "gram", "kilogram") else "volume"
            return PortionMeasure(portion, count or 1.0, unit, kind)
    return PortionMeasure(portion, count or 1.0, " ".join(lowered), "count")


def measures_text(portions: tuple[Portion, ...]) -> str:
    """The food's measures for an error hint, e.g. "1 cup (180 g), 1 bunch (340 g) or grams"."""
    shown = [f"{p.description} ({p.grams:g} g)" for p in portions[:4]]
    return ", ".join([*shown, "grams"]) if shown else "grams or ounces only"


def grams_for(
    food: Food,
    amount: Amount,
    extra: tuple[Portion, ...] = (),
    *,
    cache_dir: Path | None = None,
) -> tuple[float, str]:
    """Grams of ``food`` in ``amount``, and the measure used (for "what I understood")."""
    portions = food.portions + extra
    if amount.kind == "mass" and amount.grams is not None:
        return amount.grams, amount.label()
    measures = [read_measure(p) for p in portions]
    if amount.kind == "volume" and amount.ml is not None:
        for m in measures:
            if m.kind == "volume":
                portion_ml = to_ml(m.count, m.unit, cache_dir)
                return m.portion.grams * amount.ml / portion_ml, amount.label()
        raise InputError(
            field="unit",
            problem=_("USDA gives no volume measure for '{description}'").format(
                description=food.description
            ),
            hint=_("use one of: {value}").format(value=measures_text(portions)),
        )
    if amount.kind == "count":
        wanted = stem(amount.unit)
        for m in measures:
            if m.kind == "count" and wanted in words(m.portion.description):
                return m.portion.grams / m.count * amount.value, amount.label()
        raise InputError(
            field="unit",
            problem=_("'{unit}' is not a measure USDA gives for '{description}'").format(
                unit=amount.unit, description=food.description
            ),
            hint=_("use one of: {value}").format(value=measures_text(portions)),
        )
    counts = [m for m in measures if m.kind == "count"]
    for word in PREFERRED_SINGLE:
        for m in counts:
            if word in words(m.portion.description):
                return _each(m, amount)
    if counts:
        return _each(counts[0], amount)
    if measures:
        first = measures[0]
        return first.portion.grams / first.count * amount.value, (
            f"{amount.value * first.count:g} {first.portion.description.split(' ', 1)[-1]}"
        )
    raise InputError(
        field="unit",
        problem=_("USDA gives no household measure for '{description}'").format(
            description=food.description
        ),
        hint=_("give the amount in grams or ounces, e.g. '100 g'"),
    )


def _each(measure: PortionMeasure, amount: Amount) -> tuple[float, str]:
    grams = measure.portion.grams / measure.count * amount.value
    what = measure.portion.description.split(" ", 1)[-1] if measure.count else ""
    return grams, f"{amount.value:g} x {what}".strip()
