"""Other languages for the knowledge base, as data laid over the English original.

The English files stay the one source of truth for ids, weights, rules and sources; a language is
a directory ``knowledge/i18n/<lang>/`` with one file per knowledge file, holding only the words a
person reads, keyed by the same stable ids. Laying a language over the loaded knowledge replaces
those words and nothing else, so triage, causes and cited sources (the same URLs) cannot differ
between languages. A translation that names an id or field the knowledge does not have is an
error naming the file and key, like any other knowledge error; a missing translation falls back
to English and is listed by :func:`missing_translations`, which the tests require to be empty.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError

from twitchcare.errors import KnowledgeError
from twitchcare.kb.models import Fact, KnowledgeBase, Rule, Strict
from twitchcare.kb.names import normalise_medicine

Language = Literal["en", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "de")
TRANSLATED: tuple[Language, ...] = ("de",)  # languages with a translation directory


class FactText(Strict):
    text: str | None = Field(default=None, min_length=1)
    help: str | None = Field(default=None, min_length=1)
    choices: dict[str, str] | None = None
    onset: str | None = Field(default=None, min_length=1)


class ScreenText(Strict):
    title: str | None = Field(default=None, min_length=1)
    text: str | None = Field(default=None, min_length=1)


class QuestionsText(Strict):
    units: dict[str, str] = Field(default_factory=dict)
    onset_text: str | None = Field(
        default=None, description="Wording of the generated question onset_days.<id>: {onset}."
    )
    onset_help: str | None = None
    facts: dict[str, FactText] = Field(default_factory=dict)
    screens: dict[str, ScreenText] = Field(default_factory=dict)


class ConditionText(Strict):
    name: str | None = Field(default=None, min_length=1)
    explanation: str | None = Field(default=None, min_length=1)
    how_common: str | None = Field(default=None, min_length=1)


class ConditionsText(Strict):
    conditions: dict[str, ConditionText] = Field(default_factory=dict)


class RuleText(Strict):
    message: str = Field(min_length=1)


class MechanismText(Strict):
    name: str | None = Field(default=None, min_length=1)
    harm: str | None = Field(default=None, min_length=1)


class RulesText(Strict):
    mechanisms: dict[str, MechanismText] = Field(default_factory=dict)
    rules: dict[str, RuleText] = Field(default_factory=dict)


class AdviceText(Strict):
    title: str | None = Field(default=None, min_length=1)
    text: str | None = Field(default=None, min_length=1)


class AdviceFileText(Strict):
    advice: dict[str, AdviceText] = Field(default_factory=dict)


class LevelText(Strict):
    title: str | None = Field(default=None, min_length=1)
    instruction: str | None = Field(default=None, min_length=1)


class LevelsText(Strict):
    levels: dict[str, LevelText] = Field(default_factory=dict)


class MedicationText(Strict):
    name: str = Field(min_length=1)


class MedicationsText(Strict):
    """Names, and the wording of the facts the loader derives from them ({name}, {members})."""

    taken_text: str | None = Field(default=None, description="med.<class>")
    taken_help: str | None = None
    stopped_text: str | None = Field(default=None, description="stopped.<class>")
    stopped_help: str | None = None
    interaction_help: str | None = Field(default=None, description="interaction.<id>")
    classes: dict[str, MedicationText] = Field(default_factory=dict)
    interactions: dict[str, MedicationText] = Field(default_factory=dict)
    names: dict[str, str] = Field(
        default_factory=dict,
        description="A name in this language -> the English name it stands for (Omeprazol).",
    )


class StageText(Strict):
    name: str | None = Field(default=None, min_length=1)
    steps: list[str] | None = None


class SessionText(Strict):
    """A relaxation session; step lists are translated whole, in the original order."""

    name: str | None = Field(default=None, min_length=1)
    summary: str | None = Field(default=None, min_length=1)
    evidence: str | None = Field(default=None, min_length=1)
    opening: list[str] | None = None
    steps: list[str] | None = None
    closing: list[str] | None = None
    stages: dict[str, StageText] = Field(default_factory=dict)


class ProgrammeText(Strict):
    name: str | None = Field(default=None, min_length=1)
    summary: str | None = Field(default=None, min_length=1)


class RelaxationText(Strict):
    sessions: dict[str, SessionText] = Field(default_factory=dict)
    programmes: dict[str, ProgrammeText] = Field(default_factory=dict)


class DoctorQuestionText(Strict):
    text: str = Field(min_length=1)


class DoctorQuestionsText(Strict):
    questions: dict[str, DoctorQuestionText] = Field(default_factory=dict)


class Translation(BaseModel):
    """Everything one language says, file by file (files that are absent translate nothing)."""

    language: str
    questions: QuestionsText = QuestionsText()
    conditions: ConditionsText = ConditionsText()
    rules: RulesText = RulesText()
    advice: AdviceFileText = AdviceFileText()
    levels: LevelsText = LevelsText()
    medications: MedicationsText = MedicationsText()
    relaxation: RelaxationText = RelaxationText()
    doctor_questions: DoctorQuestionsText = DoctorQuestionsText()


M = TypeVar("M", bound=BaseModel)

FILES: dict[str, type[BaseModel]] = {
    "questions": QuestionsText,
    "conditions": ConditionsText,
    "rules": RulesText,
    "advice": AdviceFileText,
    "levels": LevelsText,
    "medications": MedicationsText,
    "relaxation": RelaxationText,
    "doctor_questions": DoctorQuestionsText,
}


def translation_dir(knowledge_dir: Path, lang: str) -> Path:
    return knowledge_dir / "i18n" / lang


def _label(lang: str, name: str) -> str:
    return f"i18n/{lang}/{name}.yaml"


def _parse(model: type[M], path: Path, label: str) -> M:
    from twitchcare.kb.loader import _key_path, _read_yaml

    if not path.exists():
        return model()
    try:
        data = _read_yaml(path)
    except KnowledgeError as exc:  # name the translation file, not just "rules.yaml"
        raise KnowledgeError(where=label, field=exc.field, problem=exc.problem) from None
    try:
        return model.model_validate(data or {})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = _key_path(data, err["loc"]) or "(top)"
        raise KnowledgeError(where=label, field=where, problem=err["msg"]) from None


def read_translation(knowledge_dir: Path, lang: str) -> Translation:
    """Parse a language's files; a misspelt field is an error naming the file and key."""
    base = translation_dir(knowledge_dir, lang)
    if not base.is_dir():
        raise KnowledgeError(
            where=f"i18n/{lang}",
            field="(directory)",
            problem=f"no translation for language '{lang}'",
            hint=f"languages: {', '.join(LANGUAGES)}",
        )
    parts = {
        name: _parse(model, base / f"{name}.yaml", _label(lang, name))
        for name, model in FILES.items()
    }
    return Translation(language=lang, **parts)


def _unknown(lang: str, file: str, key: str, ident: str, known: set[str]) -> KnowledgeError:
    close = difflib.get_close_matches(ident, sorted(known), n=1)
    return KnowledgeError(
        where=_label(lang, file),
        field=f"{key}[{ident}]",
        problem=f"unknown id '{ident}'",
        hint=f"did you mean '{close[0]}'?" if close else "",
    )


def _generated(kb: KnowledgeBase, fact_id: str) -> bool:
    """Facts the loader words from a template: per medicine class, interaction or onset."""
    kind, _, rest = fact_id.partition(".")
    if kind in ("med", "stopped"):
        return rest in kb.medications
    return kind == "interaction" or kind == "onset_days"


def _sessions(kb: KnowledgeBase) -> dict[str, Any]:
    """Relaxation sessions, programmes and doctor's questions, where the knowledge has them."""
    return dict(getattr(kb, "relaxation", {}))


def _programmes(kb: KnowledgeBase) -> dict[str, Any]:
    return dict(getattr(kb, "programmes", {}))


def _doctor_questions(kb: KnowledgeBase) -> dict[str, Any]:
    return {q.id: q for q in getattr(kb, "doctor_questions", [])}


STEP_LISTS = ("opening", "steps", "closing")


def _check_relaxation(kb: KnowledgeBase, tr: Translation) -> None:
    """Ids and step counts of the relaxation and doctor's-question translations.

    The German for guided relaxation and the doctor's questions is kept ready for knowledge
    that has them; where the knowledge has neither, there is nothing to check them against.
    """
    if not hasattr(kb, "relaxation") and not hasattr(kb, "doctor_questions"):
        return
    lang, file = tr.language, "relaxation"
    sessions = _sessions(kb)
    for sid, st in tr.relaxation.sessions.items():
        session = sessions.get(sid)
        if session is None:
            raise _unknown(lang, file, "sessions", sid, set(sessions))
        lists = [(name, getattr(st, name), getattr(session, name)) for name in STEP_LISTS]
        stages = {stage.id: stage for stage in session.stages}
        for stage_id, stage_text in st.stages.items():
            if stage_id not in stages:
                raise _unknown(lang, file, f"sessions[{sid}].stages", stage_id, set(stages))
            lists.append((f"stages[{stage_id}].steps", stage_text.steps, stages[stage_id].steps))
        for name, texts, steps in lists:
            if texts is not None and len(texts) != len(steps):
                raise KnowledgeError(
                    where=_label(lang, file),
                    field=f"sessions[{sid}].{name}",
                    problem=f"{len(texts)} steps, but the session has {len(steps)}",
                    hint="translate every step, in the same order",
                )
    programmes = _programmes(kb)
    for pid in tr.relaxation.programmes:
        if pid not in programmes:
            raise _unknown(lang, file, "programmes", pid, set(programmes))
    questions = _doctor_questions(kb)
    for qid in tr.doctor_questions.questions:
        if qid not in questions:
            raise _unknown(lang, "doctor_questions", "questions", qid, set(questions))


def _steps(steps: list[Any], texts: list[str] | None) -> list[Any]:
    if texts is None:
        return steps
    return [step.model_copy(update={"text": text}) for step, text in zip(steps, texts, strict=True)]


def _apply_relaxation(kb: KnowledgeBase, tr: Translation) -> dict[str, Any]:
    """The updates for sessions, programmes and questions (none where the knowledge has none)."""
    update: dict[str, Any] = {}
    if hasattr(kb, "relaxation"):
        sessions = {}
        for sid, session in _sessions(kb).items():
            st = tr.relaxation.sessions.get(sid, SessionText())
            stages = []
            for stage in session.stages:
                gt = st.stages.get(stage.id, StageText())
                stages.append(
                    stage.model_copy(
                        update={
                            "name": _pick(gt.name, stage.name),
                            "steps": _steps(stage.steps, gt.steps),
                        }
                    )
                )
            changes: dict[str, Any] = {
                name: _steps(getattr(session, name), getattr(st, name)) for name in STEP_LISTS
            }
            changes.update(
                name=_pick(st.name, session.name),
                summary=_pick(st.summary, session.summary),
                evidence=_pick(st.evidence, session.evidence),
                stages=stages,
            )
            sessions[sid] = session.model_copy(update=changes)
        update["relaxation"] = sessions
    if hasattr(kb, "programmes"):
        programmes = {}
        for pid, programme in _programmes(kb).items():
            pt = tr.relaxation.programmes.get(pid, ProgrammeText())
            programmes[pid] = programme.model_copy(
                update={
                    "name": _pick(pt.name, programme.name),
                    "summary": _pick(pt.summary, programme.summary),
                }
            )
        update["programmes"] = programmes
    if hasattr(kb, "doctor_questions"):
        questions = []
        for qid, question in _doctor_questions(kb).items():
            qt = tr.doctor_questions.questions.get(qid)
            questions.append(question.model_copy(update={"text": qt.text}) if qt else question)
        update["doctor_questions"] = questions
    return update


def _missing_relaxation(kb: KnowledgeBase, tr: Translation) -> list[str]:
    lang = tr.language
    missing = []
    for sid, session in _sessions(kb).items():
        st = tr.relaxation.sessions.get(sid, SessionText())
        for name in ("name", "summary", "evidence", *STEP_LISTS):
            if getattr(st, name) is None and (name not in STEP_LISTS or getattr(session, name)):
                missing.append(f"{_label(lang, 'relaxation')} sessions[{sid}].{name}")
        for stage in session.stages:
            gt = st.stages.get(stage.id, StageText())
            for name in ("name", "steps"):
                if getattr(gt, name) is None:
                    where = f"sessions[{sid}].stages[{stage.id}].{name}"
                    missing.append(f"{_label(lang, 'relaxation')} {where}")
    for pid in _programmes(kb):
        pt = tr.relaxation.programmes.get(pid, ProgrammeText())
        for name in ("name", "summary"):
            if getattr(pt, name) is None:
                missing.append(f"{_label(lang, 'relaxation')} programmes[{pid}].{name}")
    for qid in _doctor_questions(kb):
        if qid not in tr.doctor_questions.questions:
            missing.append(f"{_label(lang, 'doctor_questions')} questions[{qid}].text")
    return missing


def _require_relaxation(kb: KnowledgeBase, tr: Translation) -> None:
    """A guided session is followed step by step: one step left in English would stop a person
    who does not read English halfway, so a shipped language must word every session whole."""
    for line in _missing_relaxation(kb, tr):
        if "doctor_questions" in line:
            continue
        where, _space, field = line.partition(" ")
        raise KnowledgeError(
            where=where,
            field=field,
            problem="has no translation",
            hint="a relaxation session is translated whole: name, summary, evidence, every step",
        )


def check_translation(kb: KnowledgeBase, tr: Translation) -> None:
    """Every id a translation names exists in the knowledge, and every choice key too."""
    lang = tr.language
    q = tr.questions
    _check_relaxation(kb, tr)
    for fact_id, ft in q.facts.items():
        fact = kb.facts.get(fact_id)
        if fact is None or _generated(kb, fact_id):
            known = {f for f in kb.facts if not _generated(kb, f)}
            raise _unknown(lang, "questions", "facts", fact_id, known)
        extra = set(ft.choices or {}) - set(fact.choices or {})
        if extra:
            raise KnowledgeError(
                where=_label(lang, "questions"),
                field=f"facts[{fact_id}].choices",
                problem=f"unknown choice '{sorted(extra)[0]}'",
                hint=f"choices: {', '.join(fact.choices or {}) or 'none (not a choice question)'}",
            )
        if ft.onset is not None and fact.onset is None:
            raise KnowledgeError(
                where=_label(lang, "questions"),
                field=f"facts[{fact_id}].onset",
                problem="the fact has no onset question to word",
            )
    units = {f.unit for f in kb.facts.values() if f.unit}
    for unit in q.units:
        if unit not in units:
            raise _unknown(lang, "questions", "units", unit, units)
    screens = {s.id for s in kb.screens}
    for screen_id in q.screens:
        if screen_id not in screens:
            raise _unknown(lang, "questions", "screens", screen_id, screens)
    tables: list[tuple[str, str, dict[str, Any], set[str]]] = [
        ("conditions", "conditions", dict(tr.conditions.conditions), set(kb.conditions)),
        ("rules", "mechanisms", dict(tr.rules.mechanisms), set(kb.mechanisms)),
        ("rules", "rules", dict(tr.rules.rules), {r.id for r in kb.rules}),
        ("advice", "advice", dict(tr.advice.advice), set(kb.advice)),
        ("levels", "levels", dict(tr.levels.levels), set(kb.levels)),
        ("medications", "classes", dict(tr.medications.classes), set(kb.medications)),
        ("medications", "interactions", dict(tr.medications.interactions), set(kb.interactions)),
    ]
    for file, key, entries, known in tables:
        for ident in entries:
            if ident not in known:
                raise _unknown(lang, file, key, ident, known)
    for name, english in tr.medications.names.items():
        if english not in kb.recognised_names:
            close = difflib.get_close_matches(english, sorted(kb.recognised_names), n=1)
            raise KnowledgeError(
                where=_label(lang, "medications"),
                field=f"names[{name}]",
                problem=f"'{english}' is not a name the knowledge knows",
                hint=f"did you mean '{close[0]}'?" if close else "",
            )
        if name != normalise_medicine(name) or name in kb.recognised_names:
            raise KnowledgeError(
                where=_label(lang, "medications"),
                field=f"names[{name}]",
                problem="must be new and written as names are compared",
                hint=f"write '{normalise_medicine(name)}'",
            )
    templates = [
        ("questions", "onset_text", q.onset_text, {"onset"}),
        ("medications", "taken_text", tr.medications.taken_text, {"name"}),
        ("medications", "taken_help", tr.medications.taken_help, {"members"}),
        ("medications", "stopped_text", tr.medications.stopped_text, {"name"}),
        ("medications", "stopped_help", tr.medications.stopped_help, {"members"}),
    ]
    for file, field, template, names in templates:
        if template is None:
            continue
        used = set(re.findall(r"{(\w*)}", template))
        if not used <= names:
            raise KnowledgeError(
                where=_label(lang, file),
                field=field,
                problem=f"unknown placeholder '{{{sorted(used - names)[0]}}}'",
                hint="use " + ", ".join(f"{{{n}}}" for n in sorted(names)),
            )


def _pick(new: str | None, old: str) -> str:
    return new if new is not None else old


def _generated_fact(kb: KnowledgeBase, tr: Translation, fact: Fact) -> Fact:
    """A fact the loader words from a template, worded from the translated template."""
    kind, _, rest = fact.id.partition(".")
    meds = tr.medications
    text, help_ = None, None
    if kind in ("med", "stopped"):
        cls = kb.medications[rest]
        named = meds.classes.get(rest)
        name = named.name if named else None
        members = ", ".join(cls.members[:6])
        template = meds.taken_text if kind == "med" else meds.stopped_text
        help_template = meds.taken_help if kind == "med" else meds.stopped_help
        if template is not None and name is not None:
            text = template.format(name=name)
        if help_template is not None:
            help_ = help_template.format(members=members)
    elif kind == "interaction":
        named = meds.interactions.get(rest)
        text = named.name if named else None
        help_ = meds.interaction_help
    else:
        ft = tr.questions.facts.get(rest)
        onset = ft.onset if ft else None
        if tr.questions.onset_text is not None and onset is not None:
            text = tr.questions.onset_text.format(onset=onset)
        help_ = tr.questions.onset_help
    return fact.model_copy(update={"text": _pick(text, fact.text), "help": _pick(help_, fact.help)})


def apply_translation(kb: KnowledgeBase, tr: Translation) -> KnowledgeBase:
    """The same knowledge with the translated words; ids, numbers and sources untouched."""
    q = tr.questions
    facts = {}
    for fact_id, fact in kb.facts.items():
        if _generated(kb, fact_id):
            facts[fact_id] = _generated_fact(kb, tr, fact)
            continue
        ft = q.facts.get(fact_id)
        if ft is None:
            facts[fact_id] = fact
            continue
        choices = fact.choices
        if choices is not None and ft.choices:
            choices = {k: ft.choices.get(k, v) for k, v in choices.items()}
        facts[fact_id] = fact.model_copy(
            update={
                "text": _pick(ft.text, fact.text),
                "help": _pick(ft.help, fact.help),
                "choices": choices,
                "onset": ft.onset if ft.onset is not None else fact.onset,
            }
        )
    screens = []
    for screen in kb.screens:
        st = q.screens.get(screen.id, ScreenText())
        screens.append(
            screen.model_copy(
                update={"title": _pick(st.title, screen.title), "text": _pick(st.text, screen.text)}
            )
        )
    conditions = {}
    for cid, cond in kb.conditions.items():
        ct = tr.conditions.conditions.get(cid, ConditionText())
        conditions[cid] = cond.model_copy(
            update={
                "name": _pick(ct.name, cond.name),
                "explanation": _pick(ct.explanation, cond.explanation),
                "how_common": _pick(ct.how_common, cond.how_common),
            }
        )

    def rule_in(rule: Rule) -> Rule:
        rt = tr.rules.rules.get(rule.id)
        return rule.model_copy(update={"message": rt.message}) if rt else rule

    rules = [rule_in(rule) for rule in kb.rules]
    mechanisms = {}
    for mid, mech in kb.mechanisms.items():
        mt = tr.rules.mechanisms.get(mid, MechanismText())
        mechanisms[mid] = mech.model_copy(
            update={
                "name": _pick(mt.name, mech.name),
                "harm": _pick(mt.harm, mech.harm),
                "rules": [rule_in(r) for r in mech.rules],
            }
        )
    advice = {}
    for aid, item in kb.advice.items():
        at = tr.advice.advice.get(aid, AdviceText())
        advice[aid] = item.model_copy(
            update={"title": _pick(at.title, item.title), "text": _pick(at.text, item.text)}
        )
    levels = {}
    for lv, level in kb.levels.items():
        lt = tr.levels.levels.get(lv, LevelText())
        levels[lv] = level.model_copy(
            update={
                "title": _pick(lt.title, level.title),
                "instruction": _pick(lt.instruction, level.instruction),
            }
        )
    meds = {}
    aliases = tr.medications.names
    for mid, med in kb.medications.items():
        named = tr.medications.classes.get(mid)
        # Names in this language count as the English names they stand for ("omeprazol").
        members = med.members + [n for n, english in aliases.items() if english in med.members]
        update = {"name": named.name} if named else {}
        meds[mid] = med.model_copy(update={**update, "members": members})
    interactions = {}
    for iid, inter in kb.interactions.items():
        it = tr.medications.interactions.get(iid)
        interactions[iid] = inter.model_copy(update={"name": it.name}) if it else inter
    return kb.model_copy(
        update={
            "language": tr.language,
            "units": dict(q.units),
            "facts": facts,
            "screens": screens,
            "conditions": conditions,
            "rules": rules,
            "mechanisms": mechanisms,
            "advice": advice,
            "levels": levels,
            "medications": meds,
            "interactions": interactions,
            "recognised_names": kb.recognised_names | frozenset(aliases),
            **_apply_relaxation(kb, tr),
        }
    )


def translate(kb: KnowledgeBase, lang: str, knowledge_dir: Path) -> KnowledgeBase:
    """``kb`` in ``lang`` ("en" is the original); unknown ids in the translation raise."""
    if lang == "en":
        return kb
    tr = read_translation(knowledge_dir, lang)
    check_translation(kb, tr)
    return apply_translation(kb, tr)


def _fields(kb: KnowledgeBase) -> Iterator[tuple[str, str, str, str | None]]:
    """Every translatable (file, key, field, id-of-subkey) in the English knowledge."""
    for fact_id, fact in kb.facts.items():
        if _generated(kb, fact_id):
            continue
        yield "questions", f"facts[{fact_id}]", "text", None
        yield "questions", f"facts[{fact_id}]", "help", None
        for choice in fact.choices or {}:
            yield "questions", f"facts[{fact_id}]", "choices", choice
        if fact.onset is not None:
            yield "questions", f"facts[{fact_id}]", "onset", None
        if fact.unit:
            yield "questions", "units", fact.unit, None
    if any(f.onset for f in kb.facts.values()):
        yield "questions", "(templates)", "onset_text", None
        yield "questions", "(templates)", "onset_help", None
    for screen in kb.screens:
        yield "questions", f"screens[{screen.id}]", "title", None
        yield "questions", f"screens[{screen.id}]", "text", None
    for cid in kb.conditions:
        for field in ("name", "explanation", "how_common"):
            yield "conditions", f"conditions[{cid}]", field, None
    for mid in kb.mechanisms:
        yield "rules", f"mechanisms[{mid}]", "name", None
        yield "rules", f"mechanisms[{mid}]", "harm", None
    for rule in kb.rules:
        yield "rules", f"rules[{rule.id}]", "message", None
    for aid in kb.advice:
        yield "advice", f"advice[{aid}]", "title", None
        yield "advice", f"advice[{aid}]", "text", None
    for lv in kb.levels:
        yield "levels", f"levels[{lv}]", "title", None
        yield "levels", f"levels[{lv}]", "instruction", None
    for template in ("taken_text", "taken_help", "stopped_text", "stopped_help"):
        yield "medications", "(templates)", template, None
    if kb.interactions:
        yield "medications", "(templates)", "interaction_help", None
    for mid in kb.medications:
        yield "medications", f"classes[{mid}]", "name", None
    for iid in kb.interactions:
        yield "medications", f"interactions[{iid}]", "name", None


def _has(tr: Translation, file: str, key: str, field: str, sub: str | None) -> bool:
    part: Any = getattr(tr, file)
    if key == "units":
        return field in tr.questions.units
    if key == "(templates)":
        return getattr(part, field) is not None
    table, ident = key[:-1].split("[", 1)
    entry = getattr(part, table).get(ident)
    if entry is None:
        return False
    value = getattr(entry, field)
    if sub is not None:
        return isinstance(value, dict) and sub in value
    return value is not None


def missing_translations(kb: KnowledgeBase, tr: Translation) -> list[str]:
    """Each user-visible English string with no translation, as ``file key.field``.

    Sources are deliberately absent: a source keeps its original title and address, so a reader
    can find exactly the page that was cited. So is the evidence scale, which explains the
    weights to people editing the knowledge rather than to a person asking about twitching.
    """
    missing = []
    seen: set[tuple[str, str, str, str | None]] = set()
    for item in _fields(kb):
        if item in seen:
            continue
        seen.add(item)
        file, key, field, sub = item
        if not _has(tr, file, key, field, sub):
            where = f"{key}.{field}" + (f".{sub}" if sub else "")
            missing.append(f"{_label(tr.language, file)} {where}")
    return missing + _missing_relaxation(kb, tr)


def check_languages(kb: KnowledgeBase, knowledge_dir: Path) -> list[str]:
    """Validate every shipped translation; one line per language that is incomplete."""
    lines = []
    for lang in TRANSLATED:
        if not translation_dir(knowledge_dir, lang).is_dir():
            lines.append(f"no '{lang}' translation in this knowledge directory (i18n/{lang})")
            continue
        tr = read_translation(knowledge_dir, lang)
        check_translation(kb, tr)
        _require_relaxation(kb, tr)
        missing = missing_translations(kb, tr)
        if missing:
            lines.append(
                f"{len(missing)} texts have no '{lang}' translation yet and show in English "
                f"(first: {missing[0]})"
            )
    return lines
