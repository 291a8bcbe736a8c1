"""The JSON API under ``/api/v1``: the same use cases as the pages, with an OpenAPI document.

Bodies are JSON only (a cross-site form cannot send JSON, which is the API's CSRF defence);
bad input gets a 4xx JSON body naming the field, and nothing is saved.
"""

from __future__ import annotations

from fastapi import APIRouter

from twitchcare.web.api import assessments, diary, nutrition, preferences, profile, relax, reports

router = APIRouter(prefix="/api/v1")
for _module in (assessments, diary, nutrition, preferences, profile, relax, reports):
    router.include_router(_module.router)
