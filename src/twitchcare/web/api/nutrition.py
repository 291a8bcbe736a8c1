"""``/api/v1/foods`` and ``/api/v1/intake``: the USDA table and what was eaten and drunk."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Query, Request

from twitchcare.preferences import get_units
from twitchcare.web import intake
from twitchcare.web.api.models import IntakeBody
from twitchcare.web.context import settings, store
from twitchcare.web.diary import check_day, today
from twitchcare.web.units import unit_system

router = APIRouter(tags=["nutrition"])


@router.get("/foods", summary="Search the USDA SR28 foods (values per 100 g)")
def foods(
    q: str = Query(min_length=1, max_length=200, description="e.g. pumpkin seeds"),
    limit: int = Query(10, ge=1, le=100),
) -> list[dict[str, Any]]:
    from twitchcare.nutrition.search import load_index
    from twitchcare.nutrition.words import foods_in_english

    return [hit.food.as_json() for hit in load_index().search(foods_in_english(q), limit=limit)]


@router.get("/intake", summary="A day's intake against targets and limits")
def day(request: Request, day: dt.date | None = None) -> dict[str, Any]:
    chosen = check_day(store(request), day) if day else today()
    measure = unit_system(get_units(settings(request).data_dir)).alcohol
    return intake.as_json(intake.summary(store(request), chosen, measure))


@router.post("/intake", status_code=201, summary="Add a food or drink")
def add(request: Request, body: IntakeBody) -> dict[str, Any]:
    cache = settings(request).data_dir / "cache"
    day = check_day(store(request), body.day) if body.day else today()
    added = intake.add(store(request), cache, body.kind, body.text, day)
    return {
        "id": added.id,
        "description": added.description,
        "magnesium_mg": added.magnesium_mg,
        "caffeine_mg": added.caffeine_mg,
        "alcohol_units": added.alcohol_units,
        "source": added.source,
    }
