"""The pages, one module per area; each module exposes ``router``."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from twitchcare.web.routes import assess, diary, language, learn, nutrition, relax, settings

    return [
        learn.router,
        assess.router,
        diary.router,
        nutrition.router,
        relax.router,
        settings.router,
        language.router,
    ]
