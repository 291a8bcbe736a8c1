"""Where the project brief lives: ``../shared`` beside the repository (cases, schema, data)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TWITCHCARE_SHARED", REPO.parent / "shared"))
DEV_CASES = SHARED / "cases" / "dev"
OWN_CASES = REPO / "tests" / "cases"


def case_files() -> list[Path]:
    """Every case file the behaviour tests walk: the brief's examples (when present), then ours."""
    return [*sorted(DEV_CASES.glob("*.json")), *sorted(OWN_CASES.glob("*.json"))]
