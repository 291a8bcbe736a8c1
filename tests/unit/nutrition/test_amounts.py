"""Reading amounts and units, and refusing what cannot be read, naming the field."""

from __future__ import annotations

import pytest

from twitchcare.errors import InputError
from twitchcare.nutrition.amounts import parse_amount
from twitchcare.nutrition.serving import understand_food


@pytest.mark.parametrize(
    ("text", "value", "kind", "rest"),
    [
        ("1 cup spinach, boiled", 1.0, "volume", "spinach, boiled"),
        ("30 g pumpkin seeds", 30.0, "mass", "pumpkin seeds"),
        ("30g pumpkin seeds", 30.0, "mass", "pumpkin seeds"),
        ("2 slices whole wheat bread", 2.0, "count", "whole wheat bread"),
        ("1 oz almonds", 1.0, "mass", "almonds"),
        ("half a cup of black beans", 0.5, "volume", "black beans"),
        ("1 1/2 cups milk", 1.5, "volume", "milk"),
        ("½ cup rice", 0.5, "volume", "rice"),
        ("one and a half cups oats", 1.5, "volume", "oats"),
        ("a medium banana", 1.0, "count", "banana"),
        ("2 eggs", 2.0, "none", "eggs"),
        ("2l milk", 2.0, "volume", "milk"),
        ("7up", 1.0, "none", "7up"),
        ("2 cans 7up", 2.0, "count", "7up"),
    ],
)
def test_amount_unit_and_food_text_are_separated(
    text: str, value: float, kind: str, rest: str
) -> None:
    parsed = parse_amount(text)
    assert (parsed.amount.value, parsed.amount.kind, parsed.rest) == (value, kind, rest)


def test_ounces_and_fluid_ounces_are_converted_by_the_units_library() -> None:
    assert parse_amount("1 oz almonds").amount.grams == pytest.approx(28.35, abs=0.01)
    assert parse_amount("2 fl oz milk").amount.ml == pytest.approx(59.15, abs=0.01)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("two handfuls of", "unit"),
        ("-3 g", "amount"),
        ("", "food"),
        ("   ", "food"),
        ("0 g spinach", "amount"),
        ("3 parsecs of spinach", "unit"),
        ("30 g", "food"),
        ("10 kg spinach", "amount"),
    ],
)
def test_bad_input_is_refused_with_the_field_named(text: str, field: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_amount(text)
    assert caught.value.field == field
    assert caught.value.problem


def test_a_number_glued_to_letters_that_are_no_unit_is_part_of_the_name() -> None:
    """'7up' is a drink, not seven of 'up' (which matched an infant formula "for spit up")."""
    with pytest.raises(InputError) as caught:
        understand_food("7up")
    assert caught.value.field == "food" and "7up" in caught.value.problem


def test_unknown_food_is_refused_with_a_search_hint() -> None:
    with pytest.raises(InputError) as caught:
        understand_food("1 cup zzzzqqq")
    assert caught.value.field == "food"
    assert "foods search" in caught.value.hint


def test_a_measure_the_food_does_not_have_lists_the_ones_it_has() -> None:
    with pytest.raises(InputError) as caught:
        understand_food("3 slices spinach, raw")
    assert caught.value.field == "unit"
    assert "1 cup (30 g)" in caught.value.hint


def test_cup_of_boiled_spinach_uses_the_boiled_spinach_cup_weight() -> None:
    serving = understand_food("1 cup spinach, boiled")
    assert serving.understood() == (
        "1 cup (180 g) Spinach, cooked, boiled, drained, without salt -> 157 mg magnesium"
    )


def test_a_tablespoon_is_scaled_from_the_cup_measure() -> None:
    cup = understand_food("1 cup black beans, boiled")
    tbsp = understand_food("1 tbsp black beans, boiled")
    assert tbsp.grams == pytest.approx(cup.grams / 16, rel=0.01)


def test_slices_are_counted_from_the_slice_measure() -> None:
    serving = understand_food("2 slices whole wheat bread")
    assert serving.grams == pytest.approx(64)
    assert serving.food.description == "Bread, whole-wheat, commercially prepared"


@pytest.mark.parametrize("text", ["1 handful almonds", "a bowl of oatmeal", "2 pinches salt"])
def test_measures_without_a_fixed_size_are_refused_not_guessed(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_amount(text)
    assert caught.value.field == "unit"
    assert "no fixed size" in caught.value.problem


def test_thousands_separator_and_decimal_comma_are_read() -> None:
    assert parse_amount("1,000 g spinach").amount.grams == 1000
    assert parse_amount("1,5 cup milk").amount.value == 1.5


def test_unknown_extra_words_do_not_hide_the_food() -> None:
    assert understand_food("2 yummy bananas").food.description == "Bananas, raw"


def test_a_count_of_equal_servings_multiplies_the_amount() -> None:
    assert parse_amount("3 x 30 g almonds").amount.grams == pytest.approx(90)


def test_an_implausible_volume_is_refused_once_its_weight_is_known() -> None:
    with pytest.raises(InputError) as caught:
        understand_food("99 cups spinach, boiled")
    assert caught.value.field == "amount"
