"""Clinical cases as data: every case with a gold answer must be triaged safely.

The cases come from the project brief (``cases/dev``) and from ``tests/cases``; both cite their
sources. Cause accuracy is measured over the whole set by ``twitchcare evaluate`` (run by
``make test``), because a single case may reasonably miss.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared import DEV_CASES, OWN_CASES
from tests.spec.conftest import NOW
from twitchcare.engine import assess
from twitchcare.engine.interview import simulate
from twitchcare.evaluation.cases import case_facts, load_case, profile_facts
from twitchcare.kb import KnowledgeBase
from twitchcare.kb.logic import level_rank

CASE_FILES = sorted(DEV_CASES.glob("*.json")) + sorted(OWN_CASES.glob("*.json"))


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def test_there_are_cases_to_check() -> None:
    assert len(CASE_FILES) >= 20


@pytest.mark.parametrize("path", CASE_FILES, ids=_ids(CASE_FILES))
def test_case_is_never_under_triaged(kb: KnowledgeBase, path: Path) -> None:
    case = load_case(path)
    assert case.expected is not None
    allowed = [case.expected.triage, *case.expected.acceptable_triage]
    result = assess(kb, case_facts(case), now=NOW)
    assert level_rank(result.level) >= min(level_rank(x) for x in allowed), result.trace


@pytest.mark.parametrize("path", CASE_FILES, ids=_ids(CASE_FILES))
def test_simulated_interview_never_under_triages(kb: KnowledgeBase, path: Path) -> None:
    case = load_case(path)
    assert case.expected is not None
    allowed = [case.expected.triage, *case.expected.acceptable_triage]
    result = simulate(kb, case_facts(case), known=profile_facts(case), now=NOW)
    assert level_rank(result.level) >= min(level_rank(x) for x in allowed)


def test_the_gold_answer_is_never_read(kb: KnowledgeBase, tmp_path: Path) -> None:
    source = DEV_CASES / "051-teacher-caffeine-eyelid.json"
    if not source.exists():
        pytest.skip("dev cases not available")
    text = source.read_text(encoding="utf-8")
    other = tmp_path / "copy.json"
    other.write_text(
        text.replace('"triage": "self_care"', '"triage": "emergency"').replace(
            '"eyelid_myokymia",\n      "caffeine_stimulants"', '"stroke"'
        ),
        encoding="utf-8",
    )
    first = assess(kb, case_facts(load_case(source)), now=NOW)
    second = assess(kb, case_facts(load_case(other)), now=NOW)
    assert load_case(other).expected != load_case(source).expected
    assert (first.level, first.causes) == (second.level, second.causes)


@pytest.mark.parametrize("path", CASE_FILES, ids=_ids(CASE_FILES))
def test_contract_lists_causes_most_likely_first(kb: KnowledgeBase, path: Path) -> None:
    from twitchcare.engine.serialise import contract_line

    case = load_case(path)
    for result in (
        assess(kb, case_facts(case), now=NOW),
        simulate(kb, case_facts(case), known=profile_facts(case), now=NOW),
    ):
        stated = [c["probability"] for c in contract_line(case.id, result)["causes"]]
        assert stated == sorted(stated, reverse=True)


@pytest.mark.parametrize("path", CASE_FILES, ids=_ids(CASE_FILES))
def test_the_interview_reaches_every_first_aid_that_full_information_gives(
    kb: KnowledgeBase, path: Path
) -> None:
    """What to do while waiting (cool a person with heatstroke, sugar for a low on insulin) is
    never lost to the reading budget after the call: the question that decides it comes first."""
    case = load_case(path)
    first_aid = {r.id for r in kb.rules if r.first_aid}
    full = {r.rule_id for r in assess(kb, case_facts(case), now=NOW).reasons} & first_aid
    result = simulate(kb, case_facts(case), known=profile_facts(case), now=NOW)
    assert full <= {r.rule_id for r in result.reasons}
