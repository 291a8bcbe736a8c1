"""The shape of the knowledge base: every file is parsed into these models (``extra="forbid"``).

Stable ids are the contract: a condition, question, rule or advice item keeps its id forever, so a
saved assessment can be explained later with the knowledge version it was made with.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from twitchcare.kb.logic import Level, Predicate

Specialist = Literal[
    "emergency_services",
    "family_doctor",
    "neurologist",
    "endocrinologist",
    "ophthalmologist",
    "sleep_specialist",
    "pharmacist",
    "midwife_or_obstetrician",
    "none",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a medical statement comes from; the user can open ``url``."""

    id: str
    title: str
    publisher: str
    url: str
    date: str | None = None
    note: str | None = None


class SourcesFile(Strict):
    version: str
    sources: list[Source]


class Fact(Strict):
    """One thing a person can tell us, with the words we use to ask about it."""

    id: str
    kind: Literal["boolean", "number", "choice", "list"]
    text: str = Field(min_length=3)
    help: str = Field(min_length=3)
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: dict[str, str] | None = None
    base_rate: float = Field(default=0.15, gt=0, lt=1)
    derived: bool = Field(default=False, description="Computed from other answers, never asked.")


class Screen(Strict):
    """One page of the interview: facts asked together, each answerable with "I don't know"."""

    id: str
    title: str
    text: str
    kind: Literal["body_map", "checklist", "form"]
    facts: list[str] = Field(min_length=1)
    order: int


class QuestionsFile(Strict):
    facts: list[Fact]
    screens: list[Screen]


class Evidence(Strict):
    """How much one finding shifts one condition: a likelihood ratio with its source."""

    when: Predicate
    lr: float = Field(gt=0)
    sources: list[str] = Field(min_length=1)
    note: str | None = None


class Condition(Strict):
    """A possible cause of twitching, in plain words, with what points to it and away from it."""

    id: str
    name: str
    explanation: str = Field(min_length=20)
    icd10: str
    prevalence: float = Field(gt=0, lt=1, description="Prior probability of playing a part.")
    how_common: str
    specialist: Specialist
    serious: bool = False
    explained_away: float = Field(
        default=0.0,
        ge=0,
        description=(
            "For a diagnosis of exclusion: its odds are multiplied by (1 - p_best_other) to this "
            "power, so it recedes when another cause explains the twitching."
        ),
    )
    requires: Predicate | None = Field(
        default=None,
        description="Shown only when this is True: no frightening rare diagnosis without evidence.",
    )
    evidence: list[Evidence] = Field(min_length=1)
    advice: list[str] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)


class ConditionsFile(Strict):
    conditions: list[Condition]


class Rule(Strict):
    """A deterministic red-flag or duration rule: facts -> minimum triage level."""

    id: str
    level: Level
    when: Predicate
    message: str = Field(min_length=10)
    specialist: Specialist
    sources: list[str] = Field(min_length=1)


class RulesFile(Strict):
    rules: list[Rule]


class Advice(Strict):
    """One item of a personal plan, or a specific reassurance, always with sources."""

    id: str
    kind: Literal["now", "change", "reassurance", "safety_net"]
    title: str
    text: str = Field(min_length=10)
    when: Predicate | None = None
    sources: list[str] = Field(min_length=1)


class AdviceFile(Strict):
    advice: list[Advice]


class MedicationClass(Strict):
    """Generic names grouped by what matters for twitching (e.g. proton pump inhibitors)."""

    id: str
    name: str
    members: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)


class MedicationsFile(Strict):
    classes: list[MedicationClass]


class TriageLevelText(Strict):
    """The plain instruction shown for a level."""

    level: Level
    title: str
    instruction: str
    follow_up_days: int | None


class LevelsFile(Strict):
    levels: list[TriageLevelText]


class KnowledgeBase(Strict):
    """Everything the engine knows, loaded and cross-checked once per process."""

    version: str
    date: str
    sources: dict[str, Source]
    facts: dict[str, Fact]
    screens: list[Screen]
    conditions: dict[str, Condition]
    rules: list[Rule]
    advice: dict[str, Advice]
    medications: dict[str, MedicationClass]
    levels: dict[str, TriageLevelText]
    language: str = "en"  # the words are in this language; see kb/translation.py
    units: dict[str, str] = Field(default_factory=dict)  # unit -> its name in ``language``
