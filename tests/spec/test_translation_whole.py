"""A shipped language words the relaxation sessions and the nutrition notes whole: `kb check`
refuses a missing German step or note, in one line naming the file and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from twitchcare.cli.app import app
from twitchcare.kb.loader import default_knowledge_dir
from twitchcare.nutrition import knowledge as nutrition

runner = CliRunner()


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), folder)
    return folder


def _edit(path: Path, change: object) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_the_shipped_knowledge_is_whole_in_german() -> None:
    result = runner.invoke(app, ["kb", "check"])
    assert result.exit_code == 0, result.output
    assert nutrition.missing_translations("de") == []


def test_kb_check_fails_on_a_relaxation_step_left_in_english(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(
        folder / "i18n" / "de" / "relaxation.yaml",
        lambda d: d["sessions"]["breathing"].pop("closing"),
    )
    result = runner.invoke(app, ["kb", "check", "--dir", str(folder)])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1
    assert "relaxation" in result.output and "sessions[breathing].closing" in result.output


def test_kb_check_fails_on_a_stage_left_in_english(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(
        folder / "i18n" / "de" / "relaxation.yaml",
        lambda d: d["sessions"]["autogenic"]["stages"]["warmth"].pop("steps"),
    )
    result = runner.invoke(app, ["kb", "check", "--dir", str(folder)])
    assert result.exit_code == 2, result.output
    assert "stages[warmth].steps" in result.output


def test_kb_check_fails_on_a_nutrition_note_left_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path)
    _edit(folder / "i18n" / "de" / "nutrition.yaml", lambda d: d["texts"].pop("mg-caution-ppi"))
    monkeypatch.setattr(nutrition, "knowledge_dir", lambda: folder / "nutrition")
    nutrition._load.cache_clear()
    try:
        result = runner.invoke(app, ["kb", "check"])
    finally:
        nutrition._load.cache_clear()
    assert result.exit_code == 2, result.output
    assert "nutrition.yaml" in result.output and "mg-caution-ppi.text" in result.output


def test_a_nutrition_translation_naming_an_unknown_item_is_an_error() -> None:
    from twitchcare.errors import KnowledgeError

    english = nutrition.load_knowledge_from(nutrition.knowledge_dir())
    with pytest.raises(KnowledgeError, match=r"texts\.no-such-item"):
        nutrition.translate(english, {"no-such-item": {"note": "x"}}, label="de")
    with pytest.raises(KnowledgeError, match=r"texts\.coffee\.name"):  # a drink's name is matched
        nutrition.translate(english, {"coffee": {"name": "Kaffee"}}, label="de")
