"""The adaptive interview: which page of questions to ask next, and when to stop.

Order of business:
1. the body map (where it twitches) - everything else depends on it;
2. every page that could still raise the triage level, most urgent first - a red-flag screen that
   matters is never skipped, and a page that can no longer change the level is never asked;
3. pages that would most change the ranking of causes, scored by the expected shift in the
   causes' log-odds (a first-order stand-in for expected information gain), until no page is
   worth the person's time.
"I don't know" is always allowed: the fact stays unknown and the page is not asked again.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from twitchcare.engine.assess import Assessment, assess
from twitchcare.engine.causes import RankedCause, rank_causes
from twitchcare.engine.facts import derive, present, with_gateway_answers
from twitchcare.errors import InputError
from twitchcare.kb.loader import UNANSWERED_PREFIX
from twitchcare.kb.logic import (
    LEVELS,
    AllOf,
    AnyOf,
    FactTest,
    FactValue,
    Level,
    Predicate,
    leaves,
    level_rank,
)
from twitchcare.kb.models import Fact, KnowledgeBase, Screen

FIRST_SCREEN = "where"
RED_FLAG_SCREEN = "emergency"  # the overview of red-flag signs, asked right after the body map
# A page is asked for triage when a rule it could complete has at least this chance of firing.
# Emergency rules are always pursued; rarer combinations at lower levels are left to the doctor.
PURSUE_CHANCE = {"emergency": 0.0, "urgent": 0.01, "doctor": 0.02, "self_care": 1.0}
WORTH_ASKING = 0.12  # minimum expected shift in cause log-odds for a page to be asked
MAX_QUESTIONS = 16
# Pages that only sharpen the causes are asked while the person has read fewer items than this;
# pages that could raise the level are never limited.
ITEM_BUDGET = 40


@dataclass(frozen=True)
class Step:
    """The next page to show: the screen and the items on it that are still unknown."""

    screen: Screen
    items: tuple[Fact, ...]
    reason: str
    purpose: Literal["first", "triage", "causes"] = "causes"
    level: Level | None = None


def _own_facts(kb: KnowledgeBase, screen: Screen) -> set[str]:
    """Facts a screen settles itself, including the derived facts computed from its answers."""
    provided = set(screen.facts)
    if any(f.startswith("loc.") for f in screen.facts):
        provided.add("location_count")
    if "medications" in screen.facts or "substances" in screen.facts:
        provided.update(f"med.{c}" for c in kb.medications)
        provided.update(f"interaction.{i}" for i in kb.interactions)
        provided.add("med.unrecognised")
    if "medications_stopped" in screen.facts:
        provided.update(f"stopped.{c}" for c in kb.medications)
        provided.add("stopped.unrecognised")
    return provided


def _provides(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Facts each screen settles, with those of the detail screens its gateways open.

    A gateway page ("any of these?") settles its details through the pages it opens, so a red flag
    behind a gateway makes the gateway page urgent to ask, and is never skipped unseen.
    """
    opened_by: dict[str, list[Screen]] = {}
    for screen in kb.screens:
        for gate in screen.enable_if:
            opened_by.setdefault(gate, []).append(screen)

    def collect(screen: Screen, seen: set[str]) -> set[str]:
        facts = _own_facts(kb, screen)
        for fact in screen.facts:
            for child in opened_by.get(fact, []):
                if child.id not in seen:
                    seen.add(child.id)
                    facts |= collect(child, seen)
        return facts

    return {s.id: collect(s, {s.id}) for s in kb.screens}


def applies(kb: KnowledgeBase, fact_id: str, facts: Mapping[str, FactValue | None]) -> bool:
    """Whether a question applies to this person, by the knowledge's skip logic.

    A follow-up (``ask_if``) applies once its parent is answered yes; a question with
    ``ask_when`` applies unless that is known to be false (pregnancy is not asked of a man).
    """
    fact = kb.facts.get(fact_id)
    if fact is None:
        return True
    known = {k: v for k, v in facts.items() if v is not None}
    if fact.ask_if is not None and not present(known.get(fact.ask_if)):
        return False
    return fact.ask_when is None or fact.ask_when.evaluate(known, use_missing=False) is not False


def validate_answer(fact: Fact, value: FactValue | None) -> FactValue | None:
    """Check one answer against its fact's type; ``None`` means "I don't know"."""
    if value is None:
        return None
    if fact.kind == "boolean":
        if not isinstance(value, bool):
            raise InputError(field=fact.id, problem=f"expected yes or no, got {value!r}")
        return value
    if fact.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(field=fact.id, problem=f"expected a number, got {value!r}")
        low = fact.minimum if fact.minimum is not None else -math.inf
        high = fact.maximum if fact.maximum is not None else math.inf
        if not low <= float(value) <= high:
            raise InputError(
                field=fact.id,
                problem=f"{value:g} is out of range",
                hint=f"allowed {low:g} to {high:g}",
            )
        return value
    if fact.kind == "choice":
        if fact.choices is None or value not in fact.choices:
            allowed = ", ".join(fact.choices or {})
            raise InputError(
                field=fact.id, problem=f"unknown choice {value!r}", hint=f"use one of {allowed}"
            )
        return value
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(field=fact.id, problem="expected a list of names")
    return value


class Interview:
    """State of one interview: answers so far, pages asked, and an undo stack."""

    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        known: Mapping[str, FactValue] | None = None,
        max_questions: int = MAX_QUESTIONS,
        item_budget: int = ITEM_BUDGET,
    ) -> None:
        self.kb = kb
        self.max_questions = max_questions
        self.item_budget = item_budget
        self._answers: dict[str, FactValue] = dict(known or {})
        self._asked: list[str] = []
        self._history: list[tuple[str, dict[str, FactValue]]] = []
        # Items (questions and checklist options) the person was shown on each page answered.
        self._shown: dict[str, int] = {}
        self._screens = {s.id: s for s in kb.screens}
        # The facts each rule looks at, worked out once: choosing a page asks this of every rule
        # for every screen, and walking the predicate each time was most of an answer's cost.
        self._rule_facts = [frozenset(t.fact for t in leaves(r.when)) for r in kb.rules]
        self._rule_ranks = [level_rank(r.level) for r in kb.rules]
        self._provided = _provides(kb)
        self._asked_on = {f: s.id for s in kb.screens for f in s.facts}
        self._derived: dict[str, FactValue] | None = None

    # ------------------------------------------------------------------ state
    @property
    def facts(self) -> dict[str, FactValue]:
        """The answers with everything derived from them, worked out once per page answered.

        Choosing a page reads this for every screen; deriving it each time was most of the
        cost. The answers change only in :meth:`answer` and :meth:`back`, which forget it.
        """
        if self._derived is None:
            self._derived = derive(self.kb, self._answers)
        return dict(self._derived)

    @property
    def questions_asked(self) -> int:
        return len(self._asked)

    @property
    def items_shown(self) -> int:
        """Every question and checklist option shown so far: what the person had to read."""
        return sum(self._shown.values())

    @property
    def asked(self) -> tuple[str, ...]:
        return tuple(self._asked)

    def enabled(self, screen: Screen, facts: Mapping[str, FactValue]) -> bool:
        """Whether a detail page is open: a gateway to it said yes, or was asked and left unknown.

        An "I don't know" to a gateway opens its details (when unsure, ask); a gateway not yet
        asked keeps them closed for now, so the overview always comes before the details.
        """
        if not screen.enable_if or any(facts.get(g) is True for g in screen.enable_if):
            return True
        unknown = [g for g in screen.enable_if if g not in facts]
        return bool(unknown) and all(self._asked_on.get(g) in self._asked for g in unknown)

    def _open_facts(self, screen: Screen, facts: Mapping[str, FactValue]) -> set[str]:
        """Facts this screen would settle that are still unknown (and that apply: ``ask_if``)."""
        if screen.id in self._asked or not self.enabled(screen, facts):
            return set()
        return {
            f for f in self._provided[screen.id] if f not in facts and applies(self.kb, f, facts)
        }

    def _visible(self, screen: Screen) -> list[str]:
        """The items of a page a person is shown: unanswered, and applying to them."""
        facts = self.facts
        return [f for f in screen.facts if f not in self._answers and applies(self.kb, f, facts)]

    # ------------------------------------------------------------------ choosing
    def _chance(self, predicate: Predicate, facts: dict[str, FactValue]) -> float:
        """Rough chance that a predicate turns out true, unknown facts taken as independent."""
        if isinstance(predicate, FactTest):
            truth = predicate.evaluate(facts, use_missing=False)
            if truth is not None:
                return 1.0 if truth else 0.0
            if self._asked_on.get(predicate.fact) in self._asked:
                # Asked and left unknown: it stays so, and the result will read it as the rule
                # says (``missing``), so no other page can change it.
                return 1.0 if predicate.missing else 0.0
            rate = self._base_rate(predicate.fact)
            return 1 - rate if predicate.negative else rate
        if isinstance(predicate, AllOf):
            return math.prod(self._chance(p, facts) for p in predicate.all)
        if isinstance(predicate, AnyOf):
            return 1 - math.prod(1 - self._chance(p, facts) for p in predicate.any)
        chances = sorted((self._chance(p, facts) for p in predicate.of), reverse=True)
        return math.prod(chances[: predicate.at_least])

    def _pursued(
        self, facts: dict[str, FactValue], current: int, truth: list[bool | None]
    ) -> list[tuple[int, frozenset[str]]]:
        """Rules above ``current`` still open (``truth`` None) and likely enough to pursue.

        Worked out once per page chosen, not once per screen: neither depends on the screen.
        Returns (rank, the rule's facts) pairs.
        """
        pursued = []
        for rule, rule_facts, rank, known in zip(
            self.kb.rules, self._rule_facts, self._rule_ranks, truth, strict=True
        ):
            if rank <= current or known is not None:
                continue
            if self._chance(rule.when, facts) >= PURSUE_CHANCE[rule.level]:
                pursued.append((rank, rule_facts))
        return pursued

    def _triage_priority(
        self, screen: Screen, facts: dict[str, FactValue], pursued: list[tuple[int, frozenset[str]]]
    ) -> int:
        """The most urgent level this screen could still unlock among ``pursued`` (-1 if none)."""
        open_facts = self._open_facts(screen, facts)
        if not open_facts:
            return -1
        ranks = (rank for rank, rule_facts in pursued if not rule_facts.isdisjoint(open_facts))
        return max(ranks, default=-1)

    def _cause_value(
        self, screen: Screen, facts: dict[str, FactValue], leading: list[RankedCause]
    ) -> float:
        """Expected shift in the leading causes' log-odds if this screen were answered."""
        open_facts = self._open_facts(screen, facts)
        if not open_facts:
            return 0.0
        value = 0.0
        for cause in leading:
            spread = cause.probability * (1 - cause.probability)
            for ev in self.kb.conditions[cause.id].evidence:
                tests = [t for t in leaves(ev.when) if t.fact in open_facts]
                if not tests or ev.when.evaluate(facts, use_missing=False) is not None:
                    continue
                rate = self._base_rate(tests[0].fact)
                chance = 1 - rate if tests[0].negative else rate
                value += chance * spread * abs(math.log(ev.lr))
        return value

    def _base_rate(self, fact_id: str) -> float:
        fact = self.kb.facts.get(fact_id)
        return fact.base_rate if fact else 0.15

    def next_step(self) -> Step | None:
        """The next page to ask, or ``None`` when the outcome is settled.

        Pages that could raise the level are always asked; ``max_questions`` only limits the
        pages asked to sharpen the causes, so no red flag is ever cut off by a page budget.
        """
        facts = self.facts
        first = self._screens[FIRST_SCREEN]
        if FIRST_SCREEN not in self._asked and self._open_facts(first, facts):
            return self._step(first, "where it twitches comes first", purpose="first")
        # A yes to an overview whose details are not given counts as the worse case in a result
        # (unanswered.<level>), but it is not yet settled: its details are still asked.
        worst_case_open = any(
            facts.get(f"{UNANSWERED_PREFIX}{lv}") is True for lv in ("emergency", "urgent")
        )
        facts = {k: v for k, v in facts.items() if not k.startswith(UNANSWERED_PREFIX)}
        # Each rule is evaluated once per page chosen: what fires sets the confirmed level, and
        # what is still open is what later pages could decide.
        truth = [rule.when.evaluate(facts, use_missing=False) for rule in self.kb.rules]
        fired = [rank for t, rank in zip(truth, self._rule_ranks, strict=True) if t is True]
        confirmed = LEVELS[max(fired, default=level_rank("self_care"))]
        if confirmed == "emergency":
            # Help is needed now: nothing new is asked. Only the details of what the person
            # has already ticked are taken, so the result names what they have told.
            red_flags = set(self._screens[RED_FLAG_SCREEN].facts)
            for screen in self.kb.screens:
                ticked = any(facts.get(g) is True for g in red_flags & set(screen.enable_if))
                if ticked and self._open_facts(screen, facts):
                    return self._step(
                        screen, "details of what you ticked", purpose="triage", level="emergency"
                    )
            return None
        # Every page that could still raise the level is asked, in the knowledge base's order
        # (the emergency screen comes right after the body map), so the interview reads
        # naturally; the level it could reach is kept to tell the person why it is asked.
        current = level_rank(confirmed)
        # The places on the parts of the body ticked come in their turn too, after the red-flag
        # overview and its details: everything that follows depends on them.
        pursued = self._pursued(facts, current, truth)
        relevant: list[tuple[Screen, int | None]] = []
        for screen in self.kb.screens:
            priority = self._triage_priority(screen, facts, pursued)
            if priority >= 0:
                relevant.append((screen, priority))
            elif screen.kind == "body_map" and self._open_facts(screen, facts):
                relevant.append((screen, None))
        if relevant:
            screen, found = min(relevant, key=lambda x: x[0].order)
            if found is None:
                return self._step(screen, "where it twitches", purpose="first")
            level = LEVELS[found]
            return self._step(
                screen, f"could change the advice to '{level}'", purpose="triage", level=level
            )
        if worst_case_open:
            # The advice would otherwise rest on signs counted as possibly present: ask the
            # details of the overviews answered yes before stopping.
            for screen in self.kb.screens:
                ticked = any(self._answers.get(g) is True for g in screen.enable_if)
                if ticked and self._open_facts(screen, facts):
                    return self._step(
                        screen, "details of what you ticked", purpose="triage", level="urgent"
                    )
        leading = rank_causes(self.kb, facts)[:6]
        best: tuple[float, int, Screen] | None = None
        for screen in self.kb.screens:
            cost = len(self._visible(screen))
            if not cost or self.items_shown + cost > self.item_budget:
                continue
            value = self._cause_value(screen, facts, leading)
            # Worth per item read: a long page must earn its length.
            if value >= WORTH_ASKING and (best is None or value / cost > best[0] / best[1]):
                best = (value, cost, screen)
        if best is None or self.questions_asked >= self.max_questions:
            return None
        value, _, screen = best
        return self._step(
            screen, f"would sharpen the likely causes (value {value:.2f})", purpose="causes"
        )

    def _step(
        self,
        screen: Screen,
        reason: str,
        *,
        purpose: Literal["first", "triage", "causes"],
        level: Level | None = None,
    ) -> Step:
        items = tuple(self.kb.facts[f] for f in self._visible(screen))
        return Step(screen=screen, items=items, reason=reason, purpose=purpose, level=level)

    # ------------------------------------------------------------------ answering
    def answer(self, screen_id: str, values: Mapping[str, FactValue | None]) -> None:
        """Record the answers to one page; missing or ``None`` values mean "I don't know"."""
        screen = self._screens.get(screen_id)
        if screen is None:
            raise InputError(field="screen", problem=f"unknown screen {screen_id!r}")
        checked: dict[str, FactValue] = {}
        for fact_id, value in values.items():
            if fact_id not in screen.facts:
                raise InputError(field=fact_id, problem=f"is not asked on screen '{screen_id}'")
            valid = validate_answer(self.kb.facts[fact_id], value)
            if valid is not None:
                checked[fact_id] = valid
        previous = {k: self._answers[k] for k in screen.facts if k in self._answers}
        shown = len(self._visible(screen))
        self._history.append((screen_id, previous))
        self._shown[screen_id] = self._shown.get(screen_id, 0) + shown
        self._answers.update(checked)
        self._derived = None
        if screen_id not in self._asked:
            self._asked.append(screen_id)

    def back(self) -> str | None:
        """Undo the last page; returns its id so an adapter can show it again."""
        if not self._history:
            return None
        screen_id, previous = self._history.pop()
        for fact_id in self._screens[screen_id].facts:
            self._answers.pop(fact_id, None)
        self._answers.update(previous)
        self._derived = None
        if screen_id in self._asked:
            self._asked.remove(screen_id)
        self._shown.pop(screen_id, None)
        return screen_id

    def result(self, *, now: dt.datetime) -> Assessment:
        return assess(
            self.kb,
            self._answers,
            now=now,
            questions_asked=self.questions_asked,
            items_shown=self.items_shown,
        )


AnswerLog = list[tuple[str, Mapping[str, FactValue | None]]]


def replay(kb: KnowledgeBase, known: Mapping[str, FactValue], log: AnswerLog) -> Interview:
    """An interview with the pages of ``log`` answered in order (how stateless adapters resume)."""
    interview = Interview(kb, known=known)
    for screen_id, values in log:
        interview.answer(screen_id, values)
    return interview


def pages_estimate(kb: KnowledgeBase, known: Mapping[str, FactValue], log: AnswerLog) -> int:
    """How many pages in all if the rest were answered as most people do - a fair middle guess.

    The overview questions are taken as "no" (most people have none of those signs) and every
    other answer as unknown; a "yes" opens the pages it stands for, so real answers can add pages.
    Adapters show it as "page N of about M".
    """
    return finish_typical(replay(kb, known, log))


def finish_typical(interview: Interview) -> int:
    """Answer the remaining pages as :func:`pages_estimate` does (changing ``interview``).

    For an adapter that has just replayed an interview to find the next page and can spend the
    same object on the estimate instead of replaying it again. Returns the pages in all.
    """
    while (step := interview.next_step()) is not None:
        interview.answer(step.screen.id, {f.id: False for f in step.items if f.summarises})
    return interview.questions_asked


def simulate(
    kb: KnowledgeBase,
    full: Mapping[str, FactValue],
    *,
    known: Mapping[str, FactValue],
    now: dt.datetime,
) -> Assessment:
    """Run the interview answering each page from ``full`` ("I don't know" where it is silent).

    Gateway questions are answered as the person would: yes when any of their details applies.
    A tick-list is answered as a whole, as in the terminal: when ``full`` tells anything about
    its items, the items it does not mention are not ticked (no); when it tells nothing, the
    whole page is "I don't know".
    """
    full = with_gateway_answers(kb, full)
    interview = Interview(kb, known=known)
    while (step := interview.next_step()) is not None:
        answers = {f: full.get(f) for f in step.screen.facts}
        if step.screen.kind == "checklist" and any(v is not None for v in answers.values()):
            answers = {
                f: (False if v is None and kb.facts[f].kind == "boolean" else v)
                for f, v in answers.items()
            }
        interview.answer(step.screen.id, answers)
    return interview.result(now=now)
