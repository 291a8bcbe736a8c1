"""What the diary tells the assessment.

The article says to consult a doctor "if the twitching lasts longer or keeps returning"; the diary
is how twitchcare knows. Its persistence facts (``diary_persistent``, ``diary_returning``) feed
the knowledge base's rules, which raise the level to at least ``doctor`` with the NHS reason.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from twitchcare.kb.logic import FactValue

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore


def existing_diary() -> DiaryStore | None:
    """Open the configured diary only if it already exists: assessing never creates one."""
    from twitchcare.paths import local_database_url
    from twitchcare.store import open_store
    from twitchcare.store.quick import sqlite_path

    url = local_database_url()
    path = sqlite_path(url) if url else None
    if path is not None and not Path(path).exists():
        return None
    return open_store()


def diary_facts(store: DiaryStore, today: dt.date) -> dict[str, FactValue]:
    """Persistence facts and the stored profile, as facts the engine understands."""
    from twitchcare.diary.persistence import detect_in_store
    from twitchcare.diary.profile import get_profile

    facts: dict[str, FactValue] = dict(detect_in_store(store, today).facts)
    profile = get_profile(store)
    if profile is not None:
        facts.update(
            age=profile.age,
            sex=profile.sex,
            pregnant=profile.pregnant,
            breastfeeding=profile.breastfeeding,
            athlete=profile.athlete,
        )
    return facts
