"""Rank likely causes with likelihood ratios, showing the facts for and against each.

Each condition's chance is computed on its own (log prior odds plus the log likelihood ratios of
the evidence that is present, the rarest finding told at its base-rate ratio), because causes are
not exclusive: stress, caffeine and an eyelid twitch often go together. Serious rare conditions
pass a gate first, so they never appear without a finding that points to them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from twitchcare.kb.logic import FactValue, leaves, matched_facts
from twitchcare.kb.models import Condition, Evidence, KnowledgeBase

Certainty = Literal["clear", "likely", "several", "tentative", "uncertain", "incomplete"]
# How sure the ranking is, read from the numbers it shows: the leading cause is "clear" when it is
# more likely than not and at least twice as likely as the next; "several" when the next is more
# likely than not too (causes are not exclusive, so two can both be likely); "likely" when the
# leading cause is more likely than not and the next is not, but less than half as likely (88%
# and 49%: more than a best guess, though not alone); "uncertain" when even
# the leading cause is below one in five (the list is then mostly base rates, not evidence about
# this person); "tentative" otherwise.
# "incomplete" is set by the interview, never by the numbers: it stopped at an emergency before
# the questions about causes, so the list rests on the first answers only.
CLEAR_TOP = 0.5
CLEAR_RATIO = 2.0
UNCERTAIN_TOP = 0.2


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


def _rarest(present: list[Evidence]) -> Evidence | None:
    """Of the findings present, the one whose rarity adds most to its grade (``rare_lr``).

    Rare findings come together (a fit, drowsiness and jerking of one side are one illness, in
    whatever cause), so counting each at its own base-rate ratio would count that illness several
    times: one carries its rarity, the others their grade's ratio.
    """
    rare = [ev for ev in present if ev.rare_lr is not None]
    return max(rare, key=lambda ev: (ev.rare_lr or 1.0) / ev.lr, default=None)


def _log_odds(condition: Condition, present: list[Evidence]) -> float:
    total = logit(condition.prevalence) + sum(math.log(ev.lr) for ev in present)
    rarest = _rarest(present)
    if rarest is not None and rarest.rare_lr is not None:
        total += math.log(rarest.rare_lr / rarest.lr)
    return total


def probability(condition: Condition, facts: Mapping[str, FactValue]) -> float:
    """The chance :func:`score` gives, without collecting the evidence (for the look-ahead)."""
    present = [ev for ev in condition.evidence if ev.when.evaluate(facts) is True]
    return sigmoid(_log_odds(condition, present))


def score(condition: Condition, facts: Mapping[str, FactValue]) -> RankedCause:
    """Posterior probability for one condition from its prior and the evidence present."""
    present = [ev for ev in condition.evidence if ev.when.evaluate(facts) is True]
    rarest = _rarest(present)
    supporting: list[EvidenceHit] = []
    opposing: list[EvidenceHit] = []
    for ev in present:
        used = tuple(matched_facts(ev.when, facts))
        lr = ev.rare_lr if ev is rarest and ev.rare_lr is not None else ev.lr
        hit = EvidenceHit(facts=used, lr=lr, sources=tuple(ev.sources), note=ev.note)
        (supporting if lr >= 1 else opposing).append(hit)
    total = _log_odds(condition, present)
    return RankedCause(
        id=condition.id,
        name=condition.name,
        probability=sigmoid(total),
        supporting=tuple(sorted(supporting, key=lambda h: -h.lr)),
        opposing=tuple(sorted(opposing, key=lambda h: h.lr)),
        serious=condition.serious,
    )


def explain_away_probabilities(
    kb: KnowledgeBase, raw: Mapping[str, float | None]
) -> dict[str, float]:
    """Lower diagnoses of exclusion (e.g. benign fasciculations) when another cause explains.

    ``raw`` maps a condition to its own chance, or to None when its gate is closed (left out).
    """
    considered = {cid: p for cid, p in raw.items() if p is not None}
    others = [p for cid, p in considered.items() if kb.conditions[cid].explained_away == 0]
    best_other = max(others, default=0.0)
    out = {}
    for cid, p in considered.items():
        power = kb.conditions[cid].explained_away
        if power > 0 and best_other > 0:
            odds = p / (1 - p) * (1 - best_other) ** power
            p = odds / (1 + odds)
        out[cid] = p
    return out


def _explain_away(kb: KnowledgeBase, ranked: list[RankedCause]) -> list[RankedCause]:
    """The ranked causes with :func:`explain_away_probabilities` applied."""
    shown = explain_away_probabilities(kb, {r.id: r.probability for r in ranked})
    return [replace(r, probability=shown[r.id]) for r in ranked]


def calibrated(kb: KnowledgeBase, p: float) -> float:
    """The number a result shows for a cause whose model chance is ``p`` (knowledge calibration).

    Monotone (the knowledge's slope is positive), so it never changes which cause leads.
    """
    cal = kb.calibration
    if cal is None:
        return p
    p = min(max(p, 1e-9), 1 - 1e-9)
    return sigmoid(cal.intercept + cal.slope * logit(p))


TIE_PLACES = 12


def rank_causes(
    kb: KnowledgeBase, facts: Mapping[str, FactValue], *, calibrate: bool = True
) -> list[RankedCause]:
    """All gated-in conditions, most likely first.

    ``calibrate=False`` gives the model's own chances, which the calibration is fitted to.
    """
    ranked = [score(c, facts) for c in kb.conditions.values() if gate_open(c, facts)]
    ranked = _explain_away(kb, ranked)
    if calibrate and kb.calibration is not None:
        ranked = [replace(r, probability=calibrated(kb, r.probability)) for r in ranked]
    # "Most likely first" means exactly that: the list is sorted by the probability it shows.
    # Ties (rare) keep the knowledge base's order, so the output is deterministic. Chances equal
    # to twelve places are a tie: the same chance reached by two paths of arithmetic can differ
    # in its last bit (a stroke and a TIA, both 0.333...), and the calibration, which rounds
    # both to one number, must not then reorder them against the model's own chances.
    return sorted(ranked, key=lambda r: -round(r.probability, TIE_PLACES))


def ranking_certainty(ranked: list[RankedCause]) -> Certainty:
    """How sure the ranking is, so a result can say so in words next to the numbers."""
    if not ranked or ranked[0].probability < UNCERTAIN_TOP:
        return "uncertain"
    second = ranked[1].probability if len(ranked) > 1 else 0.0
    if ranked[0].probability >= CLEAR_TOP and ranked[0].probability >= CLEAR_RATIO * second:
        return "clear"
    if second >= CLEAR_TOP:
        return "several"
    if ranked[0].probability >= CLEAR_TOP:
        return "likely"
    return "tentative"


def N_(message: str) -> str:
    """Marks a sentence for the core catalogue; it is translated where it is shown."""
    return message


# What each certainty means for the person, in the words every adapter shows.
CERTAINTY_WORDS: dict[Certainty, str] = {
    "clear": N_("The leading cause stands out clearly from the others."),
    "likely": N_("The leading cause is likely; the next ones may well play a part too."),
    "several": N_(
        "More than one cause is likely, and they often go together: what each suggests doing "
        "matters more than their order."
    ),
    "tentative": N_("The order is a best guess: no cause stands out clearly from the others."),
    "uncertain": N_(
        "None of your answers points strongly to one cause yet; the list mostly shows how "
        "common each cause is."
    ),
    "incomplete": N_(
        "The questions stopped early so that you get help at once: only the causes that "
        "something you told points to are listed, they rest on your first answers only and may "
        "well be wrong. The doctors will find the cause."
    ),
}


def certainty_words(certainty: Certainty) -> str:
    """How sure the ranking is, in the language in use (core catalogue)."""
    from twitchcare.catalogue import gettext

    return gettext(CERTAINTY_WORDS[certainty])


@dataclass(frozen=True)
class NotListed:
    """A feared serious condition that is not on the list, and the signs of it that are absent."""

    id: str
    name: str
    absent: tuple[str, ...]
    unknown: tuple[str, ...]


def not_listed(kb: KnowledgeBase, facts: Mapping[str, FactValue]) -> tuple[NotListed, ...]:
    """Feared conditions whose gate is closed, with the gate's signs the person does not have.

    Only answered when the person says they worry about a serious disease: naming a rare disease
    unasked would frighten, but an asked worry deserves a specific answer.
    """
    if facts.get("worried_about_serious_disease") is not True:
        return ()
    out = []
    for condition in kb.conditions.values():
        if not condition.feared or condition.requires is None or gate_open(condition, facts):
            continue
        signs = list(dict.fromkeys(t.fact for t in leaves(condition.requires)))
        absent = tuple(f for f in signs if f in facts and facts[f] is not True)
        unknown = tuple(f for f in signs if f not in facts)
        out.append(NotListed(condition.id, condition.name, absent, unknown))
    return tuple(out)
