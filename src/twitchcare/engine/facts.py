"""Facts: what we know about one person, as a flat mapping of fact id -> value.

A missing key means "not known" - never "no". Derived facts (medication classes, how many places
twitch) are recomputed from the answers so rules can use them without repeating the lists.
"""

from __future__ import annotations

from collections.abc import Mapping

from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import KnowledgeBase
from twitchcare.kb.names import normalise_medicine
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


DERIVED_PREFIXES = ("med.", "stopped.", "interaction.")
NAME_LISTS = ("medications", "medications_stopped", "substances")


def _names(value: FactValue | None) -> set[str] | None:
    if not isinstance(value, list):
        return None
    return {normalise_medicine(m) for m in value}


def _members(kb: KnowledgeBase, classes: list[str]) -> set[str]:
    return {name for c in classes for name in kb.medications[c].members}


def unrecognised_names(kb: KnowledgeBase, facts: Mapping[str, FactValue]) -> tuple[str, ...]:
    """Medicine and substance names the knowledge does not know, in the order given.

    They are reported in the result ("not recognised: ..."), never dropped silently; an unknown
    name adds nothing to any class, so it can never lower the level.
    """
    unknown: dict[str, None] = {}
    for key in NAME_LISTS:
        value = facts.get(key)
        for raw in value if isinstance(value, list) else []:
            name = normalise_medicine(raw)
            if name and name not in kb.recognised_names:
                unknown[name] = None
    return tuple(unknown)


def derive(kb: KnowledgeBase, facts: Mapping[str, FactValue]) -> dict[str, FactValue]:
    """Return the facts with derived facts filled in.

    ``med.<class>``: a medicine or substance of that class is taken now (either list counts);
    ``stopped.<class>``: one was stopped or cut down lately; ``med.unrecognised`` and
    ``stopped.unrecognised``: a name the knowledge does not know; ``interaction.<id>``: two names
    that interact; ``location_count`` from the body map.
    A class is "no" once the medicines list is answered and names none of it.
    """
    out = dict(facts)
    for key in [k for k in out if k.startswith(DERIVED_PREFIXES) or k == "location_count"]:
        del out[key]
    meds, substances = _names(out.get("medications")), _names(out.get("substances"))
    if meds is not None or substances is not None:
        taken = (meds or set()) | (substances or set())
        for cls in kb.medications.values():
            if taken & set(cls.members):
                out[f"med.{cls.id}"] = True
            elif meds is not None:
                out[f"med.{cls.id}"] = False
    if meds is not None or substances is not None:
        taken = (meds or set()) | (substances or set())
        for inter in kb.interactions.values():
            first = _members(kb, inter.one_of) & taken
            second = _members(kb, inter.and_one_of) & taken
            hit = any(a != b for a in first for b in second)
            if hit or meds is not None:
                out[f"interaction.{inter.id}"] = hit
    if meds is not None or substances is not None:
        # Unknown names count as "something unknown is taken", so rules can err upwards.
        out["med.unrecognised"] = bool(
            ((meds or set()) | (substances or set())) - kb.recognised_names
        )
    stopped = _names(out.get("medications_stopped"))
    if stopped is not None:
        for cls in kb.medications.values():
            out[f"stopped.{cls.id}"] = bool(stopped & set(cls.members))
        out["stopped.unrecognised"] = bool(stopped - kb.recognised_names)
    if any(out.get(f"loc.{loc}") is True for loc in LOCATIONS):
        # The body map is answered as a whole: places not ticked do not twitch.
        for loc in LOCATIONS:
            out.setdefault(f"loc.{loc}", False)
        out["location_count"] = sum(out[f"loc.{loc}"] is True for loc in LOCATIONS)
    return out
