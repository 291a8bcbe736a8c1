"""``create_app(settings)``: the whole web app, built from settings, with nothing at import time.

The knowledge base is loaded and the diary opened here, once per app; every test builds its own
app on its own data directory.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from twitchcare import __version__
from twitchcare.config import Settings, load_settings
from twitchcare.web import problems
from twitchcare.web.i18n import language_middleware
from twitchcare.web.security import allowed_hosts, secret_key, security_headers
from twitchcare.web.state import StateCodec
from twitchcare.web.templating import make_templates

STATIC_DIR = Path(__file__).parent / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: knowledge, diary, templates, security, pages and the JSON API."""
    from twitchcare.kb import load_kb
    from twitchcare.store import open_store
    from twitchcare.web.api import router as api_router
    from twitchcare.web.routes import routers

    settings = settings or load_settings()
    app = FastAPI(
        title="twitchcare",
        version=__version__,
        description=(
            "My muscles twitch - what should I do? Triage, diary and plan. Information, not a "
            "diagnosis. Errors are JSON objects with error, field, message, hint and where."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.settings = settings
    app.state.allowed_hosts = allowed_hosts(settings.host)
    app.state.kb = load_kb()
    app.state.store = open_store(settings)
    app.state.codec = StateCodec(secret_key(settings.data_dir))
    app.state.templates = make_templates()
    # The last added runs first: the language is set before the Host check words its refusal.
    app.middleware("http")(security_headers)
    app.middleware("http")(language_middleware)
    problems.install(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in routers():
        app.include_router(router)
    app.include_router(api_router)
    return app


def warm_up(app: FastAPI) -> None:
    """Load what the first visit to each page would otherwise wait for.

    Run in the background once the server listens: the statistics libraries behind the diary,
    the nutrition knowledge and food index, and every template compiled.
    """
    import twitchcare.diary.stats  # noqa: F401  (numpy and the count model)
    from twitchcare.nutrition.knowledge import load_knowledge
    from twitchcare.nutrition.search import load_index

    load_knowledge()
    load_index()
    env = app.state.templates.env
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)
