"""Caffeine per drink and its limits; alcohol in UK units and US standard drinks."""

from __future__ import annotations

from pathlib import Path

import pytest

from twitchcare.errors import InputError
from twitchcare.nutrition.alcohol import alcohol_guidance, understand_alcohol, us_drinks_from_units
from twitchcare.nutrition.caffeine import caffeine_limit, understand_caffeine


@pytest.mark.parametrize(
    ("text", "mg"),
    [
        ("2 espresso", 126),
        ("coffee", 96),
        ("mug of tea", 75),
        ("1 cup green tea", 28),
        ("decaf coffee", 2),
        ("can of cola", 33),
        ("energy shot", 215),
        ("1 scoop pre-workout", 254),
        ("1 oz dark chocolate", 23),
        ("50 g milk chocolate", 10),
        ("474 ml coffee", 192),
    ],
)
def test_caffeine_per_serving(text: str, mg: float) -> None:
    assert understand_caffeine(text).caffeine_mg == pytest.approx(mg, abs=0.5)


def test_caffeine_from_an_unknown_drink_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        understand_caffeine("1 cup zzzzqqq")
    assert caught.value.field == "food"


@pytest.mark.parametrize(
    ("kwargs", "mg"),
    [
        ({"age": 30}, 400),
        ({"age": 30, "pregnant": True}, 200),
        ({"age": 30, "breastfeeding": True}, 200),
        ({"age": 15, "weight_kg": 50}, 150),
        ({"age": 15}, None),
    ],
)
def test_caffeine_limit_for_the_person(kwargs: dict[str, object], mg: float | None) -> None:
    limit = caffeine_limit(**kwargs)  # type: ignore[arg-type]
    assert limit.daily_mg == mg
    assert limit.single_dose_mg == 200


@pytest.mark.parametrize(
    ("text", "ml", "units"),
    [
        ("pint of 4.5% beer", 568, 2.56),
        ("175 ml wine 13%", 175, 2.275),
        ("2 single spirits", 50, 2.0),
        ("half pint of 3.6% beer", 284, 1.02),
        ("large glass of wine", 250, 3.0),
        ("330 ml bottle of 5% beer", 330, 1.65),
        ("double vodka", 50, 2.0),
    ],
)
def test_alcohol_units_follow_the_nhs_formula(text: str, ml: float, units: float) -> None:
    drink = understand_alcohol(text)
    assert drink.ml == pytest.approx(ml, abs=0.5)
    assert drink.uk_units == pytest.approx(units, abs=0.01)


def test_us_standard_drink_is_14_grams_of_alcohol() -> None:
    drink = understand_alcohol("355 ml beer 5%")  # 12 fl oz of 5% beer
    assert drink.us_drinks == pytest.approx(1.0, abs=0.01)
    assert us_drinks_from_units(14) == pytest.approx(7.9, abs=0.05)


def test_strength_is_assumed_and_said_when_missing() -> None:
    drink = understand_alcohol("glass of wine")
    assert drink.abv_assumed and drink.abv == 12
    assert "assumed" in drink.understood()


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("pint of 150% beer", "abv"),
        ("water", "drink"),
        ("", "drink"),
        ("0 pints of beer", "amount"),
    ],
)
def test_bad_drinks_are_refused(text: str, field: str) -> None:
    with pytest.raises(InputError) as caught:
        understand_alcohol(text)
    assert caught.value.field == field


def test_pregnancy_guidance_is_not_to_drink() -> None:
    limits = alcohol_guidance(sex="female", pregnant=True).limits
    assert any(limit.group == "pregnant" and limit.amount == 0 for limit in limits)
    assert any(limit.group == "women" and limit.amount == 7 for limit in limits)


@pytest.mark.parametrize(
    ("text", "ml"),
    [("2 x 330 ml beer 5%", 660), ("2 glasses of wine", 350), ("4 shots of tequila", 100)],
)
def test_counts_of_servings_multiply(text: str, ml: float) -> None:
    assert understand_alcohol(text).ml == pytest.approx(ml)


def test_a_measure_without_a_known_size_asks_for_the_volume() -> None:
    with pytest.raises(InputError) as caught:
        understand_alcohol("a can of beer")
    assert caught.value.field == "unit"
    assert "ml" in caught.value.hint


def test_a_drink_the_table_cannot_measure_falls_back_to_usda() -> None:
    result = understand_caffeine("1 cup hot chocolate")
    assert result.source == "usda-sr28"
    assert "cocoa" in result.drink.lower()


@pytest.mark.parametrize(
    ("text", "ml"),
    [
        ("beer 500 ml", 500),
        ("wine 2 glasses", 350),
        ("beer 2 x 330 ml", 660),
        ("beer 500 ml 5%", 500),
    ],
)
def test_an_amount_written_after_the_drink_is_read(text: str, ml: float) -> None:
    """It was dropped and a pint counted in its place."""
    assert understand_alcohol(text).ml == pytest.approx(ml)


@pytest.mark.parametrize(
    ("text", "mg"), [("coffee 300 ml", 122), ("espresso 2", 126), ("espresso, 2", 126)]
)
def test_caffeine_with_the_amount_after_the_drink(text: str, mg: float) -> None:
    assert understand_caffeine(text).caffeine_mg == pytest.approx(mg, abs=1)


@pytest.mark.parametrize("text", ["beer 500 ml 2", "2 beer 3", "pint of beer 2", "beer -2"])
def test_a_number_not_read_as_the_amount_of_alcohol_is_refused(text: str) -> None:
    with pytest.raises(InputError) as err:
        understand_alcohol(text)
    assert err.value.field == "amount"


@pytest.mark.parametrize("text", ["2 espresso 3", "coffee 300 ml 2"])
def test_a_number_not_read_as_the_amount_of_caffeine_is_refused(text: str) -> None:
    with pytest.raises(InputError) as err:
        understand_caffeine(text)
    assert err.value.field == "amount"


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (understand_caffeine, "espresso lots"),
        (understand_caffeine, "several coffees"),
        (understand_caffeine, "a lot of coffee"),
        (understand_caffeine, "a few espressos"),
        (understand_alcohol, "several beers"),
        (understand_alcohol, "lots of wine"),
    ],
)
def test_a_vague_amount_is_refused_not_counted_as_one(parse: object, text: str) -> None:
    """'Lots' says more than one without saying how many: one serving would be a guess."""
    with pytest.raises(InputError) as caught:
        parse(text)  # type: ignore[operator]
    assert caught.value.field == "amount"


def test_a_couple_is_two() -> None:
    assert understand_caffeine("a couple of espressos").caffeine_mg == pytest.approx(126)


@pytest.mark.parametrize(
    ("text", "ml"), [("2 beers", 1136), ("three ciders", 1704), ("2 vodkas", 50)]
)
def test_a_drink_named_in_the_plural_is_the_same_drink(text: str, ml: float) -> None:
    assert understand_alcohol(text).ml == pytest.approx(ml)


@pytest.mark.parametrize(("text", "mg"), [("zwei Espresso", 126), ("ein Espresso", 63)])
def test_a_german_number_word_is_the_amount_not_a_word_left_unused(text: str, mg: float) -> None:
    """'zwei Espresso' is two: the German number words are those of the shared German list."""
    result = understand_caffeine(text)
    assert result.caffeine_mg == pytest.approx(mg)


@pytest.mark.parametrize("text", ["ein paar Espresso", "einige Kaffee", "viele Espresso"])
def test_a_vague_german_amount_is_refused_with_the_word_typed(text: str) -> None:
    with pytest.raises(InputError) as caught:
        understand_caffeine(text)
    assert caught.value.field == "amount"
    assert text.split()[-2] in caught.value.problem


@pytest.mark.parametrize(
    ("text", "mg"),
    [
        ("eine Tasse Kaffee", 96),
        ("2 Tassen Kaffee", 192),
        ("ein Becher Tee", 75),
        ("eine Dose Cola", 33),
        ("koffeinfreier Kaffee", 2),
        ("Energydrink", 79),
    ],
)
def test_german_drink_and_serving_words_are_read_in_german(
    german: None, text: str, mg: float
) -> None:
    """A German speaker names the drink in German; the figures are the English knowledge's."""
    result = understand_caffeine(text)
    assert result.caffeine_mg == pytest.approx(mg, abs=0.5)
    assert not result.ignored, "no German word is left unread"


@pytest.mark.parametrize(
    ("text", "ml"), [("zwei Bier", 1136), ("ein Glas Wein", 175), ("eine Flasche Wein", 750)]
)
def test_german_beer_and_wine_are_counted_in_german(german: None, text: str, ml: float) -> None:
    assert understand_alcohol(text).ml == pytest.approx(ml)


def test_german_drink_words_are_not_read_in_english() -> None:
    """The words belong to the German knowledge; in English 'Kaffee' is a food nobody knows."""
    with pytest.raises(InputError) as caught:
        understand_caffeine("Kaffee")
    assert caught.value.field == "food"


def test_a_german_drink_word_for_an_unknown_drink_fails_naming_file_and_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A typo in the English word would make every German coffee a food nobody knows."""
    from twitchcare.errors import KnowledgeError
    from twitchcare.nutrition import knowledge

    broken = tmp_path / "nutrition.yaml"
    text = knowledge.translation_path("de").read_text(encoding="utf-8")
    broken.write_text(text.replace("kaffee: coffee", "kaffee: cofee", 1), encoding="utf-8")
    monkeypatch.setattr(knowledge, "translation_path", lambda lang: broken)
    knowledge.drink_names.cache_clear()
    try:
        with pytest.raises(KnowledgeError) as caught:
            knowledge.drink_names("de")
    finally:
        knowledge.drink_names.cache_clear()
    message = str(caught.value)
    assert "i18n/de/nutrition.yaml" in message
    assert "names[kaffee]" in message
    assert "did you mean 'coffee'" in message


def test_a_drink_name_written_as_one_word_is_not_reported_unused() -> None:
    """'energydrink' found the energy drink; saying it was not used contradicts the result."""
    result = understand_caffeine("energydrink")
    assert result.caffeine_mg == pytest.approx(79, abs=0.5)
    assert not result.ignored
