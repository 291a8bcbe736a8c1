"""Assessment speed: one in-process assessment, knowledge-base load, and 100 cases via the CLI.

Targets (issue: assessment core): assessment <= 2 ms median, knowledge load <= 150 ms,
``assess --json`` on 100 cases <= 2 s wall including interpreter start-up.

For reference, the engine's share of one web answer (replay the pages so far, choose the next,
estimate how many follow) over every page of every case's simulated interview, in CPU time: the
web figures under load depend on the shared machine, this one much less.
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
from typing import TYPE_CHECKING

from benchmarks.common import Measurement, median_seconds

if TYPE_CHECKING:
    from twitchcare.engine.interview import AnswerLog
    from twitchcare.kb.logic import FactValue
    from twitchcare.kb.models import KnowledgeBase

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


def _answer_points(kb: KnowledgeBase, cases: list[dict[str, FactValue]]) -> list[AnswerLog]:
    """The pages answered so far at every answer of every case's simulated interview.

    Each page is answered as ``simulate`` does: from the case, gateways from their details, a
    tick-list with something told counted as a whole.
    """
    from twitchcare.engine.facts import with_gateway_answers
    from twitchcare.engine.interview import Interview

    points: list[AnswerLog] = []
    for case in cases:
        full = with_gateway_answers(kb, case)
        interview = Interview(kb)
        log: AnswerLog = []
        while (step := interview.next_step()) is not None:
            answers = {f.id: full.get(f.id) for f in step.items}
            if step.screen.kind == "checklist" and any(v is not None for v in answers.values()):
                answers = {
                    f: (False if v is None and kb.facts[f].kind == "boolean" else v)
                    for f, v in answers.items()
                }
            interview.answer(step.screen.id, answers)
            log = [*log, (step.screen.id, answers)]
            points.append(log)
    return points


def _answer_cpu_ms(kb: KnowledgeBase, cases: list[dict[str, FactValue]]) -> tuple[float, int]:
    """Mean CPU milliseconds of the engine's work for one web answer, and how many were timed.

    In the order a person sends them, as the server sees them, after one warm-up pass.
    """
    from twitchcare.engine.interview import finish_typical, replay

    points = _answer_points(kb, cases)

    def one_pass() -> None:
        for log in points:
            interview = replay(kb, {}, log)
            if interview.next_step() is not None:
                finish_typical(interview)

    one_pass()
    start = time.process_time()
    one_pass()
    return 1000 * (time.process_time() - start) / len(points), len(points)


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
    answer_ms, answers = _answer_cpu_ms(kb, facts)
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
            "assess: one web answer's engine work, CPU (mean)",
            answer_ms,
            "ms",
            None,
            note=f"replay + next page + page estimate, {answers} answers of {len(facts)} cases",
        ),
        Measurement(
            "assess: `assess --json` on 100 cases, wall (median of 5)",
            statistics.median(walls),
            "s",
            2.0,
        ),
    ]
