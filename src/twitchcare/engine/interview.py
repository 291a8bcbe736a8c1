"""The adaptive interview: which page of questions to ask next, and when to stop.

Order of business:
1. the body map (where it twitches) - everything else depends on it;
2. every page that could still raise the triage level, most urgent first - a red-flag screen that
   matters is never skipped, and a page that can no longer change the level is never asked;
3. pages by the chance that their answers change the leading causes, per item the person reads
   (engine/information.py), from the set of pages worth most within the items left of the
   budget, until no page is worth its reading or the budget is spent; a line ticked on such a
   page is followed by its details.
Once the answers call for emergency care, nothing more is asked for the level or the causes:
every later page carries the call-now advice (``Step.emergency_now``). The pages the knowledge
marks to be asked first after the call (the medicines, what the crew asks first) and a question
that decides the first aid (heat, for heatstroke) come next; then, only while they fit the
reading budget, the details of red-flag lines already ticked and the other pages for the crew.
"I don't know" is always allowed: the fact stays unknown and the page is not asked again.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

from twitchcare.catalogue import gettext as _
from twitchcare.engine.assess import Assessment, assess
from twitchcare.engine.facts import derive, present, with_gateway_answers
from twitchcare.engine.information import CauseOutlook
from twitchcare.engine.kb_index import kb_index
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
# A page that only sharpens the causes is asked when the chance that its answers change the
# leading causes is at least this much for each item it shows: ten items must earn a one-in-ten
# chance. Below that for every page, the interview stops.
WORTH_PER_ITEM = 0.01
EMERGENCY_RANK = level_rank("emergency")
PAGE_EFFORT = 1  # turning to a new page (its title and instructions) counts as one item more
MAX_QUESTIONS = 16
# Pages that only sharpen the causes are asked while the person has read fewer items than this;
# pages that could raise the level are never limited.
ITEM_BUDGET = 40
# After the call-now advice, the pages for the crew are asked while they fit the budget, or, when
# the red-flag pages before the call already spent it, while they fit this many items after it.
AFTER_CALL_ITEMS = 10


# Derived facts of recent answer sets, shared between interviews (see _derived_facts).
# About a dozen answer sets per person per request (the pages so far and the estimate's guesses),
# so this covers some fifty people answering at once, in tens of megabytes at most.
_DERIVED_KEPT = 1024
_DerivedKey = tuple[int, tuple[object, ...]]
_T = TypeVar("_T")
_derived_lock = threading.Lock()
_derived_recent: OrderedDict[_DerivedKey, tuple[KnowledgeBase, dict[str, FactValue]]]
_derived_recent = OrderedDict()


def _derived_facts(kb: KnowledgeBase, answers: Mapping[str, FactValue]) -> dict[str, FactValue]:
    """``derive(kb, answers)``, remembered for the most recent answer sets of this process.

    A stateless adapter replays every earlier page on each request, so the facts of those pages
    were derived on the request before; deriving them again was a third of an answer's cost.
    The key keeps the answers' order and each value's type (``True`` is not ``1``), so a hit is
    exactly what ``derive`` returns. Kept in memory only, never written anywhere, and bounded:
    the oldest are forgotten first. The dict returned is shared: callers only read it.
    """
    key = (
        id(kb),
        tuple((k, type(v), tuple(v) if isinstance(v, list) else v) for k, v in answers.items()),
    )
    with _derived_lock:
        hit = _derived_recent.get(key)
        if hit is not None and hit[0] is kb:
            _derived_recent.move_to_end(key)
            return hit[1]
    derived = derive(kb, answers)
    with _derived_lock:
        _derived_recent[key] = (kb, derived)
        while len(_derived_recent) > _DERIVED_KEPT:
            _derived_recent.popitem(last=False)
    return derived


# The page chosen next (Interview.next_step) and the pages in all of the typical finish
# (finish_typical), by the state they were worked out from. One answer passes some seven states
# (the page answered, the next, and the estimate's guesses), so this covers the last few hundred
# answers; a request sending the page the last one chose finds it here.
_STATES_KEPT = 2048
_StateKey = tuple[object, ...]
_states_lock = threading.Lock()
_steps_recent: OrderedDict[_StateKey, tuple[KnowledgeBase, Step | None]] = OrderedDict()
_typical_recent: OrderedDict[_StateKey, tuple[KnowledgeBase, int]] = OrderedDict()


def _recall(
    recent: OrderedDict[_StateKey, tuple[KnowledgeBase, _T]], key: _StateKey, kb: KnowledgeBase
) -> tuple[KnowledgeBase, _T] | None:
    """What was kept for ``key`` of this very knowledge base, if anything (kb, value)."""
    with _states_lock:
        hit = recent.get(key)
        if hit is None or hit[0] is not kb:
            return None
        recent.move_to_end(key)
        return hit


def _keep(
    recent: OrderedDict[_StateKey, tuple[KnowledgeBase, _T]],
    keys: list[_StateKey],
    kb: KnowledgeBase,
    value: _T,
) -> None:
    """Keep ``value`` for each of ``keys``, forgetting the oldest beyond ``_STATES_KEPT``."""
    with _states_lock:
        for key in keys:
            recent[key] = (kb, value)
        while len(recent) > _STATES_KEPT:
            recent.popitem(last=False)


def forget_recent() -> None:
    """Forget every page choice and estimate kept (for tests comparing with a fresh start)."""
    with _states_lock:
        _steps_recent.clear()
        _typical_recent.clear()


Purpose = Literal["first", "everyone", "triage", "causes", "after_emergency"]


@dataclass(frozen=True)
class Step:
    """The next page to show: the screen and the items on it that are still unknown.

    ``emergency_now`` is set on every page asked after the answers already call for emergency
    care: an adapter shows the call-now advice above such a page, so nobody answers questions
    before being told to call for help.
    """

    screen: Screen
    items: tuple[Fact, ...]
    reason: str
    purpose: Purpose = "causes"
    level: Level | None = None
    emergency_now: bool = False


@dataclass(frozen=True)
class CausePage:
    """A page that could be asked for the causes: the chance its answers change the leading
    causes (``value``) and what it costs to read, in items (``effort``)."""

    screen: Screen
    value: float
    effort: float
    cost: int = 1  # the items it shows now, counted against the budget


@dataclass
class _ChoiceMemo:
    """What the last page choice of an interview worked out, for the next one to start from.

    Finishing an interview the typical way (the page estimate) chooses pages one after another
    from facts that barely change: more often than not a page answered "no" to its overview
    lines leaves the facts as they were and only adds the page to those asked. A rule's truth
    reads only its facts, its chance only its facts and whether the pages asking them were
    asked, and the causes' outlook only the facts; so only what reads a changed fact or a page
    newly asked (or taken back) is worked out again. Compared value by value each time, never
    assumed, so :meth:`Interview.back` or any other change is seen.
    """

    facts: dict[str, FactValue]
    asked: frozenset[str]
    truth: list[bool | None]
    # The chance of each rule not known yet (by position in ``kb.rules``), as _chance gives it.
    chances: dict[int, float]
    outlook: CauseOutlook | None = None


def best_within(pages: list[CausePage], room: int) -> list[CausePage]:
    """The pages that together are most likely to change the causes within ``room`` items.

    Choosing the best value per item one page at a time can spend the last items on two short
    pages and leave no room for a longer one worth more than both. A knapsack over the pages
    (0/1, by the items each shows, their values taken as adding up) chooses the set; the
    interview asks its best page per item first and chooses again after each answer.
    """
    if sum(p.cost for p in pages) <= room:
        return list(pages)
    room = max(room, 0)
    best: list[tuple[float, tuple[int, ...]]] = [(0.0, ())] * (room + 1)
    for i, page in enumerate(pages):
        for r in range(room, page.cost - 1, -1):
            value = best[r - page.cost][0] + page.value
            if value > best[r][0]:
                best[r] = (value, best[r - page.cost][1] + (i,))
    return [pages[i] for i in best[room][1]]


def _same_value(a: FactValue, b: FactValue) -> bool:
    """Equal and of the same type: ``True`` and ``1`` read differently in a rule."""
    return type(a) is type(b) and a == b


def applies(kb: KnowledgeBase, fact_id: str, facts: Mapping[str, FactValue | None]) -> bool:
    """Whether a question applies to this person, by the knowledge's skip logic.

    A follow-up (``ask_if``) applies once its parent is answered yes; a question with
    ``ask_when`` applies unless that is known to be false (pregnancy is not asked of a man); one
    with ``implied_by`` is not asked once another answer already said yes to it.
    """
    fact = kb.facts.get(fact_id)
    # Most questions have no skip logic; this is asked of every fact of every page considered.
    if fact is None or (fact.ask_if is None and fact.ask_when is None and fact.implied_by is None):
        return True
    if fact.ask_if is not None and not present(facts.get(fact.ask_if)):
        return False
    known = {k: v for k, v in facts.items() if v is not None}
    if fact.implied_by is not None and fact.implied_by.evaluate(known, use_missing=False) is True:
        return False
    if fact.ask_when is None:
        return True
    return fact.ask_when.evaluate(known, use_missing=False) is not False


def validate_answer(fact: Fact, value: FactValue | None) -> FactValue | None:
    """Check one answer against its fact's type; ``None`` means "I don't know"."""
    if value is None:
        return None
    if fact.kind == "boolean":
        if not isinstance(value, bool):
            raise InputError(
                field=fact.id,
                problem=_("expected yes or no, got {value}").format(value=repr(value)),
            )
        return value
    if fact.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(
                field=fact.id, problem=_("expected a number, got {value}").format(value=repr(value))
            )
        low = fact.minimum if fact.minimum is not None else -math.inf
        high = fact.maximum if fact.maximum is not None else math.inf
        if not low <= float(value) <= high:
            raise InputError(
                field=fact.id,
                problem=_("{value} is out of range").format(value=f"{value:g}"),
                hint=_("allowed {low} to {high}").format(low=f"{low:g}", high=f"{high:g}"),
            )
        return value
    if fact.kind == "choice":
        if fact.choices is None or value not in fact.choices:
            allowed = ", ".join(fact.choices or {})
            raise InputError(
                field=fact.id,
                problem=_("unknown choice {value}").format(value=repr(value)),
                hint=_("use one of {allowed}").format(allowed=allowed),
            )
        return value
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(field=fact.id, problem=_("expected a list of names"))
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
        # Pages answered after the answers already called for emergency care: read under the
        # call-now advice, so they count as read after it (items_before_advice).
        self._after_advice: set[str] = set()
        # What the knowledge says about screens, rules and evidence, worked out once per
        # knowledge base: a stateless adapter builds an interview on every request.
        self._index = kb_index(kb)
        self._screens = self._index.screens
        self._rule_facts = self._index.rule_facts
        self._rule_ranks = self._index.rule_ranks
        self._provided = self._index.provided
        self._asked_on = self._index.asked_on
        self._derived: dict[str, FactValue] | None = None
        # Open facts per screen, for the facts of the page being chosen (see _open_facts).
        self._open_memo: dict[str, set[str]] = {}
        self._open_memo_facts: Mapping[str, FactValue] | None = None
        self._choice: _ChoiceMemo | None = None
        # Bumped by every change of the answers or the pages asked, to keep the state's key.
        self._version = 0
        self._key: tuple[tuple[int, int, int], _StateKey] | None = None

    # ------------------------------------------------------------------ state
    @property
    def facts(self) -> dict[str, FactValue]:
        """The answers with everything derived from them, worked out once per page answered.

        Choosing a page reads this for every screen; deriving it each time was most of the
        cost. The answers change only in :meth:`answer` and :meth:`back`, which forget it.
        """
        return dict(self._facts())

    def _facts(self) -> dict[str, FactValue]:
        """:attr:`facts` without the copy, for reading inside the interview only."""
        if self._derived is None:
            self._derived = _derived_facts(self.kb, self._answers)
        return self._derived

    def _state_key(self) -> _StateKey:
        """Everything the pages still to come depend on, as a key to remember them by.

        The answers in order with each value's type (as in :func:`_derived_facts`), the pages
        asked, the items read (the budget) and the limits; the undo stack plays no part.
        """
        stamp = (self._version, self.max_questions, self.item_budget)
        if self._key is not None and self._key[0] == stamp:
            return self._key[1]
        answers = tuple(
            (k, type(v), tuple(v) if isinstance(v, list) else v) for k, v in self._answers.items()
        )
        key = (
            id(self.kb),
            self.max_questions,
            self.item_budget,
            answers,
            tuple(self._asked),
            self.items_shown,
        )
        self._key = (stamp, key)
        return key

    @property
    def questions_asked(self) -> int:
        return len(self._asked)

    @property
    def items_shown(self) -> int:
        """Every question and checklist option shown so far: what the person had to read."""
        return sum(self._shown.values())

    @property
    def items_before_advice(self) -> int:
        """Items read before the person was told how urgently to get help.

        The same as :attr:`items_shown`, except after an emergency: the pages that follow it
        are shown under the call-now advice, which comes first.
        """
        return sum(n for sid, n in self._shown.items() if sid not in self._after_advice)

    @property
    def pages_before_advice(self) -> int:
        """Pages answered before the person was told how urgently to get help (as the items)."""
        return sum(1 for sid in self._asked if sid not in self._after_advice)

    def _emergency_found(self) -> bool:
        """Whether the answers so far already call for emergency care (as the next page reads
        them: a group of signs ticked without its details does not count yet)."""
        facts = {k: v for k, v in self._facts().items() if not k.startswith(UNANSWERED_PREFIX)}
        return any(
            rule.level == "emergency" and rule.when.evaluate(facts, use_missing=False) is True
            for rule in self.kb.rules
        )

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
        """Facts this screen would settle that are still unknown (and that apply: ``ask_if``).

        Choosing one page asks this of a screen up to three times (triage, body map, causes)
        with the same facts, so the answers are kept for the facts of the page being chosen.
        """
        memo = self._open_memo if facts is self._open_memo_facts else None
        if memo is not None and screen.id in memo:
            return memo[screen.id]
        if screen.id in self._asked or not self.enabled(screen, facts):
            found: set[str] = set()
        else:
            found = {
                f
                for f in self._provided[screen.id]
                if f not in facts and applies(self.kb, f, facts)
            }
        if memo is not None:
            memo[screen.id] = found
        return found

    def _visible(self, screen: Screen) -> list[str]:
        """The items of a page a person is shown: unanswered, and applying to them."""
        facts = self._facts()
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

    def _rule_truth(self, facts: dict[str, FactValue]) -> list[bool | None]:
        """Each rule evaluated on ``facts`` (unknown as unknown), starting from the last choice.

        Also brings the choice memo up to date with ``facts`` and the pages asked: chances of
        rules that read a changed fact, or a fact of a page asked or taken back since, are
        forgotten, and so is the outlook on the causes when any fact changed.
        """
        asked = frozenset(self._asked)
        memo = self._choice
        if memo is None:
            truth = [rule.when.evaluate(facts, use_missing=False) for rule in self.kb.rules]
            self._choice = _ChoiceMemo(facts=facts, asked=asked, truth=truth, chances={})
            return truth
        old = memo.facts
        changed = {k for k, v in facts.items() if k not in old or not _same_value(old[k], v)}
        changed.update(k for k in old if k not in facts)
        rules_on = self._index.rules_on
        reread: set[int] = set()
        for fact_id in changed:
            reread.update(rules_on.get(fact_id, ()))
        truth = list(memo.truth)
        for i in reread:
            truth[i] = self.kb.rules[i].when.evaluate(facts, use_missing=False)
        # A chance reads, for an unknown fact, whether the page asking it was asked.
        stale = set(reread)
        for screen_id in asked ^ memo.asked:
            for fact_id in self._screens[screen_id].facts:
                stale.update(rules_on.get(fact_id, ()))
        chances = {i: c for i, c in memo.chances.items() if i not in stale}
        outlook = memo.outlook if not changed else None
        self._choice = _ChoiceMemo(
            facts=facts, asked=asked, truth=truth, chances=chances, outlook=outlook
        )
        return truth

    def _pursued(
        self, facts: dict[str, FactValue], current: int, truth: list[bool | None]
    ) -> list[tuple[int, frozenset[str], int]]:
        """Rules above ``current`` still open (``truth`` None) and likely enough to pursue.

        Worked out once per page chosen, not once per screen: neither depends on the screen.
        Returns (rank, the rule's facts, the rule's position in ``kb.rules``) triples.
        """
        pursued = []
        # Chances kept from the last choice are those of the same facts and pages asked.
        chances = self._choice.chances if self._choice is not None else {}
        for i, (rule, rule_facts, rank, known) in enumerate(
            zip(self.kb.rules, self._rule_facts, self._rule_ranks, truth, strict=True)
        ):
            if rank <= current or known is not None:
                continue
            # A chance is never below zero, so a level pursued at any chance needs no estimate.
            threshold = PURSUE_CHANCE[rule.level]
            if threshold <= 0:
                pursued.append((rank, rule_facts, i))
                continue
            chance = chances.get(i)
            if chance is None:
                chance = chances[i] = self._chance(rule.when, facts)
            if chance >= threshold:
                pursued.append((rank, rule_facts, i))
        return pursued

    def _triage_priority(
        self,
        screen: Screen,
        facts: dict[str, FactValue],
        pursued: list[tuple[int, frozenset[str], int]],
        pursued_facts: frozenset[str],
    ) -> int:
        """The most urgent level this screen could still unlock among ``pursued`` (-1 if none).

        ``pursued_facts`` is every fact the pursued rules read: a screen settling none of them
        cannot unlock any, whatever is still open on it, so its open facts are not worked out.
        A rule counts only when the screen's answers could decide it (:meth:`_can_decide`).
        """
        if not pursued or self._provided[screen.id].isdisjoint(pursued_facts):
            return -1
        open_facts = self._open_facts(screen, facts)
        if not open_facts:
            return -1
        ranks = (
            rank
            for rank, rule_facts, i in pursued
            if not rule_facts.isdisjoint(open_facts)
            and self._can_decide(i, rule_facts & open_facts, facts)
        )
        return max(ranks, default=-1)

    def _can_decide(
        self, rule_index: int, on_page: frozenset[str], facts: dict[str, FactValue]
    ) -> bool:
        """Whether answers to ``on_page`` could change the outcome of a rule, given ``facts``.

        A rule whose other branches the answers so far have settled can be beyond a page's
        reach: "a one-sided diet *with* vomiting or cramps" cannot fire once vomiting and cramps
        were answered no, so the diet question is not asked for it. Triage rules test facts only
        for being present (the loader refuses ``is: false`` in them), so a rule is monotone in
        such facts: when it comes out the same with every one of them yes and every one no, no
        answer on the page can change it. A number, a choice or a test with a value for
        "unknown" is not tried this way: the page is taken as able to decide (when unsure, ask).
        """
        rule = self.kb.rules[rule_index]
        tests = [t for t in leaves(rule.when) if t.fact in on_page]
        if any(
            t.is_numeric or t.in_ is not None or t.is_ is False or t.missing is not None
            for t in tests
        ):
            return True
        yes = {**facts, **dict.fromkeys(on_page, True)}
        no = {**facts, **dict.fromkeys(on_page, False)}
        when = rule.when
        return when.evaluate(yes, use_missing=False) != when.evaluate(no, use_missing=False)

    def _base_rate(self, fact_id: str) -> float:
        fact = self.kb.facts.get(fact_id)
        return fact.base_rate if fact else 0.15

    def next_step(self) -> Step | None:
        """The next page to ask, or ``None`` when the outcome is settled.

        Pages that could raise the level are always asked; ``max_questions`` only limits the
        pages asked to sharpen the causes, so no red flag is ever cut off by a page budget.
        The choice depends on nothing but the state (:meth:`_state_key`), so the choices of
        recent states are kept in memory: a stateless adapter checks that the page sent is the
        one the last request chose, and the estimate starts from the page just chosen.
        """
        key = self._state_key()
        hit = _recall(_steps_recent, key, self.kb)
        if hit is not None:
            return hit[1]
        step = self._choose_step()
        _keep(_steps_recent, [key], self.kb, step)
        return step

    def _choose_step(self) -> Step | None:
        """:meth:`next_step` worked out."""
        facts = self._facts()
        first = self._screens[FIRST_SCREEN]
        if FIRST_SCREEN not in self._asked and self._open_facts(first, facts):
            return self._step(first, "where it twitches comes first", purpose="first")
        # A yes to an overview whose details are not given counts as the worse case in a result
        # (unanswered.<level>), but it is not yet settled: its details are still asked.
        worst_case_open = any(
            facts.get(f"{UNANSWERED_PREFIX}{lv}") is True for lv in ("emergency", "urgent")
        )
        facts = {k: v for k, v in facts.items() if not k.startswith(UNANSWERED_PREFIX)}
        self._open_memo, self._open_memo_facts = {}, facts
        # Each rule is evaluated once per page chosen: what fires sets the confirmed level, and
        # what is still open is what later pages could decide.
        truth = self._rule_truth(facts)
        fired = [rank for t, rank in zip(truth, self._rule_ranks, strict=True) if t is True]
        confirmed = LEVELS[max(fired, default=level_rank("self_care"))]
        if confirmed == "emergency":
            # Help is needed now: nothing is asked to decide the level, and every page that
            # follows is read under the call-now advice (see _while_waiting).
            step = self._while_waiting(facts, truth)
            return replace(step, emergency_now=True) if step is not None else None
        # Every page that could still raise the level is asked, in the knowledge base's order
        # (the emergency screen comes right after the body map), so the interview reads
        # naturally; the level it could reach is kept to tell the person why it is asked.
        current = level_rank(confirmed)
        # The places on the parts of the body ticked come in their turn too, after the red-flag
        # overview and its details: everything that follows depends on them.
        pursued = self._pursued(facts, current, truth)
        pursued_facts = frozenset().union(*(rule_facts for _, rule_facts, _ in pursued))
        relevant: list[tuple[Screen, int | None]] = []
        for screen in self.kb.screens:
            priority = self._triage_priority(screen, facts, pursued, pursued_facts)
            if priority >= 0:
                relevant.append((screen, priority))
            elif (
                screen.kind == "body_map" or screen.asked_of_everyone is not None
            ) and self._open_facts(screen, facts):
                relevant.append((screen, None))
        if relevant:
            screen, found = min(relevant, key=lambda x: x[0].order)
            if found is None and screen.kind == "body_map":
                return self._step(screen, "where it twitches", purpose="first")
            if found is None:
                return self._step(screen, "asked of everyone", purpose="everyone")
            level = LEVELS[found]
            return self._step(
                screen, f"could change the advice to '{level}'", purpose="triage", level=level
            )
        if worst_case_open:
            # The advice would otherwise rest on signs counted as possibly present: ask the
            # details of the overviews answered yes before stopping.
            step = self._ticked_details(
                facts, lambda gate: self._answers.get(gate) is True, "urgent"
            )
            if step is not None:
                return step
        if self.questions_asked >= self.max_questions:
            return None
        # A line ticked on a page asked for the causes is followed by its details: the tick
        # says one of them applies, and only the details tell which.
        step = self._ticked_details(
            facts, lambda gate: self._answers.get(gate) is True, None, purpose="causes"
        )
        if step is not None:
            return step
        # The level is settled: a page is now worth asking only for what it could change in the
        # leading causes, weighed against what it costs the person to read (engine/information).
        worth = [
            c
            for c in self._cause_pages(facts, open_only=True)
            if c.value >= WORTH_PER_ITEM * c.effort
        ]
        if not worth:
            return None
        room = self.item_budget - self.items_shown
        # Every page worth asking fits the room by itself, so the set is never empty.
        best = max(best_within(worth, room), key=lambda c: c.value / c.effort)
        return self._step(
            best.screen,
            f"could change the likely causes (chance {best.value:.0%})",
            purpose="causes",
        )

    def cause_pages(self) -> list[CausePage]:
        """The pages that could be asked for the causes now, with their value and effort.

        The interview asks, of the pages worth at least ``WORTH_PER_ITEM`` per item, the one with
        the most value per effort among those worth most together within the items left
        (:func:`best_within`); this is what it weighs, for an adapter or a test to show.
        """
        facts = {k: v for k, v in self._facts().items() if not k.startswith(UNANSWERED_PREFIX)}
        return self._cause_pages(facts)

    def _cause_pages(
        self, facts: dict[str, FactValue], *, open_only: bool = False
    ) -> list[CausePage]:
        """The pages within the item budget, with their value and effort.

        With ``open_only``, pages that leave nothing open are left out: their value is nil, so
        they are never worth asking, and choosing a page need not weigh them.
        """
        memo = self._choice
        # The outlook of the last choice, when it was worked out for these very facts.
        outlook = memo.outlook if memo is not None and memo.facts is facts else None
        out = []
        for screen in self.kb.screens:
            if open_only and not self._open_facts(screen, facts):
                continue
            cost = len(self._visible(screen))
            # The page itself must fit the budget. The details a ticked overview line opens are
            # asked whatever the budget (a tick says one of them applies), so no room is kept
            # for them: most lines are not ticked, and room kept for every page that has one
            # left most people's budget unspent (measured in docs/evidence.md).
            if not cost or self.items_shown + cost > self.item_budget:
                continue
            follow_ups = self._follow_ups(screen)
            if outlook is None:
                outlook = CauseOutlook(self.kb, facts)
                if memo is not None and memo.facts is facts:
                    memo.outlook = outlook
            value = outlook.page_value(self._open_facts(screen, facts))
            # Worth per item read, a page's title counting as one, and the details a tick would
            # open counted at the chance of the tick: a long page must earn its length.
            effort = (
                cost
                + PAGE_EFFORT
                + sum(
                    outlook.chance_of_yes(gate) * (items + PAGE_EFFORT)
                    for gate, items in follow_ups.items()
                )
            )
            out.append(CausePage(screen=screen, value=value, effort=effort, cost=cost))
        return out

    def _follow_ups(self, screen: Screen) -> dict[str, int]:
        """For each overview line still shown on ``screen``: the items its detail pages hold."""
        out = {}
        for gate in self._visible(screen):
            details = self._index.opened_by.get(gate, ())
            if details:
                out[gate] = sum(len(self._visible(d)) for d in details if d.id not in self._asked)
        return out

    def _while_waiting(self, facts: dict[str, FactValue], truth: list[bool | None]) -> Step | None:
        """The next page worth reading while help is on its way, or None.

        1. The pages the knowledge marks to be asked first after the call (the medicines: what
           the crew asks first, and insulin changes the first aid; when a stroke sign began),
           whatever was read before.
        2. A question that could complete another emergency rule whose message says what to do
           while waiting (``first_aid``: cool a person with heatstroke), asked on its own page
           even when the overview line that would open it was never asked: a call made for
           confusion does not settle whether the person is also overheated.
        3. Only while a page fits the reading budget (or ``AFTER_CALL_ITEMS`` after the call,
           when the red-flag pages spent the budget before it), in the knowledge's order: the
           details of red-flag lines already ticked, so the result names what was told, and the
           other pages for the crew (``after_emergency``);
        4. then, within the same room, a page that could complete any other emergency rule of
           which a sign is already told (a stroke is not asked about caffeine).
        Otherwise a page behind an overview line is opened only by a yes: with the level
        settled, an "I don't know" no longer calls for its details.

        Every item after the call is read by a person who should be on the phone: on the cases,
        the crew's pages read in full took the median emergency to 56 items in all, 28 of them
        after the call; within this room it is 40 and 13 (docs/evidence.md).
        """
        red_flags = set(self._screens[RED_FLAG_SCREEN].facts)
        room = max(self.item_budget, self.items_before_advice + AFTER_CALL_ITEMS) - self.items_shown
        half_met, first_aid = self._half_met_emergency_facts(facts, truth)
        passes: tuple[tuple[bool, Callable[[Screen, set[str]], bool]], ...] = (
            (
                False,
                lambda screen, open_facts: bool(open_facts) and self._asked_first(screen, facts),
            ),
            (False, lambda screen, open_facts: self._holds_open(screen, first_aid, facts)),
            (
                True,
                lambda screen, open_facts: (
                    bool(open_facts)
                    and (
                        screen.after_emergency is not None
                        or any(g in red_flags and facts.get(g) is True for g in screen.enable_if)
                    )
                ),
            ),
            (True, lambda screen, open_facts: not open_facts.isdisjoint(half_met)),
        )
        for within_room, worth_asking in passes:
            for screen in self.kb.screens:
                opened = not screen.enable_if or any(facts.get(g) is True for g in screen.enable_if)
                open_facts = self._open_facts(screen, facts) if opened else set()
                if not worth_asking(screen, open_facts):
                    continue
                if within_room and len(self._visible(screen)) > room:
                    continue
                return self._step(
                    screen,
                    "what to do while waiting, and what the crew will ask",
                    purpose="after_emergency",
                    level="emergency",
                )
        return None

    def _holds_open(
        self, screen: Screen, wanted: frozenset[str], facts: Mapping[str, FactValue]
    ) -> bool:
        """Whether ``screen`` itself asks one of ``wanted`` that is still open (not through the
        details an overview line of it opens): such a page is asked by itself, its overview
        line unasked, when one question is all that is needed."""
        return screen.id not in self._asked and any(
            f in wanted and f not in facts and applies(self.kb, f, facts) for f in screen.facts
        )

    @staticmethod
    def _asked_first(screen: Screen, facts: Mapping[str, FactValue]) -> bool:
        """Whether the knowledge has this page asked first after the call, for these answers."""
        after = screen.after_emergency
        if after is None:
            return False
        if after.first_when is not None:
            known = {k: v for k, v in facts.items() if v is not None}
            return after.first_when.evaluate(known, use_missing=False) is True
        return after.first

    def _half_met_emergency_facts(
        self, facts: dict[str, FactValue], truth: list[bool | None]
    ) -> tuple[frozenset[str], frozenset[str]]:
        """The facts of the emergency rules not yet decided of which a sign is already told, and
        of those, the facts of the rules whose message says what to do while waiting (first aid)
        whose answer alone could decide the rule.

        The second set is asked whatever the person has read, so a fact that cannot settle its
        rule (whether they can stand, once confusion is told and only the insulin is unknown) is
        not worth a page there.
        """
        half_met: set[str] = set()
        first_aid: set[str] = set()
        for i, (rule, rule_facts, rank, known) in enumerate(
            zip(self.kb.rules, self._rule_facts, self._rule_ranks, truth, strict=True)
        ):
            if rank < EMERGENCY_RANK or known is not None:
                continue
            if not any(t.evaluate(facts, use_missing=False) is True for t in leaves(rule.when)):
                continue
            half_met |= rule_facts
            if rule.first_aid:
                first_aid.update(
                    f for f in rule_facts if self._can_decide(i, frozenset({f}), facts)
                )
        return frozenset(half_met), frozenset(first_aid)

    def _ticked_details(
        self,
        facts: dict[str, FactValue],
        ticked: Callable[[str], bool],
        level: Level | None,
        *,
        purpose: Purpose = "triage",
    ) -> Step | None:
        """The first open detail page behind an overview line the person ticked, if any."""
        for screen in self.kb.screens:
            if any(ticked(g) for g in screen.enable_if) and self._open_facts(screen, facts):
                return self._step(
                    screen, "details of what you ticked", purpose=purpose, level=level
                )
        return None

    def _step(
        self,
        screen: Screen,
        reason: str,
        *,
        purpose: Purpose,
        level: Level | None = None,
    ) -> Step:
        items = tuple(self.kb.facts[f] for f in self._visible(screen))
        return Step(screen=screen, items=items, reason=reason, purpose=purpose, level=level)

    # ------------------------------------------------------------------ answering
    def answer(self, screen_id: str, values: Mapping[str, FactValue | None]) -> None:
        """Record the answers to one page; missing or ``None`` values mean "I don't know"."""
        screen = self._screens.get(screen_id)
        if screen is None:
            raise InputError(
                field="screen",
                problem=_("unknown screen {screen_id}").format(screen_id=repr(screen_id)),
            )
        checked: dict[str, FactValue] = {}
        for fact_id, value in values.items():
            if fact_id not in screen.facts:
                raise InputError(
                    field=fact_id,
                    problem=_("is not asked on screen '{screen_id}'").format(screen_id=screen_id),
                )
            valid = validate_answer(self.kb.facts[fact_id], value)
            if valid is not None:
                checked[fact_id] = valid
        previous = {k: self._answers[k] for k in screen.facts if k in self._answers}
        shown = len(self._visible(screen))
        if self._emergency_found():
            self._after_advice.add(screen_id)
        self._history.append((screen_id, previous))
        self._shown[screen_id] = self._shown.get(screen_id, 0) + shown
        self._answers.update(checked)
        self._derived = None
        self._version += 1
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
        self._version += 1
        if screen_id in self._asked:
            self._asked.remove(screen_id)
        self._shown.pop(screen_id, None)
        self._after_advice.discard(screen_id)
        return screen_id

    def result(self, *, now: dt.datetime) -> Assessment:
        """The assessment of the answers so far.

        After an emergency stop the causes rest on the first pages only: when a page never asked
        could still have told about a cause, the result says so (``certainty`` "incomplete")
        instead of presenting the list as if it were as sure as the numbers look. It then lists
        only the causes that something the person told points to: the others show how common
        they are in everyone who twitches, and the pages that could have told for or against
        them were never asked, so above a cause with evidence they would read as a finding.
        """
        result = assess(
            self.kb,
            self._answers,
            now=now,
            questions_asked=self.questions_asked,
            items_shown=self.items_shown,
            items_before_advice=self.items_before_advice,
            pages_before_advice=self.pages_before_advice,
        )
        if result.level == "emergency" and self._causes_left_unasked():
            told = tuple(c for c in result.causes if c.supporting)
            return replace(result, certainty="incomplete", causes=told)
        return result

    def _causes_left_unasked(self) -> bool:
        """Whether a page not asked could still tell something about a cause."""
        facts = self._facts()
        conditions_on = self._index.conditions_on
        return any(
            f in conditions_on
            for screen in self.kb.screens
            if screen.id not in self._asked
            for f in self._open_facts(screen, facts)
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
    same object on the estimate instead of replaying it again: it is left somewhere on the way
    to the end and is of no further use. Returns the pages in all.

    The count from every state passed is remembered (in memory only, the oldest forgotten
    first): a page answered the typical way, a page shown again, or a second person with the
    same answers so far (the first pages are often answered alike) then costs a look-up. The
    typical finish depends on nothing but that state (:meth:`Interview._state_key`).
    """
    kb = interview.kb
    passed: list[_StateKey] = []
    while True:
        key = interview._state_key()
        hit = _recall(_typical_recent, key, kb)
        if hit is not None:
            total = hit[1]
            break
        passed.append(key)
        step = interview.next_step()
        if step is None:
            total = interview.questions_asked
            break
        interview.answer(step.screen.id, {f.id: False for f in step.items if f.summarises})
    _keep(_typical_recent, passed, kb, total)
    return total


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
