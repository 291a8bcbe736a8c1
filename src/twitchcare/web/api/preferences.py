"""``/api/v1/preferences``: the country (emergency number) and the units amounts are shown in."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from twitchcare.web.api.models import PreferencesBody
from twitchcare.web.context import settings
from twitchcare.web.preferences import get_country, get_units, set_country, set_units
from twitchcare.web.units import unit_system

router = APIRouter(prefix="/preferences", tags=["profile"])


def _current(request: Request) -> dict[str, Any]:
    from twitchcare.emergency import emergency_number

    folder = settings(request).data_dir
    country = get_country(folder)
    number = emergency_number(country)
    units = unit_system(get_units(folder))
    return {
        "country": country or None,
        "emergency_number": number.number,
        "emergency_number_source": number.source,
        "units": units.id,
        "units_name": units.name,
    }


@router.get("", summary="The country and units (defaults: no country, metric)")
def get(request: Request) -> dict[str, Any]:
    return _current(request)


@router.put("", summary="Choose the country and/or the units")
def put(request: Request, body: PreferencesBody) -> dict[str, Any]:
    folder = settings(request).data_dir
    if body.units is not None:
        unit_system(body.units)  # check both before saving either
    if body.country is not None:
        from twitchcare.emergency import emergency_number

        emergency_number(body.country)
    if body.units is not None:
        set_units(folder, body.units)
    if body.country is not None:
        set_country(folder, body.country)
    return _current(request)
