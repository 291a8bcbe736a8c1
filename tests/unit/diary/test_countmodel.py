"""The count model is the same GLM as statsmodels', which stays the reference it is held to."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from scipy.interpolate import CubicSpline
from scipy.stats import t as student_t
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM

from twitchcare.diary.countmodel import (
    fit_glm,
    fit_rate,
    fit_rates,
    natural_spline,
    t_quantile_975,
    t_two_sided_p,
    weekday_dummies,
)
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


@pytest.mark.parametrize("df", [3, 10, 30, 89, 3600])
@pytest.mark.parametrize("t", [0.0, 0.5, 1.96, 3.0, 6.0, -2.5])
def test_t_p_value_equals_scipys(df: int, t: float) -> None:
    expected = 2 * student_t.sf(abs(t), df)
    assert t_two_sided_p(t, df) == pytest.approx(expected, rel=1e-9, abs=1e-15)


@pytest.mark.parametrize("df", [1, 2, 3, 6])
def test_spline_spans_the_same_curves_as_scipys_natural_cubic_spline(df: int) -> None:
    days = np.sort(np.random.default_rng(df).choice(400, 120, replace=False)).astype(float)
    ours = np.column_stack([np.ones(len(days)), natural_spline(days, df)])
    u = (days - days.min()) / (days.max() - days.min())
    knots = np.quantile(u, np.linspace(0, 1, df + 1))
    unit = np.eye(df + 1)
    reference = np.column_stack(
        [CubicSpline(knots, unit[i], bc_type="natural")(u) for i in range(df + 1)]
    )

    def projection(a: np.ndarray) -> np.ndarray:
        q, _ = np.linalg.qr(a)
        return q @ q.T

    assert ours.shape[1] == df + 1
    np.testing.assert_allclose(projection(ours), projection(reference), atol=1e-9)


def test_several_exposures_are_fitted_together_as_statsmodels_does() -> None:
    table = simulate_table(4, days=90, weekly=True, effects={"caffeine_mg": 1.4})
    exposures = np.column_stack([table.factors["caffeine_mg"] / 100, table.factors["stress_0_10"]])
    covariates = weekday_dummies(table.weekday())
    fits = fit_rates(table.counts, exposures, covariates)
    assert fits is not None
    x = np.column_stack([np.ones(90), exposures, covariates])
    reference = GLM(table.counts, x, family=families.NegativeBinomial(alpha=fits[0].alpha)).fit(
        tol=1e-12
    )
    np.testing.assert_allclose([f.coef for f in fits], reference.params[1:3], rtol=1e-6)
    assert fits[0].alpha > 0


@pytest.mark.parametrize(("host", "expected"), [(None, "1"), ("3", "3")])
def test_blas_runs_one_thread_unless_the_host_chose(host: str | None, expected: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if host is not None:
        env["OPENBLAS_NUM_THREADS"] = host
    code = "import twitchcare.diary.stats, numpy, os; print(os.environ['OPENBLAS_NUM_THREADS'])"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == expected
