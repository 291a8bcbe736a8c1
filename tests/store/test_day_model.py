"""A day's totals are derived from what was stated and what entries added, so they cannot grow.

The old diary added every entry into the day's row and copied the row (entries included) into the
next day; a daily routine of two coffees doubled, tripled... the total. These tests hold the new
model to "a day's total is its own inputs", and the migration to repairing old diaries.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from twitchcare.config import Settings, load_settings
from twitchcare.diary.days import day_total, day_totals, get_day, set_day
from twitchcare.diary.intake import IntakeEntry, add_intake
from twitchcare.store import open_store
from twitchcare.store.engine import NOTICES, make_engine, upgrade

START = dt.date(2026, 3, 1)


def _entry(day: dt.date, caffeine: float = 0.0, alcohol: float = 0.0) -> IntakeEntry:
    return IntakeEntry(day, "drink", "a drink", None, 0.0, caffeine, alcohol, None)


day_command = st.tuples(
    st.just("day"),
    st.integers(0, 5),
    st.fixed_dictionaries(
        {},
        optional={
            "caffeine_mg": st.sampled_from([0.0, 95.0, 300.0]),
            "stress_0_10": st.integers(0, 10).map(float),
        },
    ),
    st.booleans(),
)
add_command = st.tuples(
    st.just("add"),
    st.integers(0, 5),
    st.sampled_from([(140.0, 0.0), (63.0, 0.0), (0.0, 2.27), (0.0, 1.5)]),
    st.just(True),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(day_command, add_command), max_size=25))
def test_any_sequence_of_day_and_add_gives_each_day_exactly_its_own_inputs(
    commands: list[tuple[str, int, object, bool]],
) -> None:
    stated: dict[dt.date, dict[str, float]] = {}
    listed: dict[dt.date, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(load_settings(data_dir=Path(folder)))
        try:
            for kind, offset, payload, carry in commands:
                day = START + dt.timedelta(days=offset)
                if kind == "day":
                    assert isinstance(payload, dict)
                    set_day(store, day, payload, carry_over=carry)
                    if day not in stated:  # the model: only stated values carry over
                        earlier = [d for d in stated if d < day]
                        stated[day] = dict(stated[max(earlier)]) if carry and earlier else {}
                    stated[day].update(payload)
                else:
                    assert isinstance(payload, tuple)
                    caffeine, alcohol = payload
                    add_intake(store, _entry(day, caffeine, alcohol))
                    lists = listed.setdefault(day, {"caffeine_mg": [], "alcohol_units": []})
                    for name, amount in (("caffeine_mg", caffeine), ("alcohol_units", alcohol)):
                        if amount:
                            lists[name].append(amount)
            totals = {d.day: d for d in day_totals(store)}
        finally:
            store.close()
    assert set(totals) == set(stated) | set(listed)
    for day, total in totals.items():
        for name in ("caffeine_mg", "alcohol_units"):
            amounts = listed.get(day, {}).get(name) or []
            expected = day_total(stated.get(day, {}).get(name), sum(amounts) if amounts else None)
            assert getattr(total, name) == pytest.approx(expected), (day, name)
        assert total.stress_0_10 == stated.get(day, {}).get("stress_0_10")


def test_eleven_days_of_two_mugs_and_two_pints_stay_at_280_mg_and_4_5_units(
    tmp_path: Path,
) -> None:
    from typer.testing import CliRunner

    from twitchcare.cli.app import app

    runner = CliRunner()
    first = dt.date.today() - dt.timedelta(days=10)
    for i in range(11):
        day = (first + dt.timedelta(days=i)).isoformat()
        for args in (
            ["day", "--date", day, "--stress", "4", "--sleep", "7"],
            ["caffeine", "add", "2 mugs of coffee", "--date", day],
            ["alcohol", "add", "2 pints of 4% beer", "--date", day],
        ):
            result = runner.invoke(app, args)
            assert result.exit_code == 0, (args, result.output)
    store = open_store()
    try:
        totals = day_totals(store)
    finally:
        store.close()
    assert len(totals) == 11
    for day in totals:
        assert day.caffeine_mg == pytest.approx(280.0)
        assert round(day.alcohol_units or 0, 1) == 4.5
        assert (day.stress_0_10, day.sleep_hours) == (4, 7)
    week = runner.invoke(app, ["alcohol", "week"])
    assert week.exit_code == 0, week.output
    assert "31.8 UK units" in week.output
    today = runner.invoke(app, ["caffeine", "today", "--age", "40"])
    assert "280 mg caffeine of 400 mg" in today.output
    again = runner.invoke(app, ["day", "--stress", "5"])  # day 12 is still accepted
    assert again.exit_code == 0, again.output


def test_entries_do_not_carry_over_but_stated_habits_do(store_settings: Settings) -> None:
    store = open_store(store_settings)
    try:
        set_day(store, START, {"sleep_hours": 7, "caffeine_mg": 200})
        add_intake(store, _entry(START, caffeine=140.0))
        add_intake(store, _entry(START, caffeine=140.0))
        nxt = set_day(store, START + dt.timedelta(days=1), {"stress_0_10": 3})
        assert (nxt.sleep_hours, nxt.caffeine_mg, nxt.stress_0_10) == (7, 200, 3)
        first = day_totals(store)[0]
        assert first.caffeine_mg == 280  # entries above the stated 200: the entries count
    finally:
        store.close()


def _old_diary_with_a_grown_routine(settings: Settings, days: int) -> None:
    """What the previous code wrote for `day` + two mugs + two pints, day after day."""
    engine = make_engine(settings)
    upgrade(engine, "0003")
    stored_caffeine, stored_alcohol = 0.0, 0.0
    with engine.begin() as conn:
        for i in range(days):
            day = (START + dt.timedelta(days=i)).isoformat()
            stored_caffeine += 280.0  # carried from yesterday, then the new day's entries on top
            stored_alcohol += 4.54
            conn.execute(
                text(
                    "INSERT INTO days (day, caffeine_mg, alcohol_units, stress_0_10, sleep_hours,"
                    " tags) VALUES (:d, :c, :a, 4, 7, '')"
                ),
                {"d": day, "c": stored_caffeine, "a": stored_alcohol},
            )
            for caffeine, alcohol in ((140, 0), (140, 0), (0, 2.27), (0, 2.27)):
                conn.execute(
                    text(
                        "INSERT INTO intake (day, kind, description, magnesium_mg, caffeine_mg,"
                        " alcohol_units) VALUES (:d, 'drink', 'x', 0, :c, :a)"
                    ),
                    {"d": day, "c": caffeine, "a": alcohol},
                )
        conn.execute(  # a day stated by hand, with no entries: it must stay as it was
            text(
                "INSERT INTO days (day, caffeine_mg, stress_0_10, tags)"
                " VALUES ('2026-01-05', 150, 2, 'holiday')"
            )
        )
    engine.dispose()


def test_migration_recomputes_grown_days_from_their_entries_and_says_so(
    store_settings: Settings,
) -> None:
    _old_diary_with_a_grown_routine(store_settings, 11)
    NOTICES.clear()
    store = open_store(store_settings)
    try:
        totals = {d.day: d for d in day_totals(store)}
        assert totals[dt.date(2026, 1, 5)].caffeine_mg == 150
        for i in range(11):
            day = totals[START + dt.timedelta(days=i)]
            assert day.caffeine_mg == pytest.approx(280.0)
            assert day.alcohol_units == pytest.approx(4.54)
            assert (day.stress_0_10, day.sleep_hours) == (4, 7)
        stated = get_day(store, START + dt.timedelta(days=10))
        assert stated is not None and stated.caffeine_mg is None
        with store.engine.connect() as conn:
            repaired = conn.execute(
                text("SELECT old_value, new_value, total_now FROM day_repairs"
                     " WHERE factor = 'caffeine_mg' ORDER BY day")
            ).all()  # fmt: skip
        assert [tuple(r) for r in repaired][-1] == (3080.0, None, 280.0)
        assert len(repaired) == 11
    finally:
        store.close()
    assert NOTICES and "22 day value(s)" in NOTICES[0]
    NOTICES.clear()


def test_diary_repairs_lists_what_the_migration_changed() -> None:
    from typer.testing import CliRunner

    from twitchcare.cli.app import app

    _old_diary_with_a_grown_routine(load_settings(), 3)
    result = CliRunner().invoke(app, ["diary", "repairs"])
    assert result.exit_code == 0, result.output
    assert "2026-03-03 caffeine_mg: stored 840 -> stated none, total now 280" in (result.output)
    NOTICES.clear()
