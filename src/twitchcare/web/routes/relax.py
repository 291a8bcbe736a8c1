"""Relaxation pages: the guided sessions with their evidence, a player per session, programmes.

The player page is a plain list of steps with an "I did this session" form; ``static/relax.js``
turns it into a timed player (timer, breathing animation, optional generated sound) that fills in
the same form when the session ends. Either way the minutes are logged by the core function the
terminal player uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import RedirectResponse, Response

from twitchcare.errors import InputError, NotFoundError
from twitchcare.web.context import kb, store
from twitchcare.web.diary import now, today
from twitchcare.web.i18n import _
from twitchcare.web.relaxation import MAX_SPEED, log_done, number, plan_for, session_of
from twitchcare.web.security import check_csrf
from twitchcare.web.templating import render

router = APIRouter(prefix="/relax", tags=["pages"], include_in_schema=False)


def _strip(progress: Any, day: dt.date) -> list[dict[str, Any]]:
    """Each day of the programme: practised, missed, today or still to come."""
    out = []
    for i in range(progress.days):
        date = progress.start + dt.timedelta(days=i)
        if date in progress.days_done:
            state = "done"
        elif date < day:
            state = "missed"
        elif date == day:
            state = "today"
        else:
            state = "ahead"
        out.append({"date": date, "number": i + 1, "state": state})
    return out


def _index(
    request: Request, problem: InputError | NotFoundError | None = None, status: int = 200
) -> Response:
    from twitchcare.diary.days import get_day
    from twitchcare.relax.programme import progress

    base, day = kb(request), today()
    current = progress(store(request), base, day)
    logged = get_day(store(request), day)
    return render(
        request,
        "relax.html",
        {
            "title": _("Relax"),
            "sessions": list(base.relaxation.values()),
            "programmes": list(base.programmes.values()),
            "progress": current,
            "strip": _strip(current, day) if current else [],
            "relaxed": (logged.relaxation_min if logged else None) or 0.0,
            "walked": (logged.exercise_min if logged else None) or 0.0,
            "problem": problem,
            "done": request.query_params.get("done"),
        },
        status=status,
    )


@router.get("")
def index(request: Request) -> Response:
    return _index(request)


@router.post("/programme", dependencies=[Depends(check_csrf)])
async def start(request: Request) -> Response:
    from twitchcare.relax.programme import start_programme

    form = await request.form()
    try:
        start_programme(store(request), kb(request), str(form.get("programme", "")), today())
    except (InputError, NotFoundError) as exc:  # an unknown programme: shown on the page
        return _index(request, exc, status=400)
    return RedirectResponse("/relax?done=started#programme", status_code=303)


@router.post("/programme/stop", dependencies=[Depends(check_csrf)])
async def stop(request: Request) -> Response:
    from twitchcare.relax.programme import stop_programme

    try:
        stop_programme(store(request), today())
    except InputError as exc:
        return _index(request, exc, status=400)
    return RedirectResponse("/relax?done=stopped#programme", status_code=303)


def _player(
    request: Request,
    session_id: str,
    problem: InputError | None = None,
    status: int = 200,
) -> Response:
    base = kb(request)
    session = session_of(base, session_id)
    query = request.query_params
    minutes = number(query.get("minutes"), "minutes", 1, 240)
    stage_raw = number(query.get("stage"), "stage", 1, max(1, len(session.stages)))
    speed = number(query.get("speed"), "speed", 1, MAX_SPEED) or 1.0
    plan = None
    if session.kind != "walk":
        stage = int(stage_raw) if stage_raw is not None else None
        plan = plan_for(base, store(request), session, minutes, stage, today())
    return render(
        request,
        "relax_session.html",
        {
            "title": session.name,
            "session": session,
            "plan": plan,
            "plan_json": plan.as_dict() if plan else None,
            "plan_minutes": f"{plan.minutes:.1f}".removesuffix(".0") if plan else "",
            "speed": speed,
            "problem": problem,
        },
        status=status,
    )


@router.get("/{session_id}")
def player(request: Request, session_id: str) -> Response:
    return _player(request, session_id)


@router.post("/{session_id}/done", dependencies=[Depends(check_csrf)])
async def done(request: Request, session_id: str) -> Response:
    session = session_of(kb(request), session_id)
    form = await request.form()
    try:
        minutes = number(form.get("minutes"), "minutes", 1, 600)
        completed = str(form.get("completed", "yes")) != "no"
        log_done(store(request), session, minutes, completed, now())
    except InputError as exc:
        return _player(request, session_id, exc, status=400)
    what = "walk" if session.logs_as == "exercise_min" else "session"
    return RedirectResponse(f"/relax?done={what}", status_code=303)
