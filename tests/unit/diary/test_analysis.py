"""Factor associations find planted effects, stay quiet without them, and say when data is thin."""

from __future__ import annotations

import datetime as dt

import numpy as np

from twitchcare.diary.analysis import association, associations, collinear_pairs
from twitchcare.diary.daily import build_table
from twitchcare.diary.records import DayFactors
from twitchcare.diary.simulate import simulate_table

SEEDS = range(50)


def test_planted_rate_ratio_of_1_5_per_100_mg_caffeine_is_found_in_most_60_day_diaries() -> None:
    found, estimates = 0, []
    for seed in SEEDS:
        result = association(
            simulate_table(1000 + seed, effects={"caffeine_mg": 1.5}), "caffeine_mg", 0
        )
        found += result.verdict == "associated" and (result.ci_low or 0) > 1
        estimates.append(result.rate_ratio)
    assert found / len(SEEDS) >= 0.8
    assert 1.35 < float(np.median(estimates)) < 1.65


def test_without_a_planted_effect_factors_are_rarely_called_associated() -> None:
    calls = [
        r.verdict == "associated"
        for seed in SEEDS
        for r in associations(simulate_table(2000 + seed))
    ]
    assert len(calls) == len(SEEDS) * 14
    assert sum(calls) / len(calls) <= 0.07


def test_rate_ratio_is_reported_per_sensible_units() -> None:
    pers = {r.factor: r.per for r in associations(simulate_table(1))}
    assert pers["caffeine_mg"] == "100 mg caffeine"
    assert pers["alcohol_units"] == "1 unit of alcohol"
    assert pers["sleep_hours"] == "1 hour of sleep"
    assert pers["exercise_min"] == "30 min exercise"
    assert pers["relaxation_min"] == "10 min relaxation"


def test_fewer_than_fourteen_logged_days_is_not_enough_data() -> None:
    table = simulate_table(3, days=13, effects={"caffeine_mg": 3.0})
    result = association(table, "caffeine_mg", 0)
    assert result.verdict == "not_enough_data"
    assert result.rate_ratio is None
    assert "needs at least 14" in result.reason


def test_a_factor_that_hardly_varies_is_not_enough_data() -> None:
    table = simulate_table(4, days=60)
    caffeine = np.full(60, 200.0)
    caffeine[:3] = 0.0
    table.factors["caffeine_mg"] = caffeine
    result = association(table, "caffeine_mg", 0)
    assert result.verdict == "not_enough_data"
    assert "differ from the usual value" in result.reason


def test_next_day_association_uses_the_previous_calendar_day() -> None:
    days = [
        DayFactors(dt.date(2026, 1, 1) + dt.timedelta(days=i), caffeine_mg=float(i))
        for i in range(5)
    ]
    table = build_table({}, days[:2] + days[3:])  # 3 January not logged
    lagged = table.lagged("caffeine_mg", 1)
    assert np.isnan(lagged[0])  # nothing before 1 January
    assert lagged[1] == 0.0  # 2 January <- 1 January
    assert np.isnan(lagged[2])  # 4 January <- 3 January, which was not logged
    assert lagged[3] == 3.0


def test_planted_next_day_effect_shows_at_lag_one() -> None:
    hits = 0
    for seed in range(20):
        table = simulate_table(7000 + seed, days=90)
        alcohol = table.factors["alcohol_units"]
        yesterday = np.concatenate([[0.0], alcohol[:-1]])
        rng = np.random.default_rng(seed)
        table.counts[:] = rng.poisson(2.0 * 1.4**yesterday)
        hits += association(table, "alcohol_units", 1).verdict == "associated"
    assert hits >= 16


def test_factors_that_move_together_are_flagged_as_collinear() -> None:
    table = simulate_table(5)
    table.factors["alcohol_units"] = table.factors["caffeine_mg"] / 95.0
    [pair] = collinear_pairs(table)
    assert pair.factors == ("caffeine_mg", "alcohol_units")
    assert pair.correlation > 0.99
    assert "cannot be told apart" in pair.message


def test_independent_factors_are_not_flagged() -> None:
    assert collinear_pairs(simulate_table(6)) == []
