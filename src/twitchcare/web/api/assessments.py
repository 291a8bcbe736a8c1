"""``/api/v1/assessments``: the adaptive interview over JSON, with its state handed back."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from twitchcare.engine.interview import Step
from twitchcare.web import assessment
from twitchcare.web.api.models import AnswerBody, ResultBody, StateBody, no_body
from twitchcare.web.context import codec, kb, store
from twitchcare.web.state import InterviewState

router = APIRouter(prefix="/assessments", tags=["assessment"])


def _step(step: Step) -> dict[str, Any]:
    return {
        "screen": step.screen.id,
        "kind": step.screen.kind,
        "title": step.screen.title,
        "text": step.screen.text,
        "purpose": step.purpose,
        "level": step.level,
        "emergency_now": step.emergency_now,
        "items": [
            {
                "id": f.id,
                "kind": f.kind,
                "text": f.text,
                "help": f.help,
                "unit": f.unit,
                "minimum": f.minimum,
                "maximum": f.maximum,
                "choices": f.choices,
                "summarises": list(f.summarises),
                "ask_if": f.ask_if,
            }
            for f in step.items
        ],
    }


def _reply(
    request: Request,
    state: InterviewState,
    found: tuple[Step | None, assessment.Progress] | None = None,
) -> dict[str, Any]:
    step, progress = found or assessment.current(kb(request), state)
    return {
        "state": codec(request).dumps(state),
        "finished": step is None,
        "step": _step(step) if step else None,
        "progress": {"page": progress.page, "estimated_pages": progress.total},
    }


@router.post("", summary="Start an assessment", dependencies=[Depends(no_body)])
def start(request: Request) -> dict[str, Any]:
    """A new interview; the first page is the body map. Nothing is stored on the server."""
    return _reply(request, assessment.start(store(request), assessment.now().date()))


@router.post("/answer", summary="Answer the current page")
def answer(request: Request, body: AnswerBody) -> dict[str, Any]:
    state = codec(request).loads(body.state)
    new_state, step, progress = assessment.answer(kb(request), state, body.screen, body.answers)
    assert progress is not None
    return _reply(request, new_state, (step, progress))


@router.post("/back", summary="Undo the last page")
def back(request: Request, body: StateBody) -> dict[str, Any]:
    return _reply(request, assessment.back(codec(request).loads(body.state)))


@router.post("/result", summary="The result of a finished interview")
def result(request: Request, body: ResultBody) -> dict[str, Any]:
    from twitchcare.engine.serialise import assessment_dict

    outcome = assessment.result(kb(request), codec(request).loads(body.state))
    out = assessment_dict(kb(request), outcome)
    out["saved_id"] = assessment.save(kb(request), store(request), outcome) if body.save else None
    return out


@router.get("", summary="Saved assessments, oldest first")
def saved(request: Request) -> list[dict[str, Any]]:
    from twitchcare.diary.assessments import list_assessments

    return [
        {"id": a.id, "at": a.at.isoformat(), "triage": a.result.get("triage"), "result": a.result}
        for a in list_assessments(store(request))
    ]
