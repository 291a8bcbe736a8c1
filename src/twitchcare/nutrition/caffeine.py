"""Caffeine from drinks and foods, and the daily limit that applies to a person.

A typed drink ("2 espresso", "mug of tea", "500 ml cola") is matched against the table in
``knowledge/nutrition/caffeine.yaml`` first, because per-serving figures from the FDA, Mayo Clinic
and NHS are what people recognise; anything else falls back to the USDA foods that have a known
caffeine value.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError
from twitchcare.nutrition.amounts import Amount, parse_amount, refuse_unread_numbers
from twitchcare.nutrition.knowledge import (
    CaffeineDrink,
    CaffeineServing,
    load_knowledge,
)
from twitchcare.nutrition.vocabulary import query_words
from twitchcare.nutrition.words import drinks_in_english

MIN_NAME_SCORE = 85.0


@dataclass(frozen=True)
class CaffeineServingResult:
    """One understood drink: what, how much, and the caffeine it adds."""

    text: str
    drink: str
    measure: str
    caffeine_mg: float
    source: str
    note: str = ""
    note_source: str | None = None
    ml: float | None = None
    grams: float | None = None
    ignored: tuple[str, ...] = ()

    def understood(self) -> str:
        from twitchcare.nutrition.serving import ignored_note

        caffeine = _("{mg:.0f} mg caffeine").format(mg=self.caffeine_mg)
        return f"{self.measure} {self.drink} -> {caffeine}{ignored_note(self.ignored)}"


def _find_drink(name: str) -> CaffeineDrink | None:
    from rapidfuzz import fuzz, process

    target = " ".join(query_words(name))
    choices: dict[str, CaffeineDrink] = {}
    for drink in load_knowledge().caffeine.drinks:
        for alias in (drink.name, *drink.aliases):
            choices[" ".join(query_words(alias))] = drink
    best = process.extractOne(target, list(choices), scorer=fuzz.WRatio)
    if best is None or best[1] < MIN_NAME_SCORE:
        return None
    exact = choices.get(target)
    return exact or choices[best[0]]


def _serving_for(drink: CaffeineDrink, amount: Amount) -> tuple[CaffeineServing, float]:
    """The serving used and how many of it were had."""
    if amount.kind == "count":
        for serving in drink.servings:
            if amount.unit in serving.words:
                return serving, amount.value
        raise InputError(
            field="unit",
            problem=_("'{unit}' is not a serving twitchcare knows for {name}").format(
                unit=amount.unit, name=drink.name
            ),
            hint="use one of: " + ", ".join(s.label for s in drink.servings) + ", or ml",
        )
    if amount.kind == "volume" and amount.ml is not None:
        for serving in drink.servings:
            if serving.ml:
                return serving, amount.ml / serving.ml
        raise InputError(
            field="unit",
            problem=_("{name} is counted by weight or serving, not volume").format(name=drink.name),
        )
    if amount.kind == "mass" and amount.grams is not None:
        for serving in drink.servings:
            if serving.grams:
                return serving, amount.grams / serving.grams
        raise InputError(
            field="unit",
            problem=_("{name} is counted by volume or serving, not weight").format(name=drink.name),
        )
    return drink.servings[0], amount.value


def understand_caffeine(text: str, *, cache_dir: Path | None = None) -> CaffeineServingResult:
    """Parse "2 espresso" or "500 ml cola" into caffeine mg; raises :class:`InputError`."""
    text = drinks_in_english(text)
    parsed = parse_amount(text, cache_dir=cache_dir)
    drink = _find_drink(parsed.rest)
    if drink is not None:
        try:
            serving, count = _serving_for(drink, parsed.amount)
        except InputError as exc:
            # "1 cup hot chocolate" is not the chocolate bar; USDA may know the drink.
            try:
                return _from_usda(text, cache_dir)
            except InputError:
                raise exc from None
        from rapidfuzz import fuzz

        from twitchcare.nutrition.serving import as_typed

        known = {w for name in (drink.name, *drink.aliases) for w in query_words(name)}
        # a name written as one word ("energydrink") found the drink too
        known |= {"".join(query_words(name)) for name in (drink.name, *drink.aliases)}
        known |= {w for s in drink.servings for word in s.words for w in query_words(word)}
        # a typo of a known word ("espreso") was used to find the drink: not "not used"
        ignored = as_typed(
            parsed.rest,
            [
                w
                for w in query_words(parsed.rest)
                if w not in known and not any(fuzz.ratio(w, k) >= MIN_NAME_SCORE for k in known)
            ],
        )
        refuse_unread_numbers(ignored, "300 ml coffee")
        measure = (
            parsed.amount.label()
            if parsed.amount.kind in ("volume", "mass")
            else f"{count:g} x {serving.label}"
        )
        return CaffeineServingResult(
            text=text,
            drink=drink.name,
            measure=measure,
            caffeine_mg=serving.caffeine_mg * count,
            source=serving.source,
            note=serving.note,
            note_source=serving.note_source,
            ml=serving.ml * count if serving.ml else None,
            grams=serving.grams * count if serving.grams else None,
            ignored=ignored,
        )
    try:
        return _from_usda(text, cache_dir)
    except InputError as exc:
        from twitchcare.nutrition.serving import spelling_hint

        spelling = spelling_hint()
        if exc.field != "food" or not exc.hint.endswith(spelling) or exc.hint == spelling:
            raise
        # an unknown word: the closest food words, and where the drinks with figures are listed
        mean = exc.hint[: -len(spelling)]
        raise InputError(
            field="food",
            problem=exc.problem,
            hint=_("{mean}or name a drink from `twitchcare caffeine drinks`").format(mean=mean),
        ) from None


def _from_usda(text: str, cache_dir: Path | None) -> CaffeineServingResult:
    from twitchcare.nutrition.serving import understand_food

    food = understand_food(text, cache_dir=cache_dir)
    if food.caffeine_mg is None:
        raise InputError(
            field="food",
            problem=_("USDA has no caffeine value for '{description}'").format(
                description=food.food.description
            ),
            hint=_(
                "name a drink twitchcare knows (coffee, espresso, tea, cola, energy drink, "
                "pre-workout, chocolate) or check the label"
            ),
        )
    return CaffeineServingResult(
        text=text,
        drink=food.food.description,
        measure=f"{food.measure} ({food.grams:.0f} g)",
        caffeine_mg=food.caffeine_mg,
        source="usda-sr28",
        grams=food.grams,
        ignored=food.ignored,
    )


@dataclass(frozen=True)
class CaffeineLimitResult:
    """The daily limit that applies, or why none can be given."""

    daily_mg: float | None
    limit_id: str
    source: str
    note: str
    single_dose_mg: float
    single_dose_source: str
    note_source: str | None = None


def caffeine_limit(
    *,
    age: float | None = None,
    pregnant: bool = False,
    breastfeeding: bool = False,
    weight_kg: float | None = None,
) -> CaffeineLimitResult:
    """Pregnancy and breastfeeding first, then under-18s by body weight, else the adult limit."""
    kb = load_knowledge().caffeine
    limits = {limit.group: limit for limit in kb.limits}
    single = kb.single_dose
    if pregnant:
        chosen = limits["pregnant"]
    elif breastfeeding:
        chosen = limits["breastfeeding"]
    elif age is not None and age < 18:
        chosen = limits["under 18"]
        assert chosen.mg_per_kg is not None
        if weight_kg is None:
            return CaffeineLimitResult(
                None,
                chosen.id,
                chosen.source,
                chosen.note + " Give your weight (--weight) to see your limit.",
                single.mg,
                single.source,
            )
        return CaffeineLimitResult(
            chosen.mg_per_kg * weight_kg,
            chosen.id,
            chosen.source,
            chosen.note,
            single.mg,
            single.source,
        )
    else:
        chosen = limits["adult"]
    return CaffeineLimitResult(
        chosen.daily_mg,
        chosen.id,
        chosen.source,
        chosen.note,
        single.mg,
        single.source,
        chosen.note_source,
    )
