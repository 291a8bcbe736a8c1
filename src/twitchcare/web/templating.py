"""The Jinja2 environment: autoescaping on, gettext installed, a few filters for numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from twitchcare.web.i18n import DEFAULT_LOCALE, translations
from twitchcare.web.security import CSRF_FIELD

TEMPLATE_DIR = Path(__file__).parent / "templates"


def percent(value: float) -> str:
    """A probability as a whole percentage; below one percent says so instead of "0 %"."""
    if value < 0.005:
        return "<1 %"
    return f"{value * 100:.0f} %"


def number(value: float | None, places: int = 0) -> str:
    return "–" if value is None else f"{value:,.{places}f}"


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
    )
    templates = Jinja2Templates(env=env)
    env.install_gettext_translations(translations(DEFAULT_LOCALE), newstyle=True)  # type: ignore[attr-defined]
    env.filters["percent"] = percent
    env.filters["number"] = number
    env.globals["csrf_field"] = CSRF_FIELD
    env.globals["lang"] = DEFAULT_LOCALE
    return templates


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status: int = 200
) -> HTMLResponse:
    """Render a page with what every page needs (CSRF token, knowledge base, current area)."""
    templates: Jinja2Templates = request.app.state.templates
    ctx = {"csrf_token": getattr(request.state, "csrf_token", ""), "kb": request.app.state.kb}
    ctx.update(context or {})
    return templates.TemplateResponse(request, name, ctx, status_code=status)
