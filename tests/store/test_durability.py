"""SQLite durability: concurrent writers lose nothing; a killed writer loses at most one entry."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
from multiprocessing.queues import Queue
from pathlib import Path

from twitchcare.config import load_settings
from twitchcare.diary.episodes import list_episodes
from twitchcare.store import open_store

SCRIPT = Path(__file__).with_name("logger_process.py")


def _start(name: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), name, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def _notes_by_id(data_dir: Path) -> dict[int, str]:
    store = open_store(load_settings(data_dir=data_dir))
    try:
        return {e.id: e.note for e in list_episodes(store) if e.id is not None}
    finally:
        store.close()


def _log_entries(name: str, count: int, acknowledged: Queue[tuple[int, str]]) -> None:
    """Child process body: log ``count`` entries, reporting each id once it is committed."""
    import datetime as dt

    from twitchcare.diary.episodes import add_episode
    from twitchcare.diary.quicklog import parse_episode, record_episode

    store = open_store()
    for i in range(count):
        note = f"{name}-{i}"
        episode = parse_episode(location="calf", note=note, now=dt.datetime.now(dt.UTC))
        new_id = record_episode(episode) if i % 2 else add_episode(store, episode)
        acknowledged.put((new_id, note))
    store.close()


def test_eight_processes_logging_at_once_into_a_new_diary_lose_nothing(
    _isolated_data_dir: Path,
) -> None:
    # Forked children start at once without re-importing, so they really do collide, including
    # on creating the schema of the new diary.
    context = multiprocessing.get_context("fork")
    queue: Queue[tuple[int, str]] = context.Queue()
    procs = [context.Process(target=_log_entries, args=(f"p{n}", 15, queue)) for n in range(8)]
    for proc in procs:
        proc.start()
    acknowledged = dict(queue.get(timeout=120) for _ in range(8 * 15))
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0
    assert len(acknowledged) == 8 * 15
    assert _notes_by_id(_isolated_data_dir) == acknowledged


def test_a_writer_killed_mid_logging_loses_at_most_the_entry_in_flight(
    _isolated_data_dir: Path,
) -> None:
    open_store().close()
    proc = _start("k", 0)
    assert proc.stdout is not None
    acknowledged: dict[int, str] = {}
    for line in proc.stdout:
        new_id, note = line.split()
        acknowledged[int(new_id)] = note
        if len(acknowledged) >= 15:
            break
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    for line in rest.splitlines():  # acknowledged before the kill landed
        new_id, note = line.split()
        acknowledged[int(new_id)] = note
    path = _isolated_data_dir / "diary.sqlite3"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    stored = _notes_by_id(_isolated_data_dir)
    assert acknowledged.items() <= stored.items()
    assert len(stored) - len(acknowledged) <= 1
