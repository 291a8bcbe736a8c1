"""``twitchcare log``, ``day`` and ``profile`` write the diary in one step."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app
from twitchcare.diary.days import get_day
from twitchcare.diary.episodes import list_episodes
from twitchcare.diary.profile import Profile, get_profile
from twitchcare.store import open_store

runner = CliRunner()


def test_log_stores_an_episode_with_every_option() -> None:
    result = runner.invoke(
        app,
        [
            "log", "calf", "--side", "left", "--duration", "2 min", "--intensity", "3",
            "--context", "stress", "--context", "caffeine", "--at", "2026-11-24 22:10",
            "--tz", "Europe/Prague", "--note", "after exam",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "logged #1" in result.output
    store = open_store()
    [episode] = list_episodes(store)
    store.close()
    assert episode.locations == ("calf",)
    assert episode.side == "left"
    assert episode.duration_s == 120
    assert episode.intensity == 3
    assert episode.contexts == ("under_stress", "after_caffeine")
    assert episode.started_at.isoformat() == "2026-11-24T22:10:00+01:00"
    assert episode.note == "after exam"


def test_log_first_creates_then_appends_to_the_same_diary() -> None:
    assert runner.invoke(app, ["log", "eyelid"]).exit_code == 0
    second = runner.invoke(app, ["log", "eyelid", "--at", "yesterday 08:00"])
    assert second.exit_code == 0
    assert "logged #2" in second.output
    store = open_store()
    assert len(list_episodes(store)) == 2
    store.close()


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["elbow"], "location"),
        (["calf", "--intensity", "7"], "intensity"),
        (["calf", "--duration", "a while"], "duration"),
        (["calf", "--context", "bored"], "context"),
        (["calf", "--side", "middle"], "side"),
        (["calf", "--at", "next year"], "at"),
    ],
)
def test_log_rejects_bad_input_in_one_line_with_exit_code_2(args: list[str], field: str) -> None:
    result = runner.invoke(app, ["log", *args])
    assert result.exit_code == 2
    assert f"{field}:" in result.output
    assert "Traceback" not in result.output


def test_day_carries_over_yesterdays_values() -> None:
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    first = runner.invoke(app, ["day", "--date", yesterday, "--caffeine", "300", "--sleep", "6.5"])
    assert first.exit_code == 0, first.output
    today = runner.invoke(app, ["day", "--stress", "6", "--tag", "exams"])
    assert today.exit_code == 0, today.output
    assert "caffeine 300 mg" in today.output
    store = open_store()
    day = get_day(store, dt.date.today())
    store.close()
    assert day is not None
    assert (day.caffeine_mg, day.sleep_hours, day.stress_0_10) == (300, 6.5, 6)
    assert day.tags == ("exams",)


def test_a_stated_amount_below_the_days_entries_is_told_which_one_counts() -> None:
    assert runner.invoke(app, ["caffeine", "add", "2 mugs of coffee"]).exit_code == 0
    below = runner.invoke(app, ["day", "--caffeine", "100"])
    assert below.exit_code == 0, below.output
    assert "caffeine 280 mg" in below.output
    assert "not the 100 mg given" in below.output and "larger counts" in below.output
    above = runner.invoke(app, ["day", "--caffeine", "400"])
    assert "caffeine 400 mg" in above.output and "note:" not in above.output


def test_day_rejects_stress_out_of_range() -> None:
    result = runner.invoke(app, ["day", "--stress", "12"])
    assert result.exit_code == 2
    assert "stress_0_10" in result.output


def test_profile_needs_age_and_sex_first_then_updates_one_field() -> None:
    assert runner.invoke(app, ["profile", "--athlete"]).exit_code == 2
    assert runner.invoke(app, ["profile", "--age", "34", "--sex", "female"]).exit_code == 0
    shown = runner.invoke(app, ["profile", "--pregnant"])
    assert shown.exit_code == 0
    assert "pregnant" in shown.output
    store = open_store()
    assert get_profile(store) == Profile(age=34, sex="female", pregnant=True)
    store.close()
