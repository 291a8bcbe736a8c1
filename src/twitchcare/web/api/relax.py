"""``/api/v1/relax``: guided sessions, their timed plans, logging practice, programmes.

The plan is what a player times (the browser's player reads the same plan from its page); a
practised session is logged by the core function the terminal player uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request

from twitchcare.errors import InputError
from twitchcare.web.api.models import PracticeBody, ProgrammeBody, no_body
from twitchcare.web.context import kb, store
from twitchcare.web.diary import now, today
from twitchcare.web.i18n import _
from twitchcare.web.relaxation import log_done, plan_for, progress_dict, session_dict, session_of

router = APIRouter(prefix="/relax", tags=["relax"])
EARLIEST = dt.datetime(1900, 1, 2, tzinfo=dt.UTC)  # also keeps far-off offsets from overflowing
SESSION_ID = Path(min_length=1, max_length=40, description="A session id, e.g. breathing")


@router.get("/sessions", summary="Guided sessions with their evidence and sources")
def sessions(request: Request) -> list[dict[str, Any]]:
    base = kb(request)
    return [session_dict(base, s) for s in base.relaxation.values()]


@router.get("/sessions/{session_id}/plan", summary="A session's timed steps")
def plan(
    request: Request,
    session_id: str = SESSION_ID,
    minutes: float | None = Query(None, ge=1, le=240, description="Default: its own length."),
    stage: int | None = Query(None, ge=1, le=20, description="Autogenic: exercises included."),
) -> dict[str, Any]:
    session = session_of(kb(request), session_id)
    return plan_for(kb(request), store(request), session, minutes, stage, today()).as_dict()


@router.post("/practice", status_code=201, summary="Log a practised session in the diary")
def practice(request: Request, body: PracticeBody) -> dict[str, Any]:
    session = session_of(kb(request), body.session)
    at = body.at or now()
    if at.tzinfo is None:
        raise InputError(
            field="at",
            problem=_("the time has no time zone"),
            hint=_("e.g. {example}").format(example="+01:00"),
        )
    if not EARLIEST <= at <= now() + dt.timedelta(days=1):
        raise InputError(
            field="at", problem=_("is not a time you practised"), hint=_("1900 to today")
        )
    total = log_done(store(request), session, body.minutes, body.completed, at)
    return {"day": at.date().isoformat(), "factor": session.logs_as, "total_minutes": total}


@router.get("/programme", summary="The running programme's progress (null when none runs)")
def programme(request: Request) -> dict[str, Any] | None:
    return progress_dict(kb(request), store(request), today())


@router.post("/programme", status_code=201, summary="Start a programme (a running one stops)")
def start(request: Request, body: ProgrammeBody) -> dict[str, Any] | None:
    from twitchcare.relax.programme import start_programme

    start_programme(store(request), kb(request), body.programme, today())
    return progress_dict(kb(request), store(request), today())


@router.delete("/programme", summary="Stop the running programme", dependencies=[Depends(no_body)])
def stop(request: Request) -> dict[str, str]:
    from twitchcare.relax.programme import stop_programme

    return {"stopped": stop_programme(store(request), today())}
