"""German food and portion words: "100 g Spinat" is spinach, in German only."""

from __future__ import annotations

from pathlib import Path

import pytest

from twitchcare.errors import InputError
from twitchcare.nutrition.serving import understand_food


@pytest.mark.parametrize(
    ("text", "food_word", "grams"),
    [
        ("100 g Spinat", "Spinach", 100),
        ("30 g Kürbiskerne", "pumpkin", 30),
        ("zwei Scheiben Vollkornbrot", "whole-wheat", 64),
        ("eine Tasse gekochter Spinat", "cooked", 180),
        ("eine mittelgroße Banane", "Bananas", 118),
        ("1 EL Sesam", "sesame", 8),
    ],
)
def test_german_food_and_portion_words_find_the_usda_food(
    german: None, text: str, food_word: str, grams: float
) -> None:
    served = understand_food(text)
    assert food_word in served.food.description
    assert served.grams == pytest.approx(grams, abs=1)
    assert not served.ignored


def test_german_food_words_are_not_read_in_english() -> None:
    """The words belong to the German knowledge; in English 'Spinat' is a food nobody knows."""
    with pytest.raises(InputError) as caught:
        understand_food("100 g Spinat")
    assert caught.value.field == "food"


def test_a_misspelt_german_food_word_suggests_the_german_word(german: None) -> None:
    with pytest.raises(InputError) as caught:
        understand_food("100 g Spinatt")
    assert caught.value.field == "food"
    assert "spinat" in (caught.value.hint or "")


def test_a_vague_german_portion_is_refused_in_the_word_typed(german: None) -> None:
    with pytest.raises(InputError) as caught:
        understand_food("eine Handvoll Mandeln")
    assert caught.value.field == "unit"
    assert "Handvoll" in caught.value.problem
    assert "Mandeln" in (caught.value.hint or "")  # the example is German too


def test_a_german_food_word_for_an_unknown_food_fails_naming_file_and_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A typo in the English word would make every German entry of that food unknown."""
    from twitchcare.errors import KnowledgeError
    from twitchcare.nutrition import knowledge

    broken = tmp_path / "nutrition.yaml"
    text = knowledge.translation_path("de").read_text(encoding="utf-8")
    broken.write_text(text.replace("spinat: spinach", "spinat: spinnach", 1), encoding="utf-8")
    monkeypatch.setattr(knowledge, "translation_path", lambda lang: broken)
    knowledge.food_names.cache_clear()
    try:
        with pytest.raises(KnowledgeError) as caught:
            knowledge.food_names("de")
    finally:
        knowledge.food_names.cache_clear()
    message = str(caught.value)
    assert "i18n/de/nutrition.yaml" in message
    assert "foods[spinat]" in message
    assert "spinach" in message
