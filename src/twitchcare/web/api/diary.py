"""``/api/v1/diary``: episodes, daily factors and the statistics over them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import Response

from twitchcare.web.api.models import DayBody, EpisodeBody, ExperimentBody, no_body
from twitchcare.web.context import store
from twitchcare.web.diary import (
    check_day,
    day_json,
    episode_json,
    experiment_results,
    start_experiment,
    stop_experiment,
    today,
)

router = APIRouter(prefix="/diary", tags=["diary"])
MAX_ID = 2**31 - 1  # ids are 32-bit integers in every supported database


@router.get("/episodes", summary="Episodes, newest first")
def episodes(
    request: Request,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = Query(100, ge=1, le=1000),
) -> list[dict[str, Any]]:
    from twitchcare.diary.episodes import list_episodes

    found = list_episodes(store(request), since=since, until=until, limit=limit, newest_first=True)
    return [episode_json(e) for e in found]


@router.post("/episodes", status_code=201, summary="Log an episode")
def add_episode(request: Request, body: EpisodeBody) -> dict[str, Any]:
    from twitchcare.web.diary import log_episode

    episode = log_episode(
        store(request),
        locations=body.locations,
        started_at=body.started_at,
        side=body.side,
        duration_s=body.duration_s,
        intensity=body.intensity,
        contexts=body.contexts,
        note=body.note,
    )
    return episode_json(episode)


@router.delete(
    "/episodes/{episode_id}",
    status_code=204,
    summary="Delete an episode",
    dependencies=[Depends(no_body)],
)
def delete_episode(request: Request, episode_id: int = Path(ge=1, le=MAX_ID)) -> Response:
    from twitchcare.diary.episodes import delete_episode as remove

    remove(store(request), episode_id)
    return Response(status_code=204)


@router.get("/days", summary="Daily factors")
def days(
    request: Request, since: dt.date | None = None, until: dt.date | None = None
) -> list[dict[str, Any]]:
    from twitchcare.diary.days import list_days

    return [day_json(d) for d in list_days(store(request), since=since, until=until)]


@router.put("/days/{day}", summary="Record a day's factors")
def put_day(request: Request, day: dt.date, body: DayBody) -> dict[str, Any]:
    from twitchcare.diary.days import set_day

    check_day(store(request), day)
    values = body.model_dump(exclude={"tags"}, exclude_none=True)
    tags = tuple(body.tags) if body.tags is not None else None
    return day_json(set_day(store(request), day, values, tags=tags, carry_over=False))


@router.get("/stats", summary="Course, persistence, factor findings and experiments")
def stats(request: Request) -> dict[str, Any]:
    from twitchcare.diary.stats import compute_stats

    return compute_stats(store(request), today()).as_dict()


@router.get("/experiments", summary="Personal experiments with their results so far")
def experiments(request: Request) -> list[dict[str, Any]]:
    return [r.as_dict() for r in experiment_results(store(request))]


@router.post("/experiments", status_code=201, summary="Start a personal experiment")
def add_experiment(request: Request, body: ExperimentBody) -> dict[str, Any]:
    started = start_experiment(
        store(request),
        name=body.name,
        days=body.days,
        start=body.start,
        factor=body.factor,
        comparison=body.comparison,
        target=body.target,
    )
    return next(
        r.as_dict() for r in experiment_results(store(request)) if r.experiment.id == started.id
    )


@router.post(
    "/experiments/{experiment_id}/stop",
    summary="End an experiment today",
    dependencies=[Depends(no_body)],
)
def stop(request: Request, experiment_id: int = Path(ge=1, le=MAX_ID)) -> dict[str, Any]:
    return stop_experiment(store(request), experiment_id).as_dict()
