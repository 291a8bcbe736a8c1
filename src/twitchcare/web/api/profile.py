"""``/api/v1/profile``: age, sex and the few facts targets and triage depend on."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request

from twitchcare.web.api.models import ProfileBody
from twitchcare.web.context import store

router = APIRouter(prefix="/profile", tags=["profile"])


@router.get("", summary="The profile (null when none is set)")
def get(request: Request) -> dict[str, Any] | None:
    from twitchcare.diary.profile import get_profile

    found = get_profile(store(request))
    return asdict(found) if found else None


@router.put("", summary="Set the profile")
def put(request: Request, body: ProfileBody) -> dict[str, Any]:
    from twitchcare.diary.profile import Profile, set_profile

    profile = Profile(**body.model_dump())
    set_profile(store(request), profile)
    return asdict(profile)
