"""Diary targets: a heavy user's ten years (about 180,000 episodes over 3,650 days).

- ``diary stats`` computed in about a second (in-process figure; the cold command is also shown);
- one ``twitchcare log`` in at most 150 ms wall time (median of several subprocess runs);
- eight processes logging at once lose no acknowledged entry.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Measurement, median_seconds

DAYS = 3650
EPISODES_PER_DAY = 49.3  # 3,650 days x 49.3 = about 180,000 episodes
BIN = Path(sys.executable).parent


def build_heavy_diary(data_dir: Path) -> int:
    """Write ten simulated years straight into a fresh diary; returns the episode count."""
    from sqlalchemy import insert

    from twitchcare.config import load_settings
    from twitchcare.diary.days import row_values
    from twitchcare.diary.episodes import to_row_values
    from twitchcare.diary.simulate import simulate_table, table_to_records
    from twitchcare.store import open_store
    from twitchcare.store.models import DayRow, EpisodeRow

    today = dt.date.today()
    table = simulate_table(
        42,
        days=DAYS,
        base_rate=EPISODES_PER_DAY,
        effects={"caffeine_mg": 1.2},
        start=today - dt.timedelta(days=DAYS - 1),
    )
    episodes, days = table_to_records(table)
    store = open_store(load_settings(data_dir=data_dir))
    with store.session() as session:
        session.execute(insert(EpisodeRow), [to_row_values(e) for e in episodes])
        session.execute(insert(DayRow), [{"day": d.day, **row_values(d)} for d in days])
    store.close()
    return len(episodes)


def _wall(args: list[str], env: dict[str, str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _concurrent_loss(env: dict[str, str]) -> int:
    script = Path(__file__).parent.parent / "tests" / "store" / "logger_process.py"
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), f"b{n}", "25"], env=env, stdout=subprocess.PIPE, text=True
        )
        for n in range(8)
    ]
    acknowledged = set()
    for proc in procs:
        out, _ = proc.communicate(timeout=300)
        acknowledged |= {line.split()[1] for line in out.splitlines()}
    from twitchcare.config import load_settings
    from twitchcare.diary.episodes import list_episodes
    from twitchcare.store import open_store

    store = open_store(load_settings(data_dir=env["TWITCHCARE_DATA_DIR"]))
    stored = {e.note for e in list_episodes(store)}
    store.close()
    return len(acknowledged - stored)


def run() -> list[Measurement]:
    with tempfile.TemporaryDirectory(prefix="twitchcare-bench-") as folder:
        return _measure(Path(folder))


def _measure(tmp: Path) -> list[Measurement]:
    from twitchcare.config import load_settings
    from twitchcare.diary.stats import compute_stats
    from twitchcare.store import open_store

    data_dir = tmp / "heavy"
    n_episodes = build_heavy_diary(data_dir)
    env = {**os.environ, "TWITCHCARE_DATA_DIR": str(data_dir)}
    env.pop("TWITCHCARE_DATABASE_URL", None)

    store = open_store(load_settings(data_dir=data_dir))
    today = dt.date.today()
    stats_s = median_seconds(lambda: compute_stats(store, today), repeat=5, warmup=1)
    store.close()
    twitchcare = str(BIN / "twitchcare")
    stats_cli_s = _wall([twitchcare, "diary", "stats", "--json"], env, repeat=3)
    log_s = _wall(
        [twitchcare, "log", "calf", "--duration", "30s", "-i", "3", "-c", "stress"], env, 9
    )
    floor_s = _wall([twitchcare, "--version"], env, 9)
    python_s = _wall([sys.executable, "-c", "pass"], env, 9)

    conc_env = {**env, "TWITCHCARE_DATA_DIR": str(tmp / "concurrent")}
    lost = _concurrent_loss(conc_env)
    size = f"{n_episodes} episodes over {DAYS} days"
    return [
        Measurement(
            "diary_stats_ten_years_s",
            stats_s,
            "s",
            1.0,
            note=f"compute_stats in-process (store open, libraries loaded); {size}",
        ),
        Measurement(
            "diary_stats_ten_years_cold_cli_s",
            stats_cli_s,
            "s",
            1.0,
            note="`twitchcare diary stats --json` as a new process, median of 3, including"
            " interpreter start-up and imports",
        ),
        Measurement(
            "diary_log_cli_wall_s",
            log_s,
            "s",
            0.15,
            note=f"`twitchcare log calf ...` into the ten-year diary, median of 9; {size}",
        ),
        Measurement(
            "cli_version_wall_s",
            floor_s,
            "s",
            None,
            note="`twitchcare --version`: start-up floor of every command, median of 9",
        ),
        Measurement(
            "python_startup_wall_s",
            python_s,
            "s",
            None,
            note="bare `python -c pass` on this machine, median of 9",
        ),
        Measurement(
            "diary_concurrent_writers_lost_entries",
            float(lost),
            "entries",
            0.0,
            note="8 processes x 25 entries at once into one SQLite diary",
        ),
    ]
