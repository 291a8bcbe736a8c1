"""Assessment pages: one question page at a time, then the result (NHS question-page pattern).

The state lives in a signed HttpOnly cookie (see :mod:`twitchcare.web.state`); every POST is
followed by a redirect, so reloading never sends answers twice.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from starlette.responses import RedirectResponse, Response

from twitchcare.errors import InputError
from twitchcare.web import assessment
from twitchcare.web.context import codec, kb, result_view, store
from twitchcare.web.question import controls, read_form
from twitchcare.web.security import check_csrf
from twitchcare.web.state import COOKIE, InterviewState
from twitchcare.web.templating import render
from twitchcare.web.wording import why_asked

router = APIRouter(prefix="/assess", tags=["pages"], include_in_schema=False)


def _go(path: str, state: InterviewState | None = None, *, request: Request) -> Response:
    response = RedirectResponse(path, status_code=303)
    if state is not None:
        response.set_cookie(
            COOKIE, codec(request).dumps(state), httponly=True, samesite="strict", path="/"
        )
    return response


def _state(request: Request) -> InterviewState | None:
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    try:
        return codec(request).loads(token)
    except InputError:
        return None


@router.get("")
def start_page(request: Request) -> Response:
    state = _state(request)
    return render(request, "assess_start.html", {"in_progress": bool(state and state.log)})


@router.post("/start", dependencies=[Depends(check_csrf)])
def start(request: Request) -> Response:
    state = assessment.start(store(request), assessment.now().date())
    return _go("/assess/question", state, request=request)


def _question(
    request: Request,
    state: InterviewState,
    problem: InputError | None = None,
    sent: dict[str, str] | None = None,
    ticked: list[str] | None = None,
) -> Response:
    """The current page; after a refused answer, with what was sent filled in again."""
    step, progress = assessment.current(kb(request), state)
    if step is None:
        return _go("/assess/result", request=request)
    blocks = controls(step)
    return render(
        request,
        "question.html",
        {
            "step": step,
            "blocks": blocks,
            "progress": progress,
            "problem": problem,
            "sent": {k: v[:200] for k, v in (sent or {}).items()},
            "ticked": set(ticked or ()),
            "why": why_asked(step.purpose, step.level),
            "title": step.screen.title,
        },
        status=400 if problem else 200,
    )


@router.get("/question")
def question(request: Request) -> Response:
    state = _state(request)
    if state is None:
        return _go("/assess", request=request)
    return _question(request, state)


@router.post("/question", dependencies=[Depends(check_csrf)])
async def answer(request: Request) -> Response:
    state = _state(request)
    if state is None:
        return _go("/assess", request=request)
    form = await request.form()
    step = assessment.next_page(kb(request), state)
    if step is None:
        return _go("/assess/result", request=request)
    if form.get("screen") != step.screen.id:  # an old tab: show the page being asked
        return _go("/assess/question", request=request)
    if form.get("to_summary") and step.emergency_now:
        return _go(
            "/assess/result", assessment.skip_to_summary(kb(request), state), request=request
        )
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    ticked = [v for v in form.getlist("tick") if isinstance(v, str)]
    try:
        values = read_form(step, fields, ticked, today=assessment.now().date())
        state, _, _ = assessment.answer(
            kb(request), state, step.screen.id, values, look_ahead=False
        )
    except InputError as exc:
        return _question(request, state, exc, fields, ticked)
    return _go("/assess/question", state, request=request)


@router.post("/back", dependencies=[Depends(check_csrf)])
def back(request: Request) -> Response:
    state = _state(request)
    if state is None or not state.log:
        return _go("/assess", request=request)
    return _go("/assess/question", assessment.back(state), request=request)


@router.get("/result")
def result(request: Request) -> Response:
    state = _state(request)
    if state is None:
        return _go("/assess", request=request)
    if assessment.next_page(kb(request), state) is not None:
        return _go("/assess/question", request=request)
    outcome = assessment.result(kb(request), state)
    saved = request.query_params.get("saved")
    view = result_view(request, outcome)
    return render(request, "result.html", {**view, "saved": saved, "title": view["r"]["title"]})


@router.post("/save", dependencies=[Depends(check_csrf)])
def save(request: Request) -> Response:
    state = _state(request)
    if state is None:
        return _go("/assess", request=request)
    outcome = assessment.result(kb(request), state)
    saved = assessment.save(kb(request), store(request), outcome)
    return _go(f"/assess/result?saved={saved}", request=request)
