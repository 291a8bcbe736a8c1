"""Facts: what we know about one person, as a flat mapping of fact id -> value.

A missing key means "not known" - never "no". Derived facts (medication classes, how many places
twitch) are recomputed from the answers so rules can use them without repeating the lists.
"""

from __future__ import annotations

from collections.abc import Mapping

from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import KnowledgeBase
from twitchcare.locations import LOCATIONS

CONTEXTS = (
    "falling_asleep",
    "at_rest",
    "after_exercise",
    "under_stress",
    "after_caffeine",
    "after_alcohol",
    "evening_or_night",
    "any_time",
)


def normalise_medicine(name: str) -> str:
    """Lower case, single spaces: medicine names are matched as generic names."""
    return " ".join(name.lower().split())


def derive(kb: KnowledgeBase, facts: Mapping[str, FactValue]) -> dict[str, FactValue]:
    """Return the facts with derived facts (med.<class>, location_count) filled in."""
    out = dict(facts)
    for key in [k for k in out if k.startswith("med.") or k == "location_count"]:
        del out[key]
    meds = out.get("medications")
    if isinstance(meds, list):
        taken = {normalise_medicine(m) for m in meds}
        for cls in kb.medications.values():
            out[f"med.{cls.id}"] = bool(taken & set(cls.members))
    if any(out.get(f"loc.{loc}") is True for loc in LOCATIONS):
        # The body map is answered as a whole: places not ticked do not twitch.
        for loc in LOCATIONS:
            out.setdefault(f"loc.{loc}", False)
        out["location_count"] = sum(out[f"loc.{loc}"] is True for loc in LOCATIONS)
    return out
