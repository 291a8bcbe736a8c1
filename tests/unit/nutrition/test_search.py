"""Food search: forgiving, ranked, common generic foods first, raw and cooked kept apart."""

from __future__ import annotations

import pytest

from twitchcare.nutrition.foods import csv_path, parse_rows
from twitchcare.nutrition.search import FoodIndex, build_index, index_key, index_path, load_index


def _top(query: str) -> str:
    return load_index().search(query, limit=1)[0].food.description


def test_the_shipped_table_has_all_8050_foods() -> None:
    assert len(load_index()) == 8050


@pytest.mark.parametrize("query", ["spinach cooked", "cooked spinach", "spinach, boiled"])
def test_word_order_and_punctuation_do_not_matter(query: str) -> None:
    assert _top(query) == "Spinach, cooked, boiled, drained, without salt"


def test_raw_and_cooked_are_distinguished() -> None:
    assert _top("spinach raw") == "Spinach, raw"
    assert "cooked" in _top("spinach cooked")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("spinch", "Spinach, raw"),
        ("brocoli", "Broccoli, raw"),
        ("bananas", "Bananas, raw"),
        ("almond", "Nuts, almonds"),
    ],
)
def test_small_typos_and_plurals_are_forgiven(query: str, expected: str) -> None:
    assert _top(query) == expected


def test_generic_records_rank_above_baby_food_and_brands() -> None:
    hits = load_index().search("spinach", limit=5)
    assert all(not h.food.description.lower().startswith("babyfood") for h in hits)
    assert hits[0].food.description == "Spinach, raw"


def test_query_words_matter_more_than_popularity() -> None:
    assert "RED BULL" in _top("red bull")
    assert _top("spinach souffle") == "Spinach souffle"


def test_unknown_words_find_nothing() -> None:
    assert load_index().search("zzzzqqq") == []
    assert load_index().search("") == []


def test_breakfast_blend_coffee_caffeine_is_unknown_not_zero() -> None:
    food = next(f for f in parse_rows(csv_path()) if f.id == "14180")
    assert food.caffeine_mg_per_100g is None
    assert "data gap" in food.note


def test_empty_caffeine_cells_stay_unknown() -> None:
    foods = {f.id: f for f in parse_rows(csv_path())}
    assert foods["16249"].caffeine_mg_per_100g is None  # SILK Coffee soymilk, no USDA value
    assert foods["14209"].caffeine_mg_per_100g == 40


def test_the_shipped_index_is_current_and_equals_a_fresh_build() -> None:
    key = index_key(csv_path().read_bytes())
    shipped = FoodIndex.loads(index_path().read_bytes(), key)
    assert shipped is not None, "stale index: run python -m twitchcare.nutrition.search"
    fresh = build_index()
    assert shipped.descriptions == fresh.descriptions
    assert shipped.doc_tokens == fresh.doc_tokens
    assert shipped.prior == fresh.prior
    assert shipped.token_cost == fresh.token_cost


def test_an_index_built_for_other_data_is_not_used() -> None:
    data = build_index().dumps("some-other-key")
    assert FoodIndex.loads(data, index_key(csv_path().read_bytes())) is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("milk", "Milk, whole, 3.25% milkfat, with added vitamin D"),
        ("coffee", "Beverages, coffee, brewed, prepared with tap water"),
        ("rice", "Rice, white, long-grain, regular, enriched, cooked"),
        ("egg", "Egg, whole, raw, fresh"),
        ("black beans", "Beans, black, mature seeds, cooked, boiled, without salt"),
        ("whole wheat bread", "Bread, whole-wheat, commercially prepared"),
        ("oatmeal", "Cereals, oats, regular and quick, unenriched, cooked with water "
         "(includes boiling and microwaving), without salt"),
    ],
)  # fmt: skip
def test_everyday_words_find_the_everyday_record(query: str, expected: str) -> None:
    assert _top(query) == expected


def test_dry_beans_rank_below_cooked_unless_asked_for() -> None:
    assert "cooked" in _top("black beans")
    assert "raw" in _top("black beans raw")


def test_pumpkin_and_sunflower_seeds_mean_the_kernels_people_eat() -> None:
    from twitchcare.nutrition.serving import understand_food

    pumpkin = understand_food("30 g pumpkin seeds")
    assert "kernels" in pumpkin.food.description
    assert 150 <= pumpkin.magnesium_mg <= 180  # NIH ODS: 1 oz roasted pumpkin seeds, 156 mg
    assert "kernels" in understand_food("1 oz sunflower seeds").food.description
