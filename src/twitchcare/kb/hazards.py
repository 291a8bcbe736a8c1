"""The hazard log: what could hurt a person, how twitchcare controls it, and how we know.

A clinical risk-management file in the manner of the NHS standards DCB0129/DCB0160: each hazard
names the harm, the mechanism and its causes in this software, the controls (rules, questions,
advice, conditions, medicine classes) and the test cases that verify each control, with severity
and likelihood before and after the controls on the standards' 5 x 5 matrix.

Why data, validated like the rest of the knowledge: a control that names a rule that was renamed
or deleted is a hazard left open, so ``twitchcare kb check`` fails on it with the file and key.
The cases themselves are run by the tests (``tests/spec/test_hazards.py``), not here: the package
does not ship the case files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from twitchcare.errors import KnowledgeError
from twitchcare.kb.loader import _did_you_mean as did_you_mean
from twitchcare.kb.loader import _parse as parse_file
from twitchcare.kb.logic import Level
from twitchcare.kb.models import KnowledgeBase, Strict

Severity = Literal["minor", "significant", "considerable", "major", "catastrophic"]
Likelihood = Literal["very_low", "low", "medium", "high", "very_high"]
SEVERITIES: tuple[Severity, ...] = ("minor", "significant", "considerable", "major", "catastrophic")
LIKELIHOODS: tuple[Likelihood, ...] = ("very_low", "low", "medium", "high", "very_high")

ControlKind = Literal[
    "rule", "fact", "screen", "advice", "condition", "medication_class", "interaction", "level"
]
CauseKind = Literal[
    "missing_question",
    "vocabulary_gap",
    "rule_too_narrow",
    "rule_too_broad",
    "misleading_wording",
    "wrong_time_anchor",
    "unknown_answer",
    "incomplete_interview",
    "unrecognised_input",
    "evidence_misweighted",
    "unsafe_advice",
    "misplaced_reassurance",
]


class Band(Strict):
    """One row or column of the matrix, with what it means here."""

    id: str
    meaning: str = Field(min_length=10)


class RiskMatrix(Strict):
    """Severity x likelihood -> risk 1 (acceptable) to 5 (unacceptable), as in DCB0160."""

    severity: list[Band]
    likelihood: list[Band]
    risk: dict[Likelihood, list[int]]
    acceptability: dict[int, str]
    sources: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete(self) -> RiskMatrix:
        if tuple(b.id for b in self.severity) != SEVERITIES:
            raise ValueError(f"severity must list {', '.join(SEVERITIES)} in that order")
        if tuple(b.id for b in self.likelihood) != LIKELIHOODS:
            raise ValueError(f"likelihood must list {', '.join(LIKELIHOODS)} in that order")
        if set(self.risk) != set(LIKELIHOODS):
            raise ValueError("risk needs one row for every likelihood")
        for row, values in self.risk.items():
            if len(values) != len(SEVERITIES) or not all(1 <= v <= 5 for v in values):
                raise ValueError(f"risk row '{row}' needs five values from 1 to 5")
            if values != sorted(values):
                raise ValueError(f"risk row '{row}' must not fall as severity rises")
        if set(self.acceptability) != {1, 2, 3, 4, 5}:
            raise ValueError("acceptability must explain every risk from 1 to 5")
        return self

    def rate(self, rating: Rating) -> int:
        """The risk (1-5) of a severity and likelihood."""
        return self.risk[rating.likelihood][SEVERITIES.index(rating.severity)]


class Rating(Strict):
    severity: Severity
    likelihood: Likelihood


class Cause(Strict):
    """How this software could let the harm happen."""

    kind: CauseKind
    text: str = Field(min_length=10)


class Control(Strict):
    """One thing in the knowledge that stands between the cause and the harm."""

    kind: ControlKind
    id: str
    how: str = Field(min_length=10)


class Hazard(Strict):
    """One hazard: harm, mechanism, causes, controls, verification and risk before and after."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    harm: str = Field(min_length=20)
    mechanism: str
    level: Level = Field(description="Every verification case must reach at least this level.")
    at_most: Level | None = Field(
        default=None,
        description="For over-triage hazards: verification cases must not go above this level.",
    )
    plan_includes: list[str] = Field(
        default_factory=list,
        description="Advice every verification case's plan must include (below emergency, "
        "where the plan is only the call to make).",
    )
    lists_unanswered: bool = Field(
        default=False,
        description="Verification results below emergency must name the red flags not answered.",
    )
    reports_unknown_names: bool = Field(
        default=False,
        description="An unknown medicine name added to a verification case is reported and "
        "does not lower the level.",
    )
    stop_after_screens: int | None = Field(
        default=None,
        ge=1,
        description="Verification cases also reach the level when the interview stops after "
        "this many pages.",
    )
    causes: list[Cause] = Field(min_length=1)
    controls: list[Control] = Field(min_length=1)
    verification: list[str] = Field(min_length=1)
    initial: Rating
    residual: Rating
    residual_note: str | None = None
    sources: list[str] = Field(min_length=1)


class HazardsFile(Strict):
    matrix: RiskMatrix
    mechanisms: list[Band] = Field(
        default_factory=list,
        description="Mechanisms of harm that have no rule group in rules.yaml (e.g. how the "
        "person and the interview can fail); every other hazard names a rule group.",
    )
    hazards: list[Hazard] = Field(min_length=1)


class HazardLog(Strict):
    """The checked hazard log with its matrix."""

    matrix: RiskMatrix
    mechanisms: dict[str, str]
    hazards: dict[str, Hazard]

    def risk(self, hazard: Hazard, which: Literal["initial", "residual"]) -> int:
        return self.matrix.rate(hazard.initial if which == "initial" else hazard.residual)


def _known(kb: KnowledgeBase, kind: ControlKind) -> set[str]:
    """The ids a control of this kind may name."""
    if kind == "rule":
        return {r.id for r in kb.rules}
    if kind == "fact":
        return set(kb.facts)
    if kind == "screen":
        return {s.id for s in kb.screens}
    if kind == "advice":
        return set(kb.advice)
    if kind == "condition":
        return set(kb.conditions)
    if kind == "medication_class":
        return set(kb.medications)
    if kind == "interaction":
        return {f.split(".", 1)[1] for f in kb.facts if f.startswith("interaction.")}
    return set(kb.levels)


def check_hazards(kb: KnowledgeBase, log: HazardsFile, file: str = "hazards.yaml") -> HazardLog:
    """Cross-check every id the log names against the knowledge; the first problem raises."""

    def fail(field: str, problem: str, hint: str = "") -> KnowledgeError:
        return KnowledgeError(where=file, field=field, problem=problem, hint=hint)

    for s in log.matrix.sources:
        if s not in kb.sources:
            raise fail("matrix.sources", f"unknown source '{s}'", did_you_mean(s, set(kb.sources)))
    mechanisms = {m.id: m.name for m in kb.mechanisms.values()}
    mechanisms.update({m.id: m.meaning for m in log.mechanisms})
    seen: dict[str, Hazard] = {}
    for hz in log.hazards:
        key = f"hazards[{hz.id}]"
        if hz.id in seen:
            raise fail(key, "duplicate id")
        seen[hz.id] = hz
        if hz.mechanism not in mechanisms:
            raise fail(
                f"{key}.mechanism",
                f"unknown mechanism '{hz.mechanism}'",
                did_you_mean(hz.mechanism, set(mechanisms)) or "a rule group id in rules.yaml",
            )
        for i, control in enumerate(hz.controls):
            known = _known(kb, control.kind)
            if control.id not in known:
                raise fail(
                    f"{key}.controls[{i}]",
                    f"unknown {control.kind.replace('_', ' ')} '{control.id}'",
                    did_you_mean(control.id, known),
                )
        for a in hz.plan_includes:
            if a not in kb.advice:
                raise fail(
                    f"{key}.plan_includes", f"unknown advice '{a}'", did_you_mean(a, set(kb.advice))
                )
        for s in hz.sources:
            if s not in kb.sources:
                raise fail(
                    f"{key}.sources", f"unknown source '{s}'", did_you_mean(s, set(kb.sources))
                )
        if len(set(hz.verification)) != len(hz.verification):
            raise fail(f"{key}.verification", "a case is listed twice")
        if log.matrix.rate(hz.residual) > log.matrix.rate(hz.initial):
            raise fail(f"{key}.residual", "the controls cannot make the risk higher than before")
        if log.matrix.rate(hz.residual) >= 3 and not hz.residual_note:
            raise fail(
                f"{key}.residual_note",
                "a residual risk of 3 or more needs a note saying why it is accepted",
            )
        if log.matrix.rate(hz.residual) >= 4 and not (hz.residual_note or "").startswith("OPEN"):
            raise fail(
                f"{key}.residual_note",
                "a residual risk of 4 or 5 is unacceptable: mark it 'OPEN (n): ...' with the "
                "further control proposed",
            )
    return HazardLog(matrix=log.matrix, mechanisms=mechanisms, hazards=seen)


def load_hazards(kb: KnowledgeBase, directory: Path, lang: str = "en") -> HazardLog:
    """Read ``hazards.yaml`` beside the other knowledge files and check it against ``kb``; in
    another language, with the words of ``i18n/<lang>/hazards.yaml`` laid over it."""
    log = check_hazards(kb, parse_file(HazardsFile, directory / "hazards.yaml"))
    if lang == "en":
        return log
    label = f"i18n/{lang}/hazards.yaml"
    return translate_hazards(log, parse_file(HazardsText, directory / label, where=label), label)


# ------------------------------------------------------------------------ other languages
class HazardText(Strict):
    """One hazard's words; causes and controls in the original's order, one text each."""

    title: str = Field(min_length=1)
    harm: str = Field(min_length=1)
    causes: list[str]
    controls: list[str]
    residual_note: str | None = Field(default=None, min_length=1)


class MatrixText(Strict):
    severity: dict[str, str]
    likelihood: dict[str, str]
    acceptability: dict[int, str]


class HazardsText(Strict):
    """A language's hazard log (``i18n/<lang>/hazards.yaml``): only words, keyed by the ids.

    A language that ships the log words it whole: the log is read by people checking that
    twitchcare is safe, and a hazard left half in English is one they may not read. So a
    missing hazard, cause, control or note is an error naming the key, as for the relaxation
    sessions, not a fallback to English.
    """

    matrix: MatrixText
    mechanisms: dict[str, str] = Field(default_factory=dict)
    hazards: dict[str, HazardText]


def translate_hazards(log: HazardLog, words: HazardsText, file: str) -> HazardLog:
    """``log`` with the words of ``words``; ids, levels, ratings and cases untouched."""

    def fail(field: str, problem: str, hint: str = "") -> KnowledgeError:
        return KnowledgeError(where=file, field=field, problem=problem, hint=hint)

    bands = (("severity", log.matrix.severity), ("likelihood", log.matrix.likelihood))
    for name, original in bands:
        given = getattr(words.matrix, name)
        for band in original:
            if band.id not in given:
                raise fail(f"matrix.{name}.{band.id}", "has no translation")
        extra = set(given) - {b.id for b in original}
        if extra:
            raise fail(f"matrix.{name}.{sorted(extra)[0]}", "is not a band of the matrix")
    for risk in log.matrix.acceptability:
        if risk not in words.matrix.acceptability:
            raise fail(f"matrix.acceptability.{risk}", "has no translation")
    own = {m for m in log.mechanisms if m in words.mechanisms}
    for mid in set(words.mechanisms) - set(log.mechanisms):
        raise fail(f"mechanisms.{mid}", f"unknown mechanism '{mid}'")
    for hid in words.hazards:
        if hid not in log.hazards:
            raise fail(
                f"hazards.{hid}", f"unknown hazard '{hid}'", did_you_mean(hid, set(log.hazards))
            )
    hazards = {}
    for hid, hz in log.hazards.items():
        text = words.hazards.get(hid)
        key = f"hazards.{hid}"
        if text is None:
            raise fail(key, "has no translation", "a hazard is translated whole")
        for name, items in (("causes", hz.causes), ("controls", hz.controls)):
            if len(getattr(text, name)) != len(items):
                raise fail(
                    f"{key}.{name}",
                    f"{len(getattr(text, name))} texts, but the hazard has {len(items)}",
                    "translate every one, in the same order",
                )
        if (text.residual_note is None) != (hz.residual_note is None):
            raise fail(f"{key}.residual_note", "must be there exactly when the original has one")
        hazards[hid] = hz.model_copy(
            update={
                "title": text.title,
                "harm": text.harm,
                "causes": [
                    c.model_copy(update={"text": t})
                    for c, t in zip(hz.causes, text.causes, strict=True)
                ],
                "controls": [
                    c.model_copy(update={"how": t})
                    for c, t in zip(hz.controls, text.controls, strict=True)
                ],
                "residual_note": text.residual_note,
            }
        )
    matrix = log.matrix.model_copy(
        update={
            "severity": [
                b.model_copy(update={"meaning": words.matrix.severity[b.id]})
                for b in log.matrix.severity
            ],
            "likelihood": [
                b.model_copy(update={"meaning": words.matrix.likelihood[b.id]})
                for b in log.matrix.likelihood
            ],
            "acceptability": {r: words.matrix.acceptability[r] for r in log.matrix.acceptability},
        }
    )
    mechanisms = {
        m: words.mechanisms[m] if m in own else name for m, name in log.mechanisms.items()
    }
    return HazardLog(matrix=matrix, mechanisms=mechanisms, hazards=hazards)


def rule_owners(log: HazardLog) -> dict[str, list[str]]:
    """For each rule id named as a control, the hazards it controls."""
    owners: dict[str, list[str]] = {}
    for hz in log.hazards.values():
        for control in hz.controls:
            if control.kind == "rule":
                owners.setdefault(control.id, []).append(hz.id)
    return owners


def summary_table(log: HazardLog) -> str:
    """The hazard summary as a Markdown table (docs/safety.md holds a copy a test compares)."""
    lines = [
        "| Hazard | Harm | Level | Risk before | Risk after | Controls | Cases |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for hz in log.hazards.values():
        lines.append(
            f"| `{hz.id}` | {hz.harm} | {hz.level} | {log.risk(hz, 'initial')} | "
            f"{log.risk(hz, 'residual')} | {len(hz.controls)} | {len(hz.verification)} |"
        )
    return "\n".join(lines)


def as_json(log: HazardLog) -> list[dict[str, object]]:
    """One object per hazard, for ``twitchcare kb hazards --json``."""
    out: list[dict[str, object]] = []
    for hz in log.hazards.values():
        item = hz.model_dump(mode="json")
        item["controls"] = [c.model_dump(mode="json") for c in hz.controls]
        item["initial"] = {**hz.initial.model_dump(), "risk": log.risk(hz, "initial")}
        item["residual"] = {**hz.residual.model_dump(), "risk": log.risk(hz, "residual")}
        out.append(item)
    return out
