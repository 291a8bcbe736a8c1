"""The count model is the same GLM as statsmodels', which stays the reference it is held to."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import t as student_t
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM

from twitchcare.diary.countmodel import fit_glm, fit_rate, t_quantile_975, weekday_dummies
from twitchcare.diary.simulate import simulate_table


def _design(seed: int) -> tuple[np.ndarray, np.ndarray]:
    table = simulate_table(seed, days=90, effects={"caffeine_mg": 1.3})
    x = np.column_stack(
        [np.ones(90), table.factors["caffeine_mg"] / 100, weekday_dummies(table.weekday())]
    )
    return table.counts, x


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("alpha", [0.0, 0.3])
def test_fit_glm_matches_statsmodels(seed: int, alpha: float) -> None:
    y, x = _design(seed)
    family = families.Poisson() if alpha == 0 else families.NegativeBinomial(alpha=alpha)
    reference = GLM(y, x, family=family).fit(tol=1e-12)
    ours = fit_glm(y, x, alpha)
    assert ours is not None
    np.testing.assert_allclose(ours.params, reference.params, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(ours.bse, reference.bse, rtol=1e-6)
    assert ours.pearson_chi2 == pytest.approx(reference.pearson_chi2, rel=1e-6)
    assert ours.df_resid == reference.df_resid


@pytest.mark.parametrize("df", [5, 8, 13, 30, 60, 200, 3600])
def test_t_quantile_is_within_a_thousandth_of_the_exact_value(df: int) -> None:
    assert t_quantile_975(df) == pytest.approx(student_t.ppf(0.975, df), abs=1e-3)


def test_fit_rate_declines_a_singular_design() -> None:
    y = np.array([1.0, 2.0, 0.0, 3.0, 1.0, 2.0])
    assert fit_rate(y, np.ones(6)) is None  # exposure identical to the intercept


def test_fit_rate_declines_all_zero_counts() -> None:
    assert fit_rate(np.zeros(20), np.arange(20.0)) is None
