"""Deterministic triage: the most urgent rule that fires wins; statistics never lower it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from twitchcare.kb.loader import UNANSWERED_PREFIX
from twitchcare.kb.logic import FactValue, Level, leaves, level_rank, matched_facts
from twitchcare.kb.models import KnowledgeBase, Rule, Specialist


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
    fired = [rule for rule in kb.rules if rule.when.evaluate(facts, use_missing) is True]
    # A group of signs said yes to but not told apart counts as its worst sign, so that stopping
    # early never lowers the level. Where a sign that was told already calls for that level or a
    # more urgent one, the group adds nothing to the advice, and "you said yes to a group
    # without saying which" beside the sign that was told only confuses; it is left out.
    told = max((level_rank(r.level) for r in fired if not _worst_case(r)), default=-1)
    reasons = [
        Reason(
            rule_id=rule.id,
            level=rule.level,
            message=rule.message,
            facts=tuple(matched_facts(rule.when, facts)),
            sources=tuple(rule.sources),
            specialist=rule.specialist,
        )
        for rule in fired
        if not (_worst_case(rule) and level_rank(rule.level) <= told)
    ]
    return sorted(reasons, key=lambda r: -level_rank(r.level))


def _worst_case(rule: Rule) -> bool:
    """Whether a rule reads only signs said yes to as a group and not yet told apart."""
    return all(t.fact.startswith(UNANSWERED_PREFIX) for t in leaves(rule.when))


def triage_level(reasons: list[Reason]) -> Level:
    """Self-care unless a rule demands more; the most urgent rule wins."""
    if not reasons:
        return "self_care"
    return max((r.level for r in reasons), key=level_rank)
