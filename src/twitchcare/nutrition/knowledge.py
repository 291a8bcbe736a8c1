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


def load_knowledge() -> NutritionKnowledge:
    """The installed nutrition knowledge, validated once per process, worded in the language in
    use (the figures, ids and sources are the English files' in every language)."""
    from twitchcare.catalogue import LANGUAGE

    return _load(LANGUAGE.get())


# What a language may reword, by the item's id: notes, statements and cautions a person reads, and
# the names of supplement forms. Drink and group names are matched and looked up, so they stay.
TRANSLATED_FIELDS = ("note", "statement", "text")


def translation_path(lang: str) -> Path:
    return knowledge_dir().parent / "i18n" / lang / "nutrition.yaml"


@lru_cache(maxsize=4)
def _load(lang: str) -> NutritionKnowledge:
    english = load_knowledge_from(knowledge_dir())
    if lang == "en":
        return english
    return translate(english, read_translation(lang), label=f"i18n/{lang}/nutrition.yaml")


def read_translation(lang: str) -> dict[str, dict[str, str]]:
    """``{item id: {field: text}}`` from ``knowledge/i18n/<lang>/nutrition.yaml``."""
    import yaml

    from twitchcare.errors import KnowledgeError

    path = translation_path(lang)
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    texts = data.get("texts", {})
    if not isinstance(texts, dict) or not all(isinstance(v, dict) for v in texts.values()):
        raise KnowledgeError(
            where=f"i18n/{lang}/nutrition.yaml", field="texts", problem="is not id: {field: text}"
        )
    return texts


def _word_list(lang: str, key: str) -> tuple[dict[str, str], str]:
    """The ``key`` list of ``knowledge/i18n/<lang>/nutrition.yaml`` (word in ``lang`` -> English)
    and where it lives, for an error; empty in English or for a language without the file."""
    import yaml

    from twitchcare.errors import KnowledgeError

    where = f"i18n/{lang}/nutrition.yaml"
    path = translation_path(lang)
    if lang == "en" or not path.exists():
        return {}, where
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    names = data.get(key, {})
    if not isinstance(names, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in names.items()
    ):
        raise KnowledgeError(where=where, field=key, problem="is not word: English word")
    return names, where


@lru_cache(maxsize=4)
def drink_names(lang: str) -> dict[str, str]:
    """``names`` of ``knowledge/i18n/<lang>/nutrition.yaml``: a drink or serving word in ``lang``
    -> the English word it stands for ("kaffee" -> "coffee"), longest first.

    The drink parsers know English words only; a second set of parsers per language would drift
    from them, so a language's words are rewritten before parsing, as German answer words are.
    Every English word must be a drink or serving the caffeine or alcohol knowledge knows.
    """
    import difflib

    from twitchcare.errors import KnowledgeError

    names, where = _word_list(lang, "names")
    if not names:
        return {}
    english = _load("en")
    known = {w for d in english.caffeine.drinks for w in (d.name, *d.aliases)}
    known |= {w for d in english.caffeine.drinks for s in d.servings for w in s.words}
    known |= {w for d in english.alcohol.drinks for w in (d.name, *d.aliases)}
    known |= {w for s in english.alcohol.servings for w in s.words}
    for word, meaning in names.items():
        if word != word.lower() or meaning not in known:
            close = difflib.get_close_matches(meaning, sorted(known), n=1)
            raise KnowledgeError(
                where=where,
                field=f"names[{word}]",
                problem=(
                    f"'{meaning}' is no drink or serving the caffeine or alcohol knowledge knows"
                    if word == word.lower()
                    else "write the word in lower case, as it is compared"
                ),
                hint=f"did you mean '{close[0]}'?" if close and word == word.lower() else "",
            )
    return dict(sorted(names.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=4)
def food_names(lang: str) -> dict[str, str]:
    """``foods`` of ``knowledge/i18n/<lang>/nutrition.yaml``: a food or portion word in ``lang``
    -> the English words it stands for ("spinat" -> "spinach"), longest first.

    The USDA table and the amount reader know English words only, so a language's words are
    rewritten before searching, as its drink words are. Every English word must be one the food
    table's descriptions or the amount reader knows: a typo there would make every German entry
    of that food a food nobody knows.
    """
    from twitchcare.errors import KnowledgeError
    from twitchcare.nutrition.amounts import COUNT_WORDS, PINT_UNITS, VAGUE_MEASURES
    from twitchcare.nutrition.search import load_index
    from twitchcare.nutrition.vocabulary import query_words

    names, where = _word_list(lang, "foods")
    if not names:
        return {}
    index = load_index()
    amount_words = set(PINT_UNITS) | COUNT_WORDS | VAGUE_MEASURES
    for word, meaning in names.items():
        unknown = [
            w
            for w in (query_words(meaning) or [meaning])
            if w not in index.vocab_id and w not in amount_words
        ]
        if word != word.lower() or unknown:
            close = index.closest_words(unknown[0], limit=1) if unknown else []
            raise KnowledgeError(
                where=where,
                field=f"foods[{word}]",
                problem=(
                    f"'{unknown[0]}' is no word of the food table or of an amount"
                    if word == word.lower()
                    else "write the word in lower case, as it is compared"
                ),
                hint=f"did you mean '{close[0]}'?" if close else "",
            )
    return dict(sorted(names.items(), key=lambda kv: -len(kv[0])))


def _rewords(item_id: str, field: str) -> bool:
    return field in TRANSLATED_FIELDS or (field == "name" and item_id.startswith("mg-form-"))


def translate(
    english: NutritionKnowledge, texts: dict[str, dict[str, str]], *, label: str
) -> NutritionKnowledge:
    """``english`` with the words of ``texts`` laid over it; an unknown id or field is an error."""
    from twitchcare.errors import KnowledgeError

    used: set[str] = set()

    def lay(value: Any) -> Any:
        if isinstance(value, list):
            return [lay(v) for v in value]
        if not isinstance(value, dict):
            return value
        out = {key: lay(item) for key, item in value.items()}
        item_id = value.get("id")
        if isinstance(item_id, str) and item_id in texts:
            used.add(item_id)
            for field, text in texts[item_id].items():
                if field not in value or not _rewords(item_id, field):
                    raise KnowledgeError(
                        where=label,
                        field=f"texts.{item_id}.{field}",
                        problem="is not a text of this item that a language may reword",
                    )
                out[field] = text
        return out

    data = lay(english.model_dump())
    unknown = sorted(set(texts) - used)
    if unknown:
        raise KnowledgeError(
            where=label, field=f"texts.{unknown[0]}", problem="no nutrition item has this id"
        )
    return NutritionKnowledge.model_validate(data)


def missing_translations(lang: str) -> list[str]:
    """Texts a person reads that ``lang`` does not reword yet (``id.field``)."""
    texts = read_translation(lang)
    missing: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            item_id = value.get("id")
            for key, item in value.items():
                readable = isinstance(item_id, str) and _rewords(item_id, key) and item
                if readable and key not in texts.get(str(item_id), {}):
                    missing.append(f"{item_id}.{key}")
                walk(item)

    walk(load_knowledge_from(knowledge_dir()).model_dump())
    return missing


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
