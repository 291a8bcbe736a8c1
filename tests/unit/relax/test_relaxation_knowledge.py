"""relaxation.yaml is validated like the rest of the knowledge: errors name the file and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from twitchcare.errors import KnowledgeError
from twitchcare.kb.loader import build_kb, default_knowledge_dir


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), folder)
    path = folder / "relaxation.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [
        (
            "sources: [goyal-2014]",
            "sources: [goyal-2041]",
            "sessions[meditation].sources",
            "goyal-2014",
        ),
        ("    session: pmr\n", "    session: prm\n", "programmes[pmr].session", "pmr"),
        (
            "breathing: {inhale_s: 4, exhale_s: 6}",
            "breathing: {inhale_s: 0, exhale_s: 6}",
            "inhale_s",
            "",
        ),
    ],
)
def test_a_mistake_in_relaxation_yaml_names_the_file_and_key(
    tmp_path: Path, old: str, new: str, field: str, problem: str
) -> None:
    with pytest.raises(KnowledgeError) as err:
        build_kb(_edited(tmp_path, old, new))
    assert err.value.where == "relaxation.yaml"
    assert field in err.value.field
    assert problem in f"{err.value.problem} {err.value.hint}"


def test_the_shipped_programmes_include_two_weeks_of_autogenic_training() -> None:
    kb = build_kb(default_knowledge_dir())
    programme = kb.programmes["autogenic"]
    assert programme.days == 14 and programme.session == "autogenic"
