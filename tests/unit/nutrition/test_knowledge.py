"""Nutrition knowledge files: valid structure and every cited source in the catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from twitchcare.errors import KnowledgeError
from twitchcare.nutrition.knowledge import (
    catalogue_ids,
    knowledge_dir,
    load_knowledge,
    load_knowledge_from,
    unknown_sources,
)


def test_every_cited_source_exists_in_the_catalogue() -> None:
    assert unknown_sources(load_knowledge(), catalogue_ids()) == []


def test_an_unknown_source_is_reported_with_file_and_key() -> None:
    problems = unknown_sources(load_knowledge(), catalogue_ids() - {"jagim-2019"})
    assert problems == [
        "caffeine.yaml: drinks[pre-workout].servings[pre-workout-scoop].source: "
        "unknown source 'jagim-2019'"
    ]


def test_an_unknown_key_is_refused_naming_file_and_key(tmp_path: Path) -> None:
    for path in knowledge_dir().glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    bad = tmp_path / "magnesium.yaml"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("kind: RDA, male_mg: 80", "kind: RDA, mal_mg: 80"),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge_from(tmp_path)
    assert caught.value.field.startswith("magnesium.yaml: requirements.2")


def test_every_caffeine_item_of_the_issue_is_in_the_table() -> None:
    names = {d.id for d in load_knowledge().caffeine.drinks}
    assert {
        "coffee", "espresso", "instant-coffee", "decaf-coffee", "black-tea", "green-tea", "cola",
        "energy-drink", "energy-shot", "pre-workout", "dark-chocolate", "milk-chocolate",
    } <= names  # fmt: skip
