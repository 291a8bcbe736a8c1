"""The knowledge base is complete, cited and validated: typos fail with the file and the key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.shared import SHARED, broken_knowledge
from twitchcare.cli.app import app
from twitchcare.errors import KnowledgeError
from twitchcare.kb import KnowledgeBase
from twitchcare.kb.loader import build_kb, default_knowledge_dir

SCHEMA_PATH = SHARED / "cases" / "case.schema.json"
Schema = dict[str, Any]


@pytest.fixture(scope="module")
def schema() -> Schema:
    """The assessment case schema of the project brief; only the tests comparing with it skip
    when it is absent, and they say why."""
    if not SCHEMA_PATH.exists():
        pytest.skip(f"needs the case schema of the project brief, not found at {SCHEMA_PATH}")
    loaded: Schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def _enum(schema: Schema, name: str) -> list[str]:
    return list(schema["$defs"][name]["enum"])


def test_kb_check_command_passes() -> None:
    result = CliRunner().invoke(app, ["kb", "check"])
    assert result.exit_code == 0, result.output
    assert "is valid" in result.output


def test_every_schema_condition_is_in_the_knowledge_base(kb: KnowledgeBase, schema: Schema) -> None:
    assert set(_enum(schema, "condition")) <= set(kb.conditions)


@pytest.mark.parametrize("kind", ["finding", "location", "history"])
def test_every_schema_item_has_a_question_with_help(
    kb: KnowledgeBase, schema: Schema, kind: str
) -> None:
    prefix = {"finding": "", "location": "loc.", "history": "history."}[kind]
    for item in _enum(schema, kind):
        fact = kb.facts[prefix + item]
        assert fact.text and fact.help, item


def test_every_exposure_and_twitching_field_has_a_question(
    kb: KnowledgeBase, schema: Schema
) -> None:
    exposures = schema["properties"]["exposures"]["properties"]
    twitching = schema["properties"]["twitching"]["properties"]
    contexts = twitching["contexts"]["items"]["enum"]
    fields = [*exposures, *(k for k in twitching if k not in {"locations", "contexts"})]
    for name in [*fields, *(f"ctx.{c}" for c in contexts)]:
        assert name in kb.facts, name


def test_every_source_has_an_address_the_user_can_open(kb: KnowledgeBase) -> None:
    for source in kb.sources.values():
        assert source.url.startswith(("https://", "http://")), source.id


def test_every_condition_has_plain_words_and_an_icd10_code(kb: KnowledgeBase) -> None:
    for cond in kb.conditions.values():
        assert len(cond.explanation) > 40
        assert cond.icd10[0].isalpha() and cond.icd10[1:3].isdigit(), cond.id


def test_serious_rare_conditions_need_evidence_to_be_shown(kb: KnowledgeBase) -> None:
    for cond in kb.conditions.values():
        if cond.serious:
            assert cond.requires is not None, f"{cond.id} is serious but has no gate"


def _copy_kb(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), target)
    return target


def _broken(tmp_path: Path, file: str, old: str, new: str) -> str:
    return str(broken_knowledge(tmp_path, file, old, new))


def test_a_typo_in_a_source_id_names_file_key_and_suggestion(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    rules = folder / "rules.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace(
            "sources: [nhs-stroke-symptoms]", "sources: [nhs-stroke-symptom]", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(folder)
    message = str(err.value)
    assert "rules.yaml" in message
    assert "rules[stroke-fast-signs].sources" in message
    assert "did you mean 'nhs-stroke-symptoms'" in message


def test_a_publisher_copied_from_the_title_names_the_source(tmp_path: Path) -> None:
    """A result prints "publisher. title.": a copied title reads twice and names no publisher."""
    folder = _copy_kb(tmp_path)
    path = folder / "sources.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  publisher: Inside Rx",
            "  publisher: Lithium carbonate ER - patient drug information (consumer monograph)",
            1,
        ),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(folder)
    message = str(err.value)
    assert "sources.yaml" in message
    assert "sources[lithium-monograph].publisher" in message
    assert "repeats the title" in message


def test_a_typo_in_a_fact_id_names_file_and_key(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    path = folder / "conditions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "{fact: jaw_stiffness}, strength: defining", "{fact: jaw_stifness}, strength: defining"
        ),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(folder)
    assert "conditions.yaml" in str(err.value)
    assert "conditions[tetanus].evidence[0].when" in str(err.value)
    assert "did you mean 'jaw_stiffness'" in str(err.value)


def test_a_typo_in_when_a_crew_page_comes_first_names_file_and_key(tmp_path: Path) -> None:
    error = _broken(
        tmp_path, "questions.yaml", "any: [{fact: face_drooping},", "any: [{fact: face_droping},"
    )
    assert "questions.yaml" in error
    assert "screens[onset].after_emergency.first_when" in error
    assert "did you mean 'face_drooping'" in error


def test_first_aid_while_waiting_belongs_to_an_emergency_rule_only(tmp_path: Path) -> None:
    rule = "      - id: leg-clot-signs\n        level: urgent\n"
    error = _broken(tmp_path, "rules.yaml", rule, rule + "        first_aid: true\n")
    assert "rules.yaml" in error
    assert "rules[leg-clot-signs].first_aid" in error


def test_a_wrong_value_type_names_the_condition(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    path = folder / "conditions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("prevalence: 0.0003", "prevalence: lots"),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(folder)
    assert "conditions[tetanus].prevalence" in str(err.value)


def test_a_triage_rule_may_not_test_for_absence(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    path = folder / "rules.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "when: {fact: breathing_difficulty}", "when: {fact: breathing_difficulty, is: false}"
        ),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(folder)
    assert "rules[breathing-difficulty].when" in str(err.value)


def test_kb_check_reports_a_broken_file_as_one_line_with_exit_code_2(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    (folder / "advice.yaml").write_text("advice: [\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["kb", "check", "--dir", str(folder)])
    assert result.exit_code == 2
    assert "advice.yaml" in result.output
    assert "Traceback" not in result.output


def test_kb_show_prints_a_condition_with_its_sources() -> None:
    result = CliRunner().invoke(app, ["kb", "show", "eyelid_myokymia"])
    assert result.exit_code == 0, result.output
    assert "G51.4" in result.output
    assert "mayo-eye-twitching" in result.output


def test_kb_show_suggests_the_closest_condition_for_a_typo() -> None:
    result = CliRunner().invoke(app, ["kb", "show", "eyelid_myokimia"])
    assert result.exit_code == 2
    assert "did you mean 'eyelid_myokymia'" in result.output


def test_every_source_is_cited_somewhere(kb: KnowledgeBase) -> None:
    from tests.shared import REPO

    texts = [p.read_text(encoding="utf-8") for p in default_knowledge_dir().rglob("*.yaml")]
    texts += [p.read_text(encoding="utf-8") for p in (REPO / "docs").glob("*.md")]
    texts.append((REPO / "README.md").read_text(encoding="utf-8"))
    cited = "\n".join(t for t in texts if not t.startswith("# Every source the knowledge"))
    unused = [s for s in kb.sources if s not in cited]
    assert unused == []


def test_case_file_vocabulary_matches_the_app_and_the_schema(schema: Schema) -> None:
    from typing import get_args

    from twitchcare.evaluation.cases import (
        ConditionId,
        Diet,
        Exposures,
        Finding,
        History,
        Person,
        Twitching,
    )
    from twitchcare.locations import LOCATIONS
    from twitchcare.vocabulary import vocabulary

    assert tuple(_enum(schema, "location")) == LOCATIONS
    contexts = schema["properties"]["twitching"]["properties"]["contexts"]["items"]["enum"]
    assert vocabulary().context_ids == tuple(contexts)
    assert get_args(Finding) == tuple(_enum(schema, "finding"))
    assert get_args(History) == tuple(_enum(schema, "history"))
    assert get_args(ConditionId) == tuple(_enum(schema, "condition"))
    expected = schema["properties"]["expected"]["properties"]
    assert vocabulary().specialists == tuple(expected["specialist"]["enum"])
    exposures = schema["properties"]["exposures"]["properties"]
    assert get_args(Diet) == tuple(exposures["diet"]["enum"])
    assert set(Exposures.model_fields) == set(exposures)
    assert set(Person.model_fields) == set(schema["properties"]["person"]["properties"])
    assert set(Twitching.model_fields) == set(schema["properties"]["twitching"]["properties"])


def test_the_diet_question_offers_the_case_format_diets(kb: KnowledgeBase) -> None:
    from typing import get_args

    from twitchcare.evaluation.cases import Diet

    assert tuple(kb.facts["diet"].choices or {}) == get_args(Diet)


def test_every_person_field_has_a_question(kb: KnowledgeBase, schema: Schema) -> None:
    for name in schema["properties"]["person"]["properties"]:
        assert name in kb.facts, name


def test_a_symptom_whose_onset_is_asked_has_an_onset_question_on_a_screen(
    kb: KnowledgeBase,
) -> None:
    onsets = {f.id for f in kb.facts.values() if f.onset}
    assert {"slurred_speech", "difficulty_swallowing"} <= onsets
    asked = {fact for screen in kb.screens for fact in screen.facts}
    for finding in onsets:
        onset = kb.facts[f"onset_days.{finding}"]
        assert onset.ask_if == finding and onset.id in asked


def test_a_follow_up_question_must_follow_a_yes_no_question_or_a_list(tmp_path: Path) -> None:
    folder = _copy_kb(tmp_path)
    path = folder / "questions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("ask_if: pregnant,", "ask_if: age,", 1),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(folder)
    assert "facts[pregnancy_weeks].ask_if" in str(err.value)
    assert "'age' is not a yes/no question or a list" in str(err.value)


def test_every_medicine_class_is_read_by_a_cause_a_rule_or_an_interaction(
    kb: KnowledgeBase,
) -> None:
    """A class the knowledge defines with its mechanism ("liquorice lowers potassium") but that
    no cause, rule, advice or interaction reads is knowledge that silently does nothing."""
    from twitchcare.kb.logic import leaves

    predicates = [e.when for c in kb.conditions.values() for e in c.evidence]
    predicates += [c.requires for c in kb.conditions.values() if c.requires is not None]
    predicates += [r.when for r in kb.rules]
    predicates += [a.when for a in kb.advice.values() if a.when is not None]
    predicates += [q.when for q in kb.doctor_questions if q.when is not None]
    predicates += [f.implied_by for f in kb.facts.values() if f.implied_by is not None]
    read = {t.fact for p in predicates for t in leaves(p)}
    paired = {c for i in kb.interactions.values() for c in (*i.one_of, *i.and_one_of)}
    unread = [
        c
        for c in kb.medications
        if f"med.{c}" not in read and f"stopped.{c}" not in read and c not in paired
    ]
    assert unread == [], f"medications.yaml: classes read by nothing: {unread}"


def test_the_potassium_and_b12_medicine_classes_reach_their_causes(kb: KnowledgeBase) -> None:
    from twitchcare.engine.causes import rank_causes
    from twitchcare.engine.facts import derive

    base: dict[str, Any] = {"loc.calf": True, "duration_days": 10, "medications": []}

    def chance(facts: dict[str, Any], cause: str) -> float:
        found = {c.id: c.probability for c in rank_causes(kb, derive(kb, facts))}
        return found[cause]

    for name in ("liquorice", "senna"):
        with_it = {**base, "substances": [name]}
        assert chance(with_it, "hypokalemia") > chance(base, "hypokalemia"), name
    assert chance({**base, "medications": ["metformin"]}, "vitamin_b12_deficiency") > chance(
        base, "vitamin_b12_deficiency"
    )
    assert chance({**base, "medications": ["denosumab"]}, "hypocalcemia") > chance(
        base, "hypocalcemia"
    )


def test_an_maoi_with_an_ssri_is_a_serotonergic_pair_and_gets_a_doctor_today(
    kb: KnowledgeBase,
) -> None:
    """Linezolid (an antibiotic that is an MAOI) with sertraline: the classic serotonin pair."""
    import datetime as dt

    from twitchcare.engine import assess
    from twitchcare.engine.facts import derive

    facts: dict[str, Any] = {"loc.calf": True, "medications": ["sertraline", "linezolid"]}
    assert derive(kb, facts)["interaction.serotonergic_pair"] is True
    now = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    assert assess(kb, facts, now=now).level in ("urgent", "emergency")
    alone = {"loc.calf": True, "medications": ["linezolid"]}
    assert derive(kb, alone)["interaction.serotonergic_pair"] is False
