"""Run every ``benchmarks/bench_*.py`` and write the figures to ``benchmarks/results.json``.

Each benchmark module has ``run() -> list[Measurement]``. Targets are checked here, never in the
unit tests, because shared machines are noisy: a figure is reported with its target and a verdict.
Usage: ``python -m benchmarks [NAME ...]`` (names filter modules, e.g. ``assess``).
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
import time
from pathlib import Path

import twitchcare.diary.countmodel  # noqa: F401  (BLAS threads as the CLI runs them, before numpy)
from benchmarks.common import Measurement

HERE = Path(__file__).parent
RESULTS = HERE / "results.json"


def main(argv: list[str]) -> int:
    """Run the selected benchmarks, print a table and merge the figures into results.json."""
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    results: dict[str, object] = {}
    if RESULTS.exists():
        results = json.loads(RESULTS.read_text(encoding="utf-8"))
    figures = dict(results.get("figures", {}))  # type: ignore[call-overload]
    failed = 0
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        measurements: list[Measurement] = module.run()
        for m in measurements:
            figures[m.name] = m.as_dict()
            status = "" if m.target is None else ("ok" if m.ok else "MISSED")
            failed += not m.ok
            print(f"{m.name:<55} {m.value:>10.3f} {m.unit:<6} target {m.target_text:<14} {status}")
    results = {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "figures": dict(sorted(figures.items())),
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
