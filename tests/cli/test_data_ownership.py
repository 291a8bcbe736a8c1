"""``twitchcare delete --all``: confirmation, and nothing left in the database file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from tests.diaries import fill_diary, save_assessment_of
from twitchcare.cli.app import app
from twitchcare.diary.episodes import add_episode
from twitchcare.diary.records import Episode
from twitchcare.store import open_store

runner = CliRunner()
SECRET_NOTE = "zebra-quartz-7719 after the funeral"
SECRET_MEDICINE = "vortioxetine-xq"


def _fill(data_dir: Path) -> list[Path]:
    store = open_store()
    try:
        fill_diary(store, 30)
        add_episode(
            store,
            Episode(
                started_at=dt.datetime(2026, 11, 30, 22, 10, tzinfo=dt.UTC),
                locations=("calf",),
                note=SECRET_NOTE,
            ),
        )
        save_assessment_of(
            store, {"medications": [SECRET_MEDICINE]}, dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
        )
    finally:
        store.close()
    files = sorted(data_dir.glob("diary.sqlite3*"))
    assert files, "the diary lives in the data directory"
    return files


def _bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.glob("diary.sqlite3*")))


def test_delete_all_leaves_nothing_readable_in_the_database_files(
    _isolated_data_dir: Path,
) -> None:
    _fill(_isolated_data_dir)
    assert SECRET_NOTE.encode() in _bytes(_isolated_data_dir)  # the check can fail
    result = runner.invoke(app, ["delete", "--all", "--yes"])
    assert result.exit_code == 0, result.output
    data = _bytes(_isolated_data_dir)
    for secret in (SECRET_NOTE, SECRET_MEDICINE, "under 200 mg caffeine", "spinach"):
        assert secret.encode() not in data, secret
    exported = runner.invoke(app, ["export", "--format", "json", "--out", "-"])
    doc = json.loads(exported.stdout)
    assert doc["episodes"] == [] and doc["assessments"] == [] and doc["profile"] is None


def test_export_delete_import_round_trip_through_the_cli(
    _isolated_data_dir: Path, tmp_path: Path
) -> None:
    _fill(_isolated_data_dir)
    archive = tmp_path / "diary.json"
    assert runner.invoke(app, ["export", "--format", "json", "--out", str(archive)]).exit_code == 0
    assert runner.invoke(app, ["delete", "--all", "--yes"]).exit_code == 0
    assert runner.invoke(app, ["import", "--json", str(archive)]).exit_code == 0
    again = tmp_path / "again.json"
    assert runner.invoke(app, ["export", "--format", "json", "--out", str(again)]).exit_code == 0
    assert json.loads(again.read_text()) == json.loads(archive.read_text())


def test_delete_asks_first_and_keeps_everything_when_refused(_isolated_data_dir: Path) -> None:
    _fill(_isolated_data_dir)
    refused = runner.invoke(app, ["delete", "--all"], input="n\n")
    assert refused.exit_code != 0
    doc = json.loads(runner.invoke(app, ["export", "--format", "json", "--out", "-"]).stdout)
    assert len(doc["episodes"]) > 0


def test_delete_without_all_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["delete"])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "--all" in result.output


def test_csv_export_keeps_the_tags_of_a_day(tmp_path: Path) -> None:
    assert runner.invoke(app, ["day", "--date", "2026-11-20", "--caffeine", "250"]).exit_code == 0
    store = open_store()
    try:
        from twitchcare.diary.days import set_day

        set_day(store, dt.date(2026, 11, 20), {}, tags=("exam week", "travel"))
    finally:
        store.close()
    out = tmp_path / "csv"
    assert runner.invoke(app, ["export", "--out", str(out)]).exit_code == 0
    assert "exam week;travel" in (out / "days.csv").read_text()


def test_erase_overwrites_deleted_content_even_where_sqlite_would_keep_it(tmp_path: Path) -> None:
    """Some SQLite builds keep deleted bytes in free pages; erase_all must not rely on the build."""
    from sqlalchemy import event

    from twitchcare.config import load_settings
    from twitchcare.diary.episodes import delete_episode
    from twitchcare.diary.erase import erase_all

    store = open_store(load_settings(data_dir=tmp_path))
    event.listen(store.engine, "connect", lambda conn, _r: conn.execute("PRAGMA secure_delete=OFF"))
    store.engine.dispose()

    def secret_episode(note: str) -> int:
        return add_episode(
            store,
            Episode(
                started_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), locations=("calf",), note=note
            ),
        )

    def file_bytes() -> bytes:
        store.engine.dispose()
        return b"".join(p.read_bytes() for p in sorted(tmp_path.glob("diary.sqlite3*")))

    try:
        delete_episode(store, secret_episode("deleted-but-kept-4411"))
        before = file_bytes()
        secret_episode("still-in-the-diary-4412")
        erase_all(store)
        after = file_bytes()
    finally:
        store.close()
    assert b"deleted-but-kept-4411" in before  # a plain delete leaves the words in the file
    assert b"deleted-but-kept-4411" not in after
    assert b"still-in-the-diary-4412" not in after
