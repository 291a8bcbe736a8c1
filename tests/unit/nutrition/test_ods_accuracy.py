"""twitchcare's magnesium per serving against the NIH ODS "selected food sources" table.

Rows: NIH Office of Dietary Supplements, Magnesium fact sheet for health professionals
[nih-ods-magnesium], table "Selected food sources of magnesium" (column "mg per serving"), as
given in the project's medical brief, section 4.5. Each row is resolved through the same parsing,
search and portion logic as ``twitchcare mg add``; only the query text is written here.
"""

from __future__ import annotations

import pytest

from twitchcare.nutrition.serving import understand_food

# (what twitchcare is asked, ODS low mg, ODS high mg, ODS food and serving)
ODS_ROWS = [
    ("1 oz pumpkin seed kernels, roasted", 156, 156, "Pumpkin seeds, roasted, 1 oz"),
    ("1 oz chia seeds", 111, 111, "Chia seeds, 1 oz"),
    ("1 oz almonds, dry roasted", 80, 80, "Almonds, dry roasted, 1 oz"),
    ("1/2 cup spinach, boiled", 78, 78, "Spinach, boiled, 1/2 cup"),
    ("1 oz cashews, dry roasted", 74, 74, "Cashews, dry roasted, 1 oz"),
    ("1/4 cup peanuts, oil roasted", 63, 63, "Peanuts, oil roasted, 1/4 cup"),
    ("1 cup soymilk, original", 61, 61, "Soymilk, plain or vanilla, 1 cup"),
    ("1/2 cup black beans, cooked", 60, 60, "Black beans, cooked, 1/2 cup"),
    ("1/2 cup soybeans, mature, boiled", 74, 74, "Soybeans, mature seeds, boiled, 1/2 cup"),
    ("1/2 cup edamame, cooked", 50, 50, "Edamame, shelled, cooked, 1/2 cup"),
    ("2 tbsp peanut butter, smooth", 49, 49, "Peanut butter, smooth, 2 tablespoons"),
    ("1 packet instant oatmeal, fortified", 36, 36, "Oatmeal, instant, fortified, 1 packet"),
    ("1/2 cup brown rice, cooked", 42, 42, "Rice, brown, cooked, 1/2 cup"),
    ("1/2 cup white rice, long grain, cooked", 10, 10, "Rice, white, cooked, 1/2 cup"),
    ("1/2 cup kidney beans, canned", 35, 35, "Kidney beans, canned, 1/2 cup"),
    ("3.5 oz potato, baked, flesh and skin", 43, 43, "Potato, baked with skin, 3.5 oz"),
    ("8 oz yogurt, plain, low fat", 42, 42, "Yogurt, plain, low fat, 8 oz"),
    ("1 medium banana", 32, 32, "Banana, 1 medium"),
    ("3 oz salmon, Atlantic, farmed, cooked", 26, 26, "Salmon, Atlantic, farmed, cooked, 3 oz"),
    ("1 cup milk", 24, 27, "Milk, 1 cup"),
    ("1 slice whole wheat bread", 23, 23, "Bread, whole wheat, 1 slice"),
    ("1/2 cup avocado, cubed", 22, 22, "Avocado, cubed, 1/2 cup"),
    ("3 oz halibut, cooked", 24, 24, "Halibut, cooked, 3 oz"),
    ("1/2 cup raisins", 23, 23, "Raisins, 1/2 cup"),
    ("3 oz chicken breast, roasted, meat only", 22, 22, "Chicken breast, roasted, 3 oz"),
    ("3 oz ground beef, 90% lean, broiled", 20, 20, "Beef, ground, 90% lean, broiled, 3 oz"),
    ("1/2 cup broccoli, chopped, cooked", 12, 12, "Broccoli, chopped, cooked, 1/2 cup"),
    ("1 medium apple", 9, 9, "Apple, 1 medium"),
]
TOLERANCE = 0.15
REQUIRED_SHARE = 0.90


def _within(value: float, low: float, high: float) -> bool:
    return low * (1 - TOLERANCE) <= value <= high * (1 + TOLERANCE)


def test_magnesium_per_serving_is_within_15_percent_for_at_least_90_percent_of_ods_rows() -> None:
    misses = []
    for text, low, high, label in ODS_ROWS:
        serving = understand_food(text)
        if not _within(serving.magnesium_mg, low, high):
            misses.append(f"{label}: ODS {low}-{high} mg, twitchcare {serving.understood()}")
    share = 1 - len(misses) / len(ODS_ROWS)
    assert share >= REQUIRED_SHARE, "\n".join(misses)


@pytest.mark.parametrize(("text", "low", "high", "label"), ODS_ROWS[:6])
def test_the_strongest_ods_sources_match_closely(
    text: str, low: int, high: int, label: str
) -> None:
    assert _within(understand_food(text).magnesium_mg, low, high), label
