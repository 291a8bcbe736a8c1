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


# ---------------------------------------------------------------------------- the hazard log
def _hazard_texts(log: object) -> dict[str, str]:
    """Every word of a hazard log a reader sees, keyed by where it is."""
    from twitchcare.kb.hazards import HazardLog

    assert isinstance(log, HazardLog)
    out = {f"matrix.{b.id}": b.meaning for b in (*log.matrix.severity, *log.matrix.likelihood)}
    out.update({f"acceptability.{r}": text for r, text in log.matrix.acceptability.items()})
    for hz in log.hazards.values():
        out[f"{hz.id}.title"], out[f"{hz.id}.harm"] = hz.title, hz.harm
        out.update({f"{hz.id}.causes[{i}]": c.text for i, c in enumerate(hz.causes)})
        out.update({f"{hz.id}.controls[{i}]": c.how for i, c in enumerate(hz.controls)})
        if hz.residual_note:
            out[f"{hz.id}.residual_note"] = hz.residual_note
    return out


def test_every_text_of_the_hazard_log_has_its_own_german() -> None:
    from twitchcare.kb import load_kb
    from twitchcare.kb.hazards import load_hazards

    english = _hazard_texts(load_hazards(load_kb(), default_knowledge_dir()))
    german = _hazard_texts(load_hazards(load_kb(lang="de"), default_knowledge_dir(), "de"))
    assert set(german) == set(english)
    assert [key for key in english if german[key] == english[key]] == []


def test_the_hazard_log_in_german_keeps_ids_levels_and_ratings() -> None:
    from twitchcare.kb import load_kb
    from twitchcare.kb.hazards import load_hazards

    english = load_hazards(load_kb(), default_knowledge_dir())
    german = load_hazards(load_kb(lang="de"), default_knowledge_dir(), "de")
    assert list(german.hazards) == list(english.hazards)
    for hid, hz in german.hazards.items():
        original = english.hazards[hid]
        assert (hz.level, hz.initial, hz.residual) == (
            original.level,
            original.initial,
            original.residual,
        )
        assert [(c.kind, c.id) for c in hz.controls] == [(c.kind, c.id) for c in original.controls]
        assert hz.verification == original.verification


def _hazards_de(folder: Path) -> Path:
    return folder / "i18n" / "de" / "hazards.yaml"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["hazards"].pop("tetanus"), "hazards.tetanus"),
        (lambda d: d["hazards"]["tetanus"]["controls"].pop(), "hazards.tetanus.controls"),
        (lambda d: d["hazards"]["tetanus"].pop("residual_note"), "hazards.tetanus.residual_note"),
        (lambda d: d["matrix"]["severity"].pop("major"), "matrix.severity.major"),
        (lambda d: d["hazards"].update(tetanos=d["hazards"]["tetanus"]), "hazards.tetanos"),
    ],
    ids=["hazard", "control", "residual note", "matrix band", "unknown id"],
)
def test_kb_check_fails_on_a_hazard_text_left_in_english(
    tmp_path: Path, change: object, where: str
) -> None:
    folder = _copy(tmp_path)
    _edit(_hazards_de(folder), change)
    result = runner.invoke(app, ["kb", "check", "--dir", str(folder)])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1, result.output
    assert "i18n/de/hazards.yaml" in result.output and where in result.output, result.output


def test_kb_hazards_in_german_prints_the_german_log() -> None:
    import json

    from twitchcare.catalogue import LANGUAGE
    from twitchcare.cli import i18n

    previous = i18n._language
    i18n.set_language("de")
    try:
        listed = runner.invoke(app, ["kb", "hazards", "--json"])
        table = runner.invoke(app, ["kb", "hazards", "--markdown"])
    finally:
        i18n._language = previous
        LANGUAGE.set(previous or "en")
    assert listed.exit_code == 0, listed.output
    tetanus = next(h for h in json.loads(listed.output) if h["id"] == "tetanus")
    assert tetanus["title"] == "Wundstarrkrampf nach einer Wunde übersehen"
    assert (
        tetanus["controls"][0]["how"]
        == "Ein steifer Kiefer mit einer kürzlichen Wunde ist ein Notfall."
    )
    assert "| Hazard | Harm |" in table.output and "thorn prick" in table.output  # docs/safety.md
