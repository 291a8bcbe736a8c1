"""Whatever is typed, the parsers either understand it or raise InputError; nothing else."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twitchcare.errors import InputError
from twitchcare.nutrition.alcohol import understand_alcohol
from twitchcare.nutrition.caffeine import understand_caffeine
from twitchcare.nutrition.serving import understand_food

PIECES = st.sampled_from(
    [
        "1", "-2", "0", "1/0", "½", "1.5", "a", "half", "two", "and", "of", "cup", "cups", "g",
        "oz", "fl oz", "tbsp", "slice", "medium", "parsec", "handful", "pint", "%", "13%",
        "150%", "spinach", "beer", "wine", "espresso", "zzz", ",", "  ", "mug", "bar", "x",
    ]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=40), st.lists(PIECES, max_size=6).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_food_text_is_understood_or_refused_with_input_error(text: str) -> None:
    try:
        serving = understand_food(text)
    except InputError as exc:
        assert exc.field in {"amount", "unit", "food"}
    else:
        assert serving.grams > 0 and serving.magnesium_mg >= 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_drink_text_is_understood_or_refused_with_input_error(text: str) -> None:
    for parse in (understand_caffeine, understand_alcohol):
        with contextlib.suppress(InputError):
            parse(text)
