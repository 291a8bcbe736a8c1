"""The shape of ``knowledge/relaxation.yaml``: guided sessions and programmes, as data.

A session is a list of timed steps (or a breathing rhythm, or a timer with bells); a programme is
a session practised daily for a number of days, with later stages unlocked as days pass
(autogenic training adds one standard exercise at a time). Every session cites its evidence.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Strict(BaseModel):
    """As in :mod:`twitchcare.kb.models` (which imports this module, so it cannot be shared)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Cue = Literal["inhale", "hold", "exhale", "tense", "release", "bell", "stretch", "rest"]


class Step(Strict):
    """One thing to do for ``seconds``, in plain words."""

    text: str = Field(min_length=3)
    seconds: float = Field(gt=0, le=3600)
    cue: Cue | None = None


class Stage(Strict):
    """A part of a session learnt on its own (one autogenic exercise, for example)."""

    id: str
    name: str
    steps: list[Step] = Field(min_length=1)


class Breathing(Strict):
    """A paced breathing rhythm; one breath lasts inhale + hold + exhale seconds."""

    inhale_s: float = Field(gt=0, le=20)
    hold_s: float = Field(default=0, ge=0, le=20)
    exhale_s: float = Field(gt=0, le=20)

    @property
    def breaths_per_minute(self) -> float:
        return 60.0 / (self.inhale_s + self.hold_s + self.exhale_s)


class Session(Strict):
    """A guided session: opening steps, then its body (steps, stages, a rhythm or a timer)."""

    id: str
    name: str
    kind: Literal["steps", "stages", "breathing", "timer", "walk"]
    summary: str = Field(min_length=10)
    evidence: str = Field(min_length=10, description="What the evidence says, in plain words.")
    sources: list[str] = Field(min_length=1)
    minutes: float = Field(gt=0, le=240, description="Default length (timer, breathing, walk).")
    opening: list[Step] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)
    breathing: Breathing | None = None
    bell_every_minutes: float | None = Field(default=None, gt=0)
    closing: list[Step] = Field(default_factory=list)
    logs_as: Literal["relaxation_min", "exercise_min"] = "relaxation_min"

    @model_validator(mode="after")
    def _body_fits_kind(self) -> Session:
        needs = {
            "steps": bool(self.steps),
            "stages": bool(self.stages),
            "breathing": self.breathing is not None,
            "timer": True,
            "walk": True,
        }
        if not needs[self.kind]:
            raise ValueError(f"a '{self.kind}' session needs its '{self.kind}' field")
        return self


class Programme(Strict):
    """A session practised daily for ``days`` days; a new stage every ``stage_every_days``."""

    id: str
    name: str
    session: str
    days: int = Field(ge=1, le=366)
    minutes: float = Field(gt=0, le=240)
    summary: str = Field(min_length=10)
    stage_every_days: int | None = Field(default=None, ge=1)
    sources: list[str] = Field(min_length=1)


class RelaxationFile(Strict):
    sessions: list[Session] = Field(min_length=1)
    programmes: list[Programme] = Field(default_factory=list)
