"""Diary pattern findings: how often a diary with nothing in it shows a "finding", and power.

Simulated 90-day diaries with seven factors and a working-week pattern (more twitching, alcohol,
exercise and sleep at weekends; more caffeine and stress on workdays), gamma-Poisson counts of
about two episodes a day. Targets (issue 9):

- with no effect planted, at most 10% of diaries show any ``associated`` factor;
- with caffeine planted at a rate ratio of 1.5 per 100 mg, it is found in at least 80%.

For reference the same diaries are also judged the way ``diary stats`` used to: each factor alone,
each of the fourteen tests at 5% with no correction.
"""

from __future__ import annotations

import time

from benchmarks.common import Measurement

DIARIES = 400
DAYS = 90
NULL_SEED = 100_000
PLANTED_SEED = 200_000


def run() -> list[Measurement]:
    from twitchcare.diary.analysis import analyse
    from twitchcare.diary.simulate import simulate_table

    started = time.perf_counter()
    null_any = null_uncorrected = false_findings = 0
    for seed in range(NULL_SEED, NULL_SEED + DIARIES):
        analysis = analyse(simulate_table(seed, days=DAYS, weekly=True))
        findings = sum(r.verdict == "associated" for r in analysis.results)
        false_findings += findings
        null_any += findings > 0
        null_uncorrected += any(
            r.p_value is not None and r.p_value <= 0.05 for r in analysis.one_factor
        )
    found = 0
    for seed in range(PLANTED_SEED, PLANTED_SEED + DIARIES):
        table = simulate_table(seed, days=DAYS, weekly=True, effects={"caffeine_mg": 1.5})
        caffeine = analyse(table).results[0]
        found += caffeine.verdict == "associated" and (caffeine.ci_low or 0.0) > 1.0
    per_diary_ms = 1000 * (time.perf_counter() - started) / (2 * DIARIES)
    setting = f"{DIARIES} simulated {DAYS}-day diaries, 7 factors, weekday pattern"
    return [
        Measurement(
            "patterns: null diaries with any associated factor",
            100 * null_any / DIARIES,
            "%",
            10.0,
            note=f"{setting}, nothing planted; Holm over 14 factor-and-lag tests",
        ),
        Measurement(
            "patterns: false findings per null diary",
            false_findings / DIARIES,
            "findings",
            None,
            note=f"{setting}, nothing planted; mean number of associated factor-and-lags",
        ),
        Measurement(
            "patterns: null diaries with a finding, old rule (reference)",
            100 * null_uncorrected / DIARIES,
            "%",
            None,
            note=f"{setting}; each factor alone, 14 tests at 5% each, no correction",
        ),
        Measurement(
            "patterns: power for caffeine at 1.5 per 100 mg",
            100 * found / DIARIES,
            "%",
            80.0,
            higher_is_better=True,
            note=f"{setting}; same-day caffeine called associated with interval above 1",
        ),
        Measurement(
            "patterns: analysis of one 90-day diary",
            per_diary_ms,
            "ms",
            None,
            note="in-process, joint model and 14 one-factor fits",
        ),
    ]
