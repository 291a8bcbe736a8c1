"""The causes' numbers mean what they say: a fitted, checked, order-keeping calibration."""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.shared import DEV_CASES, OWN_CASES, case_files
from twitchcare.cli.app import app
from twitchcare.engine.causes import calibrated, rank_causes
from twitchcare.engine.facts import derive
from twitchcare.errors import KnowledgeError
from twitchcare.evaluation.calibration import CauseLine, brier, cause_lines, check, fit
from twitchcare.evaluation.cases import case_facts, load_case
from twitchcare.kb import KnowledgeBase, load_kb
from twitchcare.kb.loader import build_kb, default_knowledge_dir

NOW = dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)


@given(st.lists(st.floats(min_value=1e-6, max_value=1 - 1e-6), min_size=2, max_size=12))
def test_calibration_never_changes_which_cause_comes_first(chances: list[float]) -> None:
    kb = load_kb()
    shown = [calibrated(kb, p) for p in chances]
    for a, b in zip(chances, shown, strict=True):
        for c, d in zip(chances, shown, strict=True):
            if a < c:
                assert b <= d


def test_every_case_keeps_its_order_of_causes_when_calibrated(kb: KnowledgeBase) -> None:
    for path in case_files():
        facts = derive(kb, case_facts(load_case(path)))
        raw = [c.id for c in rank_causes(kb, facts, calibrate=False)]
        shown = rank_causes(kb, facts)
        assert [c.id for c in shown] == raw, path.name
        assert [c.probability for c in shown] == sorted(
            (c.probability for c in shown), reverse=True
        )


def test_the_fit_recovers_a_known_intercept_and_slope() -> None:
    rng = np.random.default_rng(7)
    lines = []
    for chance in rng.uniform(0.02, 0.98, 4000):
        truth = 1 / (1 + math.exp(-(1.0 + 1.5 * math.log(chance / (1 - chance)))))
        lines.append(CauseLine("synthetic", float(chance), bool(rng.uniform() < truth)))
    found = fit(lines)
    assert found.intercept == pytest.approx(1.0, abs=0.15)
    assert found.slope == pytest.approx(1.5, abs=0.15)
    assert brier(lines, found) < brier(lines, None)


def test_a_family_left_out_is_scored_by_a_fit_that_never_saw_it() -> None:
    # Two families that disagree: a fit on one must not score the other as if it had seen it.
    lines = [CauseLine("a", 0.2, True)] * 40 + [CauseLine("a", 0.8, True)] * 40
    lines += [CauseLine("b", 0.2, False)] * 40 + [CauseLine("b", 0.8, False)] * 40
    report = check(lines, committed=None)
    by_family = {f.family: f for f in report.families}
    # Fitted on "a" only (everything expected), the numbers go up, which is wrong for "b".
    assert by_family["b"].refitted > by_family["b"].raw


@pytest.mark.skipif(not DEV_CASES.is_dir(), reason="needs the example cases in ../shared")
def test_the_committed_calibration_is_close_to_a_fresh_fit_and_helps_unseen_families(
    kb: KnowledgeBase,
) -> None:
    """Fails when cases or evidence change enough that conditions.yaml needs a new fit."""
    assert kb.calibration is not None
    report = check(cause_lines([DEV_CASES, OWN_CASES], now=NOW, kb=kb), committed=None)
    assert report.fit.intercept == pytest.approx(kb.calibration.intercept, abs=0.2)
    assert report.fit.slope == pytest.approx(kb.calibration.slope, abs=0.2)
    assert report.out_of_family("refitted") < report.out_of_family("raw")
    not_helped = {
        family.family
        for family in report.families
        if family.lines >= 50 and family.refitted >= family.raw
    }
    # The urgent and emergency held-out cases are scored worse by a fit on the others: the fit
    # raises every number, also those of the everyday causes that an emergency's gold list leaves
    # out (docs/evidence.md, "Second held-out set"). A family joining or leaving this set changes
    # what the docs say, so it fails here until they are updated.
    assert not_helped == FAMILIES_NOT_HELPED


FAMILIES_NOT_HELPED = {"cases:hx", "cases:mb"}


def test_a_slope_that_would_reverse_the_order_is_rejected(tmp_path: Path) -> None:
    directory = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), directory)
    path = directory / "conditions.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  slope: " in text
    path.write_text(
        "\n".join(
            "  slope: -1.0" if line.startswith("  slope: ") else line for line in text.splitlines()
        ),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(directory)
    assert "conditions.yaml" in str(err.value)
    assert "slope" in str(err.value)


@pytest.mark.skipif(not DEV_CASES.is_dir(), reason="needs the example cases in ../shared")
def test_evaluate_calibration_prints_the_fit_and_each_family(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", str(DEV_CASES), "--calibration", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["lines"] == 3 * len(list(DEV_CASES.glob("*.json")))
    assert data["committed"]["slope"] > 0
    assert [f["family"] for f in data["families"]] == ["dev:"]
