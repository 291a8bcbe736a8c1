"""Deterministic triage: the most urgent rule that fires wins; statistics never lower it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from twitchcare.kb.logic import FactValue, Level, level_rank, matched_facts
from twitchcare.kb.models import KnowledgeBase, Specialist


@dataclass(frozen=True)
class Reason:
    """One rule that fired: the level it demands, why, and where that comes from."""

    rule_id: str
    level: Level
    message: str
    facts: tuple[str, ...]
    sources: tuple[str, ...]
    specialist: Specialist


def fired_rules(
    kb: KnowledgeBase, facts: Mapping[str, FactValue], *, use_missing: bool = True
) -> list[Reason]:
    """Every rule whose condition is true, most urgent first (knowledge order within a level).

    ``use_missing=False`` ignores the worse-case defaults for unknown facts: the interview uses it
    to see which levels are *confirmed* and keeps asking until a default is replaced by an answer.
    """
    reasons = [
        Reason(
            rule_id=rule.id,
            level=rule.level,
            message=rule.message,
            facts=tuple(matched_facts(rule.when, facts)),
            sources=tuple(rule.sources),
            specialist=rule.specialist,
        )
        for rule in kb.rules
        if rule.when.evaluate(facts, use_missing) is True
    ]
    return sorted(reasons, key=lambda r: -level_rank(r.level))


def triage_level(reasons: list[Reason]) -> Level:
    """Self-care unless a rule demands more; the most urgent rule wins."""
    if not reasons:
        return "self_care"
    return max((r.level for r in reasons), key=level_rank)
