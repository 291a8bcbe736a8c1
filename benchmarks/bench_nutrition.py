"""Food search speed: in-process median over the whole table, and CLI start to answer."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Measurement, median_seconds

QUERIES = [
    "spinach",
    "spinach cooked",
    "pumpkin seeds roasted",
    "whole wheat bread",
    "black beans",
    "almonds",
    "oatmeal",
    "brocoli",
    "potato baked with skin",
    "chicken breast roasted",
    "milk",
    "coffee",
]


def _twitchcare() -> str:
    found = shutil.which("twitchcare", path=str(Path(sys.executable).parent))
    return found or "twitchcare"


def _walls(command: list[str], env: dict[str, str], runs: int = 15) -> list[float]:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
    return walls


def run() -> list[Measurement]:
    """Search median per query (warm index) and subprocess wall time of one search command."""
    from twitchcare.nutrition.search import build_index, load_index

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        build_index()
        build = time.perf_counter() - start
        start = time.perf_counter()
        index = load_index()
        load = time.perf_counter() - start
        assert len(index) == 8050
        medians = [median_seconds(lambda q=q: index.search(q), repeat=30) for q in QUERIES]

        env = {**os.environ, "TWITCHCARE_DATA_DIR": tmp}
        command = [_twitchcare(), "foods", "search", "spinach"]
        subprocess.run(command, env=env, check=True, capture_output=True)  # warms the OS cache
        walls = _walls(command, env)
        baseline = _walls([_twitchcare(), "--version"], env)

    return [
        Measurement(
            "nutrition.foods_search_median_ms",
            statistics.median(medians) * 1000,
            "ms",
            20,
            note=f"median over {len(QUERIES)} queries x 30 runs, all 8,050 foods",
        ),
        Measurement(
            "nutrition.foods_search_slowest_query_ms",
            max(medians) * 1000,
            "ms",
            20,
            note="median of the slowest query in the set",
        ),
        Measurement(
            "nutrition.foods_search_cli_wall_ms",
            statistics.median(walls) * 1000,
            "ms",
            400,
            note=(
                "subprocess `twitchcare foods search spinach`, median of 15 after one warm-up; "
                f"`twitchcare --version` alone took {statistics.median(baseline) * 1000:.0f} ms; "
                f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
            ),
        ),
        Measurement(
            "nutrition.food_index_load_ms",
            load * 1000,
            "ms",
            50,
            note="read the prebuilt index (data/foods-index.marshal) in-process",
        ),
        Measurement(
            "nutrition.food_index_rebuild_ms",
            build * 1000,
            "ms",
            2000,
            note="fallback when the prebuilt index is stale: parse the CSV and index it",
        ),
    ]
