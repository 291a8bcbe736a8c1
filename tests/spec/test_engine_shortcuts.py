"""The engine's shortcuts give exactly the answers of the plain definitions they replace.

The answer endpoint replays an interview and simulates the rest of it on every request, so the
engine takes shortcuts: predicates stop at the first deciding part, the worst case behind an
unanswered overview re-evaluates only the rules that read the detail, look-up tables are kept
per knowledge base, a page choice starts from what the last one worked out, and the page
estimate is remembered by the state it started from. Each test compares a shortcut with its
definition on real knowledge.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.shared import case_files
from twitchcare.engine.facts import _level_with, derive, with_gateway_answers
from twitchcare.engine.information import CauseOutlook
from twitchcare.engine.interview import (
    ITEM_BUDGET,
    AnswerLog,
    Interview,
    Step,
    _derived_facts,
    finish_typical,
    forget_recent,
    pages_estimate,
    replay,
)
from twitchcare.engine.kb_index import kb_index
from twitchcare.engine.triage import fired_rules, triage_level
from twitchcare.evaluation.cases import case_facts, load_case
from twitchcare.kb import KnowledgeBase, load_kb
from twitchcare.kb.loader import build_kb, default_knowledge_dir
from twitchcare.kb.logic import AllOf, AnyOf, AtLeast, FactTest, FactValue, Predicate, level_rank

KB = load_kb()
CASES = [derive(KB, case_facts(load_case(p))) for p in case_files()]
BOOLEANS = sorted(f.id for f in KB.facts.values() if f.kind == "boolean")
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ("a", "b", "c", "d")


def _tests() -> st.SearchStrategy[FactTest]:
    return st.builds(
        lambda fact, is_, missing: FactTest.model_validate(
            {"fact": fact, "is": is_, "missing": missing}
        ),
        st.sampled_from(NAMES),
        st.sampled_from([None, True, False]),
        st.sampled_from([None, True, False]),
    )


PREDICATES: st.SearchStrategy[Predicate] = st.recursive(
    _tests(),
    lambda parts: st.one_of(
        st.builds(lambda ps: AllOf(all=ps), st.lists(parts, min_size=1, max_size=4)),
        st.builds(lambda ps: AnyOf(any=ps), st.lists(parts, min_size=1, max_size=4)),
        st.builds(
            lambda ps, n: AtLeast(at_least=min(n, len(ps)), of=ps),
            st.lists(parts, min_size=1, max_size=4),
            st.integers(1, 3),
        ),
    ),
    max_leaves=12,
)
FACTS = st.dictionaries(st.sampled_from(NAMES), st.booleans())


def _by_definition(predicate: Predicate, facts: dict[str, FactValue], use_missing: bool) -> object:
    """Three-valued logic as the rule language defines it: every part evaluated, then combined."""
    if isinstance(predicate, FactTest):
        return predicate.evaluate(facts, use_missing)
    if isinstance(predicate, AtLeast):
        parts = [_by_definition(p, facts, use_missing) for p in predicate.of]
        true, unknown = parts.count(True), parts.count(None)
        if true >= predicate.at_least:
            return True
        return False if true + unknown < predicate.at_least else None
    parts = [
        _by_definition(p, facts, use_missing)
        for p in (predicate.all if isinstance(predicate, AllOf) else predicate.any)
    ]
    decisive, other = (False, True) if isinstance(predicate, AllOf) else (True, False)
    if decisive in parts:
        return decisive
    return other if all(r is other for r in parts) else None


@SETTINGS
@given(predicate=PREDICATES, facts=FACTS, use_missing=st.booleans())
def test_stopping_at_the_deciding_part_gives_the_three_valued_answer(
    predicate: Predicate, facts: dict[str, FactValue], use_missing: bool
) -> None:
    assert predicate.evaluate(facts, use_missing) is _by_definition(predicate, facts, use_missing)


@SETTINGS
@given(case=st.sampled_from(CASES), child=st.sampled_from(BOOLEANS))
def test_the_level_with_one_more_detail_equals_a_full_triage(
    case: dict[str, FactValue], child: str
) -> None:
    fires = [rule.when.evaluate(case) is True for rule in KB.rules]
    expected = level_rank(triage_level(fired_rules(KB, {**case, child: True})))
    assert _level_with(KB, kb_index(KB), case, fires, child) == expected


def test_look_up_tables_are_kept_per_knowledge_base() -> None:
    other: KnowledgeBase = build_kb(default_knowledge_dir())
    assert kb_index(KB) is kb_index(KB)
    assert kb_index(other) is not kb_index(KB)
    assert kb_index(other).rule_ranks == kb_index(KB).rule_ranks


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES))
def test_remembered_derived_facts_are_what_derive_gives(case: dict[str, FactValue]) -> None:
    answers = {k: v for k, v in case.items() if k in KB.facts and not KB.facts[k].derived}
    first = _derived_facts(KB, answers)
    assert _derived_facts(KB, dict(answers)) == derive(KB, answers) == first
    assert list(_derived_facts(KB, answers)) == list(derive(KB, answers))


def test_a_remembered_answer_keeps_its_type() -> None:
    as_bool = _derived_facts(KB, {"stress_0_10": True})
    as_number = _derived_facts(KB, {"stress_0_10": 1})
    assert as_bool["stress_0_10"] is True
    assert type(as_number["stress_0_10"]) is int


# A few cases of every kind, walked page by page: enough for remembered estimates to be reused.
FEW_CASES = [case_facts(load_case(p)) for p in case_files()[::15]]


def _pages_so_far(case: dict[str, FactValue]) -> list[AnswerLog]:
    """The answers sent at every page of a case's interview, each page answered from the case."""
    full = with_gateway_answers(KB, case)
    interview = Interview(KB)
    log: AnswerLog = []
    logs = [log]
    while (step := interview.next_step()) is not None:
        answers = {f.id: full.get(f.id) for f in step.items}
        interview.answer(step.screen.id, answers)
        log = [*log, (step.screen.id, answers)]
        logs.append(log)
    return logs


def _chosen_afresh(known: dict[str, FactValue], log: AnswerLog) -> Step | None:
    """The page an interview built afresh from the answers chooses, nothing kept from before."""
    forget_recent()
    return replay(KB, known, log).next_step()


def _typical_pages_by_definition(log: AnswerLog, known: dict[str, FactValue] | None = None) -> int:
    """The pages in all when the rest is answered "no" to overview lines, everything else left
    unknown - each page chosen by an interview built afresh from the answers so far, so nothing
    worked out for an earlier page or an earlier estimate is carried over."""
    log = list(log)
    while (step := _chosen_afresh(known or {}, log)) is not None:
        log.append((step.screen.id, {f.id: False for f in step.items if f.summarises}))
    return replay(KB, known or {}, log).questions_asked


def test_the_page_estimate_equals_finishing_afresh_page_by_page() -> None:
    for case in FEW_CASES:
        logs = _pages_so_far(case)
        expected = [_typical_pages_by_definition(log) for log in logs]
        forget_recent()
        # Page after page as the web app asks it (after choosing the next page), each estimate
        # free to go on from the choices and estimates remembered from the pages before.
        for log, pages in zip(logs, expected, strict=True):
            interview = replay(KB, {}, log)
            interview.next_step()
            assert finish_typical(interview) == pages, log
            assert pages_estimate(KB, {}, log) == pages, log


def test_a_remembered_estimate_is_not_given_for_other_starting_facts() -> None:
    log: AnswerLog = [("where", {"region.legs": True}), ("where_legs", {"loc.calf": True})]
    # Medicines already known (e.g. from the profile) leave room for another page.
    no_medicines: dict[str, FactValue] = {"medications": [], "substances": []}
    starts: list[dict[str, FactValue]] = [
        {},
        {"sex": "female", "age": 30},
        {"sex": "male", **no_medicines, "gw.medicine_change": False},
    ]
    expected = [_typical_pages_by_definition(log, known) for known in starts]
    assert len(set(expected)) > 1  # the starting facts matter here
    for known in starts:
        pages_estimate(KB, known, log)
    for known, pages in reversed(list(zip(starts, expected, strict=True))):
        assert pages_estimate(KB, known, log) == pages
        assert replay(KB, known, log).next_step() == _chosen_afresh(known, log)


def test_a_remembered_estimate_is_not_given_for_another_item_budget() -> None:
    def estimate(budget: int) -> int:
        return finish_typical(Interview(KB, item_budget=budget))

    forget_recent()
    small = estimate(ITEM_BUDGET // 2)
    forget_recent()
    usual = estimate(ITEM_BUDGET)
    assert small != usual  # the budget matters here
    assert (estimate(ITEM_BUDGET), estimate(ITEM_BUDGET // 2)) == (usual, small)


def test_a_page_chosen_after_going_back_is_the_one_a_fresh_interview_chooses() -> None:
    for case in FEW_CASES:
        logs = _pages_so_far(case)
        interview = Interview(KB)
        for log, after in pairwise(logs):
            screen, answers = after[-1]
            expected = _chosen_afresh({}, log)
            forget_recent()  # chosen by this interview, from what it worked out before
            assert interview.next_step() == expected
            interview.answer(screen, answers)
            interview.next_step()
            interview.back()
            assert interview.next_step() == expected  # remembered for this state
            forget_recent()
            assert interview._choose_step() == expected  # from what it worked out before
            interview.answer(screen, answers)


def test_the_outlook_kept_between_page_choices_is_that_of_the_facts_chosen_from() -> None:
    for case in FEW_CASES:
        for log in _pages_so_far(case)[::2]:
            interview = replay(KB, {}, log)
            while True:
                forget_recent()  # each page chosen by this interview, not looked up
                step = interview.next_step()
                if step is None:
                    break
                memo = interview._choice
                if memo is not None and memo.outlook is not None:
                    fresh = CauseOutlook(KB, memo.facts)
                    assert memo.outlook._raw == fresh._raw, log
                    assert memo.outlook.leading == fresh.leading, log
                interview.answer(step.screen.id, {f.id: False for f in step.items if f.summarises})


def test_the_causes_after_one_more_answer_are_those_of_a_fresh_outlook() -> None:
    for case in CASES[::20]:
        facts = {k: v for k, v in case.items() if not k.startswith("unanswered.")}
        outlook = CauseOutlook(KB, facts)
        for fact_id in sorted(kb_index(KB).conditions_on):
            if fact_id in facts or fact_id not in KB.facts:
                continue
            for value, _ in outlook.outcomes(fact_id):
                expected = CauseOutlook(KB, {**facts, fact_id: value}).leading
                assert outlook.ranking_with(fact_id, value) == expected, (fact_id, value)
