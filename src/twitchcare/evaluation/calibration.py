"""Fit and check the calibration of the causes' numbers (``twitchcare evaluate --calibration``).

The likelihood-ratio model orders causes well, but its numbers are its own: a cause it put at
30-50% turned out to be among the causes a clinician expected about two times in three. Logistic
recalibration (Cox's calibration intercept and slope, the "model updating" Van Calster et al. 2019
recommend for a model whose ranking is sound but whose risks are off) fits two numbers,
``shown = sigmoid(intercept + slope * logit(chance))``, on the leading three causes of every case.
Two numbers fitted on hundreds of cause lines do not fit single cases; whether they carry over
is checked the way unseen cases would test them: each family of cases (written separately, from
different sources) is left out in turn, the two numbers are fitted on the others, and the Brier
score is taken on the family left out.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from twitchcare.engine import assess
from twitchcare.evaluation.cases import case_facts, case_paths, load_case
from twitchcare.kb import load_kb
from twitchcare.kb.models import KnowledgeBase

LEADING = 3  # the causes a result shows first, as in the reliability table
_EDGE = 1e-6


@dataclass(frozen=True)
class CauseLine:
    """One of a case's leading causes: the model's own chance and whether the gold lists it."""

    family: str
    chance: float
    expected: bool


@dataclass(frozen=True)
class Fit:
    intercept: float
    slope: float

    def shown(self, chance: float) -> float:
        return _sigmoid(self.intercept + self.slope * _logit(chance))


@dataclass(frozen=True)
class FamilyCheck:
    """The Brier score on one family of cases, left out of the fit."""

    family: str
    lines: int
    raw: float
    refitted: float
    committed: float


@dataclass(frozen=True)
class CalibrationReport:
    fit: Fit
    committed: Fit | None
    lines: int
    families: tuple[FamilyCheck, ...]

    def out_of_family(self, which: Literal["raw", "refitted", "committed"]) -> float:
        """Brier score over all lines, each family scored by a fit that did not see it."""
        total = sum(float(getattr(f, which)) * f.lines for f in self.families)
        return total / max(1, sum(f.lines for f in self.families))


def _logit(p: float) -> float:
    p = min(max(p, _EDGE), 1 - _EDGE)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def family(path: Path, case_id: str) -> str:
    """The family a case was written in: its folder, and the letters its id starts with."""
    prefix = re.match(r"[a-z]+", case_id)
    return f"{path.parent.name}:{prefix.group(0) if prefix else ''}"


def cause_lines(
    targets: list[Path], *, now: dt.datetime, kb: KnowledgeBase | None = None
) -> list[CauseLine]:
    """The leading causes of every case with a gold answer, with the model's own chances."""
    kb = kb or load_kb()
    raw_kb = kb.model_copy(update={"calibration": None})
    lines = []
    for path in case_paths(targets):
        case = load_case(path)
        if case.expected is None:
            continue
        result = assess(raw_kb, case_facts(case), now=now)
        fam = family(path, case.id)
        for cause in result.causes[:LEADING]:
            lines.append(CauseLine(fam, cause.probability, cause.id in case.expected.causes))
    return lines


def fit(lines: Sequence[CauseLine]) -> Fit:
    """Maximum-likelihood intercept and slope (Newton's method; two parameters, always convex)."""
    x = np.array([[1.0, _logit(line.chance)] for line in lines])
    y = np.array([1.0 if line.expected else 0.0 for line in lines])
    w = np.array([0.0, 1.0])
    for _ in range(100):
        mu = 1 / (1 + np.exp(-(x @ w)))
        hessian = x.T @ (x * (mu * (1 - mu))[:, None]) + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, x.T @ (y - mu))
        w = w + step
        if float(np.abs(step).max()) < 1e-10:
            break
    return Fit(intercept=float(w[0]), slope=float(w[1]))


def brier(lines: Sequence[CauseLine], mapping: Fit | None) -> float:
    """Mean squared difference between the number shown and whether the cause was expected."""
    if not lines:
        return 0.0
    total = 0.0
    for line in lines:
        p = line.chance if mapping is None else mapping.shown(line.chance)
        total += (p - (1.0 if line.expected else 0.0)) ** 2
    return total / len(lines)


def check(lines: Sequence[CauseLine], committed: Fit | None) -> CalibrationReport:
    """Fit on all lines, and score each family with a fit made without it."""
    families = []
    for fam in sorted({line.family for line in lines}):
        held = [line for line in lines if line.family == fam]
        rest = [line for line in lines if line.family != fam]
        refit = fit(rest) if rest else None
        families.append(
            FamilyCheck(
                family=fam,
                lines=len(held),
                raw=brier(held, None),
                refitted=brier(held, refit),
                committed=brier(held, committed),
            )
        )
    return CalibrationReport(
        fit=fit(lines), committed=committed, lines=len(lines), families=tuple(families)
    )


def calibration_report(targets: list[Path], *, now: dt.datetime) -> CalibrationReport:
    """What ``twitchcare evaluate --calibration`` prints."""
    kb = load_kb()
    cal = kb.calibration
    committed = Fit(cal.intercept, cal.slope) if cal is not None else None
    return check(cause_lines(targets, now=now, kb=kb), committed)
