"""Facts: what we know about one person, as a flat mapping of fact id -> value.

A missing key means "not known" - never "no". Derived facts (medication classes, how many places
twitch) are recomputed from the answers so rules can use them without repeating the lists.
"""

from __future__ import annotations

from collections.abc import Mapping

from twitchcare.engine.kb_index import KbIndex, kb_index
from twitchcare.kb.logic import FactValue, level_rank
from twitchcare.kb.models import Fact, KnowledgeBase
from twitchcare.kb.names import normalise_medicine
from twitchcare.locations import place_fact

DERIVED_PREFIXES = ("med.", "stopped.", "interaction.", "unanswered.")
COUNTED = ("location_count",)  # counted from the body map, never told
NAME_LISTS = ("medications", "medications_stopped", "substances")


def _names(value: FactValue | None) -> set[str] | None:
    if not isinstance(value, list):
        return None
    return {normalise_medicine(m) for m in value}


def unrecognised_names(kb: KnowledgeBase, facts: Mapping[str, FactValue]) -> tuple[str, ...]:
    """Medicine and substance names the knowledge does not know, in the order given.

    They are reported in the result ("not recognised: ..."), never dropped silently; an unknown
    name adds nothing to any class, so it can never lower the level.
    """
    unknown: dict[str, None] = {}
    for key in NAME_LISTS:
        value = facts.get(key)
        for raw in value if isinstance(value, list) else []:
            name = normalise_medicine(raw)
            if name and name not in kb.recognised_names:
                unknown[name] = None
    return tuple(unknown)


def told(kb: KnowledgeBase, facts: Mapping[str, FactValue]) -> dict[str, FactValue]:
    """What the person told, without the facts the knowledge marks ``derived`` (worked out from
    the answers or the diary): what a saved assessment keeps as its answers."""
    return {k: v for k, v in facts.items() if not (k in kb.facts and kb.facts[k].derived)}


def derive(kb: KnowledgeBase, facts: Mapping[str, FactValue]) -> dict[str, FactValue]:
    """Return the facts with derived facts filled in.

    ``med.<class>``: a medicine or substance of that class is taken now (either list counts);
    ``stopped.<class>``: one was stopped or cut down lately; ``med.unrecognised`` and
    ``stopped.unrecognised``: a name the knowledge does not know; ``interaction.<id>``: two names
    that interact; ``location_count`` from the body map.
    A class is "no" once the medicines list is answered and names none of it.
    """
    index = kb_index(kb)
    out = dict(facts)
    for key in [k for k in out if k.startswith(DERIVED_PREFIXES) or k in COUNTED]:
        del out[key]
    meds, substances = _names(out.get("medications")), _names(out.get("substances"))
    if meds is not None or substances is not None:
        taken = (meds or set()) | (substances or set())
        for cls in kb.medications.values():
            if taken & index.medication_members[cls.id]:
                out[f"med.{cls.id}"] = True
            elif meds is not None:
                out[f"med.{cls.id}"] = False
    if meds is not None or substances is not None:
        taken = (meds or set()) | (substances or set())
        for inter in kb.interactions.values():
            one_of, and_one_of = index.interaction_members[inter.id]
            first = one_of & taken
            second = and_one_of & taken
            hit = any(a != b for a in first for b in second)
            if hit or meds is not None:
                out[f"interaction.{inter.id}"] = hit
    if meds is not None or substances is not None:
        # Unknown names count as "something unknown is taken", so rules can err upwards.
        out["med.unrecognised"] = bool(
            ((meds or set()) | (substances or set())) - kb.recognised_names
        )
    stopped = _names(out.get("medications_stopped"))
    if stopped is not None:
        for cls in kb.medications.values():
            out[f"stopped.{cls.id}"] = bool(stopped & index.medication_members[cls.id])
        out["stopped.unrecognised"] = bool(stopped - kb.recognised_names)
    _complete_body_map(kb, out)
    for fact in index.implied:
        # Told already in other words (an energy drink among the substances): a yes.
        assert fact.implied_by is not None  # implied holds only these
        if fact.id not in out and fact.implied_by.evaluate(out, use_missing=False) is True:
            out[fact.id] = True
    for fact in index.conditional_booleans:
        # A question that cannot apply (pregnancy for a man) is a "no", not an unknown.
        assert fact.ask_when is not None  # conditional_booleans holds only these
        if fact.id not in out and fact.ask_when.evaluate(out, use_missing=False) is False:
            out[fact.id] = False
    for gateway in index.gateways:
        if any(present(out.get(child)) for child in gateway.summarises):
            out[gateway.id] = True
        elif all(out.get(child) is False for child in gateway.summarises):
            # Every detail answered "no" (a tick-list answered as a whole) is a "no" overall.
            out.setdefault(gateway.id, False)
        elif out.get(gateway.id) is False:
            # "None of these" is a "no" to each yes/no question it stands for.
            for child in gateway.summarises:
                if kb.facts[child].kind == "boolean":
                    out.setdefault(child, False)
    _unanswered_worst_case(kb, out, said_yes={k for k, v in facts.items() if v is True})
    return out


def _unanswered_worst_case(
    kb: KnowledgeBase, out: dict[str, FactValue], *, said_yes: set[str]
) -> None:
    """``unanswered.<level>``: the worst level an unknown detail of a "yes" overview could bring.

    A person who says yes to "a fit, a faint or confusion" and stops (or says "I don't know" to
    the page) may have any of them. Each unknown detail is tried as a yes, with everything else
    they said, and the most urgent level any of them would reach is kept. Answering a detail can
    only replace "possibly" by what the person said, so one more symptom never lowers the level.
    """
    index = kb_index(kb)
    # Details asked on a tick-list (``index.ticked``), where a page left unanswered means none was
    # told apart; a question on a form (e.g. "more than prescribed?") is asked and answered alone.
    worst = -1
    # Which rules fire on what they said, worked out once: a detail tried as yes can only change
    # the rules that read it, so only those are evaluated again for each detail.
    fires: list[bool] | None = None
    for gateway in index.gateways:
        # Only an overview the person answered yes to: one set from its details says nothing new.
        if gateway.id not in said_yes or gateway.id.startswith("region."):
            continue
        for child in gateway.summarises:
            if child in out or child not in index.ticked or kb.facts[child].kind != "boolean":
                continue
            if fires is None:
                fires = [rule.when.evaluate(out) is True for rule in kb.rules]
            worst = max(worst, _level_with(kb, index, out, fires, child))
    if worst >= 0:
        for level in ("emergency", "urgent"):
            if f"unanswered.{level}" in kb.facts:
                out[f"unanswered.{level}"] = worst >= level_rank(level)


def _level_with(
    kb: KnowledgeBase, index: KbIndex, out: Mapping[str, FactValue], fires: list[bool], child: str
) -> int:
    """The triage rank of ``out`` with ``child`` answered yes, given which rules fire on ``out``.

    The same as ``level_rank(triage_level(fired_rules(kb, {**out, child: True})))``: a rule that
    does not read ``child`` fires as it did, one that does is evaluated again; the reasons, which
    only a result needs, are not built.
    """
    reread = index.rules_on.get(child, frozenset())
    with_child = {**out, child: True}
    ranks = [rank for i, rank in enumerate(index.rule_ranks) if fires[i] and i not in reread]
    ranks += (index.rule_ranks[i] for i in reread if kb.rules[i].when.evaluate(with_child) is True)
    return max(ranks, default=level_rank("self_care"))


def present(value: FactValue | None) -> bool:
    """Whether an answer says "yes, this applies": yes, a number given, or a non-empty list."""
    if isinstance(value, bool):
        return value
    if isinstance(value, list):
        return bool(value)
    return value is not None


def gateways(kb: KnowledgeBase) -> list[Fact]:
    """Gateway questions ("any of these?") in knowledge order."""
    return list(kb_index(kb).gateways)


def _complete_body_map(kb: KnowledgeBase, out: dict[str, FactValue]) -> None:
    """Places not ticked do not twitch, once the part of the body map they are on was answered.

    The body map is asked region first (head, arms, legs ...), then the places of each region
    that twitches. A region answered "no" rules out its places; a place ticked in a region rules
    out the others of that region. Without any region answer (older answers, case files, the
    diary) the map is answered as a whole: one ticked place rules out all the rest.
    """
    index = kb_index(kb)
    regions, places = index.regions, index.places
    if any(out.get(p) is True for p in places) and not any(g.id in out for g in regions):
        for p in places:
            out.setdefault(p, False)
    if any(out.get(r.id) is True for r in regions) or out.get(place_fact("whole_body")) is True:
        # The first page is answered as a whole too: parts of the body not ticked do not twitch.
        for region in regions:
            out.setdefault(region.id, False)
    for region in regions:
        answer = out.get(region.id)
        if answer is False or any(out.get(c) is True for c in region.summarises):
            for c in region.summarises:
                out.setdefault(c, False)
    if any(out.get(p) is True for p in places):
        out["location_count"] = sum(out.get(p) is True for p in places)


def with_gateway_answers(kb: KnowledgeBase, full: Mapping[str, FactValue]) -> dict[str, FactValue]:
    """What a person who knows ``full`` answers to each gateway: yes if any detail applies, else no.

    Used to simulate the interview from a case file: a person asked "any of these?" answers from
    what they have. A "no" to a gateway leaves its details unknown, exactly as the case left them,
    so the simulated interview ends with the same facts as full information.

    When the case tells nothing about any of a gateway's details, the person answers as most
    people do: "no" to a list of warning signs, but "yes" to a gateway most people answer yes
    (``base_rate`` of one half or more: twitching while awake), which a case that lists no
    situations has not answered "only when falling asleep".
    """
    out = dict(full)
    for gateway in kb_index(kb).gateways:
        if gateway.id in out:
            continue
        details = [out.get(child) for child in gateway.summarises]
        if any(present(d) for d in details):
            out[gateway.id] = True
        elif all(d is None for d in details):
            out[gateway.id] = gateway.base_rate >= 0.5
        else:
            out[gateway.id] = False
    return out
