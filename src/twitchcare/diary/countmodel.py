"""A count regression that is honest about overdispersion.

Twitch counts vary far more from day to day than a Poisson model expects. We fit a Poisson GLM,
estimate the negative-binomial dispersion ``alpha`` from its residuals (Cameron and Trivedi's
auxiliary regression), and refit as a negative-binomial (NB2) GLM when the counts are
overdispersed. Ignoring overdispersion would make intervals too narrow and call chance
"associated".

Two small-sample corrections keep the false-alarm rate at the nominal 5% on simulated 60-day
diaries (without them it was 7-8%): the standard error is inflated by the Pearson dispersion when
that exceeds 1, and the interval uses Student's t with the residual degrees of freedom.

Why not call statsmodels here: importing it (with scipy.stats) takes 1.5 s on a modest machine,
more than the whole one-second budget of ``twitchcare diary stats``. The model is the textbook
GLM fitted by iteratively reweighted least squares, a few lines of numpy; tests hold it equal to
statsmodels' ``GLM`` (Poisson and NegativeBinomial families) to 1e-6, so statsmodels remains the
reference it is checked against.

The same fit serves one exposure (:func:`fit_rate`, used by personal experiments) and several
exposures at once (:func:`fit_rates`, used by the pattern analysis so that each factor is adjusted
for the others). Two pieces of textbook numerics stand in for scipy: Student's t tail probability
through the regularised incomplete beta function, and a natural cubic spline basis for the slow
trend over the weeks. Tests hold both to scipy.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

#: BLAS threads make these small designs (at most a few thousand rows and a few dozen columns)
#: slower, not faster: on a busy two-core machine a ten-year diary took 1.6-3 s with OpenBLAS's
#: threads and 0.1 s with one. Set before numpy loads (every adapter reaches this module first);
#: a value the host set itself is kept.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
for _variable in BLAS_THREAD_VARIABLES:
    os.environ.setdefault(_variable, "1")

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

Z_975 = 1.959963984540054
MAX_ITERATIONS = 100
TOLERANCE = 1e-10


def t_quantile_975(df: float) -> float:
    """97.5% point of Student's t (Cornish-Fisher expansion, Abramowitz-Stegun 26.7.5).

    Within 1e-3 of the exact value for df >= 5, which is all this module ever needs.
    """
    z = Z_975
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


@dataclass(frozen=True)
class GlmResult:
    params: npt.NDArray[np.float64]
    bse: npt.NDArray[np.float64]
    mu: npt.NDArray[np.float64]
    pearson_chi2: float
    df_resid: int


def fit_glm(
    y: npt.NDArray[np.float64], x: npt.NDArray[np.float64], alpha: float = 0.0
) -> GlmResult | None:
    """Log-link GLM by IRLS: Poisson when ``alpha`` is 0, else NB2 with that fixed ``alpha``.

    Returns None when the fit does not converge or the design is singular.
    """
    import numpy as np

    n, k = x.shape
    # The rank of X'X (k x k) equals that of X and costs nothing next to an SVD of all n rows.
    if n <= k or y.sum() <= 0 or np.linalg.matrix_rank(x.T @ x) < k:
        return None
    mu = (y + y.mean()) / 2.0  # statsmodels' starting values
    eta = np.log(mu)
    deviance = math.inf
    beta = np.zeros(k)
    for _ in range(MAX_ITERATIONS):
        weights = mu / (1.0 + alpha * mu)
        z = eta + (y - mu) / mu
        xw = x * weights[:, None]
        try:
            beta = np.linalg.solve(xw.T @ x, xw.T @ z)
        except np.linalg.LinAlgError:
            return None
        eta = x @ beta
        if not np.all(np.isfinite(eta)) or eta.max() > 700:
            return None
        mu = np.exp(eta)
        new = _deviance(y, mu, alpha)
        if abs(new - deviance) <= TOLERANCE:
            deviance = new
            break
        deviance = new
    else:
        return None
    weights = mu / (1.0 + alpha * mu)
    try:
        cov = np.linalg.inv((x * weights[:, None]).T @ x)
    except np.linalg.LinAlgError:
        return None
    variance = mu + alpha * mu**2
    return GlmResult(
        params=beta,
        bse=np.sqrt(np.diag(cov)),
        mu=mu,
        pearson_chi2=float(np.sum((y - mu) ** 2 / variance)),
        df_resid=n - k,
    )


def _deviance(y: npt.NDArray[np.float64], mu: npt.NDArray[np.float64], alpha: float) -> float:
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(y > 0, y * np.log(y / mu), 0.0)
    if alpha == 0.0:
        return float(2.0 * np.sum(ratio - (y - mu)))
    inv = 1.0 / alpha
    return float(2.0 * np.sum(ratio - (y + inv) * np.log((1.0 + alpha * y) / (1.0 + alpha * mu))))


@dataclass(frozen=True)
class Fit:
    """The exposure's coefficient (log rate ratio per unit) with its standard error."""

    coef: float
    se: float
    alpha: float  # 0 means Poisson was adequate
    quantile: float  # two-sided 97.5% point of Student's t with the residual df
    df_resid: int = 0

    @property
    def p_value(self) -> float:
        """Two-sided p-value of "no effect" on Student's t with the residual df."""
        return t_two_sided_p(self.coef / self.se, self.df_resid)

    @property
    def rate_ratio(self) -> float:
        return math.exp(self.coef)

    @property
    def ci(self) -> tuple[float, float]:
        half = self.quantile * self.se
        return math.exp(self.coef - half), math.exp(self.coef + half)


def weekday_dummies(weekdays: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Six 0/1 columns (Monday is the reference), dropping weekdays that never occur."""
    import numpy as np

    cols = [(weekdays == d).astype(np.float64) for d in range(1, 7)]
    kept = [c for c in cols if 0 < c.sum() < len(c)]
    return np.column_stack(kept) if kept else np.empty((len(weekdays), 0))


def overdispersion(y: npt.NDArray[np.float64], mu: npt.NDArray[np.float64]) -> float:
    """NB2 ``alpha`` by Cameron and Trivedi's auxiliary regression; 0 when not overdispersed."""
    import numpy as np

    alpha = float(np.sum((y - mu) ** 2 - y) / np.sum(mu**2))
    return alpha if alpha > 1e-6 else 0.0


def fit_rates(
    y: npt.NDArray[np.float64],
    exposures: npt.NDArray[np.float64],
    covariates: npt.NDArray[np.float64] | None = None,
) -> list[Fit] | None:
    """Fit ``log E[y] = b0 + exposures @ b + covariates``: one :class:`Fit` per exposure column.

    Each exposure's coefficient is adjusted for every other exposure and for the covariates.
    None when the fit is not usable (singular design, no convergence, no residual freedom).
    """
    import numpy as np

    if exposures.ndim == 1:
        exposures = exposures[:, None]
    columns = [np.ones_like(y)[:, None], exposures]
    if covariates is not None and covariates.shape[1]:
        columns.append(covariates)
    x = np.hstack(columns)
    poisson = fit_glm(y, x)
    if poisson is None:
        return None
    alpha = overdispersion(y, poisson.mu)
    result = fit_glm(y, x, alpha) if alpha else poisson
    if result is None or result.df_resid < 1:
        return None
    dispersion = max(1.0, result.pearson_chi2 / result.df_resid)
    quantile = t_quantile_975(result.df_resid)
    fits = []
    for j in range(1, exposures.shape[1] + 1):
        coef, se = float(result.params[j]), float(result.bse[j]) * math.sqrt(dispersion)
        if not (math.isfinite(coef) and math.isfinite(se)) or se <= 0:
            return None
        fits.append(Fit(coef=coef, se=se, alpha=alpha, quantile=quantile, df_resid=result.df_resid))
    return fits


def fit_rate(
    y: npt.NDArray[np.float64],
    exposure: npt.NDArray[np.float64],
    covariates: npt.NDArray[np.float64] | None = None,
) -> Fit | None:
    """Fit ``log E[y] = b0 + b1*exposure + covariates``; None when the fit is not usable."""
    fits = fit_rates(y, exposure, covariates)
    return fits[0] if fits else None


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function, by the modified Lentz method."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    value = d
    for m in range(1, 400):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            value *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return value


def regularized_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularised incomplete beta function, for a, b > 0 and 0 <= x <= 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_two_sided_p(t: float, df: float) -> float:
    """P(|T| >= |t|) for Student's t with ``df`` degrees of freedom."""
    if not math.isfinite(t):
        return 0.0
    return regularized_beta(df / 2.0, 0.5, df / (df + t * t))


def natural_spline(x: npt.NDArray[np.float64], df: int) -> npt.NDArray[np.float64]:
    """``df`` columns of a natural cubic spline in ``x`` (no intercept column).

    Knots sit at quantiles of ``x`` with the boundary knots at its ends; the fit is linear
    beyond them. ``df=1`` is a straight line. The basis is the truncated-power form of Hastie,
    Tibshirani and Friedman (Elements of Statistical Learning, eq. 5.4-5.5), orthonormalised
    (which leaves the fitted trend unchanged) so that long diaries stay well conditioned.
    """
    import numpy as np

    span = float(x.max() - x.min()) if len(x) else 0.0
    if df < 1 or span == 0.0:
        return np.empty((len(x), 0))
    u = (x - x.min()) / span
    knots = np.quantile(u, np.linspace(0.0, 1.0, df + 1))
    columns = [u]
    if df > 1:
        last, before_last = knots[-1], knots[-2]

        def d(k: float) -> npt.NDArray[np.float64]:
            cubes = np.clip(u - k, 0, None) ** 3 - np.clip(u - last, 0, None) ** 3
            return np.asarray(cubes / (last - k), dtype=np.float64)

        tail = d(before_last)
        columns += [d(k) - tail for k in knots[:-2]]
    basis = np.column_stack(columns)
    centred = basis - basis.mean(axis=0)
    q, r = np.linalg.qr(centred)
    keep = np.abs(np.diag(r)) > 1e-10 * max(1.0, float(np.abs(np.diag(r)).max()))
    return np.asarray(q[:, keep] * math.sqrt(len(x)), dtype=np.float64)
