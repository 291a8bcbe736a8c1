"""Docs kept honest: every setting and every command is documented."""

from __future__ import annotations

from tests.shared import REPO
from twitchcare.cli.app import app
from twitchcare.config import Settings

DOCS = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    if p.exists()
)


def test_settings_are_documented() -> None:
    for name in Settings.model_fields:
        assert f"TWITCHCARE_{name.upper()}" in DOCS, name


def test_commands_are_documented() -> None:
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    for name in names:
        assert name, "every command has a name"
        assert f"`{name}" in DOCS or f"twitchcare {name}" in DOCS, name


def test_readme_starts_with_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1][:400]
    assert "make run" in quick_start and "make test" in quick_start
