"""docs/nutrition.md names every nutrition command and every source the knowledge cites."""

from __future__ import annotations

from pathlib import Path

import pytest

from twitchcare.nutrition.knowledge import FILES, cited_sources, load_knowledge

DOC = Path(__file__).parents[3] / "docs" / "nutrition.md"


@pytest.mark.parametrize(
    "command",
    [
        "foods search", "mg add", "mg today", "mg target", "mg plan", "caffeine add",
        "caffeine today", "caffeine drinks", "alcohol add", "alcohol week",
    ],
)  # fmt: skip
def test_every_command_is_documented(command: str) -> None:
    assert f"twitchcare {command}" in DOC.read_text(encoding="utf-8")


def test_every_cited_source_appears_in_the_docs() -> None:
    text = DOC.read_text(encoding="utf-8")
    kb = load_knowledge()
    cited = {source for name in FILES for _, source in cited_sources(getattr(kb, name))}
    assert {s for s in cited if s not in text} == set()
