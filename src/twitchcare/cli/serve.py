"""``twitchcare serve``: the web app on this computer (127.0.0.1, port from TWITCHCARE_PORT)."""

from __future__ import annotations

import typer

from twitchcare.cli.i18n import _


def serve(
    port: int | None = typer.Option(
        None, "--port", "-p", help="Port to listen on (default: TWITCHCARE_PORT or 8765)."
    ),
) -> None:
    """Start the web app on this computer and print its address."""
    from twitchcare.config import load_settings
    from twitchcare.errors import InputError

    overrides: dict[str, object] = {}
    if port is not None:
        if not 1 <= port <= 65535:
            raise InputError(
                field="port", problem=_("{port} is not a port").format(port=port), hint="1-65535"
            )
        overrides["port"] = port
    settings = load_settings(**overrides)
    from twitchcare.extras import require

    require("web")
    from twitchcare.web.server import serve as run

    run(settings)


def register(app: typer.Typer) -> None:
    """Attach ``serve`` to the root app."""
    app.command("serve")(serve)
