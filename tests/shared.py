"""What several test modules share: where the project brief lives (``../shared`` beside the
repository: cases, schema, data), the case files walked, and a copy of the knowledge broken on
purpose."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from twitchcare.errors import KnowledgeError
from twitchcare.kb.loader import build_kb, default_knowledge_dir

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TWITCHCARE_SHARED", REPO.parent / "shared"))
DEV_CASES = SHARED / "cases" / "dev"
OWN_CASES = REPO / "tests" / "cases"


def case_files() -> list[Path]:
    """Every case file the behaviour tests walk: the brief's examples (when present), then ours."""
    return [*sorted(DEV_CASES.glob("*.json")), *sorted(OWN_CASES.glob("*.json"))]


def broken_knowledge(tmp_path: Path, file: str, old: str, new: str) -> KnowledgeError:
    """The error of a copy of the knowledge with ``old`` replaced by ``new`` once in ``file``
    (``old`` must be there, so a test cannot pass on a change that was never made)."""
    folder = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        build_kb(folder)
    return err.value
