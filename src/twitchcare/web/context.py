"""What routes take from the app: the knowledge base, the diary, the signer, the settings.

One place owns "which diary is this request's", so hosted mode can later swap in the account's
diary here without touching a route.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from twitchcare.config import Settings
from twitchcare.emergency import emergency_number
from twitchcare.engine.assess import Assessment
from twitchcare.engine.causes import certainty_words
from twitchcare.kb.models import KnowledgeBase
from twitchcare.preferences import get_country
from twitchcare.store import DiaryStore
from twitchcare.web import wording
from twitchcare.web.i18n import gettext
from twitchcare.web.state import StateCodec

__all__ = ["codec", "kb", "result_view", "settings", "store"]


def kb(request: Request) -> KnowledgeBase:
    """The knowledge in the request's language (the same medicine; only the words differ)."""
    from twitchcare.kb import load_kb

    lang = getattr(request.state, "lang", "en")
    if lang == "en":
        value: KnowledgeBase = request.app.state.kb
        return value
    return load_kb(lang=lang)


def store(request: Request) -> DiaryStore:
    value: DiaryStore = request.app.state.store
    return value


def settings(request: Request) -> Settings:
    value: Settings = request.app.state.settings
    return value


def codec(request: Request) -> StateCodec:
    value: StateCodec = request.app.state.codec
    return value


def result_view(request: Request, outcome: Assessment) -> dict[str, Any]:
    """The result as the engine serialises it, plus the words and number the page shows."""
    from twitchcare.engine.serialise import assessment_dict

    base = kb(request)
    r = assessment_dict(base, outcome)
    facts = dict(outcome.facts)
    for cause in r["causes"]:
        cause["for_lines"] = wording.evidence_lines(base, cause["for"], facts)
        cause["against_lines"] = wording.evidence_lines(base, cause["against"], facts)
    for reason in r["reasons"]:
        reason["fact_lines"] = [wording.fact_label(base, f, facts.get(f)) for f in reason["facts"]]
    r["crew_lines"] = wording.crew_lines(base, outcome.for_the_crew, facts)
    r["disclaimer"] = gettext(r["disclaimer"])
    r["certainty_words"] = certainty_words(outcome.certainty)
    return {
        "r": r,
        "whom": wording.specialist_name(r["specialist"]),
        "emergency": emergency_number(get_country(settings(request).data_dir)),
    }
