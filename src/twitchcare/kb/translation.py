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
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError

from twitchcare.errors import KnowledgeError
from twitchcare.kb.models import KnowledgeBase, Strict

Language = Literal["en", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "de")
TRANSLATED: tuple[Language, ...] = ("de",)  # languages with a translation directory


class FactText(Strict):
    text: str | None = Field(default=None, min_length=1)
    help: str | None = Field(default=None, min_length=1)
    choices: dict[str, str] | None = None


class ScreenText(Strict):
    title: str | None = Field(default=None, min_length=1)
    text: str | None = Field(default=None, min_length=1)


class QuestionsText(Strict):
    units: dict[str, str] = Field(default_factory=dict)
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


class RulesText(Strict):
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
    fact_text: str = Field(
        default="Takes {name}", description="Wording of the derived fact med.<class>."
    )
    fact_help: str = Field(default="Derived from the medicines list: {members}...")
    classes: dict[str, MedicationText] = Field(default_factory=dict)


class Translation(BaseModel):
    """Everything one language says, file by file (files that are absent translate nothing)."""

    language: str
    questions: QuestionsText = QuestionsText()
    conditions: ConditionsText = ConditionsText()
    rules: RulesText = RulesText()
    advice: AdviceFileText = AdviceFileText()
    levels: LevelsText = LevelsText()
    medications: MedicationsText = MedicationsText()


M = TypeVar("M", bound=BaseModel)

FILES: dict[str, type[BaseModel]] = {
    "questions": QuestionsText,
    "conditions": ConditionsText,
    "rules": RulesText,
    "advice": AdviceFileText,
    "levels": LevelsText,
    "medications": MedicationsText,
}


def translation_dir(knowledge_dir: Path, lang: str) -> Path:
    return knowledge_dir / "i18n" / lang


def _label(lang: str, name: str) -> str:
    return f"i18n/{lang}/{name}.yaml"


def _parse(model: type[M], path: Path, label: str) -> M:
    from twitchcare.kb.loader import _key_path, _read_yaml

    if not path.exists():
        return model()
    data = _read_yaml(path)
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


def check_translation(kb: KnowledgeBase, tr: Translation) -> None:
    """Every id a translation names exists in the knowledge, and every choice key too."""
    lang = tr.language
    q = tr.questions
    for fact_id, ft in q.facts.items():
        fact = kb.facts.get(fact_id)
        if fact is None or fact_id.startswith("med."):
            raise _unknown(lang, "questions", "facts", fact_id, set(kb.facts))
        extra = set(ft.choices or {}) - set(fact.choices or {})
        if extra:
            raise KnowledgeError(
                where=_label(lang, "questions"),
                field=f"facts[{fact_id}].choices",
                problem=f"unknown choice '{sorted(extra)[0]}'",
                hint=f"choices: {', '.join(fact.choices or {}) or 'none (not a choice question)'}",
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
        ("rules", "rules", dict(tr.rules.rules), {r.id for r in kb.rules}),
        ("advice", "advice", dict(tr.advice.advice), set(kb.advice)),
        ("levels", "levels", dict(tr.levels.levels), set(kb.levels)),
        ("medications", "classes", dict(tr.medications.classes), set(kb.medications)),
    ]
    for file, key, entries, known in tables:
        for ident in entries:
            if ident not in known:
                raise _unknown(lang, file, key, ident, known)
    for template in ("fact_text", "fact_help"):
        try:
            getattr(tr.medications, template).format(name="x", members="y")
        except (KeyError, IndexError, ValueError):
            raise KnowledgeError(
                where=_label(lang, "medications"),
                field=template,
                problem="template may only use {name} and {members}",
            ) from None


def _pick(new: str | None, old: str) -> str:
    return new if new is not None else old


def apply_translation(kb: KnowledgeBase, tr: Translation) -> KnowledgeBase:
    """The same knowledge with the translated words; ids, numbers and sources untouched."""
    q = tr.questions
    facts = {}
    for fact_id, fact in kb.facts.items():
        if fact_id.startswith("med."):
            cls = kb.medications[fact_id.removeprefix("med.")]
            name = tr.medications.classes.get(cls.id)
            label = name.name if name else cls.name
            facts[fact_id] = fact.model_copy(
                update={
                    "text": tr.medications.fact_text.format(name=label),
                    "help": tr.medications.fact_help.format(members=", ".join(cls.members[:6])),
                }
            )
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
    rules = []
    for rule in kb.rules:
        rt = tr.rules.rules.get(rule.id)
        rules.append(rule.model_copy(update={"message": rt.message}) if rt else rule)
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
    for mid, med in kb.medications.items():
        mt = tr.medications.classes.get(mid)
        meds[mid] = med.model_copy(update={"name": mt.name}) if mt else med
    return kb.model_copy(
        update={
            "language": tr.language,
            "units": dict(q.units),
            "facts": facts,
            "screens": screens,
            "conditions": conditions,
            "rules": rules,
            "advice": advice,
            "levels": levels,
            "medications": meds,
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
        if fact_id.startswith("med."):
            continue
        yield "questions", f"facts[{fact_id}]", "text", None
        yield "questions", f"facts[{fact_id}]", "help", None
        for choice in fact.choices or {}:
            yield "questions", f"facts[{fact_id}]", "choices", choice
        if fact.unit:
            yield "questions", "units", fact.unit, None
    for screen in kb.screens:
        yield "questions", f"screens[{screen.id}]", "title", None
        yield "questions", f"screens[{screen.id}]", "text", None
    for cid in kb.conditions:
        for field in ("name", "explanation", "how_common"):
            yield "conditions", f"conditions[{cid}]", field, None
    for rule in kb.rules:
        yield "rules", f"rules[{rule.id}]", "message", None
    for aid in kb.advice:
        yield "advice", f"advice[{aid}]", "title", None
        yield "advice", f"advice[{aid}]", "text", None
    for lv in kb.levels:
        yield "levels", f"levels[{lv}]", "title", None
        yield "levels", f"levels[{lv}]", "instruction", None
    for mid in kb.medications:
        yield "medications", f"classes[{mid}]", "name", None


def _has(tr: Translation, file: str, key: str, field: str, sub: str | None) -> bool:
    if key == "units":
        return field in tr.questions.units
    table, ident = key[:-1].split("[", 1)
    part: Any = getattr(tr, file)
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
    can find exactly the page that was cited.
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
    return missing


def check_languages(kb: KnowledgeBase, knowledge_dir: Path) -> list[str]:
    """Validate every shipped translation; one line per language that is incomplete."""
    lines = []
    for lang in TRANSLATED:
        tr = read_translation(knowledge_dir, lang)
        check_translation(kb, tr)
        missing = missing_translations(kb, tr)
        if missing:
            lines.append(
                f"{len(missing)} texts have no '{lang}' translation yet and show in English "
                f"(first: {missing[0]})"
            )
    return lines
