"""Run the web app with uvicorn on the loopback address, logging nothing about requests.

Uvicorn's access log would write every path and query string; answers and diary entries must
never reach a log, so it is switched off and only start-up and errors are logged.
"""

from __future__ import annotations

from twitchcare.config import Settings


def address(settings: Settings) -> str:
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return f"http://{host}:{settings.port}/"


def serve(settings: Settings, *, announce: bool = True) -> None:
    """Serve until interrupted; prints the address first so a person knows where to go."""
    import uvicorn

    from twitchcare.web import create_app

    app = create_app(settings)
    if announce:
        print(f"twitchcare is running at {address(settings)}  (press Ctrl+C to stop)", flush=True)
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        access_log=False,
        log_level="warning",
        server_header=False,
        proxy_headers=False,
    )
