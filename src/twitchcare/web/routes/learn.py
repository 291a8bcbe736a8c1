"""The Learn pages: the home page about twitching, every fact linked to its source."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from twitchcare.web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/")
def home(request: Request) -> Response:
    return render(request, "learn.html")
