"""Read assessment case files (the format of ``cases/case.schema.json``) into facts.

The models mirror the JSON schema with ``extra="forbid"`` so that a typo in a finding or a negative
duration is a one-line error naming the file and the field, not a silent "unknown". ``expected`` is
parsed for scoring only; :func:`case_facts` never looks at it.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from twitchcare.engine.facts import normalise_medicine
from twitchcare.errors import CaseFileError
from twitchcare.kb.logic import FactValue, Level

Location = Literal[
    "eyelid", "face", "lips_or_mouth", "tongue", "neck", "shoulder", "upper_arm", "forearm",
    "hand", "chest", "abdomen", "back", "buttock", "thigh", "calf", "foot", "whole_body",
]  # fmt: skip
Context = Literal[
    "falling_asleep", "at_rest", "after_exercise", "under_stress", "after_caffeine",
    "after_alcohol", "evening_or_night", "any_time",
]  # fmt: skip
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
]  # fmt: skip
History = Literal[
    "diabetes", "kidney_disease", "hyperthyroidism", "thyroid_or_parathyroid_surgery", "polio",
    "alcohol_use_disorder", "anxiety_disorder", "eating_disorder", "bariatric_surgery",
    "inflammatory_bowel_disease", "family_history_als", "normal_emg", "epilepsy", "heart_disease",
]  # fmt: skip
ConditionId = Literal[
    "benign_fasciculations", "stress_anxiety", "caffeine_stimulants", "alcohol",
    "sleep_deprivation", "exercise_fatigue", "magnesium_deficiency", "hypocalcemia", "hypokalemia",
    "dehydration", "hyperthyroidism", "medication_side_effect", "hypnic_jerks", "restless_legs",
    "eyelid_myokymia", "hemifacial_spasm", "blepharospasm", "cramp_fasciculation_syndrome",
    "peripheral_neuropathy", "radiculopathy", "motor_neuron_disease", "myopathy",
    "post_polio_syndrome", "cholinergic_poisoning", "tetanus", "stroke", "seizure",
    "alcohol_withdrawal", "isaacs_syndrome", "kidney_disease_electrolytes",
]  # fmt: skip
SpecialistId = Literal[
    "emergency_services", "family_doctor", "neurologist", "endocrinologist", "ophthalmologist",
    "sleep_specialist", "pharmacist", "midwife_or_obstetrician", "none",
]  # fmt: skip

FINDINGS: frozenset[str] = frozenset(get_args(Finding))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(_Model):
    age: int = Field(ge=0, le=120)
    sex: Literal["female", "male"]
    pregnant: bool | None = None
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


class Expected(_Model):
    triage: Level
    acceptable_triage: list[Level] = Field(default_factory=list)
    causes: list[ConditionId] = Field(min_length=1)
    specialist: SpecialistId | None = None
    rationale: str | None = None


class Case(_Model):
    """One person, as a test case. ``expected`` is the gold answer and is never used to assess."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    source: str | None = None
    story: str
    person: Person
    twitching: Twitching
    findings: dict[str, bool] = Field(default_factory=dict)
    exposures: Exposures = Field(default_factory=Exposures)
    history: list[History] = Field(default_factory=list)
    expected: Expected | None = None

    @field_validator("findings")
    @classmethod
    def _known_findings(cls, value: dict[str, bool]) -> dict[str, bool]:
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
    for key in ("pregnant", "breastfeeding", "athlete"):
        value = getattr(case.person, key)
        if value is not None:
            facts[key] = value
    tw = case.twitching
    for loc in get_args(Location):
        facts[f"loc.{loc}"] = loc in tw.locations
    if tw.contexts is not None:
        for ctx in get_args(Context):
            facts[f"ctx.{ctx}"] = ctx in tw.contexts
    for key in ("side", "duration_days", "pattern", "spreading", "painful"):
        value = getattr(tw, key)
        if value is not None:
            facts[key] = value
    facts.update(case.findings)
    for key, value in case.exposures.model_dump(exclude_none=True).items():
        facts[key] = [normalise_medicine(m) for m in value] if key == "medications" else value
    for item in case.history:
        facts[f"history.{item}"] = True
    return facts


def profile_facts(case: Case) -> dict[str, FactValue]:
    """What a stored profile would already tell before any question: the person block."""
    all_facts = case_facts(case)
    return {
        k: v
        for k, v in all_facts.items()
        if k in {"age", "sex", "pregnant", "breastfeeding", "athlete"}
    }
