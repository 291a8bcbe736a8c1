"""The web adapter: FastAPI routes and Jinja2 pages over the same core as the terminal.

Nothing here decides anything medical; routes call the engine, diary and nutrition modules and
render what they return. The core never imports this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from twitchcare.config import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the web app for ``settings`` (see :mod:`twitchcare.web.app`)."""
    from twitchcare.web.app import create_app as build

    return build(settings)


__all__ = ["create_app"]
