"""Diary pages: log an episode in two taps, log today's factors, see patterns and experiments."""

from __future__ import annotations

import math
from typing import Any

from fastapi import APIRouter, Depends, Path, Request
from starlette.responses import RedirectResponse, Response

from twitchcare.errors import InputError
from twitchcare.web.context import store
from twitchcare.web.diary import last_place, log_episode, today
from twitchcare.web.i18n import _
from twitchcare.web.security import check_csrf
from twitchcare.web.templating import render
from twitchcare.web.wording import factor_name

router = APIRouter(prefix="/diary", tags=["pages"], include_in_schema=False)


def _number(form: Any, name: str) -> float | None:
    raw = str(form.get(name, "")).strip().replace(",", ".")
    if not raw:
        return None
    try:
        value = float(raw[:40])
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or len(raw) > 40:
        raise InputError(field=name, problem=_("is not a number"), hint=_("or leave it empty"))
    return value


def _page(request: Request, problem: InputError | None = None, status: int = 200) -> Response:
    from twitchcare.diary.analysis import rule_text
    from twitchcare.diary.charts import pick_factor
    from twitchcare.diary.daily import build_table
    from twitchcare.diary.days import get_day
    from twitchcare.diary.episodes import list_episodes
    from twitchcare.diary.readout import read_store
    from twitchcare.diary.records import FACTOR_LABELS, FACTOR_RANGES
    from twitchcare.diary.stats import stats_from
    from twitchcare.locations import LOCATIONS, SIDES
    from twitchcare.web.charts import episodes_per_day, factor_points
    from twitchcare.web.wording import finding

    day = today()
    readout = read_store(store(request), day)
    stats = stats_from(readout, day)
    table = build_table(readout.counts_by_day, readout.days)
    per_day, rows = episodes_per_day(table, day)
    factor = pick_factor(table, stats.factors) if len(table) else None
    scatter, scatter_n = factor_points(table, factor) if factor else (None, 0)
    places = stats.course.locations
    most = max(places.values()) if places else 1
    return render(
        request,
        "diary.html",
        {
            "title": _("Diary"),
            "stats": stats,
            "per_day": per_day,
            "rows": rows,
            "factor": factor,
            "factor_label": factor_name(factor) if factor else "",
            "scatter": scatter,
            "scatter_n": scatter_n,
            "places": [(loc, n, 100 * n / most) for loc, n in places.items()],
            "findings": [finding(f) for f in stats.factors if f.rate_ratio is not None],
            "waiting": list(
                dict.fromkeys(factor_name(f.factor) for f in stats.factors if f.rate_ratio is None)
            ),
            "rule": rule_text(),
            "last": last_place(store(request)),
            "locations": LOCATIONS,
            "sides": SIDES,
            "today": get_day(store(request), day),
            "today_date": day,
            "factor_ranges": FACTOR_RANGES,
            "factor_labels": {key: factor_name(key) for key in FACTOR_LABELS},
            "recent": list_episodes(store(request), limit=10, newest_first=True),
            "problem": problem,
            "done": request.query_params.get("done"),
        },
        status=status,
    )


@router.get("")
def diary(request: Request) -> Response:
    return _page(request)


@router.post("/episodes", dependencies=[Depends(check_csrf)])
async def add_episode(request: Request) -> Response:
    form = await request.form()
    locations = [v for v in form.getlist("location") if isinstance(v, str) and v]
    contexts = [v for v in form.getlist("context") if isinstance(v, str) and v]
    try:
        intensity = _number(form, "intensity")
        if intensity is not None and not intensity.is_integer():
            raise InputError(field="intensity", problem=_("choose 1 to 5"))
        log_episode(
            store(request),
            locations=locations,
            side=str(form.get("side") or "") or None,
            intensity=int(intensity) if intensity is not None else None,
            contexts=contexts,
        )
    except InputError as exc:
        return _page(request, exc, status=400)
    return RedirectResponse("/diary?done=episode", status_code=303)


@router.post("/episodes/{episode_id}/delete", dependencies=[Depends(check_csrf)])
def delete_episode(request: Request, episode_id: int = Path(ge=1, le=2**31 - 1)) -> Response:
    from twitchcare.diary.episodes import delete_episode as remove

    remove(store(request), episode_id)
    return RedirectResponse("/diary?done=deleted", status_code=303)


@router.post("/day", dependencies=[Depends(check_csrf)])
async def log_day(request: Request) -> Response:
    from twitchcare.diary.days import set_day
    from twitchcare.diary.records import FACTORS

    form = await request.form()
    try:
        values = {name: _number(form, name) for name in FACTORS}
        if all(v is None for v in values.values()):
            raise InputError(
                field=FACTORS[0],
                problem=_("every box is empty"),
                hint=_("fill in at least one; empty is not zero"),
            )
        set_day(store(request), today(), values, carry_over=False)
    except InputError as exc:
        return _page(request, exc, status=400)
    return RedirectResponse("/diary?done=day", status_code=303)


@router.post("/experiments", dependencies=[Depends(check_csrf)])
async def start_experiment(request: Request) -> Response:
    from twitchcare.diary.experiments import DEFAULT_DAYS
    from twitchcare.web.diary import start_experiment as start

    form = await request.form()
    try:
        raw_days = str(form.get("days", "")).strip() or str(DEFAULT_DAYS)  # empty: the default
        if not raw_days.isdigit():
            raise InputError(field="days", problem=_("give a whole number of days"), hint="1-366")
        start(store(request), name=str(form.get("name", ""))[:1000], days=int(raw_days[:4]))
    except InputError as exc:
        return _page(request, exc, status=400)
    return RedirectResponse("/diary?done=experiment#experiments", status_code=303)


@router.post("/experiments/{experiment_id}/stop", dependencies=[Depends(check_csrf)])
def stop_experiment(request: Request, experiment_id: int = Path(ge=1, le=2**31 - 1)) -> Response:
    from twitchcare.web.diary import stop_experiment as stop

    stop(store(request), experiment_id)
    return RedirectResponse("/diary?done=stopped#experiments", status_code=303)
