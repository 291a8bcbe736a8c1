"""From "1 cup spinach, boiled" to grams, magnesium and caffeine of one USDA food.

The person always sees what was understood before it counts, because the best-ranked food is a
guess: "1 cup (180 g) Spinach, cooked, boiled, drained, without salt -> 157 mg magnesium".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from twitchcare.errors import InputError
from twitchcare.nutrition.amounts import MAX_GRAMS, Amount, parse_amount
from twitchcare.nutrition.foods import Food, Portion
from twitchcare.nutrition.knowledge import PortionsFile, load_part
from twitchcare.nutrition.portions import grams_for
from twitchcare.nutrition.search import load_index

# Below this score fewer than about half of the query's weight matched: not a food we know.
MIN_SCORE = 55.0
# When the best food lacks the measure asked for, a close runner-up that has it is taken instead.
UNIT_MARGIN = 25.0


@dataclass(frozen=True)
class FoodServing:
    """One understood food entry, ready for the diary."""

    text: str
    amount: Amount
    measure: str
    grams: float
    food: Food
    magnesium_mg: float
    caffeine_mg: float | None

    def understood(self) -> str:
        """The one-line confirmation shown before anything is stored."""
        weight = "" if self.amount.kind == "mass" else f" ({self.grams:.0f} g)"
        return (
            f"{self.measure}{weight} {self.food.description} "
            f"-> {self.magnesium_mg:.0f} mg magnesium"
        )

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "measure": self.measure,
            "grams": round(self.grams, 1),
            "food": self.food.as_json(),
            "magnesium_mg": round(self.magnesium_mg, 1),
            "caffeine_mg": None if self.caffeine_mg is None else round(self.caffeine_mg, 1),
        }


@lru_cache(maxsize=1)
def extra_portions() -> dict[str, tuple[Portion, ...]]:
    """Measures added from SR28's full list, by food id."""
    table: dict[str, list[Portion]] = defaultdict(list)
    portions = load_part("portions")
    assert isinstance(portions, PortionsFile)
    for item in portions.extra_portions:
        table[item.food_id].append(Portion(item.grams, item.description))
    return {k: tuple(v) for k, v in table.items()}


def understand_food(text: str, *, cache_dir: Path | None = None) -> FoodServing:
    """Parse the amount, pick the food and compute its magnesium; raises :class:`InputError`."""
    parsed = parse_amount(text, cache_dir=cache_dir)
    hits = [h for h in load_index().search(parsed.rest, limit=10) if h.score >= MIN_SCORE]
    if not hits:
        raise InputError(
            field="food",
            problem=f"no food in the USDA table matches '{parsed.rest}'",
            hint="check the spelling, or try `twitchcare foods search WORD`",
        )
    extras = extra_portions()
    first_error: InputError | None = None
    for hit in hits:
        if hit.score < hits[0].score - UNIT_MARGIN:
            break
        try:
            grams, measure = grams_for(
                hit.food, parsed.amount, extras.get(hit.food.id, ()), cache_dir=cache_dir
            )
        except InputError as exc:
            first_error = first_error or exc
            continue
        if grams > MAX_GRAMS:
            raise InputError(
                field="amount",
                problem=f"{measure} of {hit.food.description} is {grams / 1000:.1f} kg",
                hint=f"one entry may hold up to {MAX_GRAMS / 1000:g} kg; check the amount",
            )
        return serving(text, parsed.amount, measure, grams, hit.food)
    assert first_error is not None
    raise first_error


def serving(text: str, amount: Amount, measure: str, grams: float, food: Food) -> FoodServing:
    """Nutrients of ``grams`` of ``food``; unknown caffeine stays unknown."""
    caffeine = food.caffeine_mg_per_100g
    return FoodServing(
        text=text,
        amount=amount,
        measure=measure,
        grams=grams,
        food=food,
        magnesium_mg=food.magnesium_mg_per_100g * grams / 100.0,
        caffeine_mg=None if caffeine is None else caffeine * grams / 100.0,
    )
