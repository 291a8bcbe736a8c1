"""Read what the doctor's report needs from the diary, in a handful of aggregate queries.

Aggregates are computed in the database (counts per day and per place) so a ten-year diary costs
about as much as a month's: the report must be ready in two seconds either way.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from twitchcare.catalogue import gettext as _
from twitchcare.errors import InputError
from twitchcare.reports.content import DEFAULT_DAYS, ReportInputs

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore


def period(today: dt.date, start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """The report's period: ``DEFAULT_DAYS`` up to ``end`` (default today) unless given; the
    diary's date rules apply to both ends (nothing before any life, nothing in the future)."""
    from twitchcare.diary.records import check_date

    for value, name in ((start, "from"), (end, "to")):
        if value is not None:
            check_date(value, name)
    end = end or today
    start = start or end - dt.timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise InputError(
            field="from",
            problem=_("{start} is after {end}").format(start=start, end=end),
            hint=_("give --from before --to"),
        )
    if (end - start).days > 366 * 30:
        raise InputError(field="from", problem=_("the period is longer than 30 years"))
    return start, end


def read_inputs(
    store: DiaryStore, today: dt.date, start: dt.date | None = None, end: dt.date | None = None
) -> ReportInputs:
    """Everything :func:`~twitchcare.reports.content.assemble` needs, for ``[start, end]``."""
    import numpy as np
    from sqlalchemy import func, select

    from twitchcare.diary.analysis import associations
    from twitchcare.diary.assessments import list_assessments
    from twitchcare.diary.daily import build_table
    from twitchcare.diary.episodes import counts_by_day, waking_counts_by_day
    from twitchcare.diary.persistence import detect
    from twitchcare.diary.profile import get_profile
    from twitchcare.diary.records import FACTORS, DayFactors
    from twitchcare.store.models import DayRow, EpisodeRow

    start, end = period(today, start, end)
    in_period = EpisodeRow.day.between(start, end)
    columns = [getattr(DayRow, name) for name in FACTORS]
    with store.session() as session:
        first = session.execute(select(func.min(EpisodeRow.day))).scalar()
        totals_rows = session.execute(
            select(EpisodeRow.locations, func.count())
            .where(in_period)
            .group_by(EpisodeRow.locations)
        ).all()
        day_rows = session.execute(
            select(DayRow.day, *columns).where(DayRow.day.between(start, end)).order_by(DayRow.day)
        ).all()
    all_counts = counts_by_day(store)
    counts = {d: n for d, n in all_counts.items() if start <= d <= end}
    days = [DayFactors(row[0], *row[1:]) for row in day_rows]
    totals: dict[str, int] = {}
    for joined, n in totals_rows:
        for loc in str(joined).split(";"):
            totals[loc] = totals.get(loc, 0) + int(n)
    table = build_table(counts, days)
    means: dict[str, tuple[float, int]] = {}
    for name in FACTORS:
        values = table.factors[name]
        known = values[~np.isnan(values)]
        means[name] = (float(known.mean()), len(known)) if len(known) else (0.0, 0)
    saved = [a for a in list_assessments(store) if a.at.date() <= end]
    return ReportInputs(
        today=today,
        start=start,
        end=end,
        profile=get_profile(store),
        first_episode_ever=first if first is None or first <= end else None,
        counts_by_day=counts,
        logged_days=set(table.days),
        location_totals=totals,
        factor_means=means,
        factor_results=associations(table),
        persistence=detect({d: n for d, n in waking_counts_by_day(store).items() if d <= end}, end),
        assessment=saved[-1] if saved else None,
    )
