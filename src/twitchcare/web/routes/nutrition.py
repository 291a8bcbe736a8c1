"""The magnesium, caffeine and alcohol page: today against targets, food search, the plan."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from starlette.responses import RedirectResponse, Response

from twitchcare.errors import InputError
from twitchcare.preferences import get_units
from twitchcare.web import intake
from twitchcare.web.context import settings, store
from twitchcare.web.diary import today
from twitchcare.web.i18n import _
from twitchcare.web.security import check_csrf
from twitchcare.web.templating import render
from twitchcare.web.units import unit_system

router = APIRouter(prefix="/intake", tags=["pages"], include_in_schema=False)


def _page(
    request: Request, problem: InputError | None = None, status: int = 200, query: str = ""
) -> Response:
    query = (query or request.query_params.get("q", "")).strip()[:200]
    hits = []
    if query:
        from twitchcare.nutrition.search import load_index
        from twitchcare.nutrition.words import foods_in_english

        hits = [h.food for h in load_index().search(foods_in_english(query), limit=8)]
    cache = settings(request).data_dir / "cache"
    chosen = unit_system(get_units(settings(request).data_dir))
    return render(
        request,
        "intake.html",
        {
            "title": _("Magnesium, caffeine, alcohol"),
            "info": intake.summary(store(request), today(), chosen.alcohol),
            "plan": intake.plan(store(request), cache, today()),
            "query": query,
            "hits": hits,
            "problem": problem,
            "added": request.query_params.get("added"),
        },
        status=status,
    )


@router.get("")
def page(request: Request) -> Response:
    return _page(request)


@router.post("/add", dependencies=[Depends(check_csrf)])
async def add(request: Request) -> Response:
    form = await request.form()
    try:
        if form.get("food_id"):
            try:
                portion = int(str(form.get("portion", "0")))
                count = float(str(form.get("count", "1")).replace(",", "."))
            except ValueError:
                raise InputError(field="count", problem=_("is not a number")) from None
            added = intake.add_portion(
                store(request), str(form["food_id"]), portion, count, today()
            )
        else:
            cache = settings(request).data_dir / "cache"
            kind = str(form.get("kind", "food"))
            added = intake.add(store(request), cache, kind, str(form.get("text", "")), today())
    except InputError as exc:  # the search results stay, so the count can be corrected
        return _page(request, exc, status=400, query=str(form.get("q", "")))
    query = str(form.get("q", "")).strip()[:200]
    target = f"/intake?{urlencode({'added': added.id, 'q': query})}" if query else "/intake"
    if not query:
        target += f"?added={added.id}"
    return RedirectResponse(target + ("#search" if query else ""), status_code=303)
