"""Nutrition knowledge as validated data: requirements, limits, drinks, plan foods.

The figures live in ``twitchcare/knowledge/nutrition/*.yaml`` so a reviewer can check each one
against its source. Each file is read by the knowledge loader (``kb.loader.parse_file``: unknown
keys are errors, messages name the file and the key); ``twitchcare kb check`` also resolves every
cited source against ``sources.yaml`` (``kb.loader.check_nutrition``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    """Every knowledge model rejects keys it does not know, so a typo cannot pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class AgeBand(Strict):
    id: str
    age_from: float = Field(ge=0)
    age_to: float | None
    source: str

    def covers(self, age: float) -> bool:
        return self.age_from <= age and (self.age_to is None or age < self.age_to)


class Requirement(AgeBand):
    kind: Literal["AI", "RDA"]
    male_mg: float = Field(gt=0)
    female_mg: float = Field(gt=0)
    pregnancy_mg: float | None = None
    lactation_mg: float | None = None


class UpperLimit(AgeBand):
    supplemental_mg: float | None


class NeedGroup(Strict):
    id: str
    group: str
    has_separate_value: bool
    statement: str
    source: str


class SupplementForm(Strict):
    id: str
    name: str
    note: str
    source: str


class Caution(Strict):
    id: str
    text: str
    ask_doctor: bool
    source: str


class MagnesiumFile(Strict):
    version: str
    requirements: list[Requirement]
    upper_limits: list[UpperLimit]
    higher_need_groups: list[NeedGroup]
    supplement_forms: list[SupplementForm]
    supplement_cautions: list[Caution]


class ExtraPortion(Strict):
    id: str
    food_id: str
    grams: float = Field(gt=0)
    description: str
    source: str


class PortionsFile(Strict):
    version: str
    extra_portions: list[ExtraPortion]


class CaffeineLimit(Strict):
    id: str
    group: Literal["adult", "pregnant", "breastfeeding", "under 18"]
    daily_mg: float | None = None
    mg_per_kg: float | None = None
    source: str
    note: str
    note_source: str | None = None


class SingleDose(Strict):
    id: str
    mg: float
    source: str
    note: str


class CaffeineServing(Strict):
    id: str
    label: str
    words: list[str]
    ml: float | None = None
    grams: float | None = None
    caffeine_mg: float = Field(ge=0)
    source: str
    note: str = ""
    note_source: str | None = None


class CaffeineDrink(Strict):
    id: str
    name: str
    aliases: list[str]
    servings: list[CaffeineServing] = Field(min_length=1)


class CaffeineFile(Strict):
    version: str
    limits: list[CaffeineLimit]
    single_dose: SingleDose
    drinks: list[CaffeineDrink]


class Conversion(Strict):
    value: float = Field(gt=0)
    source: str
    note: str


class Conversions(Strict):
    uk_unit_ml_ethanol: Conversion
    us_standard_drink_g: Conversion
    ethanol_g_per_ml: Conversion


class AlcoholLimit(Strict):
    id: str
    scheme: Literal["uk", "us"]
    period: Literal["day", "week"]
    amount: float = Field(ge=0)
    measure: Literal["uk_units", "us_drinks"]
    group: Literal["adults", "pregnant", "men", "women"]
    source: str
    note: str


class AlcoholDrink(Strict):
    id: str
    name: str
    default_serving: str
    aliases: list[str]
    default_abv: float = Field(gt=0, le=100)
    source: str


class AlcoholServing(Strict):
    id: str
    words: list[str]
    ml: float = Field(gt=0)
    drinks: list[str]
    source: str


class AlcoholFile(Strict):
    version: str
    conversions: Conversions
    limits: list[AlcoholLimit]
    drinks: list[AlcoholDrink]
    servings: list[AlcoholServing]


class PlanFood(Strict):
    id: str
    label: str
    amount: str
    article_food: bool
    vegetarian: bool
    tags: list[str]
    source: str


class PlanFoodsFile(Strict):
    version: str
    foods: list[PlanFood]


class NutritionKnowledge(Strict):
    """Everything in ``knowledge/nutrition``, one attribute per file."""

    magnesium: MagnesiumFile
    portions: PortionsFile
    caffeine: CaffeineFile
    alcohol: AlcoholFile
    plan_foods: PlanFoodsFile


FILES: dict[str, type[Strict]] = {
    "magnesium": MagnesiumFile,
    "portions": PortionsFile,
    "caffeine": CaffeineFile,
    "alcohol": AlcoholFile,
    "plan_foods": PlanFoodsFile,
}


def knowledge_dir() -> Path:
    """Where the nutrition YAML files are installed."""
    return Path(str(resources.files("twitchcare").joinpath("knowledge", "nutrition")))


S = TypeVar("S", bound="Strict")


def _read(path: Path, model: type[S]) -> S:
    """One file through the knowledge loader, so its errors read like every other file's."""
    from twitchcare.kb.loader import parse_file

    return parse_file(model, path, where=f"nutrition/{path.name}")


def load_knowledge_from(directory: Path) -> NutritionKnowledge:
    """Load and validate every nutrition file in ``directory``."""
    parts: dict[str, Any] = {
        name: _read(directory / f"{name}.yaml", model) for name, model in FILES.items()
    }
    # Each part is validated already; constructing the container must not validate twice.
    return NutritionKnowledge.model_construct(**parts)


@lru_cache(maxsize=1)
def load_knowledge() -> NutritionKnowledge:
    """The installed nutrition knowledge, validated once per process."""
    return load_knowledge_from(knowledge_dir())


@lru_cache(maxsize=8)
def load_part(name: str) -> Strict:
    """One installed file (e.g. "portions"), for commands that need no other."""
    return _read(knowledge_dir() / f"{name}.yaml", FILES[name])


def cited_sources(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every ``source`` value in a loaded file, with the dotted key that holds it."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if key in ("source", "note_source") and isinstance(item, str):
                yield where, item
            else:
                yield from cited_sources(item, where)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            label = item.get("id", i) if isinstance(item, dict) else i
            yield from cited_sources(item, f"{path}[{label}]")
