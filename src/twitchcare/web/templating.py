"""The Jinja2 environment: autoescaping on, gettext installed, a few filters for numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from twitchcare.web.i18n import LANGUAGE_NAMES, current_language, gettext, ngettext
from twitchcare.web.security import CSRF_FIELD

TEMPLATE_DIR = Path(__file__).parent / "templates"


def percent(value: float) -> str:
    """A probability as a whole percentage; below one percent says so instead of "0 %"."""
    if value < 0.005:
        return "<1\u00a0%"  # a no-break space: the sign never wraps onto a line of its own
    return f"{value * 100:.0f}\u00a0%"


def number(value: float | None, places: int = 0) -> str:
    """A number with ``places`` decimals, grouped and pointed as the page's language writes it."""
    if value is None:
        return "–"
    lang = current_language()
    if lang == "en":
        return f"{value:,.{places}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=lang)


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
    )
    templates = Jinja2Templates(env=env)
    # The callables look up the request's language each time (see web/i18n.py).
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters["percent"] = percent
    env.filters["number"] = number
    env.globals["csrf_field"] = CSRF_FIELD
    env.globals["languages"] = LANGUAGE_NAMES
    return templates


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status: int = 200
) -> HTMLResponse:
    """Render a page with what every page needs (CSRF token, knowledge base, current area)."""
    templates: Jinja2Templates = request.app.state.templates
    from twitchcare.emergency import emergency_number
    from twitchcare.web.context import kb, settings
    from twitchcare.web.preferences import get_country, get_units
    from twitchcare.web.units import unit_system

    folder = settings(request).data_dir
    ctx = {
        "csrf_token": getattr(request.state, "csrf_token", ""),
        "kb": kb(request),
        "lang": current_language(),
        "units": unit_system(get_units(folder)),
        "emergency": emergency_number(get_country(folder)),
    }
    ctx.update(context or {})
    return templates.TemplateResponse(request, name, ctx, status_code=status)
