"""Read the knowledge files, validate their structure, then cross-check their references.

Two passes, as in form-definition tools: pydantic checks each file's shape; then every reference
(source ids, fact ids in rules, advice ids) is resolved, with a "did you mean" for typos. Every
error names the file and the key, because the people editing these files are clinicians as often
as programmers.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from twitchcare.errors import KnowledgeError
from twitchcare.kb.logic import FactTest, Predicate, leaves
from twitchcare.kb.models import (
    AdviceFile,
    Condition,
    ConditionsFile,
    DoctorQuestionsFile,
    Evidence,
    Fact,
    KnowledgeBase,
    LevelsFile,
    MedicationsFile,
    QuestionsFile,
    RulesFile,
    SourcesFile,
    Strict,
)
from twitchcare.kb.names import normalise_medicine
from twitchcare.kb.relaxation import RelaxationFile
from twitchcare.vocabulary import FILE as VOCABULARY_FILE
from twitchcare.vocabulary import read_vocabulary

M = TypeVar("M", bound=BaseModel)

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Manifest(Strict):
    version: str
    date: str


def default_knowledge_dir() -> Path:
    """The knowledge files shipped inside the package."""
    return Path(str(resources.files("twitchcare") / "knowledge"))


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_Loader)
    except FileNotFoundError:
        raise KnowledgeError(where=path.name, field="(file)", problem="file is missing") from None
    except yaml.YAMLError as exc:
        problem = str(exc).replace("\n", " ")
        raise KnowledgeError(where=path.name, field="(yaml)", problem=problem) from None


def _key_path(data: Any, loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic location into ``conditions[stroke].evidence[2].lr`` using ids where known."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int) and isinstance(node, list) and item < len(node):
            node = node[item]
            ident = node.get("id") if isinstance(node, dict) else None
            parts[-1:] = [f"{parts[-1] if parts else ''}[{ident if ident else item}]"]
        else:
            node = node.get(item) if isinstance(node, dict) else None
            parts.append(str(item))
    return ".".join(parts)


def parse_file(model: type[M], path: Path, data: Any = None, *, where: str = "") -> M:
    """Read and validate one knowledge file; a problem names the file (``where``, by default
    its name) and the key, with ids where known. Every knowledge file is read through here."""
    where = where or path.name
    try:
        data = _read_yaml(path) if data is None else data
    except KnowledgeError as exc:
        raise KnowledgeError(where=where, field=exc.field, problem=exc.problem) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise KnowledgeError(
            where=where, field=_key_path(data, err["loc"]) or "(top)", problem=err["msg"]
        ) from None


_parse = parse_file


def _graded_conditions(path: Path) -> ConditionsFile:
    """Read conditions.yaml, turning each elicited ``strength`` into the scale's fixed ratio.

    Done before validation so that every evidence item has exactly one ratio and the engine
    never needs to know which kind it was; giving both a figure and a grade is an error, and so
    is a raw ``lr`` without the ``figure`` it was taken from or beyond the scale's cap.
    """
    data = _read_yaml(path)
    scale = data.get("evidence_scale") if isinstance(data, dict) else None
    grades: dict[str, float] = {}
    sensitivities: dict[str, float] = {}
    cap: float | None = None
    if isinstance(scale, dict):
        raw_cap = scale.get("cap")
        cap = float(raw_cap) if isinstance(raw_cap, int | float) and raw_cap > 0 else None
        for i, grade in enumerate(scale.get("grades") or []):
            if not isinstance(grade, dict):
                continue
            lr = grade.get("lr")
            if isinstance(lr, int | float) and cap is not None and not 1 / cap <= lr <= cap:
                raise KnowledgeError(
                    where=path.name,
                    field=f"evidence_scale.grades[{grade.get('id', i)}].lr",
                    problem=f"{lr:g} is outside the cap (1/{cap:g} to {cap:g})",
                )
            if isinstance(grade.get("id"), str) and isinstance(lr, int | float):
                grades[grade["id"]] = float(lr)
                sens = grade.get("sensitivity")
                if isinstance(sens, int | float) and lr > 1:
                    sensitivities[grade["id"]] = float(sens)
    conditions = data.get("conditions") if isinstance(data, dict) else None
    for cond in conditions if isinstance(conditions, list) else []:
        if not isinstance(cond, dict):
            continue
        for i, ev in enumerate(cond.get("evidence") or []):
            if isinstance(ev, dict) and "strength" not in ev:
                _check_cited_ratio(path, f"conditions[{cond.get('id')}].evidence[{i}]", ev, cap)
            if not isinstance(ev, dict) or "strength" not in ev:
                continue
            key = f"conditions[{cond.get('id')}].evidence[{i}].strength"
            if "lr" in ev:
                raise KnowledgeError(
                    where=path.name,
                    field=key,
                    problem="give either 'lr' (a cited figure) or 'strength', not both",
                )
            if ev["strength"] not in grades:
                raise KnowledgeError(
                    where=path.name,
                    field=key,
                    problem=f"unknown strength '{ev['strength']}'",
                    hint=_did_you_mean(str(ev["strength"]), set(grades))
                    or f"use one of {', '.join(grades) or 'the evidence_scale grades'}",
                )
            if "figure" in ev:
                raise KnowledgeError(
                    where=path.name,
                    field=f"conditions[{cond.get('id')}].evidence[{i}].figure",
                    problem="a figure goes with the 'lr' it gives, not with a 'strength' grade",
                    hint="drop the grade and give 'lr' from the figure, or drop the figure",
                )
            ev["lr"] = grades[ev["strength"]]
            if ev["strength"] in sensitivities:
                ev["sensitivity"] = sensitivities[ev["strength"]]
    return _parse(ConditionsFile, path, data)


def _rare_finding_ratio(
    ev: Evidence, prior: float, facts: dict[str, Fact], cap: float
) -> float | None:
    """The ratio of a graded yes/no finding as sensitivity over false-positive rate, when above
    its grade's ratio (else None).

    The grade says how many people with the condition report the finding (``sensitivity``); of a
    share ``b`` of people who twitch who report it, (b - p * s) / (1 - p) do not have the
    condition. A finding told by one person in a hundred is worth far more than the grade's band
    edge, which stays the least a finding of that grade carries, and the scale's cap the most.
    """
    test = ev.when
    sens = ev.sensitivity
    if sens is None or not isinstance(test, FactTest) or test.is_ is False:
        return None
    if test.in_ is not None or any(v is not None for v in (test.gt, test.gte, test.lt, test.lte)):
        return None
    fact = facts.get(test.fact)
    if fact is None or fact.kind != "boolean":
        return None
    false_positive = (fact.base_rate - prior * sens) / (1 - prior)
    ratio = cap if false_positive <= 0 else min(cap, sens / false_positive)
    return ratio if ratio > ev.lr else None


def _with_rare_finding_ratios(
    conditions: list[Condition], facts: dict[str, Fact], cap: float | None
) -> list[Condition]:
    """Every condition with :func:`_rare_finding_ratio` applied to its graded findings."""
    if cap is None:
        return conditions
    out = []
    for cond in conditions:
        evidence = [
            ev.model_copy(update={"rare_lr": _rare_finding_ratio(ev, cond.prevalence, facts, cap)})
            for ev in cond.evidence
        ]
        out.append(cond.model_copy(update={"evidence": evidence}))
    return out


def _check_cited_ratio(path: Path, key: str, ev: dict[str, Any], cap: float | None) -> None:
    """A ratio written as a number must say which published figure it comes from, within the cap.

    Without this a weight typed by hand (an if-statement dressed as a statistic) would look
    exactly like a measured one.
    """
    lr = ev.get("lr")
    if lr is None:
        return  # the model reports the missing weight
    figure = ev.get("figure")
    if not isinstance(figure, str) or not figure.strip():
        raise KnowledgeError(
            where=path.name,
            field=key + ".lr",
            problem="a likelihood ratio needs the published 'figure' it comes from",
            hint="add 'figure:' (the source's number, in your own words) or use 'strength:' "
            "with a grade of evidence_scale",
        )
    if isinstance(lr, int | float) and cap is not None and not 1 / cap <= lr <= cap:
        raise KnowledgeError(
            where=path.name,
            field=key + ".lr",
            problem=f"{lr:g} is outside the cap (1/{cap:g} to {cap:g})",
            hint="a single finding is not allowed to decide a cause on its own",
        )


def _did_you_mean(name: str, known: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"did you mean '{close[0]}'?" if close else ""


class _Checker:
    """Collects the cross-reference checks so each names its file and key."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def source(self, file: str, key: str, source_id: str) -> None:
        if source_id not in self.kb.sources:
            raise KnowledgeError(
                where=file,
                field=key,
                problem=f"unknown source '{source_id}'",
                hint=_did_you_mean(source_id, set(self.kb.sources)),
            )

    def fact(self, file: str, key: str, fact_id: str) -> None:
        if fact_id not in self.kb.facts:
            raise KnowledgeError(
                where=file,
                field=key,
                problem=f"unknown fact '{fact_id}'",
                hint=_did_you_mean(fact_id, set(self.kb.facts)),
            )

    def _name(self, file: str, key: str, name: str) -> None:
        if normalise_medicine(name) != name:
            raise KnowledgeError(
                where=file,
                field=key,
                problem=f"'{name}' is not written as names are compared",
                hint=f"write '{normalise_medicine(name)}'",
            )

    def graded_ratio_possible(self, key: str, ev: Evidence, prior: float) -> None:
        """An elicited ratio for one yes/no finding cannot exceed what its base rate allows.

        A likelihood ratio is sensitivity / false-positive rate. If a share ``b`` of people who
        twitch report the finding and a share ``p`` have the condition, then even when everyone
        with the condition reports it, (b - p) / (1 - p) of the others do too, so the ratio is at
        most (1 - p) / (b - p) (about 1 / b for a rare condition). A grade that claims more than
        that is a wish, not evidence.
        """
        test = ev.when
        if ev.strength is None or ev.lr <= 1 or not isinstance(test, FactTest):
            return
        fact = self.kb.facts.get(test.fact)
        if fact is None or fact.kind != "boolean" or test.is_ is False:
            return
        if fact.base_rate <= prior:
            return
        most = (1 - prior) / (fact.base_rate - prior)
        if ev.lr > most + 1e-9:
            raise KnowledgeError(
                where="conditions.yaml",
                field=key + ".strength",
                problem=(
                    f"'{ev.strength}' ({ev.lr:g}) is more than '{test.fact}' can carry: "
                    f"{fact.base_rate:.0%} of people report it, so its ratio is at most {most:.3g}"
                ),
                hint="use a lower grade or a figure from the source",
            )

    def run(self) -> None:
        kb = self.kb
        for mech in kb.mechanisms.values():
            for s in mech.sources:
                self.source("rules.yaml", f"mechanisms[{mech.id}].sources", s)
        for rule in kb.rules:
            key = f"rules[{rule.id}]"
            for s in rule.sources:
                self.source("rules.yaml", key + ".sources", s)
            for test in leaves(rule.when):
                self.fact("rules.yaml", key + ".when", test.fact)
                if test.negative:
                    raise KnowledgeError(
                        where="rules.yaml",
                        field=key + ".when",
                        problem=f"'{test.fact}' is tested with 'is: false'",
                        hint="triage rules may only look for the presence of something",
                    )
            if rule.first_aid and rule.level != "emergency":
                raise KnowledgeError(
                    where="rules.yaml",
                    field=key + ".first_aid",
                    problem=f"a rule at level '{rule.level}' has first aid to give while waiting",
                    hint="only an emergency rule has someone waiting for help",
                )
        if kb.evidence_scale is not None:
            for s in kb.evidence_scale.sources:
                self.source("conditions.yaml", "evidence_scale.sources", s)
        if kb.calibration is not None:
            for s in kb.calibration.sources:
                self.source("conditions.yaml", "calibration.sources", s)
        for cond in kb.conditions.values():
            key = f"conditions[{cond.id}]"
            for s in cond.sources:
                self.source("conditions.yaml", key + ".sources", s)
            for i, ev in enumerate(cond.evidence):
                for s in ev.sources:
                    self.source("conditions.yaml", f"{key}.evidence[{i}].sources", s)
                for test in leaves(ev.when):
                    self.fact("conditions.yaml", f"{key}.evidence[{i}].when", test.fact)
                self.graded_ratio_possible(f"{key}.evidence[{i}]", ev, cond.prevalence)
            if cond.requires is not None:
                for test in leaves(cond.requires):
                    self.fact("conditions.yaml", key + ".requires", test.fact)
                if cond.requires_basis is None:
                    raise KnowledgeError(
                        where="conditions.yaml",
                        field=key + ".requires_basis",
                        problem="a gate ('requires') needs the clinical criterion it stands for",
                        hint="add requires_basis: {criterion: ..., sources: [...]}",
                    )
            if cond.requires_basis is not None:
                if cond.requires is None:
                    raise KnowledgeError(
                        where="conditions.yaml",
                        field=key + ".requires_basis",
                        problem="there is no gate ('requires') for this basis to explain",
                    )
                for s in cond.requires_basis.sources:
                    self.source("conditions.yaml", key + ".requires_basis.sources", s)
            for a in cond.advice:
                if a not in kb.advice:
                    raise KnowledgeError(
                        where="conditions.yaml",
                        field=key + ".advice",
                        problem=f"unknown advice '{a}'",
                        hint=_did_you_mean(a, set(kb.advice)),
                    )
        for adv in kb.advice.values():
            for s in adv.sources:
                self.source("advice.yaml", f"advice[{adv.id}].sources", s)
            if adv.when is not None:
                for test in leaves(adv.when):
                    self.fact("advice.yaml", f"advice[{adv.id}].when", test.fact)
        for med in kb.medications.values():
            for s in med.sources:
                self.source("medications.yaml", f"classes[{med.id}].sources", s)
            for name in med.members:
                self._name("medications.yaml", f"classes[{med.id}].members", name)
        for inter in kb.interactions.values():
            key = f"interactions[{inter.id}]"
            for s in inter.sources:
                self.source("medications.yaml", key + ".sources", s)
            for cls in [*inter.one_of, *inter.and_one_of]:
                if cls not in kb.medications:
                    raise KnowledgeError(
                        where="medications.yaml",
                        field=key,
                        problem=f"unknown class '{cls}'",
                        hint=_did_you_mean(cls, set(kb.medications)),
                    )
        asked: set[str] = set()
        for screen in kb.screens:
            for f in screen.facts:
                self.fact("questions.yaml", f"screens[{screen.id}].facts", f)
                asked.add(f)
            for f in screen.enable_if:
                self.fact("questions.yaml", f"screens[{screen.id}].enable_if", f)
            if screen.after_emergency is not None:
                for s in screen.after_emergency.sources:
                    self.source(
                        "questions.yaml", f"screens[{screen.id}].after_emergency.sources", s
                    )
                if screen.after_emergency.first_when is not None:
                    for test in leaves(screen.after_emergency.first_when):
                        self.fact(
                            "questions.yaml",
                            f"screens[{screen.id}].after_emergency.first_when",
                            test.fact,
                        )
            if screen.asked_of_everyone is not None:
                for s in screen.asked_of_everyone.sources:
                    self.source(
                        "questions.yaml", f"screens[{screen.id}].asked_of_everyone.sources", s
                    )
            # Follow-ups (ask_if) appear only after a yes, so they are not counted here; the
            # evaluation measures the largest page actually shown.
            always = [f for f in screen.facts if f in kb.facts and kb.facts[f].ask_if is None]
            if len(always) > MAX_SCREEN_ITEMS:
                raise KnowledgeError(
                    where="questions.yaml",
                    field=f"screens[{screen.id}].facts",
                    problem=f"{len(always)} items on one page",
                    hint=f"split it: a page shows at most {MAX_SCREEN_ITEMS} items",
                )
        for fact in kb.facts.values():
            if fact.ask_if is not None:
                self.fact("questions.yaml", f"facts[{fact.id}].ask_if", fact.ask_if)
                if kb.facts[fact.ask_if].kind not in ("boolean", "list"):
                    raise KnowledgeError(
                        where="questions.yaml",
                        field=f"facts[{fact.id}].ask_if",
                        problem=f"'{fact.ask_if}' is not a yes/no question or a list",
                        hint="a follow-up is asked after a yes, or after a list naming something",
                    )
            if fact.ask_when is not None:
                for test in leaves(fact.ask_when):
                    self.fact("questions.yaml", f"facts[{fact.id}].ask_when", test.fact)
            if fact.implied_by is not None:
                for test in leaves(fact.implied_by):
                    self.fact("questions.yaml", f"facts[{fact.id}].implied_by", test.fact)
                if fact.kind != "boolean":
                    raise KnowledgeError(
                        where="questions.yaml",
                        field=f"facts[{fact.id}].implied_by",
                        problem=f"'{fact.id}' is not a yes/no question",
                        hint="only a yes can be implied by another answer",
                    )
            for child in fact.summarises:
                self.fact("questions.yaml", f"facts[{fact.id}].summarises", child)
            if fact.summarises and fact.kind != "boolean":
                raise KnowledgeError(
                    where="questions.yaml",
                    field=f"facts[{fact.id}]",
                    problem="a gateway question (summarises) must be a yes/no fact",
                )
            if not (fact.derived or fact.legacy) and fact.id not in asked:
                raise KnowledgeError(
                    where="questions.yaml",
                    field=f"facts[{fact.id}]",
                    problem="fact is never asked on any screen",
                    hint="add it to a screen or mark it derived",
                )
        for question in kb.doctor_questions:
            key = f"questions[{question.id}]"
            for s in question.sources:
                self.source("doctor_questions.yaml", key + ".sources", s)
            if question.when is not None:
                for test in leaves(question.when):
                    self.fact("doctor_questions.yaml", key + ".when", test.fact)
        for session in kb.relaxation.values():
            for s in session.sources:
                self.source("relaxation.yaml", f"sessions[{session.id}].sources", s)
        for programme in kb.programmes.values():
            key = f"programmes[{programme.id}]"
            for s in programme.sources:
                self.source("relaxation.yaml", key + ".sources", s)
            if programme.session not in kb.relaxation:
                raise KnowledgeError(
                    where="relaxation.yaml",
                    field=key + ".session",
                    problem=f"unknown session '{programme.session}'",
                    hint=_did_you_mean(programme.session, set(kb.relaxation)),
                )
            stages = len(kb.relaxation[programme.session].stages)
            if programme.stage_every_days is not None and not stages:
                raise KnowledgeError(
                    where="relaxation.yaml",
                    field=key + ".stage_every_days",
                    problem=f"session '{programme.session}' has no stages",
                )
        missing = {"self_care", "doctor", "urgent", "emergency"} - set(kb.levels)
        if missing:
            raise KnowledgeError(
                where="levels.yaml", field="levels", problem=f"missing levels {sorted(missing)}"
            )
        self.vocabulary()

    def specialist(self, file: str, key: str, specialist: str) -> None:
        known = self.kb.vocabulary.specialists
        if specialist not in known:
            raise KnowledgeError(
                where=file,
                field=key,
                problem=f"unknown specialist '{specialist}'",
                hint=_did_you_mean(specialist, set(known)) or f"see {VOCABULARY_FILE}",
            )

    def vocabulary(self) -> None:
        """The other files agree with the one vocabulary: whom rules and causes send a person
        to, the context questions, the sleep-start rule, child-bearing age, the two weeks."""
        kb, vocab, where = self.kb, self.kb.vocabulary, VOCABULARY_FILE
        for key, ids in (
            ("contexts.sources", vocab.context_sources),
            ("referrals.sources", vocab.referral_sources),
            ("persistence.sources", vocab.persistence.sources),
        ):
            for s in ids:
                self.source(where, key, s)
        if vocab.medicine_cause not in kb.conditions:
            raise KnowledgeError(
                where=where,
                field="referrals.medicine_cause",
                problem=f"unknown condition '{vocab.medicine_cause}'",
                hint=_did_you_mean(vocab.medicine_cause, set(kb.conditions)),
            )
        for rule in kb.rules:
            self.specialist("rules.yaml", f"rules[{rule.id}].specialist", rule.specialist)
        for cond in kb.conditions.values():
            self.specialist("conditions.yaml", f"conditions[{cond.id}].specialist", cond.specialist)
        # Defined in the vocabulary's order (the diary lists them so); asked once each, on
        # whichever pages group them best (what sets it off, when it comes).
        asked = sorted(
            f.removeprefix("ctx.") for s in kb.screens for f in s.facts if f.startswith("ctx.")
        )
        defined = [f.removeprefix("ctx.") for f in kb.facts if f.startswith("ctx.")]
        checks = (
            (defined, list(vocab.context_ids), "facts", ", in that order"),
            (asked, sorted(vocab.context_ids), "screens", ", each on one page"),
        )
        for found, wanted, what, how in checks:
            if found != wanted:
                raise KnowledgeError(
                    where="questions.yaml",
                    field=what,
                    problem=f"the ctx.* questions ({', '.join(found)}) differ from the contexts "
                    f"of {where}",
                    hint=f"ask ctx.<id> for exactly {', '.join(vocab.context_ids)}{how}",
                )
        awake = kb.facts.get("awake_twitching")
        wanted = [f"ctx.{c}" for c in vocab.awake_contexts]
        if awake is None or sorted(awake.summarises) != sorted(wanted):
            raise KnowledgeError(
                where="questions.yaml",
                field="facts[awake_twitching].summarises",
                problem=f"must be the awake contexts of {where}",
                hint=", ".join(wanted),
            )
        low, high = vocab.child_bearing_age
        for fact_id in vocab.child_bearing_facts:
            self.fact(where, "child_bearing_age.asks", fact_id)
            when = kb.facts[fact_id].ask_when
            bounds = [(t.gte, t.lte) for t in leaves(when) if t.fact == "age"] if when else []
            if bounds != [(low, high)]:
                raise KnowledgeError(
                    where="questions.yaml",
                    field=f"facts[{fact_id}].ask_when",
                    problem=f"must test the child-bearing age of {where}",
                    hint=f"{{fact: age, gte: {low}, lte: {high}}}",
                )
        days = vocab.persistence.more_than_days
        tests: list[tuple[str, str, Predicate | None]] = [
            (f"rules[{r.id}].when", "rules.yaml", r.when) for r in kb.rules
        ]
        tests += [
            (f"questions[{q.id}].when", "doctor_questions.yaml", q.when)
            for q in kb.doctor_questions
        ]
        tests += [(f"advice[{a.id}].when", "advice.yaml", a.when) for a in kb.advice.values()]
        for key, file, when in tests:
            for test in leaves(when) if when is not None else []:
                if test.fact == "duration_days" and (test.gt, test.gte, test.lt, test.lte) != (
                    days,
                    None,
                    None,
                    None,
                ):
                    raise KnowledgeError(
                        where=file,
                        field=key,
                        problem="twitching that lasts is tested with another threshold than "
                        f"'persistence.more_than_days' of {where}",
                        hint=f"{{fact: duration_days, gt: {days}}}",
                    )


# A page a worried person can read at a glance: longer lists are split or put behind a gateway.
MAX_SCREEN_ITEMS = 10


def _unique(items: list[Any], file: str, what: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        if item.id in out:
            raise KnowledgeError(where=file, field=f"{what}[{item.id}]", problem="duplicate id")
        out[item.id] = item
    return out


UNANSWERED_PREFIX = "unanswered."


def _unanswered_facts() -> list[Fact]:
    """``unanswered.<level>``: a detail of an overview answered yes ("any of these?") is still
    unknown, and that detail alone, with everything else the person said, would need this level.
    Rules use it so that the signs a person has not told apart count as the worse case."""
    return [
        Fact(
            id=f"{UNANSWERED_PREFIX}{level}",
            kind="boolean",
            text=f"A sign in a group you said yes to, not yet told apart, could need {words}",
            help="Derived: an overview question was answered yes and some of its details were not.",
            derived=True,
            base_rate=0.01,
        )
        for level, words in (("emergency", "emergency care"), ("urgent", "a doctor today"))
    ]


def _interaction_facts(meds: MedicationsFile) -> list[Fact]:
    """Each interaction becomes a derived yes/no fact ``interaction.<id>``."""
    return [
        Fact(
            id=f"interaction.{i.id}",
            kind="boolean",
            text=i.name,
            help="Derived from the medicines and substances lists.",
            derived=True,
            base_rate=0.01,
        )
        for i in meds.interactions
    ]


def _medication_facts(meds: MedicationsFile) -> list[Fact]:
    """Each medication class becomes derived yes/no facts: ``med.<class>`` (taken now, from the
    medicines and substances lists) and ``stopped.<class>`` (stopped or cut down lately)."""
    facts = []
    for c in meds.classes:
        examples = ", ".join(c.members[:6])
        name = c.name if c.name[:2].isupper() else c.name[0].lower() + c.name[1:]
        facts.append(
            Fact(
                id=f"med.{c.id}",
                kind="boolean",
                text=f"Takes {name}",
                help=f"Derived from the medicines and substances lists: {examples}...",
                derived=True,
                base_rate=0.03,
            )
        )
        facts.append(
            Fact(
                id=f"stopped.{c.id}",
                kind="boolean",
                text=f"Has stopped or cut down {name}",
                help=f"Derived from the list of medicines stopped: {examples}...",
                derived=True,
                base_rate=0.01,
            )
        )
    facts.append(
        Fact(
            id="med.unrecognised",
            kind="boolean",
            text="Takes a medicine or substance twitchcare does not recognise",
            help="Derived from the medicines and substances lists: a name in no class.",
            derived=True,
            base_rate=0.05,
        )
    )
    facts.append(
        Fact(
            id="stopped.unrecognised",
            kind="boolean",
            text="Has stopped a medicine twitchcare does not recognise",
            help="Derived from the list of medicines stopped: a name in no class.",
            derived=True,
            base_rate=0.01,
        )
    )
    return facts


ONSET_PREFIX = "onset_days."


def _onset_facts(facts: list[Fact]) -> list[Fact]:
    """Each symptom with an ``onset`` phrase gets a question ``onset_days.<id>``: when it began.

    Why: "sudden" must be judged from the symptom's own onset - slurred speech since this morning
    in someone who has twitched for a year is sudden - never from how long the twitching has lasted.
    """
    return [
        Fact(
            id=f"{ONSET_PREFIX}{f.id}",
            kind="number",
            minimum=0,
            maximum=36500,
            unit="days",
            text=f"When did the {f.onset} begin?",
            help=(
                "How long ago it began, e.g. 'an hour ago', '2 days', '3 weeks'. It may have begun "
                "later than the twitching."
            ),
            base_rate=0.5,
            ask_if=f.id,
            ago=True,
        )
        for f in facts
        if f.onset is not None
    ]


def build_kb(directory: Path) -> KnowledgeBase:
    """Load and check every file in ``directory``; the first problem raises KnowledgeError."""
    manifest = _parse(Manifest, directory / "kb.yaml")
    sources = _parse(SourcesFile, directory / "sources.yaml")
    for source in sources.sources:
        # A result prints "publisher. title."; a publisher copied from the title reads twice
        # and hides who stands behind the statement.
        if source.publisher.strip().rstrip(".") == source.title.strip().rstrip("."):
            raise KnowledgeError(
                where="sources.yaml",
                field=f"sources[{source.id}].publisher",
                problem="repeats the title",
                hint="name who published it: an organisation, a journal or a site",
            )
    questions = _parse(QuestionsFile, directory / "questions.yaml")
    conditions = _graded_conditions(directory / "conditions.yaml")
    rules = _parse(RulesFile, directory / "rules.yaml")
    advice = _parse(AdviceFile, directory / "advice.yaml")
    meds = _parse(MedicationsFile, directory / "medications.yaml")
    levels = _parse(LevelsFile, directory / "levels.yaml")
    doctor_questions = _parse(DoctorQuestionsFile, directory / "doctor_questions.yaml")
    relaxation = _parse(RelaxationFile, directory / "relaxation.yaml")
    vocabulary = read_vocabulary(directory / VOCABULARY_FILE)
    facts = _unique(
        questions.facts
        + _onset_facts(questions.facts)
        + _medication_facts(meds)
        + _interaction_facts(meds)
        + _unanswered_facts(),
        "questions.yaml",
        "facts",
    )
    kb = KnowledgeBase(
        version=manifest.version,
        date=manifest.date,
        sources=_unique(sources.sources, "sources.yaml", "sources"),
        facts=facts,
        screens=sorted(questions.screens, key=lambda s: s.order),
        conditions=_unique(
            _with_rare_finding_ratios(
                conditions.conditions,
                facts,
                conditions.evidence_scale.cap if conditions.evidence_scale else None,
            ),
            "conditions.yaml",
            "conditions",
        ),
        evidence_scale=conditions.evidence_scale,
        calibration=conditions.calibration,
        rules=list(
            _unique(
                [
                    r.model_copy(update={"mechanism": m.id})
                    for m in rules.mechanisms
                    for r in m.rules
                ],
                "rules.yaml",
                "rules",
            ).values()
        ),
        mechanisms=_unique(rules.mechanisms, "rules.yaml", "mechanisms"),
        advice=_unique(advice.advice, "advice.yaml", "advice"),
        medications=_unique(meds.classes, "medications.yaml", "classes"),
        interactions=_unique(meds.interactions, "medications.yaml", "interactions"),
        recognised_names=frozenset(
            [*meds.recognised, *(n for c in meds.classes for n in c.members)]
        ),
        levels={lv.level: lv for lv in levels.levels},
        doctor_questions=list(
            _unique(doctor_questions.questions, "doctor_questions.yaml", "questions").values()
        ),
        relaxation=_unique(relaxation.sessions, "relaxation.yaml", "sessions"),
        programmes=_unique(relaxation.programmes, "relaxation.yaml", "programmes"),
        vocabulary=vocabulary,
    )
    _Checker(kb).run()
    return kb


def check_nutrition(kb: KnowledgeBase, directory: Path) -> int:
    """Validate ``<directory>/nutrition`` as every other knowledge file is validated, and
    resolve each of its citations against ``sources.yaml``; returns how many files it read."""
    from twitchcare.nutrition.knowledge import FILES, cited_sources, load_knowledge_from

    nutrition = load_knowledge_from(directory / "nutrition")
    checker = _Checker(kb)
    for name in FILES:
        for key, source in cited_sources(getattr(nutrition, name)):
            checker.source(f"nutrition/{name}.yaml", key, source)
    return len(FILES)


@lru_cache(maxsize=4)
def _cached(directory: str, lang: str = "en") -> KnowledgeBase:
    if lang != "en":
        from twitchcare.kb.translation import translate

        return translate(_cached(directory), lang, Path(directory))
    return build_kb(Path(directory))


def load_kb(directory: Path | None = None, lang: str = "en") -> KnowledgeBase:
    """The knowledge base, loaded once per process per directory and language."""
    return _cached(str(directory or default_knowledge_dir()), lang)
