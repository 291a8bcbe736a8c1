"""Plain one-line descriptions of diary records, shared by the Typer and the fast ``log`` path."""

from __future__ import annotations

from twitchcare.cli.i18n import N_, _
from twitchcare.diary.records import Episode

# The places, sides and circumstances of locations.py and the diary, marked for the catalogue.
WORDS = {
    "eyelid": N_("eyelid"),
    "face": N_("face"),
    "lips_or_mouth": N_("lips or mouth"),
    "tongue": N_("tongue"),
    "neck": N_("neck"),
    "shoulder": N_("shoulder"),
    "upper_arm": N_("upper arm"),
    "forearm": N_("forearm"),
    "hand": N_("hand"),
    "chest": N_("chest"),
    "abdomen": N_("abdomen"),
    "back": N_("back"),
    "buttock": N_("buttock"),
    "thigh": N_("thigh"),
    "calf": N_("calf"),
    "foot": N_("foot"),
    "whole_body": N_("whole body"),
    "left": N_("left"),
    "right": N_("right"),
    "both": N_("both"),
    "not_applicable": N_("not applicable"),
    "falling_asleep": N_("falling asleep"),
    "at_rest": N_("at rest"),
    "after_exercise": N_("after exercise"),
    "under_stress": N_("under stress"),
    "after_caffeine": N_("after caffeine"),
    "after_alcohol": N_("after alcohol"),
}


def word(value: str) -> str:
    """A place, side or circumstance in the person's language."""
    return _(WORDS.get(value, value.replace("_", " ")))


def describe_episode(episode: Episode) -> str:
    """``2026-11-25 22:10 +0100  calf (left); 30 s; intensity 3; under stress``."""
    parts = [", ".join(word(place) for place in episode.locations)]
    if episode.side:
        parts[0] += f" ({word(episode.side)})"
    if episode.duration_s is not None:
        parts.append(f"{episode.duration_s:g} s")
    if episode.intensity is not None:
        parts.append(_("intensity {n}").format(n=episode.intensity))
    if episode.contexts:
        parts.append(", ".join(word(c) for c in episode.contexts))
    return f"{episode.started_at:%Y-%m-%d %H:%M %z}  " + "; ".join(parts)
