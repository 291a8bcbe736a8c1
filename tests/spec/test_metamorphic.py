"""Metamorphic properties over every case: changes that must never make the triage less safe.

Each property takes a real case (dev and our own) and changes one thing whose effect on the level
is known in advance, whatever the case: another red flag, the same symptom beginning today, or the
same medicine under another name of the same classes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.shared import case_files
from tests.spec.conftest import NOW
from twitchcare.engine import assess
from twitchcare.engine.facts import derive
from twitchcare.engine.triage import fired_rules
from twitchcare.evaluation.cases import case_facts, load_case
from twitchcare.kb import load_kb
from twitchcare.kb.loader import ONSET_PREFIX
from twitchcare.kb.logic import FactValue, leaves, level_rank

KB = load_kb()
CASES = [case_facts(load_case(p)) for p in case_files()]
RED_FLAGS = sorted(
    {
        t.fact
        for rule in KB.rules
        if level_rank(rule.level) >= level_rank("urgent")
        for t in leaves(rule.when)
        if t.fact in KB.facts
        and KB.facts[t.fact].kind == "boolean"
        and not KB.facts[t.fact].derived
        and not KB.facts[t.fact].legacy
    }
)
ONSET_FINDINGS = sorted(f.id for f in KB.facts.values() if f.onset)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _level(facts: dict[str, FactValue], now: dt.datetime = NOW) -> int:
    return level_rank(assess(KB, facts, now=now).level)


def test_there_are_cases_and_red_flags_to_vary() -> None:
    assert len(CASES) >= 28
    assert {"chest_pain", "stiff_neck", "saddle_numbness", "fit_or_seizure"} <= set(RED_FLAGS)


@SETTINGS
@given(case=st.sampled_from(CASES), flag=st.sampled_from(RED_FLAGS))
def test_adding_any_red_flag_finding_never_lowers_the_level(
    case: dict[str, FactValue], flag: str
) -> None:
    assert _level({**case, flag: True}) >= _level(case)


@SETTINGS
@given(
    case=st.sampled_from(CASES),
    finding=st.sampled_from(ONSET_FINDINGS),
    twitching_days=st.floats(15, 3650),
)
def test_a_symptom_that_began_today_is_sudden_however_old_the_twitching(
    case: dict[str, FactValue], finding: str, twitching_days: float
) -> None:
    today = {finding: True, ONSET_PREFIX + finding: 0.0}
    fresh = {**case, **today, "duration_days": 0.0}
    older = {**case, **today, "duration_days": twitching_days}

    def acute(facts: dict[str, FactValue]) -> set[str]:
        reasons = fired_rules(KB, derive(KB, facts))
        return {r.rule_id for r in reasons if level_rank(r.level) >= level_rank("urgent")}

    assert acute(fresh) <= acute(older)
    assert _level(older) >= _level(fresh)


def _signatures() -> list[tuple[str, str]]:
    """Pairs of different names that belong to exactly the same classes."""
    by_classes: dict[frozenset[str], list[str]] = defaultdict(list)
    for name in sorted(KB.recognised_names):
        classes = frozenset(c.id for c in KB.medications.values() if name in c.members)
        if classes:
            by_classes[classes].append(name)
    return [(a, b) for names in by_classes.values() for a in names for b in names if a != b]


SAME_CLASS_PAIRS = _signatures()


@SETTINGS
@given(
    case=st.sampled_from(CASES),
    pair=st.sampled_from(SAME_CLASS_PAIRS),
    field=st.sampled_from(["medications", "medications_stopped", "substances"]),
)
def test_a_medicine_renamed_to_another_of_the_same_classes_gives_the_same_level(
    case: dict[str, FactValue], pair: tuple[str, str], field: str
) -> None:
    first, second = pair
    given_names = case.get(field)
    others = [n for n in given_names if n not in pair] if isinstance(given_names, list) else []
    one = {**case, field: [*others, first]}
    other = {**case, field: [*others, second]}
    assert assess(KB, one, now=NOW).level == assess(KB, other, now=NOW).level


def test_renaming_pairs_cover_the_high_risk_classes() -> None:
    names = {n for pair in SAME_CLASS_PAIRS for n in pair}
    assert {"diazepam", "lorazepam", "gliclazide", "glimepiride", "metoclopramide"} <= names


def test_a_malformed_v2_field_in_evaluate_is_one_line_with_exit_code_2(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from twitchcare.cli.app import app

    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"id": "x", "story": "s", "person": {"age": 30, "sex": "male"},'
        ' "twitching": {"locations": ["calf"]}, "finding_onset_days": {"fever": "today"},'
        ' "expected": {"triage": "self_care", "causes": ["benign_fasciculations"]}}',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "finding_onset_days.fever" in lines[0]
    assert "Traceback" not in result.output
