"""Damaged or unusable storage is one line and exit code 2, naming the file and what to do.

Every diary command is tried on a truncated file, a garbled header, a garbled page, an empty
file and a file that is not SQLite; then the daily backup brings back what was acknowledged.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app
from twitchcare.store.health import backups, daily_backup, quick_check

runner = CliRunner()
TODAY_CMDS: list[list[str]] = [
    ["log", "calf"],
    ["day", "--stress", "3"],
    ["profile"],
    ["profile", "--age", "30", "--sex", "male"],
    ["diary"],
    ["diary", "stats"],
    ["diary", "stats", "--json"],
    ["diary", "delete", "1"],
    ["diary", "repairs"],
    ["diary", "experiment", "list"],
    ["diary", "experiment", "start", "under 200 mg caffeine"],
    ["diary", "experiment", "stop", "1"],
    ["export", "--format", "json", "--out", "-"],
    ["mg", "add", "30 g almonds"],
    ["mg", "today", "--age", "40", "--sex", "male"],
    ["mg", "plan", "--age", "40", "--sex", "male"],
    ["mg", "target"],
    ["caffeine", "add", "espresso"],
    ["caffeine", "today", "--age", "40"],
    ["alcohol", "add", "pint of 4% beer"],
    ["alcohol", "week"],
    ["intake", "list"],
    ["intake", "delete", "1"],
]


def _diary(data_dir: Path) -> Path:
    return data_dir / "diary.sqlite3"


def _make_diary(n: int = 200) -> None:
    for i in range(n):
        result = runner.invoke(app, ["log", "calf", "--note", f"entry {i} " + "x" * 200])
        assert result.exit_code == 0, result.output
    runner.invoke(app, ["day", "--stress", "4"])


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def truncate(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.truncate(size // 2 + 100)


def garble_header(path: Path) -> None:
    with path.open("r+b") as f:
        f.write(b"NOT A DATABASE!!")


def garble_page(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        for page in range(2, size // 4096):
            f.seek(page * 4096)
            f.write(b"\xa5" * 64)


def empty(path: Path) -> None:
    path.write_bytes(b"")


def not_sqlite(path: Path) -> None:
    path.write_text("date,episodes\n2026-11-01,3\n" * 50, encoding="utf-8")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": truncate,
    "garbled header": garble_header,
    "garbled page": garble_page,
    "0 bytes": empty,
    "not SQLite": not_sqlite,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_every_command_on_a_damaged_diary_is_one_line_and_exit_2(
    damage: str, _isolated_data_dir: Path
) -> None:
    _make_diary()
    path = _diary(_isolated_data_dir)
    _checkpoint(path)
    DAMAGE[damage](path)
    before = path.read_bytes()
    for args in TODAY_CMDS:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (damage, args, result.output)
        lines = result.stderr.splitlines()
        assert len(lines) == 1, (damage, args, result.stderr)
        assert str(path) in lines[0] and len(lines[0]) < 300, lines[0]
        assert "Traceback" not in result.output
    assert path.read_bytes() == before  # reported, never replaced or "repaired" on the way


def test_the_fast_log_command_on_a_damaged_diary_is_one_line_and_exit_2(
    _isolated_data_dir: Path,
) -> None:
    _make_diary(20)
    path = _diary(_isolated_data_dir)
    _checkpoint(path)
    for damage in DAMAGE.values():
        damage(path)
        result = subprocess.run(
            [str(Path(sys.executable).parent / "twitchcare"), "log", "calf"],
            capture_output=True,
            text=True,
            env={**os.environ},
            check=False,
        )
        assert result.returncode == 2, result.stderr
        assert len(result.stderr.splitlines()) == 1 and str(path) in result.stderr


def test_a_zero_byte_diary_is_reported_not_replaced(_isolated_data_dir: Path) -> None:
    path = _diary(_isolated_data_dir)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    result = runner.invoke(app, ["log", "calf"])
    assert result.exit_code == 2
    assert "empty (0 bytes)" in result.stderr
    assert path.stat().st_size == 0


def test_a_damaged_diary_message_points_at_the_backup(_isolated_data_dir: Path) -> None:
    _make_diary(5)
    path = _diary(_isolated_data_dir)
    assert backups(path), "the first command of the day writes a backup"
    _checkpoint(path)
    garble_header(path)
    line = runner.invoke(app, ["diary"]).stderr.strip()
    assert "twitchcare diary restore" in line and "backups/" in line
    assert f"backups/{backups(path)[0].name}" in line, "names the backup it would bring back"


def test_restore_brings_back_every_entry_acknowledged_before_the_last_backup(
    _isolated_data_dir: Path,
) -> None:
    import datetime as dt

    path = _diary(_isolated_data_dir)
    _make_diary(30)
    for old in backups(path):
        old.unlink()
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert daily_backup(path, today=tomorrow) is not None  # the last backup, after 30 entries
    after = runner.invoke(app, ["log", "thigh"])  # acknowledged after it: may be lost
    assert after.exit_code == 0
    _checkpoint(path)
    garble_page(path)
    restored = runner.invoke(app, ["diary", "restore"])
    assert restored.exit_code == 0, restored.output
    assert "kept as" in restored.output
    export = runner.invoke(app, ["export", "--format", "json", "--out", "-"])
    assert export.exit_code == 0, export.output
    import json

    notes = {e["note"] for e in json.loads(export.stdout)["episodes"]}
    assert {f"entry {i} " + "x" * 200 for i in range(30)} <= notes
    assert list(path.parent.glob("diary.sqlite3.replaced-*")), "the damaged file is kept"


def test_backups_are_daily_and_only_the_last_seven_are_kept(_isolated_data_dir: Path) -> None:
    import datetime as dt

    _make_diary(3)
    path = _diary(_isolated_data_dir)
    start = dt.date.today() + dt.timedelta(days=1)
    for i in range(10):
        daily_backup(path, today=start + dt.timedelta(days=i))
        assert daily_backup(path, today=start + dt.timedelta(days=i)) is None  # one a day
    kept = backups(path)
    assert len(kept) == 7
    quick_check(kept[0])  # as `diary restore` does before it copies from it, read-only:
    conn = sqlite3.connect(f"file:{kept[0]}?mode=ro", uri=True)
    conn.execute("SELECT count(*) FROM episodes").fetchone()
    conn.close()
    assert not list(path.parent.glob("backups/*-wal")), "backups are single files, not WAL"
    assert kept[0].name == f"diary-{start + dt.timedelta(days=9)}.sqlite3"


@pytest.mark.parametrize(
    ("env", "field"),
    [
        ({"TWITCHCARE_DATABASE_URL": "garbage"}, "TWITCHCARE_DATABASE_URL"),
        (
            {"TWITCHCARE_DATABASE_URL": "postgresql://nobody@127.0.0.1:1/x"},
            "TWITCHCARE_DATABASE_URL",
        ),
        ({"TWITCHCARE_DATABASE_URL": "mysql://u@h/db"}, "TWITCHCARE_DATABASE_URL"),
    ],
)
def test_an_unusable_database_url_is_one_line(env: dict[str, str], field: str) -> None:
    for args in (["log", "calf"], ["diary"], ["diary", "stats"], ["mg", "today"]):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 2, (args, result.output)
        assert len(result.stderr.splitlines()) == 1 and f"{field}:" in result.stderr
        assert "nobody" not in result.stderr or "127.0.0.1" in result.stderr


def test_a_data_dir_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    for args in (["log", "calf"], ["diary"], ["diary", "stats"], ["caffeine", "add", "tea"]):
        result = runner.invoke(app, args, env={"TWITCHCARE_DATA_DIR": str(a_file)})
        assert result.exit_code == 2, (args, result.output)
        assert "TWITCHCARE_DATA_DIR:" in result.stderr and "is a file" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not bind root")
def test_an_unwritable_data_dir_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = runner.invoke(app, ["log", "calf"], env={"TWITCHCARE_DATA_DIR": str(folder)})
        assert result.exit_code == 2
        assert "not writable" in result.stderr
    finally:
        folder.chmod(0o700)


def test_a_new_diary_first_backup_holds_the_first_day_entries(_isolated_data_dir: Path) -> None:
    """No backup of the empty, just created diary: the first one is written by a later command
    and so holds what came before it, and restoring it brings those entries back."""
    assert runner.invoke(app, ["day", "--stress", "4"]).exit_code == 0  # creates the diary
    path = _diary(_isolated_data_dir)
    assert not backups(path)
    assert runner.invoke(app, ["caffeine", "add", "espresso"]).exit_code == 0
    (backup,) = backups(path)
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM days").fetchone() == (1,)
    finally:
        conn.close()
