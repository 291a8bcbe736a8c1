"""Read assessment case files (the format of ``cases/case.schema.json``) into facts.

The models mirror the JSON schema with ``extra="forbid"`` so that a typo in a finding or a negative
duration is a one-line error naming the file and the field, not a silent "unknown". ``expected`` is
parsed for scoring only; :func:`case_facts` never looks at it.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Annotated, Literal, TypeVar, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from twitchcare.errors import CaseFileError
from twitchcare.kb.loader import ONSET_PREFIX
from twitchcare.kb.logic import FactValue, Level
from twitchcare.kb.names import normalise_medicine
from twitchcare.locations import LOCATIONS, place_fact
from twitchcare.vocabulary import vocabulary


def _one_of(allowed: tuple[str, ...], what: str) -> AfterValidator:
    """A value from one of the shared vocabularies, with a did-you-mean like a finding's."""

    def check(value: str) -> str:
        if value not in allowed:
            close = difflib.get_close_matches(value, allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "choose from " + ", ".join(allowed)
            raise ValueError(f"unknown {what} '{value}'; {hint}")
        return value

    return AfterValidator(check)


# Places, contexts and specialists are the app's own vocabularies (locations.py and
# knowledge/vocabulary.yaml), never a second list here.
Location = Annotated[str, _one_of(LOCATIONS, "location")]
Context = Annotated[str, _one_of(vocabulary().context_ids, "context")]
Specialist = Annotated[str, _one_of(vocabulary().specialists, "specialist")]
Finding = Literal[
    "weakness", "weakness_progressive", "sudden_weakness_one_side", "face_drooping",
    "muscle_wasting", "dropping_things", "tripping_or_foot_drop", "slurred_speech",
    "difficulty_swallowing", "breathing_difficulty", "numbness_tingling_hands_feet",
    "numbness_tingling_one_limb", "tingling_around_mouth", "hand_or_foot_spasms",
    "neck_pain_into_arm", "back_pain_into_leg", "muscle_cramps", "muscle_pain", "muscle_stiffness",
    "jaw_stiffness", "recent_wound", "seizure_or_fainting", "confusion", "hallucinations", "fever",
    "sweating_drooling_small_pupils", "pesticide_or_nerve_agent_exposure", "palpitations", "tremor",
    "weight_loss", "heat_intolerance", "vomiting_or_diarrhea", "very_thirsty_or_little_urine",
    "fatigue", "urge_to_move_legs", "urge_worse_at_rest", "urge_relieved_by_movement",
    "urge_worse_evening", "jerk_whole_body_at_sleep_onset", "twitch_spreads_eye_to_mouth_one_side",
    "eyes_forced_shut", "visible_flicker_under_skin", "anxious_most_days",
    "worried_about_serious_disease", "low_mood", "one_sided_diet", "intense_exercise_recently",
    "energy_drinks_or_pre_workout", "nicotine", "symptoms_getting_better",
    "symptoms_keep_returning",
    # version 2
    "chest_pain", "breathing_fast", "heavy_sweating", "new_or_severe_headache", "stiff_neck",
    "drowsy_or_hard_to_wake", "agitation", "fainted", "fit_or_seizure", "rhythmic_jerking_spells",
    "speech_or_language_difficulty", "double_vision", "drooping_eyelid", "unable_to_stand_or_walk",
    "dark_or_cola_urine", "muscles_swollen_or_hard", "bladder_or_bowel_change", "saddle_numbness",
    "twisting_or_pulling_postures", "dizziness", "one_leg_swollen_red_or_warm", "cold_intolerance",
    "weight_gain", "sore_tongue", "red_or_sore_eye", "hot_flushes",
]  # fmt: skip
History = Literal[
    "diabetes", "kidney_disease", "hyperthyroidism", "thyroid_or_parathyroid_surgery", "polio",
    "alcohol_use_disorder", "anxiety_disorder", "eating_disorder", "bariatric_surgery",
    "inflammatory_bowel_disease", "family_history_als", "normal_emg", "epilepsy", "heart_disease",
    # version 2
    "myasthenia_gravis", "copd_or_asthma", "previous_withdrawal_seizure", "hypertension",
    "hypothyroidism", "bells_palsy", "osteoporosis", "cancer", "multiple_sclerosis",
    "liver_disease", "recent_infection",
]  # fmt: skip
ConditionId = Literal[
    "benign_fasciculations", "stress_anxiety", "caffeine_stimulants", "alcohol",
    "sleep_deprivation", "exercise_fatigue", "magnesium_deficiency", "hypocalcemia", "hypokalemia",
    "dehydration", "hyperthyroidism", "medication_side_effect", "hypnic_jerks", "restless_legs",
    "eyelid_myokymia", "hemifacial_spasm", "blepharospasm", "cramp_fasciculation_syndrome",
    "peripheral_neuropathy", "radiculopathy", "motor_neuron_disease", "myopathy",
    "post_polio_syndrome", "cholinergic_poisoning", "tetanus", "stroke", "seizure",
    "alcohol_withdrawal", "isaacs_syndrome", "kidney_disease_electrolytes",
    # version 2
    "serotonin_syndrome", "acute_dystonia", "drug_toxicity", "drug_withdrawal", "guillain_barre",
    "myasthenia_gravis", "encephalitis_meningitis", "brain_lesion", "tia", "cauda_equina",
    "rhabdomyolysis", "heat_illness", "hyperkalemia", "hypoglycemia", "hypothyroidism",
    "vitamin_b12_deficiency", "nerve_entrapment", "tics", "multiple_sclerosis",
]  # fmt: skip
Diet = Literal["omnivore", "vegetarian", "vegan"]

FINDINGS: frozenset[str] = frozenset(get_args(Finding))
_V = TypeVar("_V", bool, float)
LIST_FIELDS = ("medications", "medications_stopped", "substances")
# A version-1 finding and the version-2 findings that split it, the worse one first. A v1 "yes"
# with neither new finding given means the worse one (a fit, not a faint); a v1 "no" means neither.
SPLIT_IN_V2: dict[str, tuple[str, ...]] = {"seizure_or_fainting": ("fit_or_seizure", "fainted")}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(_Model):
    age: int = Field(ge=0, le=120)
    sex: Literal["female", "male"]
    pregnant: bool | None = None
    pregnancy_weeks: float | None = Field(default=None, ge=0, le=45)
    breastfeeding: bool | None = None
    athlete: bool | None = None


class Twitching(_Model):
    locations: list[Location] = Field(min_length=1)
    side: Literal["left", "right", "both", "not_applicable"] | None = None
    duration_days: float | None = Field(default=None, ge=0)
    pattern: Literal["single_episode", "comes_and_goes", "constant"] | None = None
    contexts: list[Context] | None = None
    spreading: bool | None = None
    painful: bool | None = None


class Exposures(_Model):
    caffeine_mg_per_day: float | None = Field(default=None, ge=0)
    alcohol_units_per_week: float | None = Field(default=None, ge=0)
    alcohol_stopped_days_ago: float | None = Field(default=None, ge=0)
    stress_0_10: float | None = Field(default=None, ge=0, le=10)
    sleep_hours: float | None = Field(default=None, ge=0, le=24)
    medications: list[str] | None = None
    medication_started_days_ago: float | None = Field(default=None, ge=0)
    medications_stopped: list[str] | None = None
    medication_stopped_days_ago: float | None = Field(default=None, ge=0)
    took_more_than_prescribed: bool | None = None
    substances: list[str] | None = None
    diet: Diet | None = None
    fasting: bool | None = None
    heat_exposure: bool | None = None
    recent_long_haul_travel: bool | None = None
    weight_kg: float | None = Field(default=None, gt=0)


class Expected(_Model):
    triage: Level
    acceptable_triage: list[Level] = Field(default_factory=list)
    causes: list[ConditionId] = Field(min_length=1)
    specialist: Specialist | None = None
    rationale: str | None = None


class Case(_Model):
    """One person, as a test case. ``expected`` is the gold answer and is never used to assess."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    source: str | None = None
    story: str
    person: Person
    twitching: Twitching
    findings: dict[str, bool] = Field(default_factory=dict)
    finding_onset_days: dict[str, Annotated[float, Field(ge=0)]] = Field(default_factory=dict)
    exposures: Exposures = Field(default_factory=Exposures)
    history: list[History] = Field(default_factory=list)
    expected: Expected | None = None

    @field_validator("findings", "finding_onset_days")
    @classmethod
    def _known_findings(cls, value: dict[str, _V]) -> dict[str, _V]:
        for key in value:
            if key not in FINDINGS:
                close = difflib.get_close_matches(key, sorted(FINDINGS), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise ValueError(f"unknown finding '{key}'{hint}")
        return value


def _field_name(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(top level)"


def load_case(path: Path) -> Case:
    """Parse one case file; any problem becomes a :class:`CaseFileError` naming file and field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CaseFileError(where=str(path), field="(file)", problem="file not found") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CaseFileError(
            where=str(path), field="(json)", problem=f"not valid JSON: {exc}"
        ) from None
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(p for p in err["loc"] if not str(p).startswith("function-"))
        raise CaseFileError(where=str(path), field=_field_name(loc), problem=err["msg"]) from None


def case_paths(targets: list[Path]) -> list[Path]:
    """Files as given, directories expanded to their ``*.json`` files in name order."""
    paths: list[Path] = []
    for target in targets:
        if target.is_dir():
            paths.extend(sorted(target.glob("*.json")))
        else:
            paths.append(target)
    return paths


def case_facts(case: Case) -> dict[str, FactValue]:
    """Everything the case tells, as facts. Lists given (locations, contexts) are complete."""
    facts: dict[str, FactValue] = {"age": case.person.age, "sex": case.person.sex}
    for key in ("pregnant", "pregnancy_weeks", "breastfeeding", "athlete"):
        value = getattr(case.person, key)
        if value is not None:
            facts[key] = value
    tw = case.twitching
    for loc in LOCATIONS:
        facts[place_fact(loc)] = loc in tw.locations
    if tw.contexts is not None:
        for ctx in vocabulary().context_ids:
            facts[f"ctx.{ctx}"] = ctx in tw.contexts
    for key in ("side", "duration_days", "pattern", "spreading", "painful"):
        value = getattr(tw, key)
        if value is not None:
            facts[key] = value
    facts.update(case.findings)
    for old, new in SPLIT_IN_V2.items():
        if old in case.findings and not any(n in case.findings for n in new):
            facts.update({n: case.findings[old] and n == new[0] for n in new})
    # A symptom's own onset; the case format says one not listed began with the twitching.
    for finding, present in case.findings.items():
        if present and tw.duration_days is not None:
            facts[ONSET_PREFIX + finding] = tw.duration_days
    for finding, days in case.finding_onset_days.items():
        facts[ONSET_PREFIX + finding] = days
    for key, value in case.exposures.model_dump(exclude_none=True).items():
        facts[key] = [normalise_medicine(m) for m in value] if key in LIST_FIELDS else value
    for item in case.history:
        facts[f"history.{item}"] = True
    return facts


def profile_facts(case: Case) -> dict[str, FactValue]:
    """What a stored profile would already tell before any question: the person block."""
    all_facts = case_facts(case)
    return {
        k: v
        for k, v in all_facts.items()
        if k in {"age", "sex", "pregnant", "pregnancy_weeks", "breastfeeding", "athlete"}
    }
