"""A session as a timeline of steps, and where in it a player is after some seconds.

Players (the terminal's Rich view, the browser) only ask :func:`position` what to show; all
timing decisions live here, so a test can step through a session without waiting for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError
from twitchcare.kb.relaxation import Session, Step

MIN_STEP_S = 2.0


@dataclass(frozen=True)
class PlannedStep:
    text: str
    seconds: float
    cue: str | None
    start: float  # seconds from the start of the session


@dataclass(frozen=True)
class SessionPlan:
    session: str
    name: str
    steps: list[PlannedStep]
    stage: int | None  # stages included (autogenic), or None
    logs_as: str

    @property
    def seconds(self) -> float:
        last = self.steps[-1]
        return last.start + last.seconds

    @property
    def minutes(self) -> float:
        return self.seconds / 60.0

    def as_dict(self) -> dict[str, object]:
        """JSON-ready, for a browser player that times the steps itself."""
        return {
            "session": self.session,
            "name": self.name,
            "stage": self.stage,
            "logs_as": self.logs_as,
            "seconds": round(self.seconds, 2),
            "steps": [
                {"text": s.text, "seconds": s.seconds, "cue": s.cue, "start": round(s.start, 2)}
                for s in self.steps
            ],
        }


@dataclass(frozen=True)
class Position:
    """What to show ``elapsed`` seconds into a plan."""

    index: int
    step: PlannedStep
    step_elapsed: float
    step_left: float
    session_left: float
    done: bool

    @property
    def fraction(self) -> float:
        """How far through the current step, 0..1 (breathing animations follow it)."""
        return min(1.0, self.step_elapsed / self.step.seconds) if self.step.seconds else 1.0


def _timed(steps: list[tuple[str, float, str | None]]) -> list[PlannedStep]:
    out, t = [], 0.0
    for text, seconds, cue in steps:
        out.append(PlannedStep(text, seconds, cue, t))
        t += seconds
    return out


def _raw(steps: list[Step]) -> list[tuple[str, float, str | None]]:
    return [(s.text, s.seconds, s.cue) for s in steps]


def _scaled(
    body: list[tuple[str, float, str | None]], seconds: float
) -> list[tuple[str, float, str | None]]:
    total = sum(s for _, s, _ in body)
    factor = seconds / total if total else 1.0
    return [(text, max(MIN_STEP_S, s * factor), cue) for text, s, cue in body]


def _breaths(session: Session, seconds: float) -> list[tuple[str, float, str | None]]:
    assert session.breathing is not None
    rhythm = session.breathing
    one = rhythm.inhale_s + rhythm.hold_s + rhythm.exhale_s
    count = max(1, math.floor(seconds / one + 1e-9))
    body: list[tuple[str, float, str | None]] = []
    for _breath in range(count):
        body.append((_("Breathe in slowly"), rhythm.inhale_s, "inhale"))
        if rhythm.hold_s:
            body.append((_("Hold gently"), rhythm.hold_s, "hold"))
        body.append((_("Breathe out, longer and slower"), rhythm.exhale_s, "exhale"))
    return body


def _timer(session: Session, seconds: float) -> list[tuple[str, float, str | None]]:
    every = (session.bell_every_minutes or 0) * 60.0
    if every <= 0 or every >= seconds:
        return [(_("Rest your attention on the breath."), seconds, "rest")]
    body: list[tuple[str, float, str | None]] = []
    left = seconds
    while left > 1e-9:
        part = min(every, left)
        body.append((_("Rest your attention on the breath."), part, "rest"))
        left -= part
        if left > 1e-9:
            body.append(
                (_("Bell: notice where your mind is, and come back to the breath."), 0.5, "bell")
            )
            left -= 0.5
    return body


def build_plan(
    session: Session, minutes: float | None = None, stage: int | None = None
) -> SessionPlan:
    """The steps of ``session``; ``minutes`` stretches or shortens its body (default: its own)."""
    if minutes is not None and not 1 <= minutes <= 240:
        raise InputError(
            field="minutes",
            problem=_("{minutes} minutes").format(minutes=f"{minutes:g}"),
            hint=_("1-240 minutes"),
        )
    if session.kind == "walk":
        raise InputError(
            field="session",
            problem=_("a walk is not played, only logged"),
            hint=_("after walking: twitchcare relax walk --minutes 30"),
        )
    opening, closing = _raw(session.opening), _raw(session.closing)
    frame = sum(s for _, s, _ in opening + closing)
    wanted = (minutes or session.minutes) * 60.0
    body_s = max(30.0, wanted - frame)
    used_stage = None
    if session.kind == "breathing":
        body = _breaths(session, body_s)
    elif session.kind == "timer":
        body = _timer(session, body_s)
    elif session.kind == "stages":
        count = len(session.stages)
        used_stage = count if stage is None else stage
        if not 1 <= used_stage <= count:
            raise InputError(field="stage", problem=f"{stage}", hint=f"1-{count}")
        body = [s for st in session.stages[:used_stage] for s in _raw(st.steps)]
        body = _scaled(body, body_s) if minutes is not None else body
    else:
        body = _raw(session.steps)
        body = _scaled(body, body_s) if minutes is not None else body
    return SessionPlan(
        session=session.id,
        name=session.name,
        steps=_timed(opening + body + closing),
        stage=used_stage,
        logs_as=session.logs_as,
    )


def position(plan: SessionPlan, elapsed: float) -> Position:
    """The step being shown ``elapsed`` seconds in (the last one, done, once time is up)."""
    total = plan.seconds
    if elapsed >= total:
        last = plan.steps[-1]
        return Position(len(plan.steps) - 1, last, last.seconds, 0.0, 0.0, True)
    elapsed = max(0.0, elapsed)
    lo, hi = 0, len(plan.steps) - 1
    while lo < hi:  # the last step starting at or before ``elapsed``
        mid = (lo + hi + 1) // 2
        if plan.steps[mid].start <= elapsed:
            lo = mid
        else:
            hi = mid - 1
    step = plan.steps[lo]
    inside = elapsed - step.start
    return Position(lo, step, inside, step.seconds - inside, total - elapsed, False)
