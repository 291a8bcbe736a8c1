"""Evidence weights come from a cited figure or from the documented, capped elicitation scale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from twitchcare.engine.causes import probability, score
from twitchcare.errors import KnowledgeError
from twitchcare.kb import KnowledgeBase
from twitchcare.kb.loader import build_kb, default_knowledge_dir
from twitchcare.kb.logic import FactTest


def _knowledge_copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), target)
    return target


def _edit_conditions(directory: Path, old: str, new: str) -> None:
    path = directory / "conditions.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_scale_is_documented_capped_and_cited(kb: KnowledgeBase) -> None:
    scale = kb.evidence_scale
    assert scale is not None
    assert len(scale.rationale) > 200
    assert scale.sources
    for grade in scale.grades:
        assert 1 / scale.cap <= grade.lr <= scale.cap, grade.id


def test_every_graded_item_carries_its_grades_ratio_and_a_rare_one_its_base_rate_ratio(
    kb: KnowledgeBase,
) -> None:
    """A grade's ratio is the least its finding carries; a rare finding's is sensitivity over
    false-positive rate (``rare_lr``), and only where that is more."""
    scale = kb.evidence_scale
    assert scale is not None
    ratios = {g.id: g.lr for g in scale.grades}
    sens = {g.id: g.sensitivity for g in scale.grades}
    graded = [(c, ev) for c in kb.conditions.values() for ev in c.evidence if ev.strength]
    assert graded, "the v2 conditions use the scale"
    rare = 0
    for cond, ev in graded:
        assert ev.strength in ratios
        assert ev.lr == ratios[ev.strength]
        if ev.rare_lr is None:
            continue
        rare += 1
        s = sens[ev.strength]
        assert s is not None and isinstance(ev.when, FactTest), ev
        b = kb.facts[ev.when.fact].base_rate
        false_positive = (b - cond.prevalence * s) / (1 - cond.prevalence)
        expected = scale.cap if false_positive <= 0 else min(scale.cap, s / false_positive)
        assert ev.rare_lr == pytest.approx(expected)
        assert ev.lr < ev.rare_lr <= scale.cap
    assert rare, "some graded findings are rare enough to carry more than their grade"


def test_a_rare_finding_carries_its_sensitivity_over_its_base_rate(kb: KnowledgeBase) -> None:
    """Double vision: 1 person in 100 who twitches, about half with myasthenia (moderate)."""
    myasthenia = kb.conditions["myasthenia_gravis"]
    double = next(
        ev
        for ev in myasthenia.evidence
        if isinstance(ev.when, FactTest) and ev.when.fact == "double_vision"
    )
    assert double.strength == "moderate"
    assert kb.facts["double_vision"].base_rate == pytest.approx(0.01)
    assert double.rare_lr == pytest.approx(50.0), "0.5 / 1% is about 50, at the cap"
    calf = next(
        ev
        for ev in kb.conditions["benign_fasciculations"].evidence
        if isinstance(ev.when, FactTest) and ev.when.fact == "loc.calf"
    )
    assert calf.rare_lr is None, "a common place (15%) keeps its grade's ratio"


def test_of_several_rare_findings_only_the_rarest_carries_its_rarity(kb: KnowledgeBase) -> None:
    """Two rare signs of one illness are not two independent surprises."""
    myasthenia = kb.conditions["myasthenia_gravis"]
    base = {"age": 50, "sex": "female"}
    one = probability(myasthenia, {**base, "double_vision": True})
    both = probability(myasthenia, {**base, "double_vision": True, "drooping_eyelid": True})
    odds = lambda p: p / (1 - p)  # noqa: E731
    # the second sign adds its grade (moderate, 5), not its rarity (about 50)
    assert odds(both) / odds(one) == pytest.approx(5.0, rel=0.01)
    score_both = score(myasthenia, {**base, "double_vision": True, "drooping_eyelid": True})
    assert score_both.probability == pytest.approx(both)
    assert sorted(h.lr for h in score_both.supporting) == pytest.approx([5.0, 50.0])


def test_a_sensitivity_on_a_grade_against_is_not_used(tmp_path: Path) -> None:
    """Only grades that point towards a condition say how many people with it report it."""
    directory = _knowledge_copy(tmp_path)
    _edit_conditions(
        directory,
        "{id: against_weak, lr: 0.5, meaning:",
        "{id: against_weak, lr: 0.5, sensitivity: 0.9, meaning:",
    )
    kb = build_kb(directory)
    against = [
        ev for c in kb.conditions.values() for ev in c.evidence if ev.strength == "against_weak"
    ]
    assert against and all(ev.lr == 0.5 for ev in against)


def test_a_grade_beyond_the_cap_is_rejected(tmp_path: Path) -> None:
    directory = _knowledge_copy(tmp_path)
    _edit_conditions(directory, "{id: strong, lr: 10.0,", "{id: strong, lr: 500.0,")
    with pytest.raises(KnowledgeError) as err:
        build_kb(directory)
    assert "evidence_scale.grades[strong].lr" in str(err.value)
    assert "cap" in str(err.value)


def test_an_unknown_grade_names_the_condition_and_suggests_one(tmp_path: Path) -> None:
    directory = _knowledge_copy(tmp_path)
    _edit_conditions(
        directory,
        "{when: {fact: dark_or_cola_urine}, strength: strong,",
        "{when: {fact: dark_or_cola_urine}, strength: strnog,",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(directory)
    message = str(err.value)
    assert "conditions[rhabdomyolysis].evidence[0].strength" in message
    assert "strong" in message


def test_a_figure_and_a_grade_together_are_rejected(tmp_path: Path) -> None:
    directory = _knowledge_copy(tmp_path)
    _edit_conditions(
        directory,
        "{when: {fact: dark_or_cola_urine}, strength: strong,",
        "{when: {fact: dark_or_cola_urine}, lr: 40.0, strength: strong,",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(directory)
    assert "not both" in str(err.value)


def test_serious_rare_causes_are_gated_and_cite_a_source(kb: KnowledgeBase) -> None:
    for cond in kb.conditions.values():
        if cond.serious:
            assert cond.requires is not None, cond.id
            assert cond.sources, cond.id


def test_a_grade_stronger_than_its_findings_base_rate_allows_is_rejected(tmp_path: Path) -> None:
    directory = _knowledge_copy(tmp_path)
    _edit_conditions(
        directory,
        "{when: {fact: muscle_cramps}, strength: weak, sources: [nhs-heat-exhaustion]}",
        "{when: {fact: muscle_cramps}, strength: strong, sources: [nhs-heat-exhaustion]}",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(directory)
    message = str(err.value)
    assert "conditions[heat_illness].evidence" in message
    assert "'muscle_cramps' can carry" in message and "at most 3.37" in message


def test_every_evidence_item_is_graded_or_carries_the_figure_it_comes_from(
    kb: KnowledgeBase,
) -> None:
    assert kb.evidence_scale is not None
    for cond in kb.conditions.values():
        for i, ev in enumerate(cond.evidence):
            assert ev.strength or ev.figure, f"{cond.id}.evidence[{i}]"
            assert 1 / kb.evidence_scale.cap <= ev.lr <= kb.evidence_scale.cap, cond.id


def test_a_ratio_without_its_figure_is_rejected_naming_the_file_and_key(tmp_path: Path) -> None:
    directory = _knowledge_copy(tmp_path)
    _edit_conditions(
        directory,
        "{when: {fact: dark_or_cola_urine}, strength: strong,",
        "{when: {fact: dark_or_cola_urine}, lr: 40.0,",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(directory)
    message = str(err.value)
    assert message.startswith("conditions.yaml")
    assert "conditions[rhabdomyolysis].evidence[0].lr" in message
    assert "'figure'" in message


def test_a_ratio_with_its_figure_is_taken_as_written(tmp_path: Path) -> None:
    directory = _knowledge_copy(tmp_path)
    _edit_conditions(
        directory,
        "{when: {fact: dark_or_cola_urine}, strength: strong,",
        "{when: {fact: dark_or_cola_urine}, lr: 7.5, figure: 'sensitivity 75%, 10% of others',",
    )
    kb = build_kb(directory)
    ev = kb.conditions["rhabdomyolysis"].evidence[0]
    assert ev.lr == 7.5 and ev.strength is None and ev.figure


def test_a_cited_ratio_beyond_the_cap_is_rejected(tmp_path: Path) -> None:
    directory = _knowledge_copy(tmp_path)
    _edit_conditions(
        directory,
        "{when: {fact: dark_or_cola_urine}, strength: strong,",
        "{when: {fact: dark_or_cola_urine}, lr: 300.0, figure: 'sensitivity 99%, 0.3% of others',",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(directory)
    message = str(err.value)
    assert "conditions[rhabdomyolysis].evidence[0].lr" in message and "cap" in message


def test_a_figure_beside_a_grade_is_rejected(tmp_path: Path) -> None:
    directory = _knowledge_copy(tmp_path)
    _edit_conditions(
        directory,
        "{when: {fact: dark_or_cola_urine}, strength: strong,",
        "{when: {fact: dark_or_cola_urine}, strength: strong, figure: 'sensitivity 75% somewhere',",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(directory)
    assert "conditions[rhabdomyolysis].evidence[0].figure" in str(err.value)


def test_every_gate_states_its_clinical_criterion_and_source(kb: KnowledgeBase) -> None:
    gated = [c for c in kb.conditions.values() if c.requires is not None]
    assert gated
    for cond in gated:
        assert cond.requires_basis is not None, cond.id
        assert cond.requires_basis.sources, cond.id


def test_a_gate_without_its_criterion_is_rejected(tmp_path: Path) -> None:
    directory = _knowledge_copy(tmp_path)
    path = directory / "conditions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    requires: {fact: heat_exposure}\n    requires_basis:\n")
    basis_end = text.index("    evidence:\n", start)
    path.write_text(
        text[:start] + "    requires: {fact: heat_exposure}\n" + text[basis_end:], encoding="utf-8"
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(directory)
    assert "conditions[heat_illness].requires_basis" in str(err.value)
