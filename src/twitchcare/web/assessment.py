"""The assessment use cases shared by the pages and the JSON API.

Start (facts the diary already knows), answer one page, go back, and the result - each a thin
call into the engine; what to ask and what it means is decided there, never here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from twitchcare.engine.assess import Assessment
from twitchcare.engine.interview import Interview, Step, finish_typical
from twitchcare.errors import InputError
from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import KnowledgeBase
from twitchcare.store import DiaryStore
from twitchcare.web.i18n import _
from twitchcare.web.state import InterviewState


def now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def start(store: DiaryStore, today: dt.date) -> InterviewState:
    """A new interview that already knows the profile and what the diary says about persistence."""
    from twitchcare.diary.for_assessment import diary_facts

    return InterviewState(known=diary_facts(store, today), log=[])


@dataclass(frozen=True)
class Progress:
    page: int
    total: int

    @property
    def last(self) -> bool:
        return self.total <= self.page


def current(kb: KnowledgeBase, state: InterviewState) -> tuple[Step | None, Progress]:
    """The page to show now (None when the interview is over) and how far along it is."""
    return _next(state.interview(kb), len(state.log))


def next_page(kb: KnowledgeBase, state: InterviewState) -> Step | None:
    """The page being asked, without the cost of estimating how many follow."""
    return state.interview(kb).next_step()


def _next(interview: Interview, answered: int) -> tuple[Step | None, Progress]:
    """The next page of an interview replayed up to now; spends ``interview`` on the estimate."""
    step = interview.next_step()
    page = answered + 1
    if step is None:
        return None, Progress(page=page, total=answered)
    return step, Progress(page=page, total=max(finish_typical(interview), page))


def answer(
    kb: KnowledgeBase,
    state: InterviewState,
    screen: str,
    values: dict[str, FactValue | None],
    *,
    look_ahead: bool = True,
) -> tuple[InterviewState, Step | None, Progress | None]:
    """Record one page (the engine checks every value) and return the next page with progress.

    Only the page being asked is accepted. The interview is replayed once per call. Without
    ``look_ahead`` (a page that redirects to the next one anyway) the next page is not worked out.
    """
    interview = state.interview(kb)
    step = interview.next_step()
    if step is None:
        raise InputError(field="screen", problem=_("the interview is already finished"))
    if screen != step.screen.id:
        raise InputError(
            field="screen",
            problem=_("'{screen}' is not the page being asked").format(screen=screen[:40]),
            hint=_("answer '{screen}'").format(screen=step.screen.id),
        )
    allowed = {f.id for f in step.items}
    for fact_id in values:
        if fact_id not in allowed:
            raise InputError(
                field=fact_id,
                problem=_("is not asked on page '{screen}'").format(screen=screen),
                hint=_("asked here: {facts}").format(facts=", ".join(sorted(allowed))),
            )
    interview.answer(screen, values)
    new_state = InterviewState(known=state.known, log=[*state.log, (screen, dict(values))])
    if not look_ahead:
        return new_state, None, None
    return (new_state, *_next(interview, len(new_state.log)))


def skip_to_summary(kb: KnowledgeBase, state: InterviewState) -> InterviewState:
    """Leave the pages asked after an emergency unanswered ("I don't know") and finish.

    Only those pages can be skipped: they are shown under the call-now advice, and nothing on
    them can lower the level. Every page before them decides the level and is never skipped.
    """
    interview = state.interview(kb)
    log = list(state.log)
    while (step := interview.next_step()) is not None and step.emergency_now:
        interview.answer(step.screen.id, {})
        log.append((step.screen.id, {}))
    return InterviewState(known=state.known, log=log)


def back(state: InterviewState) -> InterviewState:
    return InterviewState(known=state.known, log=state.log[:-1])


def result(kb: KnowledgeBase, state: InterviewState) -> Assessment:
    interview = state.interview(kb)
    if interview.next_step() is not None:
        raise InputError(
            field="state",
            problem=_("the interview is not finished"),
            hint=_("answer the next page"),
        )
    return interview.result(now=now())


def save(kb: KnowledgeBase, store: DiaryStore, assessment: Assessment) -> int:
    """Keep a result in the diary for the doctor's report (as the terminal does)."""
    from twitchcare.diary.assessments import save_assessment
    from twitchcare.engine.facts import told
    from twitchcare.engine.serialise import assessment_dict

    answers: dict[str, Any] = told(kb, assessment.facts)
    return save_assessment(
        store,
        answers=answers,
        result=assessment_dict(kb, assessment),
        kb_version=kb.version,
        at=assessment.assessed_at,
    )
