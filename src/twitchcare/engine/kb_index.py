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

from twitchcare.kb.logic import FactTest, FactValue, leaves, level_rank
from twitchcare.kb.models import Fact, KnowledgeBase, Screen
from twitchcare.locations import LOCATIONS, PLACE_PREFIX, place_fact

# A process holds one knowledge base, tests a handful; the bound only stops a leak in a loop.
_MAX_KBS = 8


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
    # Yes/no questions already answered yes by another answer (``implied_by``).
    implied: tuple[Fact, ...]
    medication_members: dict[str, frozenset[str]]
    interaction_members: dict[str, tuple[frozenset[str], frozenset[str]]]
    rule_facts: tuple[frozenset[str], ...]
    rule_ranks: tuple[int, ...]
    # Positions (in ``kb.rules``) of the rules that read a fact.
    rules_on: dict[str, frozenset[int]]
    provided: dict[str, frozenset[str]]
    asked_on: dict[str, str]
    # For the look-ahead on causes (engine/information.py): the conditions whose evidence or gate
    # reads a fact; the causes a yes/no fact points to on its own, with their likelihood ratio;
    # and, for a number or a choice, one value for each outcome the conditions tell apart.
    conditions_on: dict[str, frozenset[str]]
    # Detail pages each overview line opens (``enable_if``).
    opened_by: dict[str, tuple[Screen, ...]]
    gateways_of: dict[str, tuple[Fact, ...]]
    pointers: dict[str, tuple[tuple[str, float], ...]]
    telling_values: dict[str, tuple[FactValue, ...]]


def _own_facts(kb: KnowledgeBase, screen: Screen) -> set[str]:
    """Facts a screen settles itself, including the derived facts computed from its answers."""
    provided = set(screen.facts)
    if any(f.startswith(PLACE_PREFIX) for f in screen.facts):
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


def _cause_tests(kb: KnowledgeBase) -> dict[str, list[tuple[str, FactTest]]]:
    """Every fact test in the conditions' evidence and gates, by fact: (condition, test)."""
    tests: dict[str, list[tuple[str, FactTest]]] = {}
    for condition in kb.conditions.values():
        predicates = [ev.when for ev in condition.evidence]
        if condition.requires is not None:
            predicates.append(condition.requires)
        for predicate in predicates:
            for test in leaves(predicate):
                tests.setdefault(test.fact, []).append((condition.id, test))
    return tests


def _pointers(kb: KnowledgeBase) -> dict[str, tuple[tuple[str, float], ...]]:
    """Causes a yes to a fact points to by itself (evidence that is a single "yes" test)."""
    out: dict[str, list[tuple[str, float]]] = {}
    for condition in kb.conditions.values():
        for ev in condition.evidence:
            parts = list(leaves(ev.when))
            single = parts[0] if len(parts) == 1 else None
            if single and single.is_ is not False and not single.is_numeric and single.in_ is None:
                out.setdefault(single.fact, []).append((condition.id, ev.lr))
    return {f: tuple(v) for f, v in out.items()}


def _telling_values(
    kb: KnowledgeBase, tests: dict[str, list[tuple[str, FactTest]]]
) -> dict[str, tuple[FactValue, ...]]:
    """For each number or choice fact, one value per pattern of its tests' answers.

    A number is tried at every threshold the knowledge uses and just below it; a choice at each
    of its choices. Values giving the same answers to every test are one outcome. The first
    value is the unremarkable one: the outcome that passes the fewest tests.
    """
    out: dict[str, tuple[FactValue, ...]] = {}
    for fact_id, found in tests.items():
        fact = kb.facts.get(fact_id)
        if fact is None or fact.kind not in ("number", "choice"):
            continue
        candidates: list[FactValue]
        if fact.kind == "choice":
            candidates = list(fact.choices or {})
        else:
            bounds = sorted(
                {b for _, t in found for b in (t.gt, t.gte, t.lt, t.lte) if b is not None}
            )
            numbers: list[float] = []
            for b in bounds:
                step = max(1e-3, abs(b) * 1e-3)
                numbers += [b - step, b, b + step]
            low = fact.minimum if fact.minimum is not None else -math.inf
            high = fact.maximum if fact.maximum is not None else math.inf
            candidates = [v for v in numbers if low <= v <= high]
        seen: dict[tuple[object, ...], FactValue] = {}
        for value in candidates:
            pattern = tuple(t.evaluate({fact_id: value}) for _, t in found)
            seen.setdefault(pattern, value)
        if len(seen) > 1:
            order = sorted(seen, key=lambda pattern: sum(t is True for t in pattern))
            out[fact_id] = tuple(seen[pattern] for pattern in order)
    return out


def _build(kb: KnowledgeBase) -> KbIndex:
    gateways = tuple(f for f in kb.facts.values() if f.summarises)
    rule_facts = tuple(frozenset(t.fact for t in leaves(r.when)) for r in kb.rules)
    cause_tests = _cause_tests(kb)
    rules_on: dict[str, list[int]] = {}
    for position, facts in enumerate(rule_facts):
        for fact in facts:
            rules_on.setdefault(fact, []).append(position)
    return KbIndex(
        screens={s.id: s for s in kb.screens},
        gateways=gateways,
        regions=tuple(g for g in gateways if all(c.startswith(PLACE_PREFIX) for c in g.summarises)),
        places=tuple(place_fact(loc) for loc in LOCATIONS),
        ticked=frozenset(f for s in kb.screens if s.kind == "checklist" for f in s.facts),
        conditional_booleans=tuple(
            f for f in kb.facts.values() if f.ask_when is not None and f.kind == "boolean"
        ),
        implied=tuple(f for f in kb.facts.values() if f.implied_by is not None),
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
        conditions_on={f: frozenset(c for c, _ in found) for f, found in cause_tests.items()},
        opened_by={g.id: tuple(s for s in kb.screens if g.id in s.enable_if) for g in gateways},
        gateways_of={
            f: tuple(g for g in gateways if f in g.summarises)
            for f in {c for g in gateways for c in g.summarises}
        },
        pointers=_pointers(kb),
        telling_values=_telling_values(kb, cause_tests),
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
