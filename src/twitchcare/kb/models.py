"""The shape of the knowledge base: every file is parsed into these models (``extra="forbid"``).

Stable ids are the contract: a condition, question, rule or advice item keeps its id forever, so a
saved assessment can be explained later with the knowledge version it was made with.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SkipValidation

from twitchcare.kb.logic import Level, Predicate
from twitchcare.kb.relaxation import Programme, Session
from twitchcare.vocabulary import Vocabulary

#: An id from ``specialists`` in ``knowledge/vocabulary.yaml``; the loader rejects any other.
Specialist = str


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
    legacy: bool = Field(
        default=False,
        description=(
            "Kept so that older answers and version-1 case files keep their meaning; never asked "
            "because newer, more precise questions replace it."
        ),
    )
    onset: str | None = Field(
        default=None,
        description=(
            "For a symptom whose own onset matters (e.g. 'slurred speech'): the noun phrase "
            "used to ask when it began, as the number fact onset_days.<id>."
        ),
    )
    ask_if: str | None = Field(
        default=None,
        description="Asked only when this yes/no fact is yes (like FHIR enableWhen).",
    )
    ask_when: Predicate | None = Field(
        default=None,
        description=(
            "Asked only when this holds or is not known yet (e.g. pregnancy: a woman of "
            "child-bearing age); when it is false, a yes/no question is answered 'no'."
        ),
    )
    implied_by: Predicate | None = Field(
        default=None,
        description=(
            "Already said yes to when this holds (an energy drink named among the substances "
            "answers 'do you use energy drinks?'): taken as yes and not asked again."
        ),
    )
    summarises: list[str] = Field(
        default_factory=list,
        description=(
            "A gateway question ('any of these?'): yes when any of these facts is yes. Its "
            "screen of details is shown only after a yes (or an 'I don't know')."
        ),
    )
    ago: bool = Field(
        default=False,
        description="A number of days counted back from today ('when did it start?'): an "
        "answer is shown as '3 days ago'.",
    )

    @property
    def is_question(self) -> bool:
        """Whether the text asks a question ("Do you ...?") rather than naming an item of a
        checklist ("Eyelid"): adapters lay the two out differently and read it from here."""
        return self.kind != "boolean" or self.text.rstrip().endswith("?")


class AfterEmergency(Strict):
    """Why a page is still worth a person's time once they have been told to call for help."""

    reason: str = Field(min_length=20)
    sources: list[str] = Field(min_length=1)
    first: bool = Field(
        default=False,
        description=(
            "Asked first after the call, whatever the person has read before it: what the crew "
            "asks first and what changes the first aid. The other pages follow while they fit "
            "the reading budget."
        ),
    )
    first_when: Predicate | None = Field(
        default=None,
        description=(
            "Asked first, as ``first``, only when this holds (the time of a stroke sign, on "
            "which clot-busting treatment depends)."
        ),
    )


class AskedOfEveryone(Strict):
    """Why a page is asked of every person, whatever the advice and the causes so far."""

    reason: str = Field(min_length=20)
    sources: list[str] = Field(min_length=1)


class Screen(Strict):
    """One page of the interview: facts asked together, each answerable with "I don't know"."""

    id: str
    title: str
    text: str
    kind: Literal["body_map", "checklist", "form"]
    facts: list[str] = Field(min_length=1)
    order: int
    enable_if: list[str] = Field(
        default_factory=list,
        description=(
            "Shown only when one of these yes/no facts is yes, or was asked and left unknown "
            "(like FHIR enableWhen); empty means always eligible."
        ),
    )
    after_emergency: AfterEmergency | None = Field(
        default=None,
        description=(
            "Still offered once an emergency is found, under the call-now banner: its answers "
            "change what to do while waiting for help or are what the crew will ask."
        ),
    )
    asked_of_everyone: AskedOfEveryone | None = Field(
        default=None,
        description=(
            "Asked of every person in its turn (unless an emergency stops the questions), like "
            "the body map: its answers belong in every summary for the doctor."
        ),
    )


class QuestionsFile(Strict):
    facts: list[Fact]
    screens: list[Screen]


class Evidence(Strict):
    """How much one finding shifts one condition: a likelihood ratio with its source.

    The ratio is either a figure taken from the cited source (``lr``) or, where the source
    states the association but gives no figure, an elicited grade (``strength``) that the loader
    turns into the fixed, capped ratio of the evidence scale, so no weight is chosen by hand.
    """

    when: Predicate
    lr: float = Field(gt=0)
    strength: str | None = None
    figure: str | None = Field(
        default=None,
        min_length=10,
        description=(
            "For a ratio given as ``lr``: the published number it comes from (sensitivity and "
            "specificity, a ratio, a share of people), in our own words, from the cited source."
        ),
    )
    sources: list[str] = Field(min_length=1)
    note: str | None = None
    sensitivity: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description=(
            "Filled in by the loader from the grade: the share of people with the condition who "
            "report the finding that the grade's words imply (for the rare-finding rule)."
        ),
    )
    rare_lr: float | None = Field(
        default=None,
        gt=1,
        description=(
            "Filled in by the loader for a graded yes/no finding that few people report: its "
            "sensitivity over its false-positive rate, when above ``lr``. Of the rare findings "
            "told, only the one with the largest excess counts it (engine/causes.py)."
        ),
    )


class EvidenceGrade(Strict):
    """One step of the elicitation scale: a named grade and the fixed ratio it stands for."""

    id: str
    lr: float = Field(gt=0)
    meaning: str = Field(min_length=10)
    sensitivity: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description=(
            "For a grade that points towards a condition: the share of people with it who report "
            "the finding, as the grade's words imply; a rare finding's ratio follows from it."
        ),
    )


class EvidenceScale(Strict):
    """How a stated-but-unmeasured association becomes a likelihood ratio, with the reason."""

    rationale: str = Field(min_length=20)
    cap: float = Field(gt=1, description="No elicited ratio is above cap or below 1/cap.")
    grades: list[EvidenceGrade] = Field(min_length=2)
    sources: list[str] = Field(min_length=1)


class Calibration(Strict):
    """How the causes' chances become the numbers a result shows (logistic recalibration).

    The likelihood-ratio model ranks causes well but its numbers were too cautious: causes
    stated at 30-50% were among the expected causes two times in three. A shown number is
    ``sigmoid(intercept + slope * logit(chance))``; a positive slope keeps the order, so the
    ranking (and every interview decision, which reads the chances before this) is unchanged.
    """

    rationale: str = Field(min_length=20)
    slope: float = Field(gt=0, description="Positive, so that the order of causes never changes.")
    intercept: float
    fitted_on: str = Field(min_length=10)
    check: str = Field(
        min_length=10, description="How the fit was checked on cases it did not see."
    )
    sources: list[str] = Field(min_length=1)


class GateBasis(Strict):
    """Why a condition's gate (``requires``) is what it is: the clinical criterion and source."""

    criterion: str = Field(min_length=20)
    sources: list[str] = Field(min_length=1)


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
    requires_basis: GateBasis | None = Field(
        default=None,
        description="The clinical criterion behind ``requires`` and its source; needed with one.",
    )
    feared: bool = Field(
        default=False,
        description=(
            "A disease people with twitching commonly fear (e.g. ALS). When the person says they "
            "worry about a serious disease and the gate is closed, the result says which of the "
            "gate's signs are absent, so the reassurance is specific."
        ),
    )
    evidence: list[Evidence] = Field(min_length=1)
    advice: list[str] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)


class ConditionsFile(Strict):
    evidence_scale: EvidenceScale | None = None
    calibration: Calibration | None = None
    conditions: list[Condition]


class Rule(Strict):
    """A deterministic red-flag or duration rule: facts -> minimum triage level."""

    id: str
    level: Level
    when: Predicate
    message: str = Field(min_length=10)
    specialist: Specialist
    sources: list[str] = Field(min_length=1)
    first_aid: bool = Field(
        default=False,
        description=(
            "An emergency rule whose message says what to do while waiting (cool the person, "
            "give sugar): after a call made for another reason, the pages that could complete "
            "it are asked before the pages for the crew, whatever the person has read."
        ),
    )
    mechanism: str = Field(default="", description="Filled in by the loader from its group.")


class Mechanism(Strict):
    """A group of red-flag rules that guard against one mechanism of harm, with its guidance.

    Organising rules by mechanism, not by the cases we happened to write, is what lets them
    catch the same danger told another way.
    """

    id: str
    name: str
    harm: str = Field(min_length=20, description="What goes wrong if this is missed.")
    sources: list[str] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)


class RulesFile(Strict):
    mechanisms: list[Mechanism]


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


class Interaction(Strict):
    """Two different medicines or substances taken together, one from each list of classes.

    E.g. two serotonergic medicines (serotonergic with serotonergic), or a drug that blocks the
    breakdown of another (theophylline with a theophylline raiser). Derived fact
    ``interaction.<id>``.
    """

    id: str
    name: str
    one_of: list[str] = Field(min_length=1)
    and_one_of: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)


class MedicationsFile(Strict):
    classes: list[MedicationClass]
    interactions: list[Interaction] = Field(default_factory=list)
    recognised: list[str] = Field(
        default_factory=list, description="Known names with no class: not flagged as unknown."
    )


class TriageLevelText(Strict):
    """The plain instruction shown for a level."""

    level: Level
    title: str
    instruction: str
    follow_up_days: int | None


class LevelsFile(Strict):
    levels: list[TriageLevelText]


class DoctorQuestion(Strict):
    """A question the person may take to the appointment, shown when ``when`` holds (or always)."""

    id: str
    text: str = Field(min_length=10)
    when: Predicate | None = None
    sources: list[str] = Field(min_length=1)


class DoctorQuestionsFile(Strict):
    questions: list[DoctorQuestion] = Field(min_length=1)


class KnowledgeBase(Strict):
    """Everything the engine knows, loaded and cross-checked once per process."""

    version: str
    date: str
    sources: dict[str, Source]
    facts: dict[str, Fact]
    screens: list[Screen]
    conditions: dict[str, Condition]
    evidence_scale: EvidenceScale | None = None
    calibration: Calibration | None = None
    rules: list[Rule]
    mechanisms: dict[str, Mechanism] = Field(default_factory=dict)
    advice: dict[str, Advice]
    medications: dict[str, MedicationClass]
    interactions: dict[str, Interaction] = Field(default_factory=dict)
    recognised_names: frozenset[str] = frozenset()
    levels: dict[str, TriageLevelText]
    language: str = "en"  # the words are in this language; see kb/translation.py
    units: dict[str, str] = Field(default_factory=dict)  # unit -> its name in ``language``
    doctor_questions: list[DoctorQuestion] = Field(default_factory=list)
    relaxation: dict[str, Session] = Field(default_factory=dict)
    programmes: dict[str, Programme] = Field(default_factory=dict)
    vocabulary: SkipValidation[Vocabulary]  # checked by twitchcare.vocabulary and the loader
