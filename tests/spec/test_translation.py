"""The knowledge in German: every text translated, the medicine itself unchanged.

A translation may only change the words a person reads. These tests hold it to that: every
user-visible English string has a German counterpart, the same numbers appear in both, question
marks (which steer the interview) stay where they are, a misspelt id is a one-line error naming
file and key, and the same answers give the same level, causes and sources in both languages.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.shared import OWN_CASES
from twitchcare.cli.app import app
from twitchcare.config import load_settings
from twitchcare.engine import assess
from twitchcare.errors import ConfigError, KnowledgeError
from twitchcare.evaluation.cases import case_facts, load_case
from twitchcare.kb import KnowledgeBase, load_kb
from twitchcare.kb.loader import build_kb, default_knowledge_dir
from twitchcare.kb.translation import missing_translations, read_translation, translate

from .conftest import NOW


@pytest.fixture(scope="module")
def de() -> KnowledgeBase:
    return load_kb(lang="de")


def _texts(kb: KnowledgeBase) -> dict[str, str]:
    """Every user-visible string, keyed by where it lives."""
    out: dict[str, str] = {}
    for f in kb.facts.values():
        out[f"fact {f.id} text"] = f.text
        out[f"fact {f.id} help"] = f.help
        for key, label in (f.choices or {}).items():
            out[f"fact {f.id} choice {key}"] = label
    for s in kb.screens:
        out[f"screen {s.id} title"] = s.title
        out[f"screen {s.id} text"] = s.text
    for c in kb.conditions.values():
        out[f"condition {c.id} name"] = c.name
        out[f"condition {c.id} explanation"] = c.explanation
        out[f"condition {c.id} how_common"] = c.how_common
    for r in kb.rules:
        out[f"rule {r.id} message"] = r.message
    for a in kb.advice.values():
        out[f"advice {a.id} title"] = a.title
        out[f"advice {a.id} text"] = a.text
    for lv in kb.levels.values():
        out[f"level {lv.level} title"] = lv.title
        out[f"level {lv.level} instruction"] = lv.instruction
    for m in kb.medications.values():
        out[f"medication {m.id} name"] = m.name
    return out


def test_every_knowledge_text_has_a_german_translation(kb: KnowledgeBase) -> None:
    missing = missing_translations(kb, read_translation(default_knowledge_dir(), "de"))
    assert not missing, "no German translation for:\n" + "\n".join(missing)


# Words that read the same in both languages (names, and the German word for the same thing).
SAME_IN_BOTH = {"Lithium", "Alkohol", "Epilepsie", "Vegan", "Myasthenia gravis", "Tics", "Baclofen"}


def test_no_german_text_is_left_in_english(kb: KnowledgeBase, de: KnowledgeBase) -> None:
    english, german = _texts(kb), _texts(de)
    same = [
        key
        for key, text in english.items()
        if german[key] == text and text not in SAME_IN_BOTH and len(text) > 3
    ]
    assert not same, "still English in German: " + ", ".join(same)


def _numbers(text: str, *, german: bool) -> list[float]:
    """Numbers written with digits; German uses a decimal comma and a thousands point."""
    if german:
        text = re.sub(r"(?<=\d)\.(?=\d{3}\b)", "", text).replace(",", ".")
    else:
        text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return sorted(float(n) for n in re.findall(r"\d+(?:\.\d+)?", text))


def test_every_number_in_english_is_in_the_german_text(
    kb: KnowledgeBase, de: KnowledgeBase
) -> None:
    german = _texts(de)
    for key, text in _texts(kb).items():
        wanted = _numbers(text, german=False)
        found = _numbers(german[key], german=True)
        for n in wanted:
            assert n in found, f"{key}: {n:g} is missing from {german[key]!r}"


def test_questions_stay_questions_and_tick_items_stay_items(
    kb: KnowledgeBase, de: KnowledgeBase
) -> None:
    """The interview asks texts ending in "?" one by one and ticks the rest from a list."""
    for fact_id, fact in kb.facts.items():
        assert fact.text.endswith("?") == de.facts[fact_id].text.endswith("?"), fact_id


def test_translation_changes_words_not_the_medicine(kb: KnowledgeBase, de: KnowledgeBase) -> None:
    assert de.sources == kb.sources
    for cid, cond in kb.conditions.items():
        german = de.conditions[cid]
        assert (german.evidence, german.sources, german.prevalence, german.requires) == (
            cond.evidence,
            cond.sources,
            cond.prevalence,
            cond.requires,
        )
    for en_rule, de_rule in zip(kb.rules, de.rules, strict=True):
        assert (en_rule.id, en_rule.when, en_rule.level, en_rule.sources) == (
            de_rule.id,
            de_rule.when,
            de_rule.level,
            de_rule.sources,
        )
    assert [s.facts for s in kb.screens] == [s.facts for s in de.screens]
    assert de.language == "de" and kb.language == "en"


CASES = sorted(OWN_CASES.glob("*.json"))


@pytest.mark.parametrize("path", CASES[::3], ids=lambda p: p.stem)
def test_same_answers_give_the_same_result_in_both_languages(
    kb: KnowledgeBase, de: KnowledgeBase, path: Path
) -> None:
    facts = case_facts(load_case(path))
    en_result, de_result = assess(kb, facts, now=NOW), assess(de, facts, now=NOW)
    assert de_result.level == en_result.level
    assert [(c.id, c.probability) for c in de_result.causes] == [
        (c.id, c.probability) for c in en_result.causes
    ]
    assert [r.sources for r in de_result.reasons] == [r.sources for r in en_result.reasons]
    assert [r.rule_id for r in de_result.reasons] == [r.rule_id for r in en_result.reasons]


def _copy_kb(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), target)
    return target


def test_an_unknown_id_in_the_translation_names_file_and_key(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    path = folder / "i18n" / "de" / "conditions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  stress_anxiety:", "  stress_anxeity:"),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as info:
        translate(build_kb(folder), "de", folder)
    line = info.value.one_line()
    assert "i18n/de/conditions.yaml" in line and "conditions[stress_anxeity]" in line
    assert "stress_anxiety" in line  # did you mean
    result = CliRunner().invoke(app, ["kb", "check", "--dir", str(folder)])
    assert result.exit_code == 2
    assert "i18n/de/conditions.yaml" in result.output and len(result.output.splitlines()) == 1


def test_an_unknown_field_in_the_translation_names_file_and_key(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    path = folder / "i18n" / "de" / "advice.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '    title: "Dehnen und massieren"', '    titel: "Dehnen und massieren"'
        ),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as info:
        translate(build_kb(folder), "de", folder)
    line = info.value.one_line()
    assert "i18n/de/advice.yaml" in line and "advice.stretch-massage.titel" in line


def test_an_unknown_choice_in_the_translation_is_an_error(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    path = folder / "i18n" / "de" / "questions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("female: Weiblich", "femal: Weiblich"),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as info:
        translate(build_kb(folder), "de", folder)
    assert "facts[sex].choices" in info.value.one_line()


def test_a_missing_translation_shows_english_and_kb_check_warns(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    path = folder / "i18n" / "de" / "rules.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "\n".join(x for x in text.splitlines() if "  post-polio:" not in x), encoding="utf-8"
    )
    kb = build_kb(folder)
    german = translate(kb, "de", folder)
    rule = next(r for r in german.rules if r.id == "post-polio")
    assert rule.message == next(r for r in kb.rules if r.id == "post-polio").message
    result = CliRunner().invoke(app, ["kb", "check", "--dir", str(folder)])
    assert result.exit_code == 0
    assert "rules[post-polio].message" in result.output


def test_lang_setting_accepts_en_and_de_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWITCHCARE_LANG", "de")
    assert load_settings().lang == "de"
    monkeypatch.setenv("TWITCHCARE_LANG", "fr")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert "TWITCHCARE_LANG" in info.value.one_line()


def test_german_medicine_names_count_as_the_english_ones(
    kb: KnowledgeBase, de: KnowledgeBase
) -> None:
    """A German list (Omeprazol, Furosemid, Johanniskraut) derives what the English one does,
    and nothing in it is "not recognised" (which would push the advice up for no reason)."""
    from twitchcare.engine.facts import derive

    german = derive(
        de, {"medications": ["Omeprazol", "Furosemid"], "substances": ["Johanniskraut"]}
    )
    english = derive(
        kb, {"medications": ["omeprazole", "furosemide"], "substances": ["St John's wort"]}
    )
    assert german == {
        **english,
        "medications": german["medications"],
        "substances": german["substances"],
    }
    assert german["med.unrecognised"] is False


def test_a_german_name_for_an_unknown_medicine_names_file_and_key(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    path = folder / "i18n" / "de" / "medications.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  omeprazolx: omeprazolle\n", encoding="utf-8"
    )
    with pytest.raises(KnowledgeError) as info:
        translate(build_kb(folder), "de", folder)
    line = info.value.one_line()
    assert "i18n/de/medications.yaml" in line and "names[omeprazolx]" in line
    assert "omeprazole" in line


def test_relaxation_in_german_keeps_every_step_and_its_timing(
    kb: KnowledgeBase, de: KnowledgeBase
) -> None:
    """Autogenic training in its German formulas; the same steps, seconds and cues."""
    for sid, session in kb.relaxation.items():
        german = de.relaxation[sid]
        assert german.name != session.name, sid
        for name in ("opening", "steps", "closing"):
            ours, theirs = getattr(german, name), getattr(session, name)
            assert [(s.seconds, s.cue) for s in ours] == [(s.seconds, s.cue) for s in theirs]
        for ours_stage, stage in zip(german.stages, session.stages, strict=True):
            assert [s.seconds for s in ours_stage.steps] == [s.seconds for s in stage.steps]
    heaviness = de.relaxation["autogenic"].stages[0].steps[0].text
    assert heaviness.startswith("„Mein rechter Arm ist ganz schwer.“")
    assert [q.id for q in de.doctor_questions] == [q.id for q in kb.doctor_questions]
    assert all(
        a.text != b.text for a, b in zip(de.doctor_questions, kb.doctor_questions, strict=True)
    )
