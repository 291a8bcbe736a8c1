"""Experiments compare the period with the same number of days before it, in plain words."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from twitchcare.diary.daily import DailyTable
from twitchcare.diary.experiments import Experiment, evaluate, infer_target
from twitchcare.diary.simulate import simulate_table
from twitchcare.errors import InputError

START = dt.date(2026, 3, 1)


def _table(before_rate: float, during_rate: float, seed: int = 0) -> DailyTable:
    table = simulate_table(seed, days=28, start=START - dt.timedelta(days=14))
    rng = np.random.default_rng(seed)
    table.counts[:14] = rng.poisson(before_rate, 14)
    table.counts[14:] = rng.poisson(during_rate, 14)
    table.factors["caffeine_mg"][14:] = 150.0
    return table


CAFFEINE = Experiment(
    "under 200 mg caffeine",
    START,
    START + dt.timedelta(days=13),
    factor="caffeine_mg",
    comparison="below",
    target=200.0,
)


def test_a_clear_drop_is_reported_as_fewer_twitches_with_adherence() -> None:
    result = evaluate(CAFFEINE, _table(6.0, 1.5), today=dt.date(2026, 4, 1))
    assert result.status == "finished"
    assert result.verdict == "fewer_twitches"
    assert result.rate_ratio is not None and result.ci_high is not None
    assert result.rate_ratio < 0.5 and result.ci_high < 1
    assert result.adherence == 1.0
    assert "fewer twitches" in result.summary


def test_no_change_is_no_clear_difference() -> None:
    result = evaluate(CAFFEINE, _table(3.0, 3.0, seed=3), today=dt.date(2026, 4, 1))
    assert result.verdict == "no_clear_difference"
    assert result.ci_low is not None and result.ci_high is not None
    assert result.ci_low < 1 < result.ci_high


def test_a_running_experiment_with_few_days_is_not_enough_data() -> None:
    result = evaluate(CAFFEINE, _table(6.0, 1.0), today=START + dt.timedelta(days=3))
    assert result.status == "running"
    assert result.days_logged_during == 4
    assert result.verdict == "not_enough_data"
    assert "at least 7" in result.summary


def test_experiment_compares_with_the_equally_long_period_before() -> None:
    assert CAFFEINE.before == (dt.date(2026, 2, 15), dt.date(2026, 2, 28))


def test_experiment_with_a_factor_needs_a_target() -> None:
    with pytest.raises(InputError) as err:
        Experiment("less coffee", START, START, factor="caffeine_mg").validated()
    assert err.value.field == "target"


def test_experiment_cannot_end_before_it_starts() -> None:
    with pytest.raises(InputError):
        Experiment("x", START, START - dt.timedelta(days=1)).validated()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("under 200 mg caffeine", ("caffeine_mg", "below", 200.0)),
        ("at least 20 min relaxation every day", ("relaxation_min", "above", 20.0)),
        ("less than 1 unit of alcohol", ("alcohol_units", "below", 1.0)),
        ("more than 7.5 hours sleep", ("sleep_hours", "above", 7.5)),
        ("no screens after 22:00", None),
    ],
)
def test_the_target_is_read_from_a_plain_name(
    name: str, expected: tuple[str, str, float] | None
) -> None:
    assert infer_target(name) == expected
