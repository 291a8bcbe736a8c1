"""Adapters read the engine's and the knowledge's structured fields, never their English."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from twitchcare.engine import assess
from twitchcare.kb import KnowledgeBase
from twitchcare.store import open_store

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
ADAPTERS = Path(__file__).parents[2] / "src" / "twitchcare"


def test_a_result_kept_from_the_web_holds_only_what_the_person_told(kb: KnowledgeBase) -> None:
    from twitchcare.diary.assessments import list_assessments
    from twitchcare.web.assessment import save

    facts = {
        "age": 40,
        "sex": "female",
        "loc.calf": True,
        "medications": ["sertraline", "tramadol"],
        "medications_stopped": ["prednisolone"],
        "diary_persistent": True,
    }
    result = assess(kb, facts, now=NOW)
    derived = {k for k in result.facts if k in kb.facts and kb.facts[k].derived}
    assert any(k.startswith("interaction.") for k in derived)
    assert any(k.startswith("stopped.") for k in derived)
    store = open_store()
    try:
        save(kb, store, result)
        kept = list_assessments(store)[0].answers
    finally:
        store.close()
    assert set(facts) - {"diary_persistent"} <= set(kept)
    assert not derived & set(kept)


def test_when_it_began_is_shown_as_days_ago_in_either_language(kb: KnowledgeBase) -> None:
    from twitchcare.cli.render import fact_label
    from twitchcare.kb import load_kb

    de = load_kb(lang="de")
    assert fact_label(kb, "duration_days", 3).endswith("3 days ago")
    assert fact_label(kb, "onset_days.slurred_speech", 2).endswith("2 days ago")
    assert not fact_label(kb, "medication_started_days_ago", 2).endswith("ago")
    assert kb.facts["onset_days.slurred_speech"].ago and de.facts["duration_days"].ago


def test_no_adapter_tells_a_question_from_a_label_by_its_punctuation() -> None:
    pattern = re.compile(r"\.text\b[^\n]*\.(endswith|startswith)\(")
    for folder in ("cli", "web", "reports"):
        for path in (ADAPTERS / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not pattern.search(text), path
            assert 'startswith(_("' not in text, path
