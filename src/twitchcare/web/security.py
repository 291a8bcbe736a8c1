"""Protections that matter even on a local, single-person server.

- Host allow-list: a page elsewhere cannot reach this server by DNS rebinding, because its
  requests carry that page's host name.
- Content-Security-Policy: only our own scripts and styles run; no inline script or style.
- CSRF: every form carries a token equal to an HttpOnly, SameSite=Strict cookie; the JSON API
  accepts only ``application/json`` bodies, which a cross-site form cannot send.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import Request
from starlette.responses import JSONResponse, Response

from twitchcare.errors import ForbiddenError
from twitchcare.web.i18n import _

CSRF_COOKIE = "tc_csrf"
CSRF_FIELD = "csrf_token"
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


def allowed_hosts(bind_host: str) -> list[str]:
    """Host names the server answers to: loopback names, plus the bound address."""
    hosts = list(LOCAL_HOSTS)
    if bind_host not in hosts and bind_host not in ("0.0.0.0", "::"):
        hosts.append(bind_host)
    return hosts


def secret_key(data_dir: Path) -> bytes:
    """The signing key for forms and interview state, kept (0600) in the data directory.

    Kept rather than made per process so an interview survives a restart of the server.
    """
    path = data_dir / "web-secret.key"
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except FileNotFoundError:
        pass
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    path.touch(mode=0o600)
    path.write_bytes(key)
    return key


def host_allowed(request: Request, allowed: list[str]) -> bool:
    """True when the Host header names this server (a rebinding page's host would not)."""
    host = request.headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name in allowed


async def security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Refuse foreign Host headers; add the CSP and friends; give a form its CSRF cookie."""
    if not host_allowed(request, request.app.state.allowed_hosts):
        error = ForbiddenError(
            field="Host",
            problem=_("this server only answers to its local address"),
            hint=_("open it as {addresses}").format(
                addresses=", ".join(request.app.state.allowed_hosts[:2])
            ),
        )
        return JSONResponse(error.as_dict(), status_code=400, headers=HEADERS)
    token = request.cookies.get(CSRF_COOKIE)
    if not token:
        token = secrets.token_urlsafe(32)
    request.state.csrf_token = token
    response = await call_next(request)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if CSRF_COOKIE not in request.cookies:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


async def check_csrf(request: Request) -> None:
    """Dependency for every form POST: the form's token must equal the cookie's."""
    form = await request.form()
    sent = form.get(CSRF_FIELD)
    cookie = request.cookies.get(CSRF_COOKIE)
    if not isinstance(sent, str) or not cookie or not hmac.compare_digest(sent, cookie):
        raise ForbiddenError(
            field=CSRF_FIELD,
            problem=_("this form has expired or did not come from twitchcare"),
            hint=_("go back, reload the page and send it again"),
        )
