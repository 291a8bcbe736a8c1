"""Programmes: a session practised daily for a set number of days, and how far along a person is.

Progress is read from the practice log, never stored twice: a day counts when a completed
session of the programme's kind was logged that day. Autogenic training moves on to the next
exercise every ``stage_every_days`` days, as the method teaches one exercise at a time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from twitchcare.kb.models import KnowledgeBase
    from twitchcare.kb.relaxation import Programme
    from twitchcare.store import DiaryStore


@dataclass(frozen=True)
class Progress:
    programme: str
    name: str
    session: str
    start: dt.date
    end: dt.date
    day: int  # 1-based day of the programme today (may exceed ``days`` once finished)
    days: int
    days_done: list[dt.date]
    done_today: bool
    stage: int | None
    stage_name: str | None
    minutes: float
    finished: bool

    @property
    def share_done(self) -> float:
        return len(self.days_done) / self.days


def _programme(kb: KnowledgeBase, programme_id: str) -> Programme:
    if programme_id not in kb.programmes:
        import difflib

        close = difflib.get_close_matches(programme_id, sorted(kb.programmes), n=1)
        raise NotFoundError(
            field="programme",
            problem=_("unknown programme '{programme_id}'").format(programme_id=programme_id),
            hint=_("did you mean '{close}'?").format(close=close[0])
            if close
            else _("choose from {choices}").format(choices=", ".join(kb.programmes)),
        )
    return kb.programmes[programme_id]


def start_programme(
    store: DiaryStore, kb: KnowledgeBase, programme_id: str, today: dt.date
) -> None:
    """Start a programme today; one runs at a time, so a running one is stopped first."""
    from sqlalchemy import select

    from twitchcare.store.models import RelaxProgrammeRow

    _programme(kb, programme_id)
    with store.session() as session:
        running = session.scalars(
            select(RelaxProgrammeRow).where(RelaxProgrammeRow.stopped.is_(None))
        )
        for row in running:
            row.stopped = today
        session.add(RelaxProgrammeRow(programme=programme_id, start=today))


def stop_programme(store: DiaryStore, today: dt.date) -> str:
    """Stop the running programme; returns its id."""
    from sqlalchemy import select

    from twitchcare.store.models import RelaxProgrammeRow

    with store.session() as session:
        row = session.scalars(
            select(RelaxProgrammeRow)
            .where(RelaxProgrammeRow.stopped.is_(None))
            .order_by(RelaxProgrammeRow.id.desc())
        ).first()
        if row is None:
            raise InputError(field="programme", problem=_("no programme is running"))
        row.stopped = today
        return row.programme


def current_stage(kb: KnowledgeBase, programme: Programme, day: int) -> int | None:
    """Which stage of the session the programme has reached on its ``day`` (1-based)."""
    session = kb.relaxation[programme.session]
    if not session.stages:
        return None
    if programme.stage_every_days is None:
        return len(session.stages)
    return min(len(session.stages), 1 + (max(day, 1) - 1) // programme.stage_every_days)


def progress(store: DiaryStore, kb: KnowledgeBase, today: dt.date) -> Progress | None:
    """The running programme's progress, or None when none runs."""
    from sqlalchemy import select

    from twitchcare.relax.practice import list_practice
    from twitchcare.store.models import RelaxProgrammeRow

    with store.session() as session:
        row = session.scalars(
            select(RelaxProgrammeRow)
            .where(RelaxProgrammeRow.stopped.is_(None))
            .order_by(RelaxProgrammeRow.id.desc())
        ).first()
        if row is None:
            return None
        programme_id, start = row.programme, row.start
    if programme_id not in kb.programmes:  # a programme removed from the knowledge since
        return None
    programme = kb.programmes[programme_id]
    end = start + dt.timedelta(days=programme.days - 1)
    done = sorted(
        {
            p.day
            for p in list_practice(store, since=start, until=end)
            if p.session == programme.session and p.completed
        }
    )
    day = (today - start).days + 1
    stage = current_stage(kb, programme, day)
    guide = kb.relaxation[programme.session]
    return Progress(
        programme=programme.id,
        name=programme.name,
        session=programme.session,
        start=start,
        end=end,
        day=day,
        days=programme.days,
        days_done=done,
        done_today=today in done,
        stage=stage,
        stage_name=guide.stages[stage - 1].name if stage else None,
        minutes=programme.minutes,
        finished=today > end,
    )
