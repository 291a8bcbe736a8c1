"""What a page could tell us about the causes: the chance its answers change the leading causes.

The result shows the causes most likely first, so the question worth asking is the one whose
answer would most probably change what the person is told: the leading cause, or which causes
make the leading three. For one unknown fact, each possible answer is tried with everything else
the person said, the causes are ranked again (gates included, so a sign that opens a gated cause
counts), and the change is weighed by how likely that answer is. A page's value is the chance that
at least one of its answers changes the leading causes, its facts taken as independent.

This is the expected value of the information for the decision "which causes to show", with a
loss of one half for a different leader and one half for a different set of three. The entropy of
the causes is not used: causes are not exclusive, and a gated cause that opens raises it, so an
answer that finds the cause would count as a loss of information.

How likely an answer is: a yes/no fact is yes at its base rate among people who twitch, raised
(or lowered) by the causes now thought likely that it points to, to first order in their chance:
``base_rate * (1 + sum of p(cause) * (likelihood ratio - 1))``. When the person ticked an overview
line that summarises the fact, its rate is first raised to ``base_rate / the line's base_rate``,
the chance of the detail given the line (the line is implied by the detail). A number or a
choice takes the outcomes the knowledge tells apart (e.g. under or over two weeks): the
unremarkable one (passing the fewest tests) at one minus the fact's base rate, the others sharing
the base rate.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from twitchcare.engine.causes import explain_away_probabilities, gate_open, probability
from twitchcare.engine.kb_index import KbIndex, kb_index
from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import KnowledgeBase

LEADING = 3  # the causes a result shows first
# The predicted chance of a yes stays inside these bounds: an answer is never taken as certain.
LEAST_CHANCE = 0.005
MOST_CHANCE = 0.95

Ranking = tuple[str, ...]


class CauseOutlook:
    """The causes as they stand for one set of facts, and how one more answer would move them."""

    def __init__(self, kb: KnowledgeBase, facts: Mapping[str, FactValue]) -> None:
        self.kb = kb
        self.facts = facts
        self._index: KbIndex = kb_index(kb)
        # The chance of each condition before explaining away; None when its gate is closed.
        self._raw: dict[str, float | None] = {
            cid: probability(c, facts) if gate_open(c, facts) else None
            for cid, c in kb.conditions.items()
        }
        self._shown = explain_away_probabilities(kb, self._raw)
        # For predicting answers, a gated cause counts with its chance before the gate: the gate
        # decides what is shown, not how likely the person is to have the cause's signs.
        self._ungated = {
            cid: p if p is not None else probability(kb.conditions[cid], facts)
            for cid, p in self._raw.items()
        }
        self.leading = _leading(self._shown)
        self._memo: dict[str, float] = {}

    def chance_of_yes(self, fact_id: str) -> float:
        """How likely a yes/no fact is yes for this person, from its base rate and the causes."""
        fact = self.kb.facts[fact_id]
        rate = fact.base_rate
        for gateway in self._index.gateways_of.get(fact_id, ()):
            if self.facts.get(gateway.id) is True:
                # A ticked overview line: one of its details is present, so each is far more
                # likely than in general - its own rate over the line's (Bayes, the line being
                # implied by the detail).
                rate = max(rate, min(MOST_CHANCE, fact.base_rate / gateway.base_rate))
        lift = sum(
            self._ungated[cid] * (lr - 1) for cid, lr in self._index.pointers.get(fact_id, ())
        )
        return min(MOST_CHANCE, max(LEAST_CHANCE, rate * (1 + lift)))

    def outcomes(self, fact_id: str) -> list[tuple[FactValue, float]]:
        """The answers worth telling apart for ``fact_id``, each with its chance."""
        fact = self.kb.facts[fact_id]
        if fact.kind == "boolean":
            yes = self.chance_of_yes(fact_id)
            return [(True, yes), (False, 1 - yes)]
        values = self._index.telling_values.get(fact_id, ())
        if not values:
            return []
        # The unremarkable outcome is as likely as a "no"; the others share the base rate.
        usual, *notable = values
        return [(usual, 1 - fact.base_rate)] + [(v, fact.base_rate / len(notable)) for v in notable]

    def ranking_with(self, fact_id: str, value: FactValue) -> Ranking:
        """The leading causes if ``fact_id`` were answered ``value``."""
        changed = self._index.conditions_on.get(fact_id, frozenset())
        if not changed:
            return self.leading
        facts = {**self.facts, fact_id: value}
        raw = dict(self._raw)
        moved = False
        for cid in changed:
            condition = self.kb.conditions[cid]
            raw[cid] = probability(condition, facts) if gate_open(condition, facts) else None
            moved = moved or raw[cid] != self._raw[cid]
        if not moved:
            # An answer that moves no cause (a "no" where only a "yes" counts) leaves the
            # ranking as it is; most answers tried are of this kind.
            return self.leading
        return _leading(explain_away_probabilities(self.kb, raw))

    def fact_value(self, fact_id: str) -> float:
        """The chance that answering ``fact_id`` changes the leading causes (0 to 1)."""
        if fact_id in self._memo:
            return self._memo[fact_id]
        value = 0.0
        if fact_id in self._index.conditions_on and fact_id in self.kb.facts:
            for answer, chance in self.outcomes(fact_id):
                after = self.ranking_with(fact_id, answer)
                if after[:1] != self.leading[:1]:
                    value += chance / 2
                if set(after) != set(self.leading):
                    value += chance / 2
        self._memo[fact_id] = value
        return value

    def page_value(self, fact_ids: Iterable[str]) -> float:
        """The chance that at least one of these answers changes the leading causes."""
        unchanged = math.prod(1 - self.fact_value(f) for f in fact_ids)
        return 1 - unchanged


def _leading(shown: Mapping[str, float]) -> Ranking:
    """The ids of the leading causes, most likely first (ties in the knowledge's order)."""
    ranked = sorted(shown, key=lambda cid: -shown[cid])
    return tuple(ranked[:LEADING])
