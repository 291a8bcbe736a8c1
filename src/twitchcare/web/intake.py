"""Magnesium, caffeine and alcohol for the pages and the API: add an item, read a day.

The nutrition modules understand the text and own every figure and limit; this module only
calls them the way the ``mg``, ``caffeine`` and ``alcohol`` commands do, on the server's diary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from twitchcare.errors import InputError
from twitchcare.store import DiaryStore
from twitchcare.web.i18n import _

Kind = Literal["food", "caffeine", "alcohol"]
KINDS: tuple[str, ...] = ("food", "caffeine", "alcohol")


@dataclass(frozen=True)
class Added:
    id: int
    description: str
    magnesium_mg: float
    caffeine_mg: float
    alcohol_units: float
    source: str


def add(store: DiaryStore, cache_dir: Path, kind: str, text: str, day: dt.date) -> Added:
    """Understand ``text`` as a food, a caffeinated drink or an alcoholic drink, and keep it."""
    from twitchcare.diary.intake import IntakeEntry, add_intake

    if kind not in KINDS:
        raise InputError(
            field="kind",
            problem=_("'{kind}' is not known").format(kind=kind[:40]),
            hint=_("food, caffeine or alcohol"),
        )
    if not text.strip() or len(text) > 200:
        raise InputError(
            field="text",
            problem=_("say what and how much, in 1-200 characters"),
            hint=_("e.g. 30 g pumpkin seeds"),
        )
    entry: dict[str, Any]
    if kind == "food":
        from twitchcare.nutrition.serving import understand_food

        food = understand_food(text, cache_dir=cache_dir)
        entry = dict(
            kind="food",
            description=food.understood(),
            grams=round(food.grams, 1),
            magnesium_mg=round(food.magnesium_mg, 1),
            caffeine_mg=round(food.caffeine_mg or 0.0, 1),
            alcohol_units=0.0,
            food_id=food.food.id,
        )
        source = "usda-sr28"
    elif kind == "caffeine":
        from twitchcare.nutrition.caffeine import understand_caffeine

        drink = understand_caffeine(text, cache_dir=cache_dir)
        entry = dict(
            kind="drink",
            description=drink.understood(),
            grams=drink.grams,
            magnesium_mg=0.0,
            caffeine_mg=round(drink.caffeine_mg, 1),
            alcohol_units=0.0,
            food_id=None,
        )
        source = drink.source
    else:
        from twitchcare.nutrition.alcohol import understand_alcohol

        alcohol = understand_alcohol(text, cache_dir=cache_dir)
        entry = dict(
            kind="drink",
            description=alcohol.understood(),
            grams=None,
            magnesium_mg=0.0,
            caffeine_mg=0.0,
            alcohol_units=round(alcohol.uk_units, 2),
            food_id=None,
        )
        source = "nhs-alcohol-units"
    new_id = add_intake(store, IntakeEntry(day=day, **entry))
    return Added(
        id=new_id,
        description=entry["description"],
        magnesium_mg=entry["magnesium_mg"],
        caffeine_mg=entry["caffeine_mg"],
        alcohol_units=entry["alcohol_units"],
        source=source,
    )


def summary(store: DiaryStore, day: dt.date, alcohol_measure: str = "uk_units") -> dict[str, Any]:
    """The day's entries and totals, with the targets and limits that apply to the person;
    alcohol guidance in ``alcohol_measure`` (uk_units or us_drinks, from the chosen units)."""
    from twitchcare.diary.profile import get_profile
    from twitchcare.diary.records import check_date
    from twitchcare.nutrition.alcohol import alcohol_guidance
    from twitchcare.nutrition.caffeine import caffeine_limit
    from twitchcare.nutrition.diary_link import days_in
    from twitchcare.nutrition.person import resolve_person
    from twitchcare.nutrition.requirements import magnesium_target

    check_date(day, "day")  # the diary's date rules: 0001-01-01 minus a week is no date at all
    (record,) = days_in(store, day, day)
    week = days_in(store, day - dt.timedelta(days=6), day)
    person = resolve_person(get_profile(store))
    target = None
    if person.age is not None and person.sex is not None:
        target = magnesium_target(
            person.age,
            person.sex,
            pregnant=person.pregnant,
            breastfeeding=person.breastfeeding,
            athlete=person.athlete,
        )
    limit = caffeine_limit(
        age=person.age,
        pregnant=person.pregnant,
        breastfeeding=person.breastfeeding,
        weight_kg=person.weight_kg,
    )
    guidance = alcohol_guidance(sex=person.sex, pregnant=person.pregnant)
    return {
        "day": day,
        "entries": record.entries,
        "magnesium_mg": record.magnesium_mg,
        "caffeine_mg": record.caffeine_mg,
        "alcohol_units": record.alcohol_units,
        "alcohol_units_7_days": sum(r.alcohol_units for r in week),
        "magnesium_target": target,
        "caffeine_limit": limit,
        "alcohol_limits": [
            g for g in guidance.limits if g.measure == alcohol_measure or g.group == "pregnant"
        ],
        "person": person,
    }


def as_json(info: dict[str, Any]) -> dict[str, Any]:
    """:func:`summary` as JSON for the API."""
    from twitchcare.nutrition.alcohol import us_drinks_from_units

    target = info["magnesium_target"]
    limit = info["caffeine_limit"]
    return {
        "day": info["day"].isoformat(),
        "entries": [
            {
                "kind": e.kind,
                "description": e.description,
                "grams": e.grams,
                "magnesium_mg": e.magnesium_mg,
                "caffeine_mg": e.caffeine_mg,
                "alcohol_units": e.alcohol_units,
            }
            for e in info["entries"]
        ],
        "magnesium_mg": round(info["magnesium_mg"], 1),
        "caffeine_mg": round(info["caffeine_mg"], 1),
        "alcohol_units": round(info["alcohol_units"], 2),
        "alcohol_units_7_days": round(info["alcohol_units_7_days"], 2),
        "alcohol_us_drinks": round(us_drinks_from_units(info["alcohol_units"]), 2),
        "alcohol_us_drinks_7_days": round(us_drinks_from_units(info["alcohol_units_7_days"]), 2),
        "magnesium_target": None
        if target is None
        else {"mg": target.mg, "kind": target.kind, "basis": target.basis, "source": target.source},
        "caffeine_limit": {"daily_mg": limit.daily_mg, "note": limit.note, "source": limit.source},
        "alcohol_limits": [
            {
                "amount": g.amount,
                "measure": g.measure,
                "period": g.period,
                "note": g.note,
                "source": g.source,
            }
            for g in info["alcohol_limits"]
        ],
    }


def plan(
    store: DiaryStore, cache_dir: Path, day: dt.date, likes: str = "", vegetarian: bool = False
) -> Any:
    """Foods that close today's magnesium gap (None without age and sex)."""
    info = summary(store, day)
    target = info["magnesium_target"]
    if target is None or info["person"].age is None:
        return None
    from twitchcare.catalogue import LANGUAGE

    return _plan(
        target.mg,
        round(info["magnesium_mg"], 1),
        info["person"].age,
        likes,
        vegetarian,
        cache_dir,
        LANGUAGE.get(),
    )


@lru_cache(maxsize=64)
def _plan(
    target_mg: float,
    eaten_mg: float,
    age: float,
    likes: str,
    vegetarian: bool,
    cache_dir: Path,
    lang: str,
) -> Any:
    """The plan for these figures; kept, because working out servings takes tens of ms and the
    page is shown far more often than the day's total changes. ``lang`` keeps each language's
    wording of the supplement advice apart."""
    from twitchcare.nutrition.plan import make_plan

    return make_plan(
        target_mg,
        eaten_mg,
        age=age,
        likes=[w.strip() for w in likes.split(",") if w.strip()],
        dislikes=[],
        vegetarian=vegetarian,
        cache_dir=cache_dir,
    )


def add_portion(store: DiaryStore, food_id: str, portion: int, count: float, day: dt.date) -> Added:
    """Add ``count`` of a food's listed portion (from a search result), by the food's id."""
    from twitchcare.diary.intake import IntakeEntry, add_intake
    from twitchcare.nutrition.amounts import Amount
    from twitchcare.nutrition.search import load_index
    from twitchcare.nutrition.serving import serving

    index = load_index()
    if food_id not in index.ids:
        raise InputError(
            field="food",
            problem=_("no food with id '{food_id}'").format(food_id=food_id[:40]),
            hint=_("search again"),
        )
    food = index.food(index.ids.index(food_id))
    choices = [(100.0, "100 g"), *((p.grams, p.description) for p in food.portions)]
    if not 0 <= portion < len(choices):
        raise InputError(field="portion", problem=_("is not one of this food's portions"))
    if not 0 < count <= 20:
        raise InputError(
            field="count",
            problem=_("{count} portions is not allowed").format(count=f"{count:g}"),
            hint="0.1-20",
        )
    grams, measure = choices[portion]
    grams *= count
    label = f"{count:g} × {measure}"
    food_serving = serving(
        label, Amount(value=grams, kind="mass", unit="g", grams=grams), label, grams, food
    )
    entry = IntakeEntry(
        day=day,
        kind="food",
        description=food_serving.understood(),
        grams=round(grams, 1),
        magnesium_mg=round(food_serving.magnesium_mg, 1),
        caffeine_mg=round(food_serving.caffeine_mg or 0.0, 1),
        alcohol_units=0.0,
        food_id=food.id,
    )
    new_id = add_intake(store, entry)
    return Added(new_id, entry.description, entry.magnesium_mg, entry.caffeine_mg, 0.0, "usda-sr28")
