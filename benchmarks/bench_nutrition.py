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
    from twitchcare.nutrition.foods import csv_path
    from twitchcare.nutrition.search import build_index, index_key, read_index, write_index

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        build_index()
        build = time.perf_counter() - start
        path = write_index(Path(tmp) / "cache" / "index.marshal")
        start = time.perf_counter()
        index, _ = read_index(path, index_key(csv_path().read_bytes()))
        load = time.perf_counter() - start
        assert index is not None and len(index) == 8050
        medians = [median_seconds(lambda q=q: index.search(q), repeat=30) for q in QUERIES]

        # A cache folder of its own: the first command builds the index there (first use).
        env = {**os.environ, "TWITCHCARE_DATA_DIR": tmp, "XDG_CACHE_HOME": f"{tmp}/fresh"}
        command = [_twitchcare(), "foods", "search", "spinach"]
        first_use = _walls(command, env, runs=1)[0]
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
                "subprocess `twitchcare foods search spinach`, median of 15 after the first use; "
                f"`twitchcare --version` alone took {statistics.median(baseline) * 1000:.0f} ms; "
                f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
            ),
        ),
        Measurement(
            "nutrition.food_index_load_ms",
            load * 1000,
            "ms",
            50,
            note="read the index saved in the user's cache folder, in-process",
        ),
        Measurement(
            "nutrition.foods_search_first_use_cli_wall_ms",
            first_use * 1000,
            "ms",
            None,
            note="the first `foods search` with an empty cache: builds and saves the index",
        ),
        Measurement(
            "nutrition.food_index_rebuild_ms",
            build * 1000,
            "ms",
            2000,
            note="first use, or a stale or unreadable cache: parse the CSV and index it",
        ),
    ]
