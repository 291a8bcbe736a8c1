"""Factor associations find planted effects, stay quiet without them, and say when data is thin."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from statsmodels.stats.multitest import multipletests

from twitchcare.diary.analysis import analyse, association, associations, collinear_pairs, holm
from twitchcare.diary.daily import DailyTable, build_table
from twitchcare.diary.records import DayFactors
from twitchcare.diary.simulate import simulate_table

NULL_SEEDS = range(5000, 5200)
PLANTED_SEEDS = range(6000, 6200)


def _any_associated(table: DailyTable) -> bool:
    return any(r.verdict == "associated" for r in analyse(table).results)


def test_at_most_one_in_ten_null_90_day_diaries_shows_any_associated_factor() -> None:
    shown = [_any_associated(simulate_table(s, days=90, weekly=True)) for s in NULL_SEEDS]
    assert sum(shown) / len(shown) <= 0.10


def test_caffeine_planted_at_1_5_per_100_mg_is_found_in_most_90_day_diaries() -> None:
    found, estimates = 0, []
    for seed in PLANTED_SEEDS:
        table = simulate_table(seed, days=90, weekly=True, effects={"caffeine_mg": 1.5})
        result = association(table, "caffeine_mg", 0)
        found += result.verdict == "associated" and (result.ci_low or 0) > 1
        estimates.append(result.rate_ratio)
    assert found / len(PLANTED_SEEDS) >= 0.8
    assert 1.35 < float(np.median(estimates)) < 1.65


def test_every_factor_and_lag_is_in_holms_family() -> None:
    analysis = analyse(simulate_table(1, days=90, weekly=True))
    assert analysis.tests == 14
    tested = [r for r in analysis.results if r.p_adjusted is not None]
    assert len(tested) == 14
    assert all(r.p_adjusted >= r.p_value for r in tested if r.p_value is not None)
    assert "Holm" in analysis.method


def test_holm_adjustment_equals_the_statsmodels_reference() -> None:
    p = [0.01, 0.04, 0.03, 0.005, 0.5, 0.2, 0.0001]
    reference = multipletests(p, method="holm")[1]
    np.testing.assert_allclose(holm(p), reference, rtol=1e-12)


def test_a_factor_that_only_rides_along_with_stress_is_not_called_associated() -> None:
    """Caffeine drunk on stressful days looks guilty alone, but not once stress is in the model."""
    joint_calls, alone_ratios = 0, []
    for seed in range(40):
        table = simulate_table(8000 + seed, days=90, weekly=True, effects={"stress_0_10": 1.3**100})
        stress = table.factors["stress_0_10"]
        rng = np.random.default_rng(seed)
        table.factors["caffeine_mg"] = np.round(40.0 * stress + rng.normal(0, 60, 90)).clip(0)
        analysis = analyse(table)
        joint_calls += analysis.results[0].verdict == "associated"  # caffeine, same day
        alone = next(r for r in analysis.one_factor if r.factor == "caffeine_mg" and not r.lag_days)
        alone_ratios.append(alone.rate_ratio)
    assert joint_calls <= 4
    assert float(np.median(alone_ratios)) > 1.3  # the one-factor view would have blamed coffee


def test_a_slow_trend_shared_by_twitching_and_a_habit_is_not_an_effect() -> None:
    """Twitching triples over three months while coffee creeps up by 300 mg: nothing planted."""
    diaries_with_findings, combined = 0, []
    for seed in range(40):
        table = simulate_table(
            9000 + seed, days=90, weekly=True, trend=3.0, drift={"caffeine_mg": 300.0}
        )
        analysis = analyse(table)
        diaries_with_findings += any(r.verdict == "associated" for r in analysis.results)
        same_day, next_day = analysis.results[0], analysis.results[1]
        combined.append((same_day.rate_ratio or 1.0) * (next_day.rate_ratio or 1.0))
    assert diaries_with_findings <= 4
    assert 0.9 < float(np.median(combined)) < 1.1  # about 1.23 without the trend term


def test_results_say_what_they_were_adjusted_for() -> None:
    result = association(simulate_table(2, days=90, weekly=True), "sleep_hours", 0)
    assert result.adjusted_for == (
        "the other factors",
        "a slow trend over the weeks",
        "day of the week",
    )


def test_a_factor_logged_on_too_few_shared_days_is_tested_alone_and_still_counted() -> None:
    table = simulate_table(3, days=90, weekly=True)
    table.factors["stress_0_10"][20:] = np.nan
    analysis = analyse(table)
    stress = next(r for r in analysis.results if r.factor == "stress_0_10" and not r.lag_days)
    assert "tested alone" in stress.reason
    assert "the other factors" not in stress.adjusted_for
    assert stress.days_used == 20
    caffeine = analysis.results[0]
    assert caffeine.days_used >= 80 and "the other factors" in caffeine.adjusted_for
    assert analysis.tests == 14


def test_rate_ratio_is_reported_per_sensible_units() -> None:
    pers = {r.factor: r.per for r in associations(simulate_table(1))}
    assert pers["caffeine_mg"] == "100 mg caffeine"
    assert pers["alcohol_units"] == "1 unit of alcohol"
    assert pers["sleep_hours"] == "1 hour of sleep"
    assert pers["exercise_min"] == "30 min exercise"
    assert pers["relaxation_min"] == "10 min relaxation"


def test_fewer_than_fourteen_logged_days_is_not_enough_data() -> None:
    table = simulate_table(3, days=13, effects={"caffeine_mg": 3.0})
    analysis = analyse(table)
    assert {r.verdict for r in analysis.results} == {"not_enough_data"}
    assert all("needs at least 14" in r.reason for r in analysis.results)
    assert analysis.results[0].rate_ratio is None
    assert analysis.tests == 0


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
    assert hits >= 16  # even after allowing for all fourteen tests


def test_factors_that_move_together_are_flagged_as_collinear() -> None:
    table = simulate_table(5)
    table.factors["alcohol_units"] = table.factors["caffeine_mg"] / 95.0
    [pair] = collinear_pairs(table)
    assert pair.factors == ("caffeine_mg", "alcohol_units")
    assert pair.correlation > 0.99
    assert "cannot be told apart" in pair.message


def test_factors_logged_as_the_same_numbers_are_each_tested_alone_and_say_why() -> None:
    table = simulate_table(5, days=90)
    table.factors["alcohol_units"] = table.factors["caffeine_mg"] / 100.0  # exactly collinear
    analysis = analyse(table)
    tested = [r for r in analysis.results if r.p_adjusted is not None]
    assert len(tested) == analysis.tests == 14
    assert all("could not be fitted together" in r.reason for r in tested)


def test_independent_factors_are_not_flagged() -> None:
    assert collinear_pairs(simulate_table(6)) == []


@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30))
def test_holm_never_lowers_a_p_value_keeps_the_order_and_stays_a_probability(
    p: list[float],
) -> None:
    adjusted = holm(p)
    assert all(raw <= adj <= 1.0 for raw, adj in zip(p, adjusted, strict=True))
    assert all(
        adjusted[i] <= adjusted[j] for i in range(len(p)) for j in range(len(p)) if p[i] <= p[j]
    )
    assert min(adjusted) == min(1.0, len(p) * min(p))
