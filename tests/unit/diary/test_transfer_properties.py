"""Any valid episode or day survives CSV export and import unchanged."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from twitchcare.diary.records import CONTEXTS, FACTOR_RANGES, LOCATIONS, SIDES, DayFactors, Episode
from twitchcare.diary.transfer import days_csv, episodes_csv, parse_days_csv, parse_episodes_csv

offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda m: dt.timezone(dt.timedelta(minutes=m))
)
episodes = st.builds(
    Episode,
    started_at=st.builds(
        lambda naive, tz: naive.replace(tzinfo=tz),
        st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2026, 1, 1)),
        offsets,
    ),
    locations=st.lists(st.sampled_from(LOCATIONS), min_size=1, unique=True).map(
        lambda xs: tuple(sorted(xs, key=LOCATIONS.index))
    ),
    side=st.none() | st.sampled_from(SIDES),
    duration_s=st.none() | st.floats(min_value=1, max_value=86_400, allow_nan=False),
    intensity=st.none() | st.integers(min_value=1, max_value=5),
    contexts=st.lists(st.sampled_from(CONTEXTS), unique=True).map(
        lambda xs: tuple(sorted(xs, key=CONTEXTS.index))
    ),
    note=st.text(max_size=60),
)


def _factor(name: str) -> st.SearchStrategy[float | None]:
    low, high, _unit = FACTOR_RANGES[name]
    return st.none() | st.floats(min_value=low, max_value=high, allow_nan=False)


days = st.builds(
    DayFactors,
    day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2026, 1, 1)),
    **{name: _factor(name) for name in FACTOR_RANGES},
)


@settings(max_examples=150, deadline=None)
@given(st.lists(episodes, max_size=5))
def test_episodes_survive_a_csv_round_trip(items: list[Episode]) -> None:
    back = parse_episodes_csv(episodes_csv(items))
    assert back == items
    assert [e.started_at.utcoffset() for e in back] == [e.started_at.utcoffset() for e in items]


@settings(max_examples=150, deadline=None)
@given(st.lists(days, max_size=5, unique_by=lambda d: d.day))
def test_days_survive_a_csv_round_trip(items: list[DayFactors]) -> None:
    assert parse_days_csv(days_csv(items)) == items
