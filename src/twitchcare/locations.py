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

# The knowledge names the fact for each place "loc.<place>" ("loc.calf"): the body map asks them,
# the causes and rules read them, the reports list them.
PLACE_PREFIX = "loc."


def place_fact(location: str) -> str:
    """The fact that says a place twitches (``"calf"`` -> ``"loc.calf"``)."""
    return f"{PLACE_PREFIX}{location}"


# Everyday words for each place, accepted wherever a person names a place: the interview's body
# map, `twitchcare log`, the web diary. Defined once, so "tummy" works everywhere or nowhere.
PLACE_ALIASES: dict[str, tuple[str, ...]] = {
    "eyelid": ("eye", "eyes", "eyelids", "lid"),
    "lips_or_mouth": ("lip", "lips", "mouth"),
    "upper_arm": ("arm", "biceps"),
    "abdomen": ("tummy", "stomach", "abs", "belly"),
    "calf": ("calves", "legs", "shin"),
    "hand": ("hands", "finger", "thumb"),
    "foot": ("feet", "toe"),
    "whole_body": ("everywhere", "all over", "body", "all", "whole"),
    "buttock": ("buttocks", "bum", "bottom"),
    "shoulder": ("shoulders",),
    "thigh": ("thighs",),
}
ALIAS_TO_PLACE: dict[str, str] = {
    alias.replace(" ", "_"): place for place, aliases in PLACE_ALIASES.items() for alias in aliases
}
