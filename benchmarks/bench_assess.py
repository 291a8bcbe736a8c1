"""Assessment speed: one in-process assessment, knowledge-base load, and 100 cases via the CLI.

Targets (issue: assessment core): assessment <= 2 ms median, knowledge load <= 150 ms,
``assess --json`` on 100 cases <= 2 s wall including interpreter start-up.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Measurement, median_seconds

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "cases" / "dev"
OWN = REPO / "tests" / "cases"


def _case_files() -> list[Path]:
    return sorted(DEV.glob("*.json")) + sorted(OWN.glob("*.json"))


def _hundred_cases(folder: Path) -> list[Path]:
    """Copy the available cases until there are 100, each with its own id."""
    sources = _case_files()
    paths = []
    for i in range(100):
        data = json.loads(sources[i % len(sources)].read_text(encoding="utf-8"))
        data["id"] = f"bench-{i:03d}"
        path = folder / f"bench-{i:03d}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    return paths


def run() -> list[Measurement]:
    from twitchcare.engine import assess
    from twitchcare.evaluation.cases import case_facts, load_case
    from twitchcare.kb import load_kb
    from twitchcare.kb.loader import build_kb, default_knowledge_dir

    kb = load_kb()
    now = dt.datetime.now(dt.UTC)
    facts = [case_facts(load_case(p)) for p in _case_files()]
    index = iter(range(10**9))

    def one() -> None:
        assess(kb, facts[next(index) % len(facts)], now=now)

    per_assessment = median_seconds(one, repeat=500, warmup=20)
    load = median_seconds(lambda: build_kb(default_knowledge_dir()), repeat=15, warmup=1)

    exe = shutil.which("twitchcare", path=str(Path(sys.executable).parent)) or "twitchcare"
    walls = []
    with tempfile.TemporaryDirectory() as tmp:
        args = [exe, "assess", "--json"]
        for path in _hundred_cases(Path(tmp)):
            args += ["--case", str(path)]
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(args, check=True, capture_output=True)
            walls.append(time.perf_counter() - start)
    return [
        Measurement("assess: one assessment in-process (median)", per_assessment * 1000, "ms", 2.0),
        Measurement("assess: knowledge-base load, uncached (median)", load * 1000, "ms", 150.0),
        Measurement(
            "assess: `assess --json` on 100 cases, wall (median of 5)",
            statistics.median(walls),
            "s",
            2.0,
        ),
    ]
