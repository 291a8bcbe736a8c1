"""Interactive terminal interview (placeholder until the Rich UI lands)."""

from __future__ import annotations

import datetime as dt

from twitchcare.kb.models import KnowledgeBase


def run_interactive(kb: KnowledgeBase, *, now: dt.datetime) -> None:
    """Ask the interview pages in the terminal and show the result."""
    raise NotImplementedError
