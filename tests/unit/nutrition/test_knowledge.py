"""Nutrition knowledge files: valid structure and every cited source in the catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app
from twitchcare.errors import KnowledgeError
from twitchcare.kb import load_kb
from twitchcare.kb.loader import check_nutrition, default_knowledge_dir
from twitchcare.nutrition.knowledge import knowledge_dir, load_knowledge, load_knowledge_from


def test_every_cited_source_exists_in_the_catalogue() -> None:
    assert check_nutrition(load_kb(), default_knowledge_dir()) == 5


def test_kb_check_fails_on_a_broken_source_id_in_the_nutrition_files(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), folder)
    path = folder / "nutrition" / "caffeine.yaml"
    text = path.read_text(encoding="utf-8")
    assert "source: jagim-2019" in text
    path.write_text(text.replace("source: jagim-2019", "source: jagim-2109"), encoding="utf-8")
    result = CliRunner().invoke(app, ["kb", "check", "--dir", str(folder)])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: nutrition/caffeine.yaml: drinks[pre-workout].servings[pre-workout-scoop].source: "
        "unknown source 'jagim-2109' (did you mean 'jagim-2019'?)"
    )


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
    assert caught.value.where == "nutrition/magnesium.yaml"
    assert caught.value.field == "requirements[mg-req-1-3].male_mg"


def test_every_caffeine_item_of_the_issue_is_in_the_table() -> None:
    names = {d.id for d in load_knowledge().caffeine.drinks}
    assert {
        "coffee", "espresso", "instant-coffee", "decaf-coffee", "black-tea", "green-tea", "cola",
        "energy-drink", "energy-shot", "pre-workout", "dark-chocolate", "milk-chocolate",
    } <= names  # fmt: skip


def test_kb_check_reads_the_diary_limits_of_its_folder_too(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), folder)
    path = folder / "limits.yaml"
    text = path.read_text(encoding="utf-8")
    assert "note_chars: 2000" in text
    path.write_text(text.replace("note_chars: 2000", "note_chars: lots"), encoding="utf-8")
    result = CliRunner().invoke(app, ["kb", "check", "--dir", str(folder)])
    assert result.exit_code == 2
    assert result.output.strip() == "error: limits.yaml: episode.note_chars: needs a number"
