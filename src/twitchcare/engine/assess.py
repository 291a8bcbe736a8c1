"""``assess(kb, facts, now=...)``: the pure function at the heart of twitchcare.

It returns everything an adapter needs to show - level, reasons, causes, specialist, plan and an
ordered trace - so adapters render and never recompute. ``now`` is passed in, never read from the
clock, so the same answers always give the same result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from twitchcare.engine.causes import (
    Certainty,
    NotListed,
    RankedCause,
    not_listed,
    rank_causes,
    ranking_certainty,
)
from twitchcare.engine.facts import derive, gateways, present, unrecognised_names
from twitchcare.engine.plan import Plan, build_plan
from twitchcare.engine.triage import Reason, fired_rules, triage_level
from twitchcare.kb.logic import (
    AllOf,
    AnyOf,
    FactTest,
    FactValue,
    Level,
    Predicate,
    leaves,
    level_rank,
)
from twitchcare.kb.models import KnowledgeBase, Specialist
from twitchcare.locations import PLACE_PREFIX

DISCLAIMER = (
    "twitchcare gives information, not a diagnosis. It cannot examine you. If you are worried, or "
    "things change, contact a doctor; in an emergency call your local emergency number."
)
SHOWN_CAUSES = 8


@dataclass(frozen=True)
class Assessment:
    """The result of one assessment, with the reasons for every part of it."""

    level: Level
    reasons: tuple[Reason, ...]
    causes: tuple[RankedCause, ...]
    specialist: Specialist
    plan: Plan
    facts: Mapping[str, FactValue]
    kb_version: str
    kb_date: str
    assessed_at: dt.datetime
    unanswered_red_flags: tuple[str, ...] = ()
    not_recognised: tuple[str, ...] = ()
    trace: tuple[str, ...] = field(default_factory=tuple)
    questions_asked: int = 0
    items_shown: int = 0
    # Of items_shown, those read before the level was shown (after an emergency the call-now
    # advice comes first and the pages after it are read while waiting for help).
    items_before_advice: int = 0
    # Of questions_asked, the pages answered before the level was shown (as items_before_advice).
    pages_before_advice: int = 0
    certainty: Certainty = "uncertain"
    not_listed: tuple[NotListed, ...] = ()
    # In an emergency: what the person told on the pages the knowledge marks for the crew (when
    # each sign began, medicines, long-standing conditions), for the summary shown to them.
    for_the_crew: tuple[str, ...] = ()
    disclaimer: str = DISCLAIMER


# The side, asked with the places on the body map.
SIDE = "side"


def crew_facts(kb: KnowledgeBase, facts: Mapping[str, FactValue]) -> tuple[str, ...]:
    """The facts told on the pages marked ``after_emergency``, in the order they are asked.

    Only what was told: a "no", an empty list and "I don't know" say nothing the crew can use,
    and an overview line is left out where its details say more. A fact asked on several of
    these pages (the side, with the places of the head, arms and legs) is told once, and the
    places come together, then the side, so an adapter can say them in one line and the next.
    """
    out: list[str] = []
    for screen in kb.screens:
        if screen.after_emergency is None:
            continue
        for fact_id in screen.facts:
            fact = kb.facts[fact_id]
            value = facts.get(fact_id)
            if fact.summarises and any(present(facts.get(d)) for d in fact.summarises):
                continue
            if present(value) and fact_id not in out:
                out.append(fact_id)
    where = [f for f in out if f.startswith(PLACE_PREFIX)] + [f for f in out if f == SIDE]
    if where:
        first = min(out.index(f) for f in where)
        rest = [f for f in out if f not in where]
        out = rest[:first] + where + rest[first:]
    return tuple(out)


def crew_line_facts(for_the_crew: Sequence[str]) -> list[tuple[str, ...]]:
    """The facts for the crew as lines to show: the places together on one line ("where it
    twitches: hand, calf"), every other fact on a line of its own, in order."""
    places = tuple(f for f in for_the_crew if f.startswith(PLACE_PREFIX))
    lines: list[tuple[str, ...]] = []
    for fact_id in for_the_crew:
        if not fact_id.startswith(PLACE_PREFIX):
            lines.append((fact_id,))
        elif places:
            lines.append(places)
            places = ()
    return lines


def choose_specialist(
    level: Level,
    reasons: list[Reason],
    causes: list[RankedCause],
    kb: KnowledgeBase,
    facts: Mapping[str, FactValue],
) -> Specialist:
    """Whom to see: emergency services, the rule's specialist, or the leading cause's specialist.

    Who a pregnant person or a medicine question goes to, and which specialists are named
    instead of the family doctor, are the knowledge's (``vocabulary.yaml``).
    """
    vocab = kb.vocabulary
    if level == "emergency":
        return vocab.emergency_referral
    if level == "self_care":
        if facts.get("pregnant") is True:
            return vocab.pregnant_referral
        if causes and causes[0].id == vocab.medicine_cause:
            return vocab.medicine_referral
        return vocab.nobody
    top = [r for r in reasons if r.level == level]
    if level == "doctor" and causes:
        leading = kb.conditions[causes[0].id].specialist
        if leading in vocab.specific_specialists:
            return leading
    if top:
        return top[0].specialist
    return vocab.doctor_referral


def _could_fire(predicate: Predicate, facts: Mapping[str, FactValue], denied: set[str]) -> bool:
    """Whether some answers to the questions still open could make ``predicate`` true.

    A detail behind an overview answered "no" is not open: "stopped drinking N days ago" after
    "no change to medicines or drinking" cannot make a withdrawal rule fire, so the other parts
    of that rule (feeling anxious) are not red flags for this person.
    """

    def truth(p: Predicate) -> bool | None:
        if isinstance(p, FactTest):
            if p.fact in denied and p.fact not in facts:
                return False
            return p.evaluate(facts, use_missing=False)
        if isinstance(p, AllOf):
            parts = [truth(q) for q in p.all]
            return False if False in parts else (None if None in parts else True)
        if isinstance(p, AnyOf):
            parts = [truth(q) for q in p.any]
            return True if True in parts else (None if None in parts else False)
        parts = [truth(q) for q in p.of]
        if parts.count(True) >= p.at_least:
            return True
        return None if parts.count(True) + parts.count(None) >= p.at_least else False

    return truth(predicate) is not False


def unanswered_red_flags(
    kb: KnowledgeBase, facts: Mapping[str, FactValue], fired: set[str]
) -> tuple[str, ...]:
    """Yes/no red-flag questions left unanswered, so the result can name them.

    An unknown is not a "no": the result lists these and tells the person to act if any applies.
    Only questions the interview would ask this person are named (its skip logic, through the
    same :func:`~twitchcare.engine.interview.applies`: pregnancy is never named for a man), and
    only of rules that some answer could still fire (:func:`_could_fire`): a rule the answers
    already rule out has nothing left to ask.
    """
    # The interview builds on this module, so its skip logic is imported where it is used.
    from twitchcare.engine.interview import applies

    names: dict[str, None] = {}
    # A detail behind a gateway the person answered "no" to was, in effect, answered.
    denied = {child for g in gateways(kb) if facts.get(g.id) is False for child in g.summarises}
    for rule in kb.rules:
        if level_rank(rule.level) < level_rank("urgent") or rule.id in fired:
            continue
        if not _could_fire(rule.when, facts, denied):
            continue
        for test in leaves(rule.when):
            fact = kb.facts.get(test.fact)
            if (
                fact
                and fact.kind == "boolean"
                and not fact.derived
                and test.fact not in facts
                and test.fact not in denied
                and applies(kb, test.fact, facts)
            ):
                names[test.fact] = None
    return tuple(names)


def assess(
    kb: KnowledgeBase,
    facts: Mapping[str, FactValue],
    *,
    now: dt.datetime,
    questions_asked: int = 0,
    items_shown: int = 0,
    items_before_advice: int | None = None,
    pages_before_advice: int | None = None,
) -> Assessment:
    """Assess one person from what they told us. Pure: same facts and ``now``, same result."""
    known = derive(kb, facts)
    reasons = fired_rules(kb, known)
    level = triage_level(reasons)
    causes = rank_causes(kb, known)
    trace = [f"rule {r.rule_id} fired -> {r.level} ({', '.join(r.facts)})" for r in reasons]
    trace.append(f"triage level: {level}")
    trace.extend(f"not recognised: {name}" for name in unrecognised_names(kb, known))
    trace.extend(f"cause {c.id}: {c.probability:.3f}" for c in causes[:SHOWN_CAUSES])
    plan = build_plan(kb, known, level, causes, today=now.date())
    return Assessment(
        level=level,
        reasons=tuple(reasons),
        causes=tuple(causes[:SHOWN_CAUSES]),
        specialist=choose_specialist(level, reasons, causes, kb, known),
        plan=plan,
        facts=known,
        kb_version=kb.version,
        kb_date=kb.date,
        assessed_at=now,
        unanswered_red_flags=(
            unanswered_red_flags(kb, known, {r.rule_id for r in reasons})
            if level != "emergency"
            else ()
        ),
        not_recognised=unrecognised_names(kb, known),
        trace=tuple(trace),
        questions_asked=questions_asked,
        items_shown=items_shown,
        items_before_advice=items_shown if items_before_advice is None else items_before_advice,
        pages_before_advice=(
            questions_asked if pages_before_advice is None else pages_before_advice
        ),
        certainty=ranking_certainty(causes),
        not_listed=not_listed(kb, known),
        for_the_crew=crew_facts(kb, facts) if level == "emergency" else (),
    )
