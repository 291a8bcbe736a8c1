"""Contexts, specialists, child-bearing age, the two weeks and the referrals are defined once
(knowledge/vocabulary.yaml): the knowledge, the engine, the diary and every adapter agree."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.shared import broken_knowledge
from twitchcare.cli.app import app
from twitchcare.engine import assess
from twitchcare.errors import InputError
from twitchcare.kb import KnowledgeBase
from twitchcare.vocabulary import Vocabulary, vocabulary

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def test_the_pregnancy_question_must_use_the_child_bearing_age(tmp_path: Path) -> None:
    err = broken_knowledge(
        tmp_path, "questions.yaml", "{fact: age, gte: 12, lte: 55}", "{fact: age, gte: 12, lte: 60}"
    )
    assert err.where == "questions.yaml" and err.field == "facts[pregnant].ask_when"
    assert "gte: 12, lte: 55" in err.hint


def test_only_a_yes_no_question_can_be_implied_by_another_answer(tmp_path: Path) -> None:
    err = broken_knowledge(
        tmp_path,
        "questions.yaml",
        "{id: diet, kind: choice,",
        "{id: diet, kind: choice, implied_by: {fact: med.caffeine_product},",
    )
    assert err.where == "questions.yaml" and err.field == "facts[diet].implied_by"


def test_an_implication_naming_an_unknown_fact_fails_the_check(tmp_path: Path) -> None:
    err = broken_knowledge(
        tmp_path, "questions.yaml", "{fact: med.caffeine_product}", "{fact: med.cafeine}"
    )
    assert (
        err.where == "questions.yaml"
        and err.field == "facts[energy_drinks_or_pre_workout].implied_by"
    )


def test_a_rule_may_not_use_its_own_two_weeks(tmp_path: Path) -> None:
    err = broken_knowledge(
        tmp_path, "rules.yaml", "{fact: duration_days, gt: 14}", "{fact: duration_days, gt: 21}"
    )
    assert err.where == "rules.yaml" and err.field == "rules[lasts-over-two-weeks].when"


def test_a_rule_naming_an_unknown_specialist_fails_the_check(tmp_path: Path) -> None:
    err = broken_knowledge(
        tmp_path, "rules.yaml", "specialist: pharmacist", "specialist: pharmacists"
    )
    assert err.where == "rules.yaml" and "unknown specialist 'pharmacists'" in err.problem
    assert "did you mean 'pharmacist'" in err.hint


def test_waking_twitching_must_summarise_exactly_the_awake_contexts(tmp_path: Path) -> None:
    err = broken_knowledge(
        tmp_path, "vocabulary.yaml", "{id: at_rest,", "{id: at_rest, awake: false,"
    )
    assert err.field == "facts[awake_twitching].summarises"


def test_a_context_question_must_be_in_the_vocabulary(tmp_path: Path) -> None:
    err = broken_knowledge(tmp_path, "vocabulary.yaml", "    - {id: any_time, diary: false}\n", "")
    assert err.where == "questions.yaml" and "any_time" in err.problem


def test_a_broken_source_in_the_vocabulary_fails_the_check(tmp_path: Path) -> None:
    err = broken_knowledge(
        tmp_path,
        "vocabulary.yaml",
        "sources: [nhs-twitching, medlineplus",
        "sources: [nhs-twiching, medlineplus",
    )
    assert err.where == "vocabulary.yaml" and err.field == "persistence.sources"


def _with(kb: KnowledgeBase, **changes: object) -> KnowledgeBase:
    return kb.model_copy(update={"vocabulary": dataclasses.replace(kb.vocabulary, **changes)})  # type: ignore[arg-type]


def test_whom_a_pregnant_person_asks_comes_from_the_knowledge(kb: KnowledgeBase) -> None:
    facts = {"age": 30, "sex": "female", "pregnant": True, "loc.eyelid": True, "duration_days": 3}
    assert assess(kb, facts, now=NOW).specialist == kb.vocabulary.pregnant_referral
    other = _with(kb, pregnant_referral="family_doctor")
    assert assess(other, facts, now=NOW).specialist == "family_doctor"


def test_a_specific_specialist_is_named_only_when_the_knowledge_says_so(kb: KnowledgeBase) -> None:
    from twitchcare.engine.assess import choose_specialist
    from twitchcare.engine.causes import rank_causes
    from twitchcare.engine.facts import derive

    facts = derive(kb, {"age": 40, "sex": "female", "loc.eyelid": True, "duration_days": 90})
    causes = rank_causes(kb, facts)
    leading = kb.conditions[causes[0].id].specialist
    with_it = _with(kb, specific_specialists=frozenset({leading}))
    without = _with(kb, specific_specialists=frozenset())
    assert choose_specialist("doctor", [], causes, with_it, facts) == leading
    assert choose_specialist("doctor", [], causes, without, facts) == "family_doctor"


def test_every_adapter_names_every_specialist_of_the_knowledge() -> None:
    from twitchcare.cli.render import SPECIALISTS, whom_to_see
    from twitchcare.reports.content import _SPECIALISTS, specialist_words
    from twitchcare.web.wording import SPECIALIST_NAMES, specialist_name

    ids = set(vocabulary().specialists)
    assert set(SPECIALISTS) == ids - {"none"}
    assert set(_SPECIALISTS) == ids
    assert set(SPECIALIST_NAMES) == ids
    for specialist in ids - {"none"}:
        assert whom_to_see(specialist) and specialist_name(specialist)
        assert specialist_words(specialist)
    assert specialist_name("none") == ""


def test_the_diary_speaks_of_the_contexts_of_the_knowledge(kb: KnowledgeBase) -> None:
    from twitchcare.diary.parsing import CONTEXT_ALIASES, parse_contexts
    from twitchcare.diary.records import CONTEXTS

    vocab = vocabulary()
    assert set(CONTEXTS) <= set(vocab.context_ids)
    assert {f"ctx.{c}" for c in vocab.context_ids} == {f for f in kb.facts if f.startswith("ctx.")}
    for word, context in CONTEXT_ALIASES.items():
        assert parse_contexts(word) == (context,)
    assert vocab.context_words == CONTEXT_ALIASES
    shown = CliRunner().invoke(app, ["log", "--help"], terminal_width=200).output
    assert all(c in shown for c in CONTEXTS)


def test_the_evaluation_reads_the_same_contexts_and_specialists() -> None:
    from twitchcare.evaluation.cases import Case

    def case(**twitching: object) -> dict[str, object]:
        return {
            "id": "x",
            "story": "x",
            "person": {"age": 30, "sex": "male"},
            "twitching": {"locations": ["calf"], **twitching},
        }

    for context in vocabulary().context_ids:
        Case.model_validate(case(contexts=[context]))
    with pytest.raises(ValueError, match="unknown context 'sleeping'"):
        Case.model_validate(case(contexts=["sleeping"]))


@pytest.mark.parametrize("age", [11, 56])
def test_the_diary_refuses_a_pregnancy_outside_the_child_bearing_age(age: int) -> None:
    from twitchcare.diary.profile import Profile

    low, high = vocabulary().child_bearing_age
    Profile(age=low, sex="female", pregnant=True).validated()
    Profile(age=high, sex="female", breastfeeding=True).validated()
    with pytest.raises(InputError) as err:
        Profile(age=age, sex="female", pregnant=True).validated()
    assert f"{low}-{high}" in err.value.hint


def test_the_diary_persistence_reads_the_knowledge_s_two_weeks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from twitchcare.diary import persistence

    today = dt.date(2026, 11, 25)
    counts = {today - dt.timedelta(days=i): 1 for i in range(16)}
    assert persistence.detect(counts, today).persistent
    vocab: Vocabulary = vocabulary()
    longer = dataclasses.replace(
        vocab, persistence=dataclasses.replace(vocab.persistence, more_than_days=21)
    )
    monkeypatch.setattr(persistence, "vocabulary", lambda: longer)
    assert not persistence.detect(counts, today).persistent
