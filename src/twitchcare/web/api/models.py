"""Request bodies of the JSON API: strict (unknown fields are refused, naming the field)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field

from twitchcare.diary.experiments import DEFAULT_DAYS
from twitchcare.errors import InputError
from twitchcare.kb.logic import FactValue
from twitchcare.web.i18n import _


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


async def no_body(request: Request) -> None:
    """Refuse a body sent to a request that takes none (an empty JSON object is no body).

    A client sending one believes it is read; ignoring it in silence would act on a guess.
    """
    raw = (await request.body()).strip()
    if raw and raw != b"{}":
        raise InputError(
            field="body",
            problem=_("this request takes no body"),
            hint=_("send it empty"),
        )


class StateBody(Body):
    state: str = Field(min_length=1, max_length=20000, description="As returned by the last call.")


class AnswerBody(StateBody):
    screen: str = Field(min_length=1, max_length=100, description="The page being answered.")
    answers: dict[str, FactValue | None] = Field(
        default_factory=dict,
        description='Fact id -> value; null or missing means "I don\'t know".',
    )


class ResultBody(StateBody):
    save: bool = Field(default=False, description="Keep the result in the diary.")


class EpisodeBody(Body):
    locations: list[str] = Field(min_length=1, max_length=17, examples=[["calf"]])
    started_at: dt.datetime | None = Field(
        default=None, description="With a time zone; default now."
    )
    side: str | None = None
    duration_s: float | None = None
    intensity: int | None = None
    contexts: list[str] = Field(default_factory=list, max_length=10)
    note: str = Field(default="", max_length=2000)


class DayBody(Body):
    caffeine_mg: float | None = None
    alcohol_units: float | None = None
    stress_0_10: float | None = None
    sleep_hours: float | None = None
    exercise_min: float | None = None
    magnesium_mg: float | None = None
    relaxation_min: float | None = None
    tags: list[str] | None = Field(default=None, max_length=20)


class IntakeBody(Body):
    kind: Literal["food", "caffeine", "alcohol"]
    text: str = Field(min_length=1, max_length=200, examples=["30 g pumpkin seeds"])
    day: dt.date | None = Field(default=None, description="Default today.")


class ProfileBody(Body):
    age: int = Field(ge=0, le=120)
    sex: Literal["female", "male"]
    pregnant: bool = False
    breastfeeding: bool = False
    athlete: bool = False
    weight_kg: float | None = Field(default=None, ge=1, le=400)


class PracticeBody(Body):
    session: str = Field(min_length=1, max_length=40, examples=["breathing"])
    minutes: float = Field(gt=0, le=600, description="Minutes practised (or walked).")
    completed: bool = Field(default=True, description="False when stopped early.")
    at: dt.datetime | None = Field(default=None, description="With a time zone; default now.")


class ProgrammeBody(Body):
    programme: str = Field(min_length=1, max_length=40, examples=["autogenic"])


class ExperimentBody(Body):
    name: str = Field(
        min_length=1,
        max_length=200,
        examples=["under 200 mg caffeine"],
        description='What you change; a target such as "under 200 mg caffeine" is read from it.',
    )
    days: int = Field(default=DEFAULT_DAYS, ge=1, le=366, description="How long, in days.")
    start: dt.date | None = Field(default=None, description="First day; default today.")
    factor: str | None = Field(
        default=None, max_length=40, description="The factor it changes, e.g. caffeine_mg."
    )
    comparison: Literal["below", "above"] | None = Field(
        default=None, description="Keep the factor below or above the target."
    )
    target: float | None = Field(default=None, description="The target value of the factor.")


class PreferencesBody(Body):
    country: str | None = Field(
        default=None,
        max_length=2,
        examples=["GB"],
        description='ISO 3166-1 code for the emergency number; "" clears it.',
    )
    units: str | None = Field(
        default=None, max_length=20, examples=["us"], description="metric or us."
    )
