"""Rank likely causes with likelihood ratios, showing the facts for and against each.

Each condition's chance is computed on its own (log prior odds plus the log likelihood ratios of
the evidence that is present), because causes are not exclusive: stress, caffeine and an eyelid
twitch often go together. Serious rare conditions pass a gate first, so they never appear without
a finding that points to them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from twitchcare.kb.logic import FactValue, matched_facts
from twitchcare.kb.models import Condition, KnowledgeBase


@dataclass(frozen=True)
class EvidenceHit:
    """A piece of evidence that applied, with its weight and source."""

    facts: tuple[str, ...]
    lr: float
    sources: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class RankedCause:
    """A condition with its estimated probability of playing a part, and why."""

    id: str
    name: str
    probability: float
    supporting: tuple[EvidenceHit, ...]
    opposing: tuple[EvidenceHit, ...]
    serious: bool


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def gate_open(condition: Condition, facts: Mapping[str, FactValue]) -> bool:
    """A condition without a gate is always considered; a gated one only with evidence for it."""
    return condition.requires is None or condition.requires.evaluate(facts) is True


def score(condition: Condition, facts: Mapping[str, FactValue]) -> RankedCause:
    """Posterior probability for one condition from its prior and the evidence present."""
    total = logit(condition.prevalence)
    supporting: list[EvidenceHit] = []
    opposing: list[EvidenceHit] = []
    for ev in condition.evidence:
        if ev.when.evaluate(facts) is not True:
            continue
        total += math.log(ev.lr)
        used = tuple(matched_facts(ev.when, facts))
        hit = EvidenceHit(facts=used, lr=ev.lr, sources=tuple(ev.sources), note=ev.note)
        (supporting if ev.lr >= 1 else opposing).append(hit)
    return RankedCause(
        id=condition.id,
        name=condition.name,
        probability=sigmoid(total),
        supporting=tuple(sorted(supporting, key=lambda h: -h.lr)),
        opposing=tuple(sorted(opposing, key=lambda h: h.lr)),
        serious=condition.serious,
    )


def _explain_away(kb: KnowledgeBase, ranked: list[RankedCause]) -> list[RankedCause]:
    """Lower diagnoses of exclusion (e.g. benign fasciculations) when another cause explains."""
    others = [r.probability for r in ranked if kb.conditions[r.id].explained_away == 0]
    best_other = max(others, default=0.0)
    out = []
    for r in ranked:
        power = kb.conditions[r.id].explained_away
        if power > 0 and best_other > 0:
            odds = r.probability / (1 - r.probability) * (1 - best_other) ** power
            r = replace(r, probability=odds / (1 + odds))
        out.append(r)
    return out


def rank_causes(kb: KnowledgeBase, facts: Mapping[str, FactValue]) -> list[RankedCause]:
    """All gated-in conditions, most likely first."""
    ranked = [score(c, facts) for c in kb.conditions.values() if gate_open(c, facts)]
    # Causes with something in this person's answers pointing to them come before causes that
    # are only common in general: a list of base rates is not an explanation.
    return sorted(_explain_away(kb, ranked), key=lambda r: (not r.supporting, -r.probability))
