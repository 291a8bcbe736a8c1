"""The body locations and sides that diary, assessment and reports share.

They are the ``$defs.location`` list of the assessment case schema, so a diary entry and an
assessment always speak of the same places. Stdlib only: the fast ``log`` path imports it.
"""

from __future__ import annotations

LOCATIONS: tuple[str, ...] = (
    "eyelid",
    "face",
    "lips_or_mouth",
    "tongue",
    "neck",
    "shoulder",
    "upper_arm",
    "forearm",
    "hand",
    "chest",
    "abdomen",
    "back",
    "buttock",
    "thigh",
    "calf",
    "foot",
    "whole_body",
)
SIDES: tuple[str, ...] = ("left", "right", "both", "not_applicable")
