"""A count regression that is honest about overdispersion.

Twitch counts vary far more from day to day than a Poisson model expects. We fit a Poisson GLM,
estimate the negative-binomial dispersion ``alpha`` from its residuals (Cameron and Trivedi's
auxiliary regression), and refit as a negative-binomial GLM when the counts are overdispersed.
Ignoring overdispersion would make intervals too narrow and call chance "associated".

Two small-sample corrections keep the false-alarm rate at the nominal 5% on simulated 60-day
diaries (without them it was 7-8%): the standard error is inflated by the Pearson dispersion when
that exceeds 1, and the interval uses Student's t with the residual degrees of freedom.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


@dataclass(frozen=True)
class Fit:
    """The exposure's coefficient (log rate ratio per unit) with its standard error."""

    coef: float
    se: float
    alpha: float  # 0 means Poisson was adequate
    quantile: float  # two-sided 97.5% point of Student's t with the residual df

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


def fit_rate(
    y: npt.NDArray[np.float64],
    exposure: npt.NDArray[np.float64],
    covariates: npt.NDArray[np.float64] | None = None,
) -> Fit | None:
    """Fit ``log E[y] = b0 + b1*exposure + covariates``; None when the fit is not usable."""
    import numpy as np
    from scipy.stats import t as student_t  # type: ignore[import-untyped]
    from statsmodels.genmod import families
    from statsmodels.genmod.generalized_linear_model import GLM
    from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationWarning

    columns = [np.ones_like(y), exposure]
    if covariates is not None and covariates.shape[1]:
        columns.append(covariates)
    x = np.column_stack(columns)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        warnings.simplefilter("error", PerfectSeparationWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            poisson = GLM(y, x, family=families.Poisson()).fit()
            mu = poisson.mu
            alpha = float(np.sum((y - mu) ** 2 - y) / np.sum(mu**2))
            result = poisson
            if alpha > 1e-6:
                result = GLM(y, x, family=families.NegativeBinomial(alpha=alpha)).fit(
                    start_params=poisson.params
                )
            else:
                alpha = 0.0
        except (ConvergenceWarning, PerfectSeparationWarning, ValueError, np.linalg.LinAlgError):
            return None
    df = float(result.df_resid)
    if df < 1:
        return None
    dispersion = max(1.0, float(result.pearson_chi2) / df)
    coef, se = float(result.params[1]), float(result.bse[1]) * math.sqrt(dispersion)
    if not (math.isfinite(coef) and math.isfinite(se)) or se <= 0:
        return None
    return Fit(coef=coef, se=se, alpha=alpha, quantile=float(student_t.ppf(0.975, df)))
