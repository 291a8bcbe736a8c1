"""Everything ``diary stats`` shows, computed once and rendered by each adapter.

The course (how much, lately, where), persistence for triage, factor associations with their
uncertainty, collinearity warnings and experiment results. Adapters never recompute any of it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from twitchcare.diary.analysis import (
    RULE,
    Collinearity,
    FactorAnalysis,
    FactorResult,
    analyse,
    collinear_pairs,
)
from twitchcare.diary.experiments import ExperimentResult, evaluate
from twitchcare.diary.persistence import Persistence, detect

if TYPE_CHECKING:
    from twitchcare.diary.daily import DailyTable
    from twitchcare.diary.readout import Readout
    from twitchcare.store import DiaryStore

TREND_DAYS = 7


@dataclass(frozen=True)
class Course:
    first_episode: dt.date | None
    last_episode: dt.date | None
    days_since_first: int | None
    days_since_last: int | None
    per_day_last_7: float | None
    per_day_previous_7: float | None
    trend: str  # "rising", "falling", "steady", "not_enough_data"
    locations: dict[str, int]
    locations_by_month: dict[str, dict[str, int]]  # the last 12 months, "YYYY-MM" -> counts

    def as_dict(self) -> dict[str, object]:
        def iso(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {
            "first_episode": iso(self.first_episode),
            "last_episode": iso(self.last_episode),
            "days_since_first": self.days_since_first,
            "days_since_last": self.days_since_last,
            "per_day_last_7": r(self.per_day_last_7),
            "per_day_previous_7": r(self.per_day_previous_7),
            "trend": self.trend,
            "locations": dict(self.locations),
            "locations_by_month": {k: dict(v) for k, v in self.locations_by_month.items()},
        }


@dataclass(frozen=True)
class DiaryStats:
    today: dt.date
    days_logged: int
    episodes: int
    course: Course
    persistence: Persistence
    analysis: FactorAnalysis
    collinearity: list[Collinearity]
    experiments: list[ExperimentResult]

    @property
    def factors(self) -> list[FactorResult]:
        """The joint model's verdicts, every factor and lag (the primary table)."""
        return self.analysis.results

    def as_dict(self) -> dict[str, object]:
        return {
            "today": self.today.isoformat(),
            "days_logged": self.days_logged,
            "episodes": self.episodes,
            "course": self.course.as_dict(),
            "persistence": self.persistence.as_dict(),
            "factors": [f.as_dict() for f in self.factors],
            "factors_one_at_a_time": [f.as_dict() for f in self.analysis.one_factor],
            "factor_rule": RULE,
            "factor_method": self.analysis.as_dict(),
            "collinearity": [c.as_dict() for c in self.collinearity],
            "experiments": [e.as_dict() for e in self.experiments],
        }


def course(
    table: DailyTable,
    locations: dict[str, int],
    by_day: dict[tuple[dt.date, str], int],
    today: dt.date,
) -> Course:
    """How much twitching, lately compared with the week before, and where."""
    twitch_days = [d for d, n in zip(table.days, table.counts, strict=True) if n > 0]
    first = twitch_days[0] if twitch_days else None
    last = twitch_days[-1] if twitch_days else None
    recent = table.between(today - dt.timedelta(days=TREND_DAYS - 1), today)
    previous = table.between(
        today - dt.timedelta(days=2 * TREND_DAYS - 1), today - dt.timedelta(days=TREND_DAYS)
    )
    rate_recent = float(recent.counts.mean()) if len(recent) else None
    rate_previous = float(previous.counts.mean()) if len(previous) else None
    trend = "not_enough_data"
    if len(recent) >= 4 and len(previous) >= 4 and rate_recent is not None and rate_previous:
        ratio = rate_recent / rate_previous
        trend = "rising" if ratio >= 1.25 else "falling" if ratio <= 0.8 else "steady"
    elif len(recent) >= 4 and len(previous) >= 4 and rate_recent is not None:
        trend = "rising" if rate_recent > 0 else "steady"
    return Course(
        first_episode=first,
        last_episode=last,
        days_since_first=(today - first).days if first else None,
        days_since_last=(today - last).days if last else None,
        per_day_last_7=rate_recent,
        per_day_previous_7=rate_previous,
        trend=trend,
        locations=dict(sorted(locations.items(), key=lambda kv: -kv[1])),
        locations_by_month=by_month(by_day),
    )


def by_month(by_day: dict[tuple[dt.date, str], int]) -> dict[str, dict[str, int]]:
    """Episodes per location per calendar month, months in order, busiest location first."""
    months: dict[str, dict[str, int]] = {}
    for (day, loc), n in by_day.items():
        month = months.setdefault(f"{day:%Y-%m}", {})
        month[loc] = month.get(loc, 0) + n
    return {k: dict(sorted(v.items(), key=lambda kv: -kv[1])) for k, v in sorted(months.items())}


def compute_stats(store: DiaryStore, today: dt.date) -> DiaryStats:
    """Read the diary once through the store and compute every figure ``diary stats`` shows."""
    from twitchcare.diary.readout import read_store

    return stats_from(read_store(store, today), today)


def stats_from(readout: Readout, today: dt.date) -> DiaryStats:
    """Every figure ``diary stats`` shows, from what was read (pure)."""
    from twitchcare.diary.daily import build_table

    table = build_table(readout.counts_by_day, readout.days)
    return DiaryStats(
        today=today,
        days_logged=len(table),
        episodes=int(table.counts.sum()),
        course=course(table, readout.location_totals, readout.location_counts_by_day, today),
        persistence=detect(readout.waking_counts_by_day, today),
        analysis=analyse(table),
        collinearity=collinear_pairs(table),
        experiments=[evaluate(e, table, today) for e in readout.experiments],
    )
