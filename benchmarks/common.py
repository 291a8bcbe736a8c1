"""Shared helpers for benchmarks: a measurement record and a median timer."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    """One figure with its target; ``higher_is_better`` flips the comparison.

    A figure with ``target=None`` is shown for reference only (e.g. the start-up floor).
    """

    name: str
    value: float
    unit: str
    target: float | None
    higher_is_better: bool = False
    note: str = ""

    @property
    def ok(self) -> bool:
        if self.target is None:
            return True
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    @property
    def target_text(self) -> str:
        if self.target is None:
            return "(reference)"
        return f"{'>=' if self.higher_is_better else '<='} {self.target:g} {self.unit}"

    def as_dict(self) -> dict[str, object]:
        return {
            "value": round(self.value, 4),
            "unit": self.unit,
            "target": self.target,
            "higher_is_better": self.higher_is_better,
            "ok": self.ok,
            "note": self.note,
        }


def median_seconds(fn: Callable[[], object], *, repeat: int = 50, warmup: int = 3) -> float:
    """Median wall time of ``fn`` in seconds over ``repeat`` calls after a warm-up."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
