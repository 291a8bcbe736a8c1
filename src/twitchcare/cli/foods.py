"""Nutrition commands: foods (stub; see issue on magnesium, caffeine and alcohol)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the command(s) of this module to the root app."""
