"""The language switch in the page header: remembers the choice in a cookie and goes back."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from starlette.responses import RedirectResponse, Response

from twitchcare.catalogue import LANGUAGES
from twitchcare.errors import InputError
from twitchcare.web.i18n import LANGUAGE_COOKIE, _
from twitchcare.web.security import check_csrf

router = APIRouter(tags=["pages"], include_in_schema=False)
ONE_YEAR = 365 * 24 * 3600


def _local_path(target: str) -> str:
    """Only a path on this site: an address elsewhere would make the switch an open redirect."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.post("/language", dependencies=[Depends(check_csrf)])
async def switch(request: Request) -> Response:
    form = await request.form()
    lang = str(form.get("lang", ""))
    if lang not in LANGUAGES:
        raise InputError(
            field="lang",
            problem=_("unknown language '{lang}'").format(lang=lang[:40]),
            hint=_("use {values}").format(values=", ".join(LANGUAGES)),
        )
    response = RedirectResponse(_local_path(str(form.get("next", "/"))), status_code=303)
    response.set_cookie(LANGUAGE_COOKIE, lang, max_age=ONE_YEAR, samesite="strict", path="/")
    return response
