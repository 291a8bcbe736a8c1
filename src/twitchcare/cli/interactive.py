"""``twitchcare assess`` in the terminal: a few questions about the person, then the interview.

The engine decides which page comes next and when to stop; this module only asks, shows progress
and why each page matters, and keeps an answer log so "back" can undo a page and the remaining
pages can be estimated honestly (by running the rest of the interview with "I don't know").
Nothing typed here is written to disk or to a log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from twitchcare.cli.bodymap import ask_body_map
from twitchcare.cli.i18n import N_, _
from twitchcare.cli.prompts import FORM_KEYS, GoBack, Quit, Terminal
from twitchcare.cli.render import emergency_now_panel, render_assessment
from twitchcare.engine.assess import Assessment
from twitchcare.engine.interview import AnswerLog, Interview, Step, applies, pages_estimate
from twitchcare.errors import InputError
from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import KnowledgeBase

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore

PROFILE = ("age", "sex", "pregnant", "breastfeeding")
LEVEL_REASON = {
    "emergency": N_("an answer here could mean you need emergency care now."),
    "urgent": N_("an answer here could mean you should see a doctor today."),
    "doctor": N_("an answer here could mean a doctor should look at it."),
}
Log = AnswerLog


class _StoppedAfterEmergency(Exception):
    """The person stopped on a page asked after an emergency: the result is shown, not kept."""

    def __init__(self, result: Assessment) -> None:
        super().__init__("stopped after an emergency")
        self.result = result


def plain_reason(step: Step) -> str:
    """Why a page is asked, in the words a person would use, from the engine's structured step."""
    if step.purpose == "first":
        return _("where it twitches shapes every later question.")
    if step.purpose == "everyone":
        return _(
            "everyone is asked this: it decides when to see a doctor and goes into the summary."
        )
    if step.purpose == "after_emergency":
        return _(
            "the ambulance crew and the hospital will want to know where it twitches, when each "
            "sign began, the medicines taken and any long-standing conditions, and some answers "
            "change what to do while you wait."
        )
    if step.purpose == "triage" and step.level in LEVEL_REASON:
        return _(LEVEL_REASON[step.level])
    return _("it helps tell the likely causes apart.")


def run_interactive(kb: KnowledgeBase, *, now: dt.datetime, save: bool | None = None) -> None:
    """Ask the interview pages in the terminal, show the result, and keep it in the diary.

    The diary is only read and written when it already exists (or ``save`` is True): what the
    diary knows (twitching that persists or keeps returning) counts in the triage, and the result
    is kept for the doctor's report. ``save=False`` leaves the diary untouched.
    """
    from twitchcare.diary.for_assessment import existing_diary
    from twitchcare.diary.persistence import detect_in_store

    console = Console(highlight=False)
    term = Terminal(console, today=now.date(), units=kb.units)
    store = None
    if save is not False:
        store = existing_diary()
        if store is None and save:
            from twitchcare.store import open_store

            store = open_store()
    try:
        persistence: dict[str, FactValue] = (
            dict(detect_in_store(store, now.date()).facts) if store is not None else {}
        )
        try:
            result = _interview(kb, term, now=now, from_diary=persistence)
        except _StoppedAfterEmergency as stopped:
            console.print()
            render_assessment(kb, stopped.result, title=_("Your result"))
            return
        except Quit:
            console.print(_("Stopped. Nothing was saved."))
            raise typer.Exit(1) from None
        except (EOFError, KeyboardInterrupt):
            console.print("\n" + _("Stopped. Nothing was saved."))
            raise typer.Exit(1) from None
        console.print()
        render_assessment(kb, result, title=_("Your result"))
        if store is not None:
            _keep(kb, store, result, now)
    finally:
        if store is not None:
            store.close()


def _keep(kb: KnowledgeBase, store: DiaryStore, result: Assessment, now: dt.datetime) -> None:
    """Save the result in the diary so the doctor's report can show it."""
    from twitchcare.diary.assessments import save_assessment
    from twitchcare.engine.facts import told
    from twitchcare.engine.serialise import assessment_dict

    answers = told(kb, result.facts)
    saved = save_assessment(
        store, answers=answers, result=assessment_dict(kb, result), kb_version=kb.version, at=now
    )
    Console(highlight=False).print(
        Text(
            _("Saved in your diary on this computer as assessment #{number}.").format(number=saved),
            style="dim",
        )
    )


def _welcome(term: Terminal) -> None:
    body = Text()
    body.append(_("Muscle twitching - what should I do?") + "\n", style="bold")
    body.append(
        _(
            "A few short pages of questions, then advice on how soon to see whom, likely causes "
            "and a plan. Your answers stay on this computer; the result is kept only in your own "
            "diary, if you keep one."
        )
        + "\n"
    )
    body.append(_("If you feel very unwell right now, call your local emergency number.") + "\n")
    body.append(_("At every question: {keys}").format(keys=_(FORM_KEYS)), style="dim")
    term.say(Panel(body, title="twitchcare", title_align="left"))


def _ask_profile(kb: KnowledgeBase, term: Terminal) -> dict[str, FactValue]:
    """Age, sex and (where it applies) pregnancy: the profile the interview starts from."""
    term.say(Text("\n" + _("About you"), style="bold"))
    facts = [kb.facts[f] for f in PROFILE]
    while True:
        try:
            answers = term.form(facts, skip=lambda f, a: not applies(kb, f.id, a))
        except GoBack:
            term.say(Text("  " + _("This is the first question."), style="cyan"))
            continue
        break
    return {k: v for k, v in answers.items() if v is not None}


def _header(term: Terminal, step: Step, page: int, total: int) -> None:
    total = max(total, page)
    progress = (
        _("Page {page} of about {total}").format(page=page, total=total)
        if total > page
        else _("Page {page} (probably the last)").format(page=page)
    )
    term.say()
    term.console.rule(Text(progress, style="bold"))
    if step.emergency_now:
        term.say(emergency_now_panel())
    term.say(Text(step.screen.title, style="bold"))
    term.say(step.screen.text)
    term.say(Text(_("Why we ask: {reason}").format(reason=plain_reason(step)), style="italic dim"))


def _ask_page(
    kb: KnowledgeBase, term: Terminal, step: Step, told: Mapping[str, FactValue]
) -> dict[str, FactValue | None]:
    if step.screen.kind == "body_map":
        return ask_body_map(term, step.items, kb)
    if step.screen.kind == "checklist":
        return term.checklist(step.items)
    # A follow-up on the same page (weeks of pregnancy after "pregnant") follows the knowledge's
    # skip logic as the earlier answers on the page come in; a follow-up of an earlier page
    # (when a ticked sign began) reads what was ``told`` there.
    return term.form(
        step.items, skip=lambda fact, answers: not applies(kb, fact.id, {**told, **answers})
    )


def _interview(
    kb: KnowledgeBase,
    term: Terminal,
    *,
    now: dt.datetime,
    from_diary: dict[str, FactValue],
) -> Assessment:
    _welcome(term)
    known = {**_ask_profile(kb, term), **from_diary}
    interview = Interview(kb, known=known)
    log: Log = []
    while (step := interview.next_step()) is not None:
        _header(term, step, len(log) + 1, pages_estimate(kb, known, log))
        try:
            values = _ask_page(kb, term, step, interview.facts)
        except Quit:
            if step.emergency_now:
                # Leaving the pages for the crew still shows the emergency result (not kept,
                # as the question to stop said).
                raise _StoppedAfterEmergency(interview.result(now=now)) from None
            raise
        except GoBack:
            if log:
                interview.back()
                log.pop()
            else:
                known = {**_ask_profile(kb, term), **from_diary}
                interview = Interview(kb, known=known)
            continue
        try:
            interview.answer(step.screen.id, values)
        except InputError as exc:
            term.problem(exc)
            continue
        log.append((step.screen.id, values))
    return interview.result(now=now)
