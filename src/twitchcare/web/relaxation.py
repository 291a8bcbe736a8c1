"""Relaxation for the pages and the API: which session, which plan, and logging what was done.

The timing of a session lives in :mod:`twitchcare.relax.plan` and the logging in
:mod:`twitchcare.relax.practice`, exactly as the terminal player uses them; this module only
turns what a browser sends (text from a form, JSON) into their arguments, naming the field when
something is not allowed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from twitchcare.errors import InputError, NotFoundError
from twitchcare.web.i18n import _

if TYPE_CHECKING:
    from twitchcare.kb.models import KnowledgeBase
    from twitchcare.kb.relaxation import Session
    from twitchcare.relax.plan import SessionPlan
    from twitchcare.store import DiaryStore

#: How much faster than real time a player may run (to try a session out, and for tests).
MAX_SPEED = 600.0


def session_of(kb: KnowledgeBase, session_id: str) -> Session:
    """The guided session ``session_id``, or a 404 naming the sessions there are."""
    found = kb.relaxation.get(session_id)
    if found is None:
        raise NotFoundError(
            field="session",
            problem=_("unknown session '{session}'").format(session=session_id[:40]),
            hint=_("choose from {values}").format(values=", ".join(kb.relaxation)),
        )
    return found


def number(raw: object, field: str, low: float, high: float) -> float | None:
    """A number typed in a form or a query (empty: None), within ``low``-``high``."""
    text = str(raw if raw is not None else "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(
            field=field, problem=_("is not a number"), hint=f"{low:g}-{high:g}"
        ) from None
    if not low <= value <= high:  # also refuses nan and infinity
        raise InputError(
            field=field,
            problem=_("{value} is out of range").format(value=text[:20]),
            hint=f"{low:g}-{high:g}",
        )
    return value


def plan_for(
    kb: KnowledgeBase,
    store: DiaryStore,
    session: Session,
    minutes: float | None,
    stage: int | None,
    today: dt.date,
) -> SessionPlan:
    """The session's steps; autogenic training follows the running programme's stage."""
    from twitchcare.relax.plan import build_plan
    from twitchcare.relax.programme import progress

    if stage is None and session.stages:
        current = progress(store, kb, today)
        running = current is not None and current.session == session.id and not current.finished
        stage = current.stage if running and current is not None else 1
    return build_plan(session, minutes, stage)


def log_done(
    store: DiaryStore,
    session: Session,
    minutes: float | None,
    completed: bool,
    at: dt.datetime,
) -> float:
    """Log a practised session as the terminal player does; returns the day's new total."""
    from twitchcare.relax.practice import Practice, log_practice

    if minutes is None:
        raise InputError(field="minutes", problem=_("say how many minutes you practised"))
    return log_practice(store, Practice(at, session.id, minutes, completed, session.logs_as))


def session_dict(kb: KnowledgeBase, session: Session) -> dict[str, Any]:
    """A session for the API: what it is, its evidence and the sources to open."""
    return {
        "id": session.id,
        "name": session.name,
        "kind": session.kind,
        "minutes": session.minutes,
        "summary": session.summary,
        "evidence": session.evidence,
        "logs_as": session.logs_as,
        "stages": [s.name for s in session.stages],
        "sources": [
            {"id": s, "title": kb.sources[s].title, "url": kb.sources[s].url}
            for s in session.sources
        ],
    }


def progress_dict(kb: KnowledgeBase, store: DiaryStore, today: dt.date) -> dict[str, Any] | None:
    """The running programme's progress as JSON (None when none runs)."""
    from twitchcare.relax.programme import progress

    p = progress(store, kb, today)
    if p is None:
        return None
    return {
        "programme": p.programme,
        "name": p.name,
        "session": p.session,
        "start": p.start.isoformat(),
        "end": p.end.isoformat(),
        "day": p.day,
        "days": p.days,
        "days_done": [d.isoformat() for d in p.days_done],
        "done_today": p.done_today,
        "stage": p.stage,
        "stage_name": p.stage_name,
        "minutes": p.minutes,
        "finished": p.finished,
    }
