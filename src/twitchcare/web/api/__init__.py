"""The JSON API under ``/api/v1``: the same use cases as the pages, with an OpenAPI document."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api/v1")
