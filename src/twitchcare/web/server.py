"""Run the web app with uvicorn on the loopback address, logging nothing about requests.

Uvicorn's access log would write every path and query string; answers and diary entries must
never reach a log, so it is switched off and only start-up and errors are logged.
"""

from __future__ import annotations

import threading
from typing import Any

from twitchcare.config import Settings


def address(settings: Settings) -> str:
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return f"http://{host}:{settings.port}/"


def serve(settings: Settings, *, announce: bool = True) -> None:
    """Serve until interrupted; prints the address once the port is listening."""
    import uvicorn

    from twitchcare.web.app import create_app, warm_up
    from twitchcare.web.i18n import translations

    app = create_app(settings)

    class AnnouncingServer(uvicorn.Server):
        """Says where to go only when a browser can already connect there."""

        async def startup(self, sockets: list[Any] | None = None) -> None:
            await super().startup(sockets)
            if self.should_exit:
                return
            if announce:
                words = translations(settings.lang).gettext(
                    "twitchcare is running at %(address)s  (press Ctrl+C to stop)"
                )
                print(words % {"address": address(settings)}, flush=True)
            # A moment later, so the first page a person opens is not slowed by it.
            timer = threading.Timer(1.0, warm_up, args=(app,))
            timer.daemon = True
            timer.start()

    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        access_log=False,
        log_level="warning",
        server_header=False,
        proxy_headers=False,
    )
    AnnouncingServer(config).run()
