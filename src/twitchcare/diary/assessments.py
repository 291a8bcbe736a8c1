"""Saved assessments, so a later report can show what was asked, answered and concluded."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore


@dataclass(frozen=True)
class SavedAssessment:
    id: int
    at: dt.datetime
    answers: dict[str, Any]
    result: dict[str, Any]
    kb_version: str


def save_assessment(
    store: DiaryStore,
    answers: dict[str, Any],
    result: dict[str, Any],
    kb_version: str,
    at: dt.datetime,
) -> int:
    """Store one finished assessment; ``at`` must be time-zone aware."""
    from twitchcare.store.models import AssessmentRow

    offset = at.utcoffset()
    if offset is None:
        raise InputError(field="at", problem=_("the time has no time zone"))
    for name, value in (("answers", answers), ("result", result)):
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            raise InputError(field=name, problem=_("is not JSON-serialisable")) from None
    row = AssessmentRow(
        at=at.astimezone(dt.UTC).replace(tzinfo=None),
        utc_offset_min=int(offset.total_seconds() // 60),
        answers=answers,
        result=result,
        kb_version=kb_version,
    )
    with store.session() as session:
        session.add(row)
        session.flush()
        return row.id


def list_assessments(store: DiaryStore) -> list[SavedAssessment]:
    """Every saved assessment, oldest first."""
    from sqlalchemy import select

    from twitchcare.store.models import AssessmentRow

    with store.session() as session:
        rows = session.scalars(select(AssessmentRow).order_by(AssessmentRow.at, AssessmentRow.id))
        return [
            SavedAssessment(
                id=r.id,
                at=r.at.replace(tzinfo=dt.UTC).astimezone(
                    dt.timezone(dt.timedelta(minutes=r.utc_offset_min))
                ),
                answers=r.answers,
                result=r.result,
                kb_version=r.kb_version,
            )
            for r in rows
        ]
