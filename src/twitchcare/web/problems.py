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
from twitchcare.web.i18n import N_, _

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


# Pydantic words its refusals in English; the common kinds are worded here so a German page or
# JSON body says them in German. A kind not listed keeps pydantic's own words.
VALIDATION: dict[str, str] = {
    "missing": N_("is required"),
    "int_parsing": N_("is not a whole number"),
    "int_type": N_("is not a whole number"),
    "int_from_float": N_("is not a whole number"),
    "float_parsing": N_("is not a number"),
    "float_type": N_("is not a number"),
    "finite_number": N_("is not a number"),
    "bool_parsing": N_("is not true or false"),
    "bool_type": N_("is not true or false"),
    "string_type": N_("is not text"),
    "string_too_short": N_("is too short (at least {min_length} characters)"),
    "string_too_long": N_("is too long (at most {max_length} characters)"),
    "too_short": N_("has too few items (at least {min_length})"),
    "too_long": N_("has too many items (at most {max_length})"),
    "greater_than_equal": N_("must be at least {ge}"),
    "greater_than": N_("must be more than {gt}"),
    "less_than_equal": N_("must be at most {le}"),
    "less_than": N_("must be less than {lt}"),
    "literal_error": N_("is not one of the allowed values"),
    "enum": N_("is not one of the allowed values"),
    "json_invalid": N_("is not valid JSON"),
    "dict_type": N_("is not an object"),
    "model_type": N_("is not an object"),
    "model_attributes_type": N_("is not an object"),
    "list_type": N_("is not a list"),
    "extra_forbidden": N_("is not a field here"),
    "date_parsing": N_("is not a date"),
    "date_type": N_("is not a date"),
    "date_from_datetime_parsing": N_("is not a date"),
    "datetime_parsing": N_("is not a date and time"),
    "datetime_type": N_("is not a date and time"),
    "datetime_from_date_parsing": N_("is not a date and time"),
}


def _validation_problem(error: dict[str, object]) -> str:
    """What is wrong, in the request's language where the kind is known."""
    wording = VALIDATION.get(str(error.get("type", "")))
    if wording is None:
        return str(error.get("msg", ""))
    ctx = error.get("ctx")
    try:
        return _(wording).format(**(ctx if isinstance(ctx, dict) else {}))
    except (KeyError, IndexError):
        return str(error.get("msg", ""))


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0]
    hint = ""
    ctx = first.get("ctx") or {}
    if "expected" in ctx:  # pydantic's list: "'a', 'b' or 'c'"; the values themselves are typed
        hint = _("use {values}").format(values=str(ctx["expected"]).replace(" or ", ", "))
    error = InputError(
        field=_field(tuple(first.get("loc", ()))), problem=_validation_problem(first), hint=hint
    )
    return respond(request, error, 422)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        error: TwitchcareError = NotFoundError(
            field="path", problem=_("there is no page at this address"), hint=_("see the menu")
        )
    elif exc.status_code == 405:
        error = InputError(
            field="method", problem=_("{method} is not allowed here").format(method=request.method)
        )
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
