"""``twitchcare relax``: guided sessions in the terminal, a daily walk, and programmes.

Each guided session of ``knowledge/relaxation.yaml`` is a command (``relax breathing``, ``relax
autogenic``, ...); a test keeps this list equal to the knowledge. Finished sessions are logged in
the diary as relaxation minutes (a walk as exercise minutes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import typer

from twitchcare.cli.i18n import _, language, long_date, number

if TYPE_CHECKING:
    import datetime as dt

    from twitchcare.kb.models import KnowledgeBase
    from twitchcare.relax.programme import Progress

#: The sessions a player can play (every session of the knowledge except the walk).
PLAYABLE = ("breathing", "autogenic", "pmr", "meditation", "yoga")

relax_app = typer.Typer(
    help="Guided relaxation (breathing, autogenic training, muscle relaxation, meditation, "
    "stretches), a daily walk, and programmes; sessions are logged in your diary.",
    no_args_is_help=True,
)
programme_app = typer.Typer(help="Follow a programme: one session a day for some weeks.")
relax_app.add_typer(programme_app, name="programme")


def register(app: typer.Typer) -> None:
    """Attach the ``relax`` group to the root app."""
    app.add_typer(relax_app, name="relax")


def _now() -> dt.datetime:
    import datetime as dt

    return dt.datetime.now().astimezone()


def _player(session_id: str) -> Callable[..., None]:
    def command(
        minutes: float | None = typer.Option(
            None, "--minutes", "-m", help="Length in minutes (default: the session's own)."
        ),
        stage: int | None = typer.Option(
            None, "--stage", help="Autogenic training: how many exercises (1-6)."
        ),
        speed: float = typer.Option(
            1.0, "--speed", help="Play faster (e.g. 60: a minute a second), to try it out."
        ),
        log: bool = typer.Option(True, "--log/--no-log", help="Log the minutes in your diary."),
        sound: bool = typer.Option(
            False, "--sound", help="A soft generated tone at each step (or the terminal bell)."
        ),
    ) -> None:
        _play(session_id, minutes=minutes, stage=stage, speed=speed, log=log, sound=sound)

    command.__doc__ = f"Play the '{session_id}' session (see `twitchcare relax list`)."
    return command


def _play(
    session_id: str,
    *,
    minutes: float | None,
    stage: int | None,
    speed: float,
    log: bool,
    sound: bool = False,
) -> None:
    from rich.console import Console

    from twitchcare.cli.relax_player import ScaledClock, Sound, play
    from twitchcare.errors import InputError
    from twitchcare.kb import load_kb
    from twitchcare.relax.plan import build_plan

    if not 0.1 <= speed <= 10_000:
        raise InputError(
            field="--speed",
            problem=_("{value} is outside the accepted range").format(value=f"{speed:g}"),
            hint="0.1-10000",
        )
    kb = load_kb(lang=language())
    session = kb.relaxation[session_id]
    if stage is None and session.stages:
        stage = _programme_stage(kb, session_id)
    plan = build_plan(session, minutes, stage)
    console = Console(highlight=False)
    console.print(f"{session.name}: {session.summary}")
    console.print(
        _("Evidence: {evidence}").format(evidence=session.evidence)
        + f" [{', '.join(session.sources)}]",
        style="dim",
    )
    tones = Sound(console) if sound else None
    try:
        outcome = play(plan, console, ScaledClock(speed), on_step=tones.cue if tones else None)
    finally:
        if tones is not None:
            tones.close()
    practised = outcome.seconds / 60.0
    if not outcome.finished:
        console.print(_("Stopped after {minutes} min.").format(minutes=_min(practised)))
    if not log or practised < 1.0:
        console.print(_("Nothing logged.") if log else _("Not logged (--no-log)."))
        return
    total = _log(session_id, practised, outcome.finished, plan.logs_as)
    text = (
        _("Logged {minutes} min of relaxation in your diary (today: {total} min).")
        if plan.logs_as == "relaxation_min"
        else _("Logged {minutes} min of exercise in your diary (today: {total} min).")
    )
    console.print(text.format(minutes=_min(practised), total=_min(total)))


def _min(minutes: float) -> str:
    return number(round(minutes, 1))


def _log(session_id: str, minutes: float, completed: bool, factor: str) -> float:
    from twitchcare.relax.practice import Practice, log_practice
    from twitchcare.store import open_store

    store = open_store()
    try:
        return log_practice(store, Practice(_now(), session_id, minutes, completed, factor))
    finally:
        store.close()


def _programme_stage(kb: KnowledgeBase, session_id: str) -> int | None:
    """The stage the running programme has reached, if it trains this session."""
    from twitchcare.diary.for_assessment import existing_diary

    store = existing_diary()
    if store is None:
        return 1
    try:
        from twitchcare.relax.programme import progress

        current = progress(store, kb, _now().date())
    finally:
        store.close()
    if current is None or current.session != session_id or current.finished:
        return 1
    return current.stage


for _session_id in PLAYABLE:
    relax_app.command(_session_id)(_player(_session_id))


@relax_app.command("walk")
def walk(
    minutes: float = typer.Option(30.0, "--minutes", "-m", help="How long you walked."),
) -> None:
    """Log a walk you took (it counts as exercise in your diary); the daily goal is 30 minutes."""
    from twitchcare.errors import InputError
    from twitchcare.kb import load_kb

    session = load_kb(lang=language()).relaxation["walk"]
    if not 1 <= minutes <= 600:
        raise InputError(
            field="--minutes",
            problem=_("{value} is outside the accepted range").format(value=f"{minutes:g}"),
            hint=_("{low}-{high} minutes").format(low=1, high=600),
        )
    total = _log("walk", minutes, True, session.logs_as)
    goal = session.minutes
    left = max(0.0, goal - total)
    more = (
        _("{left:.0f} min to the daily goal of {goal:g}").format(left=left, goal=goal)
        if left
        else _("daily goal reached")
    )
    typer.echo(
        _("Logged a {minutes}-minute walk (exercise today: {total} min; {more}).").format(
            minutes=number(minutes), total=number(total), more=more
        )
    )


@relax_app.command("list")
def list_sessions() -> None:
    """Every guided session and programme, with its evidence."""
    from twitchcare.kb import load_kb

    kb = load_kb(lang=language())
    for s in kb.relaxation.values():
        about = _("about {minutes} min").format(minutes=number(s.minutes))
        typer.echo(f"{s.id:<11} {s.name} ({about})\n            {s.summary}")
    typer.echo("\n" + _("Programmes (twitchcare relax programme start ID):"))
    for p in kb.programmes.values():
        typer.echo(f"{p.id:<15} {p.name}: {p.summary}")


@programme_app.command("start")
def start(
    programme: str = typer.Argument(..., help="e.g. autogenic, breathing, pmr, walk"),
) -> None:
    """Start a programme today (a running one is stopped)."""
    from twitchcare.kb import load_kb
    from twitchcare.relax.programme import start_programme
    from twitchcare.store import open_store

    kb = load_kb(lang=language())
    store = open_store()
    try:
        start_programme(store, kb, programme, _now().date())
    finally:
        store.close()
    p = kb.programmes[programme]
    typer.echo(
        _("Started: {name} ({days} days).").format(name=p.name, days=p.days) + f" {p.summary}"
    )
    typer.echo(
        _("Today: twitchcare relax {session}   ·   progress: twitchcare relax status").format(
            session=p.session
        )
    )


@programme_app.command("stop")
def stop() -> None:
    """Stop the running programme (what you practised stays in the diary)."""
    from twitchcare.relax.programme import stop_programme
    from twitchcare.store import open_store

    store = open_store()
    try:
        stopped = stop_programme(store, _now().date())
    finally:
        store.close()
    typer.echo(_("Stopped the programme '{name}'.").format(name=stopped))


@relax_app.command("status")
def status() -> None:
    """The running programme's progress and today's relaxation and walk."""
    from twitchcare.diary.days import get_day
    from twitchcare.kb import load_kb
    from twitchcare.relax.programme import progress
    from twitchcare.store import open_store

    kb = load_kb(lang=language())
    today = _now().date()
    store = open_store()
    try:
        current = progress(store, kb, today)
        day = get_day(store, today)
    finally:
        store.close()
    relaxed = (day.relaxation_min if day else None) or 0.0
    walked = (day.exercise_min if day else None) or 0.0
    typer.echo(
        _("Today: {relaxed} min relaxation, {walked} min exercise (walk goal {goal} min).").format(
            relaxed=number(relaxed),
            walked=number(walked),
            goal=number(kb.relaxation["walk"].minutes),
        )
    )
    if current is None:
        typer.echo(_("No programme running. Start one: twitchcare relax programme start autogenic"))
        return
    typer.echo(_progress_text(current, today))


def _progress_text(p: Progress, today: dt.date) -> str:
    import datetime as dt

    strip = "".join(
        "■" if d in p.days_done else ("□" if d <= today else "·")
        for d in (p.start + dt.timedelta(days=i) for i in range(p.days))
    )
    lines = [
        _("{name}: day {day} of {days}, practised on {done} day(s) ({share}%).").format(
            name=p.name,
            day=min(p.day, p.days),
            days=p.days,
            done=len(p.days_done),
            share=round(100 * p.share_done),
        ),
        f"{strip}   " + _("(■ practised, □ missed, · to come)"),
    ]
    if p.finished:
        lines.append(
            _("Finished on {day}. Start another: twitchcare relax list").format(
                day=long_date(p.end)
            )
        )
    else:
        stage = f" --stage {p.stage} ({p.stage_name})" if p.stage else ""
        todo = (
            _("done today")
            if p.done_today
            else _("today: twitchcare relax {session}").format(session=p.session) + stage
        )
        lines.append(todo)
    return "\n".join(lines)
