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
from twitchcare.kb.logic import leaves
from twitchcare.kb.models import (
    AdviceFile,
    ConditionsFile,
    Fact,
    KnowledgeBase,
    LevelsFile,
    MedicationsFile,
    QuestionsFile,
    RulesFile,
    SourcesFile,
    Strict,
)

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


def _parse(model: type[M], path: Path) -> M:
    data = _read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise KnowledgeError(
            where=path.name, field=_key_path(data, err["loc"]) or "(top)", problem=err["msg"]
        ) from None


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

    def run(self) -> None:
        kb = self.kb
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
        for cond in kb.conditions.values():
            key = f"conditions[{cond.id}]"
            for s in cond.sources:
                self.source("conditions.yaml", key + ".sources", s)
            for i, ev in enumerate(cond.evidence):
                for s in ev.sources:
                    self.source("conditions.yaml", f"{key}.evidence[{i}].sources", s)
                for test in leaves(ev.when):
                    self.fact("conditions.yaml", f"{key}.evidence[{i}].when", test.fact)
            if cond.requires is not None:
                for test in leaves(cond.requires):
                    self.fact("conditions.yaml", key + ".requires", test.fact)
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
        asked: set[str] = set()
        for screen in kb.screens:
            for f in screen.facts:
                self.fact("questions.yaml", f"screens[{screen.id}].facts", f)
                asked.add(f)
        for fact in kb.facts.values():
            if not fact.derived and fact.id not in asked:
                raise KnowledgeError(
                    where="questions.yaml",
                    field=f"facts[{fact.id}]",
                    problem="fact is never asked on any screen",
                    hint="add it to a screen or mark it derived",
                )
        missing = {"self_care", "doctor", "urgent", "emergency"} - set(kb.levels)
        if missing:
            raise KnowledgeError(
                where="levels.yaml", field="levels", problem=f"missing levels {sorted(missing)}"
            )


def _unique(items: list[Any], file: str, what: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        if item.id in out:
            raise KnowledgeError(where=file, field=f"{what}[{item.id}]", problem="duplicate id")
        out[item.id] = item
    return out


def _medication_facts(meds: MedicationsFile) -> list[Fact]:
    """Each medication class becomes a derived yes/no fact ``med.<class>``."""
    return [
        Fact(
            id=f"med.{c.id}",
            kind="boolean",
            text=f"Takes {c.name.lower()}",
            help=f"Derived from the medicines list: {', '.join(c.members[:6])}...",
            derived=True,
            base_rate=0.03,
        )
        for c in meds.classes
    ]


def build_kb(directory: Path) -> KnowledgeBase:
    """Load and check every file in ``directory``; the first problem raises KnowledgeError."""
    manifest = _parse(Manifest, directory / "kb.yaml")
    sources = _parse(SourcesFile, directory / "sources.yaml")
    questions = _parse(QuestionsFile, directory / "questions.yaml")
    conditions = _parse(ConditionsFile, directory / "conditions.yaml")
    rules = _parse(RulesFile, directory / "rules.yaml")
    advice = _parse(AdviceFile, directory / "advice.yaml")
    meds = _parse(MedicationsFile, directory / "medications.yaml")
    levels = _parse(LevelsFile, directory / "levels.yaml")
    facts = _unique(questions.facts + _medication_facts(meds), "questions.yaml", "facts")
    kb = KnowledgeBase(
        version=manifest.version,
        date=manifest.date,
        sources=_unique(sources.sources, "sources.yaml", "sources"),
        facts=facts,
        screens=sorted(questions.screens, key=lambda s: s.order),
        conditions=_unique(conditions.conditions, "conditions.yaml", "conditions"),
        rules=list(_unique(rules.rules, "rules.yaml", "rules").values()),
        advice=_unique(advice.advice, "advice.yaml", "advice"),
        medications=_unique(meds.classes, "medications.yaml", "classes"),
        levels={lv.level: lv for lv in levels.levels},
    )
    _Checker(kb).run()
    return kb


@lru_cache(maxsize=4)
def _cached(directory: str, lang: str = "en") -> KnowledgeBase:
    if lang != "en":
        from twitchcare.kb.translation import translate

        return translate(_cached(directory), lang, Path(directory))
    return build_kb(Path(directory))


def load_kb(directory: Path | None = None, lang: str = "en") -> KnowledgeBase:
    """The knowledge base, loaded once per process per directory and language."""
    return _cached(str(directory or default_knowledge_dir()), lang)
