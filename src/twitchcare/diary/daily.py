"""The diary as one row per logged day: the shape every analysis and chart starts from.

A day is *logged* when it has factors or at least one episode. A day with factors and no episode
counts as zero twitches; a day with nothing at all is unknown and left out, because "I did not
write anything" is not the same as "nothing happened".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from twitchcare.diary.records import FACTORS, DayFactors

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from twitchcare.store import DiaryStore


@dataclass(frozen=True)
class DailyTable:
    """Logged days in order, their episode counts and factor values (NaN = unknown)."""

    days: list[dt.date]
    counts: npt.NDArray[np.float64]
    factors: dict[str, npt.NDArray[np.float64]]

    def __len__(self) -> int:
        return len(self.days)

    @property
    def ordinals(self) -> npt.NDArray[np.int64]:
        import numpy as np

        return np.array([d.toordinal() for d in self.days], dtype=np.int64)

    def weekday(self) -> npt.NDArray[np.int64]:
        import numpy as np

        return np.array([d.weekday() for d in self.days], dtype=np.int64)

    def lagged(self, factor: str, lag: int) -> npt.NDArray[np.float64]:
        """The factor's value ``lag`` calendar days before each logged day (NaN if not logged)."""
        import numpy as np

        values = self.factors[factor]
        if lag == 0:
            return values
        ords = self.ordinals
        idx = np.searchsorted(ords, ords - lag)
        idx_clipped = np.minimum(idx, len(ords) - 1)
        found = (idx < len(ords)) & (ords[idx_clipped] == ords - lag)
        return np.where(found, values[idx_clipped], np.nan)

    def between(self, start: dt.date, end: dt.date) -> DailyTable:
        """The logged days in ``[start, end]``."""

        ords = self.ordinals
        mask = (ords >= start.toordinal()) & (ords <= end.toordinal())
        return DailyTable(
            days=[d for d, keep in zip(self.days, mask, strict=True) if keep],
            counts=self.counts[mask],
            factors={k: v[mask] for k, v in self.factors.items()},
        )


def build_table(counts: dict[dt.date, int], days: list[DayFactors]) -> DailyTable:
    """Combine episode counts per day and daily factors into one table."""
    import numpy as np

    by_day = {d.day: d for d in days}
    all_days = sorted(set(counts) | set(by_day))
    factor_values = {
        name: np.array(
            [
                np.nan
                if (d := by_day.get(day)) is None or (v := getattr(d, name)) is None
                else float(v)
                for day in all_days
            ],
            dtype=np.float64,
        )
        for name in FACTORS
    }
    return DailyTable(
        days=all_days,
        counts=np.array([counts.get(day, 0) for day in all_days], dtype=np.float64),
        factors=factor_values,
    )


def load_table(store: DiaryStore) -> DailyTable:
    """Read the whole diary as a daily table of day totals, aggregating episodes in the database.

    Factors are read as plain rows rather than ORM objects: ten years of days is 3,650 rows and
    building objects for them would cost more than the whole analysis.
    """
    from sqlalchemy import select

    from twitchcare.diary.days import combine_days, intake_sums
    from twitchcare.diary.episodes import counts_by_day
    from twitchcare.store.models import DayRow

    columns = [getattr(DayRow, name) for name in FACTORS]
    with store.session() as session:
        rows = session.execute(select(DayRow.day, *columns).order_by(DayRow.day)).all()
        sums = intake_sums(session)
    days = combine_days([DayFactors(row[0], *row[1:]) for row in rows], sums)
    return build_table(counts_by_day(store), days)
