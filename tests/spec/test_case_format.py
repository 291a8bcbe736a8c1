"""Case files of version 2 are read into facts, and version-1 files keep their meaning."""

from __future__ import annotations

import json
from pathlib import Path

from tests.spec.conftest import NOW
from twitchcare.engine import assess
from twitchcare.evaluation.cases import case_facts, load_case
from twitchcare.kb import KnowledgeBase

BASE = {
    "id": "x",
    "story": "A calf twitch.",
    "person": {"age": 50, "sex": "male"},
    "twitching": {"locations": ["calf"], "duration_days": 200},
}


def _case(tmp_path: Path, **parts: object) -> dict[str, object]:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**BASE, **parts}), encoding="utf-8")
    return dict(case_facts(load_case(path)))


def test_a_symptom_s_own_onset_becomes_an_onset_fact(tmp_path: Path) -> None:
    facts = _case(
        tmp_path, findings={"slurred_speech": True}, finding_onset_days={"slurred_speech": 0.2}
    )
    assert facts["onset_days.slurred_speech"] == 0.2


def test_a_symptom_without_its_own_onset_began_with_the_twitching(tmp_path: Path) -> None:
    facts = _case(tmp_path, findings={"slurred_speech": True})
    assert facts["onset_days.slurred_speech"] == 200


def test_slurred_speech_since_today_is_sudden_however_old_the_twitching(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    old = _case(tmp_path, findings={"slurred_speech": True})
    new = _case(
        tmp_path, findings={"slurred_speech": True}, finding_onset_days={"slurred_speech": 0}
    )
    assert assess(kb, old, now=NOW).level != "emergency"
    assert assess(kb, new, now=NOW).level == "emergency"


def test_a_version_1_fit_or_faint_counts_as_a_fit_when_not_told_apart(tmp_path: Path) -> None:
    yes = _case(tmp_path, findings={"seizure_or_fainting": True})
    no = _case(tmp_path, findings={"seizure_or_fainting": False})
    told = _case(tmp_path, findings={"seizure_or_fainting": True, "fainted": True})
    assert (yes["fit_or_seizure"], yes["fainted"]) == (True, False)
    assert (no["fit_or_seizure"], no["fainted"]) == (False, False)
    assert "fit_or_seizure" not in told


def test_medicines_stopped_and_substances_are_lists_of_compared_names(tmp_path: Path) -> None:
    facts = _case(
        tmp_path,
        exposures={"medications_stopped": ["Diazepam"], "substances": ["Energy_Drink"]},
    )
    assert facts["medications_stopped"] == ["diazepam"]
    assert facts["substances"] == ["energy drink"]
