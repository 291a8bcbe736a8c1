"""One interview page as a form: which control each fact gets, and reading the form back.

Generic by design: a fact's kind decides its control, so new facts and screens in the knowledge
base appear without template changes. Yes/no items that are not questions ("Eyelid", "After
exercise") are ticked from one list, like the terminal does; the rest are questions with
"Yes", "No" and "I don't know". Every control can be left as "I don't know".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from twitchcare.answers import parse_list, parse_number
from twitchcare.engine.interview import Step
from twitchcare.errors import InputError
from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import Fact
from twitchcare.web.i18n import _

UNKNOWN = "unknown"
DONT_KNOW_BUTTON = "dont_know"
Answers = dict[str, FactValue | None]


@dataclass(frozen=True)
class Control:
    """One block of the page: a single question, or a list of items to tick."""

    kind: Literal["ticks", "yes_no", "number", "choice", "list"]
    facts: tuple[Fact, ...]
    legend: str = ""

    @property
    def fact(self) -> Fact:
        return self.facts[0]

    @property
    def anchor(self) -> str:
        return "f-" + self.facts[0].id


def _single(fact: Fact) -> Control:
    kinds: dict[str, Literal["yes_no", "number", "choice", "list"]] = {
        "boolean": "yes_no",
        "number": "number",
        "choice": "choice",
        "list": "list",
    }
    return Control(kind=kinds[fact.kind], facts=(fact,))


def controls(step: Step, *, ticks_legend: str = "") -> list[Control]:
    """The page's blocks in the knowledge base's order."""
    if step.screen.kind == "checklist":
        return [Control(kind="ticks", facts=step.items, legend=ticks_legend)]
    out: list[Control] = []
    run: list[Fact] = []
    for fact in step.items:
        if not fact.is_question:
            run.append(fact)
            continue
        if run:
            out.append(Control(kind="ticks", facts=tuple(run), legend=_("Tick all that apply.")))
            run = []
        out.append(_single(fact))
    if run:
        out.append(Control(kind="ticks", facts=tuple(run), legend=_("Tick all that apply.")))
    return out


def _number(fact: Fact, raw: str, today: dt.date) -> FactValue | None:
    """One typed number (or time, for facts in days), naming the fact when it cannot be read."""
    if not raw.strip():
        return None
    try:
        return parse_number(fact, raw, today=today)
    except InputError as exc:
        raise InputError(field=fact.id, problem=exc.problem, hint=exc.hint) from None


def read_form(
    step: Step, form: Mapping[str, str], ticked: Sequence[str], *, today: dt.date
) -> Answers:
    """The answers a submitted page gives; raises :class:`InputError` naming the first bad one.

    ``ticked`` lists every checkbox value sent under the name ``tick``. Typed answers are read
    like the terminal reads them ("2 weeks", "since March"), by :mod:`twitchcare.answers`.
    """
    if DONT_KNOW_BUTTON in form:
        return {f.id: None for f in step.items}
    answers: Answers = {}
    chosen = set(ticked)
    for control in controls(step):
        fact = control.fact
        if control.kind == "ticks":
            answers.update({f.id: f.id in chosen for f in control.facts})
            continue
        raw = form.get(fact.id, "")
        if control.kind == "yes_no":
            answers[fact.id] = {"yes": True, "no": False}.get(raw)
        elif control.kind == "number":
            answers[fact.id] = _number(fact, raw, today)
        elif control.kind == "choice":
            answers[fact.id] = raw if raw and raw != UNKNOWN else None
        else:
            answers[fact.id] = parse_list(raw) if raw.strip() else None
    return answers
