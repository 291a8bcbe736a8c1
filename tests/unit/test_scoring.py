"""The evaluation's calibration figures mean what they say."""

from __future__ import annotations

from twitchcare.evaluation.scoring import reliability, wilson


def test_reliability_puts_each_stated_probability_in_one_band() -> None:
    pairs = [(0.05, False), (0.15, True), (0.15, False), (0.95, True), (1.0, True)]
    bins = reliability(pairs)
    assert sum(b.n for b in bins) == len(pairs)
    top = bins[-1]
    assert top.n == 2 and top.observed == 1.0


def test_wilson_interval_is_wide_for_few_cases_and_narrow_for_many() -> None:
    low_few, high_few = wilson(2, 3)
    low_many, high_many = wilson(200, 300)
    assert low_few < low_many < 2 / 3 < high_many < high_few
    assert wilson(0, 0) == (0.0, 1.0)
