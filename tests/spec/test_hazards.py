"""The hazard log is complete and every control is verified by a case that reaches its level."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.shared import REPO
from twitchcare.cli.app import app
from twitchcare.engine.assess import assess
from twitchcare.engine.facts import with_gateway_answers
from twitchcare.engine.interview import Interview
from twitchcare.errors import KnowledgeError
from twitchcare.evaluation.cases import case_facts, load_case, profile_facts
from twitchcare.kb import KnowledgeBase
from twitchcare.kb.hazards import (
    LIKELIHOODS,
    SEVERITIES,
    Hazard,
    HazardLog,
    load_hazards,
    rule_owners,
    summary_table,
)
from twitchcare.kb.loader import build_kb, default_knowledge_dir
from twitchcare.kb.logic import level_rank

CASES = REPO / "tests" / "cases"
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
UNKNOWN_NAME = "zorbitrexamine"


@pytest.fixture(scope="module")
def log(kb: KnowledgeBase) -> HazardLog:
    return load_hazards(kb, default_knowledge_dir())


def _verifications(kb: KnowledgeBase) -> list[tuple[str, str]]:
    hazard_log = load_hazards(kb, default_knowledge_dir())
    return [(hz.id, case) for hz in hazard_log.hazards.values() for case in hz.verification]


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), target)
    return target


def _edit(directory: Path, old: str, new: str) -> None:
    path = directory / "hazards.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ------------------------------------------------------------------ the log itself
def test_every_rule_belongs_to_a_hazard(kb: KnowledgeBase, log: HazardLog) -> None:
    owned = set(rule_owners(log))
    orphans = [r.id for r in kb.rules if r.id not in owned]
    assert orphans == [], "rules no hazard names as a control"


def test_every_mechanism_of_harm_has_a_hazard(kb: KnowledgeBase, log: HazardLog) -> None:
    covered = {hz.mechanism for hz in log.hazards.values()}
    assert set(kb.mechanisms) - covered == set()
    assert set(log.mechanisms) - covered == set()


def test_every_hazard_has_controls_cases_and_a_lower_or_equal_risk(log: HazardLog) -> None:
    for hz in log.hazards.values():
        assert hz.controls and hz.verification, hz.id
        assert log.risk(hz, "residual") <= log.risk(hz, "initial"), hz.id


def test_the_matrix_rates_risk_from_one_to_five(log: HazardLog) -> None:
    corners = {
        ("minor", "very_low"): 1,
        ("catastrophic", "very_high"): 5,
        ("catastrophic", "very_low"): 3,
    }
    for (severity, likelihood), risk in corners.items():
        hz = next(iter(log.hazards.values()))
        rating = hz.initial.model_copy(update={"severity": severity, "likelihood": likelihood})
        assert log.matrix.rate(rating) == risk
    assert len(SEVERITIES) == len(LIKELIHOODS) == 5


def test_the_non_obvious_hazards_are_in_the_log(log: HazardLog) -> None:
    for hazard_id in [
        "anxious-person-falsely-reassured",
        "over-triage-feeds-health-anxiety",
        "dont-know-on-red-flags",
        "magnesium-advice-in-kidney-disease",
        "interview-not-finished",
        "unknown-medicine-names",
        "faint-taken-for-a-fit",
        "fit-taken-for-a-faint",
    ]:
        assert hazard_id in log.hazards


def test_worry_anxiety_or_a_past_normal_test_never_lowers_the_level(kb: KnowledgeBase) -> None:
    """The control of the 'anxious person falsely reassured' hazard, on every case: saying one
    is worried, anxious, or had a normal EMG can never lower the level a red flag calls for."""
    calming = {
        "worried_about_serious_disease": True,
        "anxious_most_days": True,
        "history.anxiety_disorder": True,
        "history.normal_emg": True,
    }
    lowered = []
    for path in sorted(CASES.glob("*.json")):
        facts = case_facts(load_case(path))
        before = assess(kb, facts, now=NOW).level
        after = assess(kb, {**facts, **calming}, now=NOW).level
        if level_rank(after) < level_rank(before):
            lowered.append((path.stem, before, after))
    assert lowered == []


def test_verification_cases_exist_under_tests_cases(log: HazardLog) -> None:
    missing = [
        (hz.id, case)
        for hz in log.hazards.values()
        for case in hz.verification
        if not (CASES / f"{case}.json").exists()
    ]
    assert missing == []


# ------------------------------------------------------------------ validation errors
def test_a_hazard_without_controls_fails_the_check(tmp_path: Path, kb: KnowledgeBase) -> None:
    directory = _copy(tmp_path)
    text = (directory / "hazards.yaml").read_text(encoding="utf-8")
    start = text.index("    controls:", text.index("id: tetanus\n"))
    end = text.index("    verification:", start)
    (directory / "hazards.yaml").write_text(text[:start] + "    controls: []\n" + text[end:])
    with pytest.raises(KnowledgeError) as err:
        load_hazards(kb, directory)
    assert "hazards[tetanus].controls" in str(err.value)


def test_a_control_naming_an_unknown_rule_fails_with_a_suggestion(
    tmp_path: Path, kb: KnowledgeBase
) -> None:
    directory = _copy(tmp_path)
    rule = next(r.id for r in kb.rules)
    _edit(directory, f"{{kind: rule, id: {rule},", f"{{kind: rule, id: {rule}x,")
    with pytest.raises(KnowledgeError) as err:
        load_hazards(kb, directory)
    assert f"unknown rule '{rule}x'" in str(err.value)
    assert f"did you mean '{rule}'" in str(err.value)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("{kind: fact, id: stiff_neck,", "{kind: fact, id: stiff_neckk,", "unknown fact"),
        ("{kind: advice, id: net-emergency,", "{kind: advice, id: net-emergenc,", "unknown advice"),
        ("{kind: condition, id: tetanus", "{kind: condition, id: tetanos", "unknown condition"),
        ("sources: [cdc-tetanus]", "sources: [cdc-tetanuss]", "unknown source"),
        ("{kind: screen, id: emergency,", "{kind: screen, id: emergncy,", "unknown screen"),
    ],
)
def test_any_unknown_id_fails_the_check(
    tmp_path: Path, kb: KnowledgeBase, old: str, new: str, problem: str
) -> None:
    directory = _copy(tmp_path)
    if old.startswith("{kind: condition, id: tetanus"):
        old, new = "sources: [cdc-tetanus]\n", "sources: [cdc-tetanus]\n"
        _edit(
            directory,
            "      - {kind: fact, id: recent_wound,",
            "      - {kind: condition, id: tetanos, how: 'a typo in a condition id'}\n"
            "      - {kind: fact, id: recent_wound,",
        )
    else:
        _edit(directory, old, new)
    with pytest.raises(KnowledgeError) as err:
        load_hazards(kb, directory)
    assert problem in str(err.value)


def test_a_residual_risk_above_the_initial_fails(tmp_path: Path, kb: KnowledgeBase) -> None:
    directory = _copy(tmp_path)
    text = (directory / "hazards.yaml").read_text(encoding="utf-8")
    block = text.index("id: faint-taken-for-a-fit")
    old = "residual: {severity: significant, likelihood: low}"
    at = text.index(old, block)
    new = "residual: {severity: catastrophic, likelihood: very_high}"
    (directory / "hazards.yaml").write_text(text[:at] + new + text[at + len(old) :])
    with pytest.raises(KnowledgeError) as err:
        load_hazards(kb, directory)
    assert "hazards[faint-taken-for-a-fit].residual" in str(err.value)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("high: [2, 3, 3, 4, 5]", "high: [2, 3, 3, 4, 1]", "must not fall"),
        ("high: [2, 3, 3, 4, 5]", "high: [2, 3, 3, 4]", "five values"),
        ("    - {id: major, meaning:", "    - {id: serious, meaning:", "severity must list"),
        ('    5: "Unacceptable: the software must not be released."\n', "", "every risk"),
    ],
)
def test_a_malformed_risk_matrix_fails_the_check(
    tmp_path: Path, kb: KnowledgeBase, old: str, new: str, problem: str
) -> None:
    directory = _copy(tmp_path)
    _edit(directory, old, new)
    with pytest.raises(KnowledgeError) as err:
        load_hazards(kb, directory)
    assert problem in str(err.value)
    assert "hazards.yaml" in str(err.value)


def test_an_unacceptable_residual_risk_must_be_marked_open(
    tmp_path: Path, kb: KnowledgeBase
) -> None:
    directory = _copy(tmp_path)
    _edit(
        directory,
        'residual_note: "OPEN (4): rests on the person naming what they stopped',
        'residual_note: "Accepted: rests on the person naming what they stopped',
    )
    with pytest.raises(KnowledgeError) as err:
        load_hazards(kb, directory)
    assert "hazards[medicine-withdrawal].residual_note" in str(err.value)


def test_kb_check_fails_on_a_broken_hazard_log(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    _edit(directory, "{kind: rule, id: tetanus,", "{kind: rule, id: no-such-rule,")
    result = CliRunner().invoke(app, ["kb", "check", "--dir", str(directory)])
    assert result.exit_code == 2
    assert "hazards.yaml" in result.output and "no-such-rule" in result.output
    assert build_kb(directory).rules  # the rest of the knowledge is still valid


# ------------------------------------------------------------------ verification by running
def _check_case(kb: KnowledgeBase, hz: Hazard, case_id: str) -> list[str]:
    """Run the assessment on one verification case; return what it got wrong for this hazard."""
    case = load_case(CASES / f"{case_id}.json")
    facts = case_facts(case)
    result = assess(kb, facts, now=NOW)
    problems: list[str] = []
    if level_rank(result.level) < level_rank(hz.level):
        problems.append(f"level {result.level} is below {hz.level}")
    if hz.at_most and level_rank(result.level) > level_rank(hz.at_most):
        problems.append(f"level {result.level} is above {hz.at_most}")
    plan = result.plan
    shown = {a.id for a in (*plan.now, *plan.change, *plan.reassurance, *plan.safety_net)}
    for advice in hz.plan_includes if result.level != "emergency" else []:
        if advice not in shown:
            problems.append(f"plan lacks {advice}")
    if hz.lists_unanswered and result.level != "emergency" and not result.unanswered_red_flags:
        problems.append("the red flags left unanswered are not named")
    if hz.reports_unknown_names:
        taken = facts.get("medications")
        meds = [*(taken if isinstance(taken, list) else []), UNKNOWN_NAME]
        renamed = assess(kb, {**facts, "medications": meds}, now=NOW)
        if UNKNOWN_NAME not in renamed.not_recognised:
            problems.append("an unknown medicine name is not reported")
        if level_rank(renamed.level) < level_rank(result.level):
            problems.append("an unknown medicine name lowered the level")
    if hz.stop_after_screens:
        # The person answers each page from what they have, overview questions included.
        answers = with_gateway_answers(kb, facts)
        interview = Interview(kb, known=profile_facts(case))
        answers = with_gateway_answers(kb, facts)  # "any of these?" answered from the case
        for _ in range(hz.stop_after_screens):
            step = interview.next_step()
            if step is None:
                break
            interview.answer(step.screen.id, {f: answers.get(f) for f in step.screen.facts})
        partial = interview.result(now=NOW)
        if level_rank(partial.level) < level_rank(hz.level):
            problems.append(
                f"stopping after {hz.stop_after_screens} pages gives {partial.level}, "
                f"below {hz.level}"
            )
    return problems


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "hazard_case" in metafunc.fixturenames:
        from twitchcare.kb import load_kb

        pairs = _verifications(load_kb())
        metafunc.parametrize("hazard_case", pairs, ids=[f"{h}:{c}" for h, c in pairs])


def test_verification_case_reaches_the_hazards_level(
    kb: KnowledgeBase, log: HazardLog, hazard_case: tuple[str, str]
) -> None:
    hazard_id, case_id = hazard_case
    assert _check_case(kb, log.hazards[hazard_id], case_id) == []


# ------------------------------------------------------------------ the command and the docs
def test_kb_hazards_json_lists_every_hazard_with_its_controls(log: HazardLog) -> None:
    result = CliRunner().invoke(app, ["kb", "hazards", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [item["id"] for item in data] == list(log.hazards)
    for item in data:
        assert {"id", "harm", "controls", "verification"} <= set(item)
        assert 1 <= item["residual"]["risk"] <= item["initial"]["risk"] <= 5


def test_kb_hazards_prints_a_table() -> None:
    result = CliRunner().invoke(app, ["kb", "hazards"])
    assert result.exit_code == 0, result.output
    assert "breathing-or-swallowing-failure" in result.output


def test_the_safety_case_names_every_open_risk(log: HazardLog) -> None:
    doc = (REPO / "docs" / "safety.md").read_text(encoding="utf-8")
    residual = doc.split("## Residual risk", 1)[1]
    for hz in log.hazards.values():
        if log.risk(hz, "residual") >= 4:
            assert f"`{hz.id}`" in residual, hz.id


def test_the_safety_case_holds_the_current_hazard_table(log: HazardLog) -> None:
    doc = (REPO / "docs" / "safety.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- hazard-table -->\n(.*?)\n<!-- /hazard-table -->", doc, re.S)
    assert match, "docs/safety.md marks the hazard table"
    assert match.group(1).strip() == summary_table(log), (
        "regenerate with: twitchcare kb hazards --markdown"
    )


def test_a_question_named_as_a_control_is_read_by_a_rule_or_a_cause(
    log: HazardLog, kb: KnowledgeBase
) -> None:
    """A question counts as a control only if something acts on its answer: a rule, a cause's
    evidence, or the facts derived from it (a medicines list names classes the rules read). A
    question no rule or cause reads, asked only when a page is worth it for the causes, controls
    nothing ("long-haul travel is asked" stood in the log for a leg clot)."""
    from twitchcare.engine.facts import derive
    from twitchcare.kb.logic import leaves

    read = {t.fact for rule in kb.rules for t in leaves(rule.when)}
    read |= {t.fact for c in kb.conditions.values() for e in c.evidence for t in leaves(e.when)}
    for hazard_id, hazard in log.hazards.items():
        for control in hazard.controls:
            if control.kind != "fact":
                continue
            fact = kb.facts[control.id]
            # A list answer: every medicine the knowledge knows, so each class it derives shows.
            every_medicine = [m for c in kb.medications.values() for m in c.members]
            sample = every_medicine if fact.kind == "list" else True
            acted_on = {control.id} | set(derive(kb, {control.id: sample}))
            assert acted_on & read, f"{hazard_id}: {control.id} is read by nothing"
