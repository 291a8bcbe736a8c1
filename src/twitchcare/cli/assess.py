"""`twitchcare assess` command (assessment core)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Attach the command(s) of this module to the root app."""
