"""From "1 cup spinach, boiled" to grams, magnesium and caffeine of one USDA food.

The person always sees what was understood before it counts, because the best-ranked food is a
guess: "1 cup (180 g) Spinach, cooked, boiled, drained, without salt -> 157 mg magnesium".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError
from twitchcare.nutrition.amounts import MAX_GRAMS, Amount, parse_amount, refuse_unread_numbers
from twitchcare.nutrition.foods import Food, Portion
from twitchcare.nutrition.knowledge import PortionsFile, food_names, load_part
from twitchcare.nutrition.portions import grams_for
from twitchcare.nutrition.search import load_index
from twitchcare.nutrition.vocabulary import query_words
from twitchcare.nutrition.words import foods_in_english

# Below this score fewer than about half of the query's weight matched: not a food we know.
MIN_SCORE = 55.0
# When the best food lacks the measure asked for, a close runner-up that has it is taken instead.
UNIT_MARGIN = 25.0
# A query word that matches the chosen food only this loosely ("latte" ~ "platter") is a guess:
# refused with a "did you mean" rather than counted. Typos such as "spinch" score above it.
STRONG_MATCH = 0.8


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
    ignored: tuple[str, ...] = ()

    def understood(self) -> str:
        """The one-line confirmation shown before anything is stored."""
        weight = "" if self.amount.kind == "mass" else f" ({self.grams:.0f} g)"
        magnesium = _("{mg:.0f} mg magnesium").format(mg=self.magnesium_mg)
        return (
            f"{self.measure}{weight} {self.food.description} "
            f"-> {magnesium}{ignored_note(self.ignored)}"
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


def as_typed(text: str, found: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The words of ``text`` as the person typed them ("Starbucks", "Joe's") for the normalised
    query words in ``found`` ("starbuck", "jo"); a word not found is kept as it is."""
    import re

    typed = re.findall(r"[^\W_]+(?:'[^\W_]+)?", text)
    shown: list[str] = []
    for word in found:
        shown.append(next((t for t in typed if word in query_words(t)), word))
    return tuple(dict.fromkeys(shown))


def ignored_note(words: tuple[str, ...]) -> str:
    """Words of the entry that did not count, said in the confirmation (a brand, say)."""
    return " " + _("(not used: {words})").format(words=", ".join(words)) if words else ""


def spelling_hint() -> str:
    """The end of every hint for a food word that is not known."""
    return _("check the spelling, or try `twitchcare foods search WORD`")


def _did_you_mean(word: str) -> str:
    """Food words spelled like ``word``: the language's own food words first ("Spinatt" ->
    "spinat"), then the food table's."""
    import difflib

    from twitchcare.catalogue import LANGUAGE

    own = difflib.get_close_matches(word.lower(), list(food_names(LANGUAGE.get())), n=2)
    close = list(dict.fromkeys([*own, *load_index().closest_words(word)]))[:3]
    suggestion = _("did you mean {words}?").format(words=", ".join(close)) + " " if close else ""
    return suggestion + spelling_hint()


def understand_food(text: str, *, cache_dir: Path | None = None) -> FoodServing:
    """Parse the amount, pick the food and compute its magnesium; raises :class:`InputError`.

    Nothing is guessed: without an amount the entry is refused (a bare "spinach" is not a 340 g
    bunch), a word that matches the chosen food only loosely is refused with "did you mean", and
    words that played no part (a brand) are named in the confirmation.
    """
    parsed = parse_amount(foods_in_english(text), cache_dir=cache_dir)
    index = load_index()
    hits = [h for h in index.search(parsed.rest, limit=10) if h.score >= MIN_SCORE]
    if not hits:
        raise InputError(
            field="food",
            problem=_("no food in the USDA table matches '{rest}'").format(rest=parsed.rest),
            hint=_did_you_mean(parsed.rest),
        )
    fit = index.fit(parsed.rest, hits[0].food)
    loose = [w for w, sim in fit.items() if 0 < sim < STRONG_MATCH]
    if loose or not any(sim >= STRONG_MATCH for sim in fit.values()):
        word = loose[0] if loose else next(iter(fit), parsed.rest)
        raise InputError(
            field="food",
            problem=_("no food twitchcare knows is close to '{rest}'").format(rest=parsed.rest),
            hint=_did_you_mean(word),
        )
    # only once the food is known, so the example given is one that works
    if not parsed.amount.explicit and parsed.amount.kind == "none":
        raise InputError(
            field="amount",
            problem=_("no amount given for '{rest}'").format(rest=parsed.rest),
            hint=_("say how much, e.g. '1 cup {rest}', '30 g {rest}' or '1 medium {rest}'").format(
                rest=parsed.rest
            ),
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
                problem=_("{measure} of {food} is {kg} kg").format(
                    measure=measure, food=hit.food.description, kg=f"{grams / 1000:.1f}"
                ),
                hint=_("one entry may hold up to {most} kg; check the amount").format(
                    most=f"{MAX_GRAMS / 1000:g}"
                ),
            )
        unused = [w for w, sim in index.fit(parsed.rest, hit.food).items() if sim == 0]
        return replace(
            serving(text, parsed.amount, measure, grams, hit.food),
            ignored=refuse_unread_numbers(as_typed(parsed.rest, unused), "30 g pumpkin seeds"),
        )
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
