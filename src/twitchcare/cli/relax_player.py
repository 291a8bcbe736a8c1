"""The terminal player: shows a session plan step by step, in time, with a Rich live view.

Time comes from a clock object, so ``--speed`` (or a test's fake clock) plays a five-minute
session in a moment. On a terminal the view is redrawn in place (a breathing bar grows on the
in-breath and shrinks on the out-breath); elsewhere (a pipe, a screen reader) each step is printed
once as a plain line when it starts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from twitchcare.cli.i18n import _

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from twitchcare.relax.plan import Position, SessionPlan

BAR_WIDTH = 30


class Clock(Protocol):
    def now(self) -> float:
        """Seconds of session time since the clock was made."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` of session time."""
        ...


class ScaledClock:
    """Wall time, ``speed`` times faster (1 = real time)."""

    def __init__(self, speed: float = 1.0) -> None:
        self.speed = speed
        self.start = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self.start) * self.speed

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds) / self.speed)


class Sound:
    """Plays the generated tone of each step's cue with a local audio player, else rings the
    terminal bell (said once, so silence is never a mystery)."""

    PLAYERS = (("paplay",), ("aplay", "-q"), ("afplay",))

    def __init__(self, console: Console) -> None:
        import shutil
        import tempfile

        self.console = console
        self.command = next(
            ([shutil.which(p[0]), *p[1:]] for p in self.PLAYERS if shutil.which(p[0])), None
        )
        self.folder = tempfile.TemporaryDirectory(prefix="twitchcare-tones-")
        if self.command is None:
            console.print(
                _("No audio player found (paplay or aplay): cues ring the terminal bell.")
            )

    def cue(self, cue: str | None) -> None:
        import subprocess
        from pathlib import Path

        from twitchcare.relax.tones import cue_wav

        if cue is None:
            return
        if self.command is None:
            self.console.bell()
            return
        path = Path(self.folder.name) / f"{cue}.wav"
        if not path.exists():
            data = cue_wav(cue)
            if data is None:
                return
            path.write_bytes(data)
        subprocess.Popen(
            [*map(str, self.command), str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def close(self) -> None:
        self.folder.cleanup()


@dataclass
class Outcome:
    seconds: float
    finished: bool


def _mmss(seconds: float) -> str:
    s = max(0, round(seconds))
    return f"{s // 60}:{s % 60:02d}"


def _bar(pos: Position) -> str:
    cue = pos.step.cue
    if cue == "inhale":
        filled = round(BAR_WIDTH * pos.fraction)
    elif cue == "exhale":
        filled = round(BAR_WIDTH * (1 - pos.fraction))
    elif cue == "hold":
        filled = BAR_WIDTH
    else:
        filled = round(BAR_WIDTH * pos.fraction)
    return "█" * filled + "·" * (BAR_WIDTH - filled)


def frame(plan: SessionPlan, pos: Position) -> RenderableType:
    """One picture of the session: the step, its countdown and the whole session's progress."""
    from rich.panel import Panel
    from rich.text import Text

    body = Text()
    label = {
        "inhale": _("IN"),
        "exhale": _("OUT"),
        "hold": _("HOLD"),
        "tense": _("TENSE"),
        "release": _("LET GO"),
    }
    if pos.step.cue in label:
        body.append(f"{label[pos.step.cue]}\n", style="bold")
    body.append(pos.step.text + "\n\n", style="bold" if pos.step.cue != "rest" else "")
    body.append(_bar(pos), style="cyan")
    body.append(f"  {_mmss(pos.step_left)}\n", style="dim")
    done = 1 - pos.session_left / plan.seconds if plan.seconds else 1.0
    body.append(
        _("step {n} of {total} · {left} left").format(
            n=pos.index + 1, total=len(plan.steps), left=_mmss(pos.session_left)
        ),
        style="dim",
    )
    body.append(f" · {round(100 * done)}%", style="dim")
    stage = " " + _("(stage {n})").format(n=plan.stage) if plan.stage else ""
    return Panel(body, title=f"{plan.name}{stage}", subtitle=_("Ctrl-C stops"), title_align="left")


def play(
    plan: SessionPlan,
    console: Console,
    clock: Clock,
    *,
    tick: float = 0.1,
    on_step: Callable[[str | None], None] | None = None,
) -> Outcome:
    """Show ``plan`` in time; returns how long it ran and whether it reached the end.

    ``on_step`` is called with each step's cue as the step starts (the sound, when asked for).
    """
    from twitchcare.relax.plan import position

    shown = -1
    announced = -1

    def announce(pos: Position) -> None:
        nonlocal announced
        if on_step is not None and pos.index != announced and not pos.done:
            announced = pos.index
            on_step(pos.step.cue)

    if console.is_terminal:
        from rich.live import Live

        with Live(frame(plan, position(plan, 0.0)), console=console, auto_refresh=False) as live:
            try:  # inside the view, so an interrupted view closes as cleanly as a finished one
                while True:
                    pos = position(plan, clock.now())
                    announce(pos)
                    live.update(frame(plan, pos), refresh=True)
                    if pos.done:
                        break
                    clock.sleep(min(tick, pos.step_left))
            except KeyboardInterrupt:
                return Outcome(min(clock.now(), plan.seconds), False)
        return Outcome(plan.seconds, True)
    try:
        while True:
            pos = position(plan, clock.now())
            announce(pos)
            if pos.index != shown and not pos.done:
                shown = pos.index
                cue = f"[{pos.step.cue}] " if pos.step.cue else ""
                console.print(f"{_mmss(pos.step.start)} {cue}{pos.step.text}", highlight=False)
            if pos.done:
                break
            clock.sleep(pos.step_left)
    except KeyboardInterrupt:
        return Outcome(min(clock.now(), plan.seconds), False)
    return Outcome(plan.seconds, True)
