"""Turn the triage level and the likely causes into a personal plan.

The plan is data-driven: advice items are linked from conditions in the knowledge base or switched
on by facts. Reassurance is only given when nothing serious is in view, because honest reassurance
is specific and earned by the answers, not a blanket "don't worry".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from twitchcare.engine.causes import RankedCause
from twitchcare.kb.logic import FactValue, Level, level_rank
from twitchcare.kb.models import Advice, KnowledgeBase

LIKELY = 0.15  # causes at or above this chance shape the plan
PLAN_CAUSES = 3


@dataclass(frozen=True)
class Plan:
    """What to do now, what to change, what the evidence says, and when to get help."""

    now: tuple[Advice, ...]
    change: tuple[Advice, ...]
    reassurance: tuple[Advice, ...]
    safety_net: tuple[Advice, ...]
    follow_up: dt.date | None


def _serious_in_view(causes: list[RankedCause]) -> bool:
    return any(c.serious for c in causes[:PLAN_CAUSES])


def build_plan(
    kb: KnowledgeBase,
    facts: Mapping[str, FactValue],
    level: Level,
    causes: list[RankedCause],
    *,
    today: dt.date,
) -> Plan:
    """Collect advice from the leading causes and from facts, grouped by kind."""
    chosen: list[str] = []
    leading = [c for c in causes[:PLAN_CAUSES] if c.probability >= LIKELY] or causes[:1]
    for cause in leading:
        chosen.extend(kb.conditions[cause.id].advice)
    for advice in kb.advice.values():
        if advice.when is not None and advice.when.evaluate(facts) is True:
            chosen.append(advice.id)
    calm = level_rank(level) <= level_rank("doctor") and not _serious_in_view(causes)
    if calm:
        chosen.append("reassure-common")
    chosen.extend(["net-emergency", "net-doctor"] if level != "emergency" else [])
    items: list[Advice] = []
    for advice_id in dict.fromkeys(chosen):
        advice = kb.advice[advice_id]
        if advice.kind == "reassurance" and not calm:
            continue
        if advice.kind == "safety_net" and level == "emergency":
            continue
        items.append(advice)
    days = kb.levels[level].follow_up_days
    if level == "emergency":
        # Nothing may distract from the call: no cause-based advice, changes or reassurance.
        return Plan(now=(), change=(), reassurance=(), safety_net=(), follow_up=None)
    return Plan(
        now=tuple(a for a in items if a.kind == "now"),
        change=tuple(a for a in items if a.kind == "change"),
        reassurance=tuple(a for a in items if a.kind == "reassurance"),
        safety_net=tuple(a for a in items if a.kind == "safety_net"),
        follow_up=today + dt.timedelta(days=days) if days is not None else None,
    )
