"""Random sequences of valid entries, then export -> delete -> import, give back the same diary.

Run on SQLite and on PostgreSQL: whatever the diary accepted can be exported and imported again.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from twitchcare.diary.archive import export_json, import_json
from twitchcare.diary.days import set_day
from twitchcare.diary.episodes import add_episode
from twitchcare.diary.intake import IntakeEntry, add_intake
from twitchcare.diary.profile import Profile, set_profile
from twitchcare.diary.records import Episode
from twitchcare.store import DiaryStore
from twitchcare.store.models import (
    AssessmentRow,
    DayRow,
    EpisodeRow,
    ExperimentRow,
    IntakeRow,
    ProfileRow,
)

START = dt.date(2026, 6, 1)
day_offsets = st.integers(0, 20)
episode_op = st.builds(
    lambda off, minute, loc, n: ("episode", off, minute, loc, n),
    day_offsets,
    st.sampled_from([600]) | st.integers(0, 1439),  # often the same minute: identical episodes
    st.sampled_from(["calf", "eyelid", "thigh"]),
    st.integers(1, 5),
)
day_op = st.builds(
    lambda off, stress, caffeine: ("day", off, stress, caffeine),
    day_offsets,
    st.integers(0, 10),
    st.none() | st.floats(0, 3000, allow_nan=False),
)
intake_op = st.builds(
    lambda off, caffeine, alcohol: ("intake", off, caffeine, alcohol),
    day_offsets,
    st.sampled_from([63.0]) | st.floats(0, 400, allow_nan=False),  # often three espressos a day
    st.sampled_from([0.0]) | st.floats(0, 5, allow_nan=False),
)
profile_op = st.builds(lambda age: ("profile", age), st.integers(18, 90))


def _apply(store: DiaryStore, op: tuple[object, ...], i: int) -> None:
    # Identical entries are common (the same espresso three times a day, two twitches in the same
    # minute): each must come back, as many times as it was logged.
    kind, *rest = op
    if kind == "episode":
        off, minute, loc, intensity = rest
        assert isinstance(off, int) and isinstance(minute, int)
        at = dt.datetime.combine(START + dt.timedelta(days=off), dt.time()) + dt.timedelta(
            minutes=minute
        )
        add_episode(
            store,
            Episode(at.replace(tzinfo=dt.UTC), (str(loc),), intensity=int(intensity)),  # type: ignore[call-overload]
        )
    elif kind == "day":
        off, stress, caffeine = rest
        assert isinstance(off, int)
        set_day(
            store, START + dt.timedelta(days=off), {"stress_0_10": stress, "caffeine_mg": caffeine}
        )  # type: ignore[dict-item]
    elif kind == "intake":
        off, caffeine, alcohol = rest
        assert isinstance(off, int)
        entry = IntakeEntry(START + dt.timedelta(days=off), "drink", "espresso", None, 0.0,
                            float(caffeine), float(alcohol), None)  # type: ignore[arg-type]  # fmt: skip
        add_intake(store, entry)
    else:
        (age,) = rest
        set_profile(store, Profile(age=int(age), sex="female"))  # type: ignore[call-overload]


def _wipe(store: DiaryStore) -> None:
    with store.session() as session:
        for model in (EpisodeRow, DayRow, IntakeRow, ExperimentRow, AssessmentRow, ProfileRow):
            session.execute(delete(model))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(st.one_of(episode_op, day_op, intake_op, profile_op), max_size=20))
def test_export_delete_import_reproduces_the_diary(
    store: DiaryStore, ops: list[tuple[object, ...]]
) -> None:
    _wipe(store)
    for i, op in enumerate(ops):
        try:
            _apply(store, op, i)
        except Exception as exc:  # a day over its limit is refused: that is allowed
            from twitchcare.errors import InputError

            assert isinstance(exc, InputError), exc
    exported = export_json(store)
    _wipe(store)
    import_json(store, exported)
    assert export_json(store) == exported
