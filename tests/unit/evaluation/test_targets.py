"""Evaluation targets live in one place: the check and the table both read them from there."""

from __future__ import annotations

from dataclasses import replace

import pytest

from twitchcare.cli.render import render_evaluation
from twitchcare.evaluation import scoring
from twitchcare.evaluation.run import EvaluationReport
from twitchcare.evaluation.scoring import Summary, failed_targets, target_text

SUMMARY = Summary(
    cases=10, triage_exact=0.9, triage_acceptable=0.95, under_triage=0.0,
    under_triage_urgent=0.0, urgent_cases=3, over_triage=0.05, over_triage_self_care=0.05,
    self_care_cases=4, top1=0.8, top3=0.9, median_questions=9.0, median_items_shown=30.0,
    brier=0.1, reliability=(), misses=(), median_pages_before_advice=7.0,
)  # fmt: skip


def test_a_changed_target_changes_the_check_and_the_table(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(scoring.TARGETS, "top1", 0.85)
    monkeypatch.setitem(scoring.TARGETS, "median_pages_before_advice", 6.0)
    full = failed_targets(SUMMARY, simulate=False, same_triage=None)
    assert "cause top-1 80.0%, target ≥ 85%" in full
    simulated = failed_targets(SUMMARY, simulate=True, same_triage=0.99)
    assert simulated == ["median pages read before the advice 7, target ≤ 6"]
    render_evaluation(
        EvaluationReport(
            summary=SUMMARY, simulate=False, same_triage_as_full=None, failures=tuple(full)
        )
    )
    table = capsys.readouterr().out
    assert "≥ 85%" in table and "≥ 80%" not in table
    report = EvaluationReport(
        summary=SUMMARY, simulate=True, same_triage_as_full=0.99, failures=tuple(simulated)
    )
    render_evaluation(report)
    table = capsys.readouterr().out
    assert "≤ 6" in table and "≤ 8" not in table


def test_the_table_shows_only_the_targets_the_check_holds_the_run_to(
    capsys: pytest.CaptureFixture[str],
) -> None:
    worse = replace(
        SUMMARY,
        top1=0.5,
        top3=0.5,
        median_questions=20.0,
        median_pages_before_advice=20.0,
        median_items_shown=90.0,
        median_items_before_advice=90.0,
    )
    for simulate in (False, True):
        failures = failed_targets(worse, simulate=simulate, same_triage=0.5 if simulate else None)
        report = EvaluationReport(
            summary=worse,
            simulate=simulate,
            same_triage_as_full=0.5 if simulate else None,
            failures=tuple(failures),
        )
        render_evaluation(report)
        rows = [line for line in capsys.readouterr().out.splitlines() if "│" in line]
        with_target = {
            cells[1].strip()
            for cells in (line.split("│") for line in rows)
            if len(cells) > 3 and cells[3].strip() and cells[1].strip() != "Measure"
        }
        assert any(r.startswith("Cause top") for r in with_target) == (not simulate), with_target
        assert any("top-1" in f for f in failures) == (not simulate), failures
        assert any(r.startswith("Median items") for r in with_target) == simulate
        assert any("median items" in f for f in failures) == simulate


def test_targets_read_as_floors_or_ceilings() -> None:
    assert target_text("triage_acceptable") == "≥ 92%"
    assert target_text("under_triage") == "≤ 2%"
    assert target_text("under_triage_urgent") == "≤ 0%"
    assert failed_targets(SUMMARY, simulate=False, same_triage=None) == [
        "cause top-3 90.0%, target ≥ 93%"
    ]
