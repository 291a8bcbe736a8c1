"""The one error handler: the error catalogue rendered as JSON (API) or as a page (browser).

Every :class:`twitchcare.errors.TwitchcareError`, every request FastAPI could not validate and
every unknown address ends here, with one JSON shape (``error``, ``field``, ``message``,
``hint``, ``where``) and nothing saved. Values sent are never echoed into logs.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from twitchcare.errors import InputError, NotFoundError, TwitchcareError
from twitchcare.web.i18n import _

STATUS = {"invalid_input": 400, "not_found": 404, "forbidden": 403, "invalid_setting": 500}
log = logging.getLogger("twitchcare.web")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "text/html" not in request.headers.get(
        "accept", ""
    )


def respond(request: Request, exc: TwitchcareError, status: int) -> Response:
    if _wants_json(request):
        return JSONResponse(exc.as_dict(), status_code=status)
    from twitchcare.web.templating import render

    return render(request, "error.html", {"problem": exc, "status": status}, status=status)


def _field(loc: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "form")]
    return ".".join(parts) or "body"


async def on_domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, TwitchcareError)
    return respond(request, exc, STATUS.get(exc.code, 400))


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0]
    hint = ""
    ctx = first.get("ctx") or {}
    if "expected" in ctx:
        hint = f"use {ctx['expected']}"
    error = InputError(field=_field(tuple(first.get("loc", ()))), problem=first["msg"], hint=hint)
    return respond(request, error, 422)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        error: TwitchcareError = NotFoundError(
            field="path", problem=_("there is no page at this address"), hint=_("see the menu")
        )
    elif exc.status_code == 405:
        error = InputError(field="method", problem=f"{request.method} is not allowed here")
    else:
        error = InputError(field="request", problem=str(exc.detail))
    return respond(request, error, exc.status_code)


async def on_bug(request: Request, exc: Exception) -> Response:
    """A bug, not the person's input: logged by type only, answered without details."""
    log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
    error = InputError(field="server", problem=_("something went wrong on our side"))
    error.code = "internal_error"
    return respond(request, error, 500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(TwitchcareError, on_domain_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(Exception, on_bug)
