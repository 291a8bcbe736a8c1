"""Look-up tables worked out once per knowledge base, for the engine's hot paths.

Why: the web app is stateless, so every answer replays the interview and simulates the rest of
it for the "page N of about M" estimate - hundreds of derivations and page choices per request.
Each of those used to walk the knowledge again (which rules read a fact, which facts a screen
settles, which questions are gateways). The knowledge base is frozen once loaded, so these
answers never change: they are computed on first use and kept next to it.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

from twitchcare.kb.logic import FactTest, leaves, level_rank
from twitchcare.kb.models import Fact, KnowledgeBase, Screen
from twitchcare.locations import LOCATIONS

# A process holds one knowledge base, tests a handful; the bound only stops a leak in a loop.
_MAX_KBS = 8


@dataclass(frozen=True)
class EvidenceIndex:
    """One piece of a condition's evidence with the fact tests inside it, in predicate order."""

    position: int
    tests: tuple[FactTest, ...]
    log_lr: float


@dataclass(frozen=True)
class KbIndex:
    """What the engine asks of a knowledge base again and again, answered once."""

    screens: dict[str, Screen]
    gateways: tuple[Fact, ...]
    # Gateways whose details are all places on the body map (the regions), and every place.
    regions: tuple[Fact, ...]
    places: tuple[str, ...]
    # Details asked on a tick-list page.
    ticked: frozenset[str]
    # Yes/no questions asked only when a condition holds (``ask_when``).
    conditional_booleans: tuple[Fact, ...]
    medication_members: dict[str, frozenset[str]]
    interaction_members: dict[str, tuple[frozenset[str], frozenset[str]]]
    rule_facts: tuple[frozenset[str], ...]
    rule_ranks: tuple[int, ...]
    # Positions (in ``kb.rules``) of the rules that read a fact.
    rules_on: dict[str, frozenset[int]]
    provided: dict[str, frozenset[str]]
    asked_on: dict[str, str]
    evidence: dict[str, tuple[EvidenceIndex, ...]]


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


def _provides(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
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

    return {s.id: frozenset(collect(s, {s.id})) for s in kb.screens}


def _build(kb: KnowledgeBase) -> KbIndex:
    gateways = tuple(f for f in kb.facts.values() if f.summarises)
    rule_facts = tuple(frozenset(t.fact for t in leaves(r.when)) for r in kb.rules)
    rules_on: dict[str, list[int]] = {}
    for position, facts in enumerate(rule_facts):
        for fact in facts:
            rules_on.setdefault(fact, []).append(position)
    return KbIndex(
        screens={s.id: s for s in kb.screens},
        gateways=gateways,
        regions=tuple(g for g in gateways if all(c.startswith("loc.") for c in g.summarises)),
        places=tuple(f"loc.{loc}" for loc in LOCATIONS),
        ticked=frozenset(f for s in kb.screens if s.kind == "checklist" for f in s.facts),
        conditional_booleans=tuple(
            f for f in kb.facts.values() if f.ask_when is not None and f.kind == "boolean"
        ),
        medication_members={c.id: frozenset(c.members) for c in kb.medications.values()},
        interaction_members={
            i.id: (
                frozenset(m for c in i.one_of for m in kb.medications[c].members),
                frozenset(m for c in i.and_one_of for m in kb.medications[c].members),
            )
            for i in kb.interactions.values()
        },
        rule_facts=rule_facts,
        rule_ranks=tuple(level_rank(r.level) for r in kb.rules),
        rules_on={fact: frozenset(positions) for fact, positions in rules_on.items()},
        provided=_provides(kb),
        asked_on={f: s.id for s in kb.screens for f in s.facts},
        evidence={
            c.id: tuple(
                EvidenceIndex(position=i, tests=tuple(leaves(ev.when)), log_lr=abs(math.log(ev.lr)))
                for i, ev in enumerate(c.evidence)
            )
            for c in kb.conditions.values()
        },
    )


_CACHE: OrderedDict[int, tuple[KnowledgeBase, KbIndex]] = OrderedDict()


def kb_index(kb: KnowledgeBase) -> KbIndex:
    """The look-up tables of ``kb``, built on first use.

    Keyed on the object itself (its id, checked by identity, since a pydantic model holding
    dicts cannot be hashed): a knowledge base is never changed after loading.
    """
    entry = _CACHE.get(id(kb))
    if entry is not None and entry[0] is kb:
        return entry[1]
    index = _build(kb)
    _CACHE[id(kb)] = (kb, index)
    while len(_CACHE) > _MAX_KBS:
        _CACHE.popitem(last=False)
    return index
