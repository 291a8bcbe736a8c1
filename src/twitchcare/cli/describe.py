"""Plain one-line descriptions of diary records, shared by the Typer and the fast ``log`` path."""

from __future__ import annotations

from twitchcare.diary.records import Episode


def describe_episode(episode: Episode) -> str:
    """``2026-11-25 22:10 +0100  calf (left); 30 s; intensity 3; under stress``."""
    parts = [", ".join(episode.locations)]
    if episode.side:
        parts[0] += f" ({episode.side})"
    if episode.duration_s is not None:
        parts.append(f"{episode.duration_s:g} s")
    if episode.intensity is not None:
        parts.append(f"intensity {episode.intensity}")
    if episode.contexts:
        parts.append(", ".join(c.replace("_", " ") for c in episode.contexts))
    return f"{episode.started_at:%Y-%m-%d %H:%M %z}  " + "; ".join(parts)
