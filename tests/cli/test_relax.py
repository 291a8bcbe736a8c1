"""``twitchcare relax``: play sessions fast, log them, follow a programme, see them in the stats."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

from twitchcare.cli.app import app
from twitchcare.cli.relax import PLAYABLE
from twitchcare.cli.relax_player import play
from twitchcare.diary.days import get_day
from twitchcare.kb import load_kb
from twitchcare.relax.plan import build_plan
from twitchcare.relax.practice import Practice, list_practice, log_practice
from twitchcare.relax.programme import progress, start_programme
from twitchcare.store import open_store

runner = CliRunner()
KB = load_kb()


class FakeClock:
    """Session time that moves only when the player sleeps; can stop the player like Ctrl-C."""

    def __init__(self, interrupt_after: float | None = None) -> None:
        self.t = 0.0
        self.interrupt_after = interrupt_after

    def now(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += max(seconds, 0.01)
        if self.interrupt_after is not None and self.t >= self.interrupt_after:
            raise KeyboardInterrupt


def _today_minutes(factor: str = "relaxation_min") -> float:
    store = open_store()
    try:
        day = get_day(store, dt.datetime.now().astimezone().date())
    finally:
        store.close()
    value = getattr(day, factor) if day else None
    return float(value or 0.0)


def test_the_players_are_the_sessions_of_the_knowledge() -> None:
    assert set(PLAYABLE) == {s.id for s in KB.relaxation.values() if s.kind != "walk"}


def test_a_finished_breathing_session_is_logged_as_relaxation_minutes() -> None:
    result = runner.invoke(app, ["relax", "breathing", "--minutes", "3", "--speed", "5000"])
    assert result.exit_code == 0, result.output
    assert "Breathe in slowly" in result.output and "Logged 3 min of relaxation" in result.output
    assert _today_minutes() == pytest.approx(3.0, abs=0.2)


def test_no_log_logs_nothing() -> None:
    result = runner.invoke(
        app, ["relax", "meditation", "--minutes", "2", "--speed", "5000", "--no-log"]
    )
    assert result.exit_code == 0 and "Not logged" in result.output
    assert _today_minutes() == 0.0


def test_the_player_runs_to_the_end_on_a_fake_clock_and_stops_on_ctrl_c() -> None:
    plan = build_plan(KB.relaxation["pmr"])
    console = Console(file=open("/dev/null", "w"), force_terminal=True, width=80)  # noqa: SIM115
    done = play(plan, console, FakeClock())
    assert done.finished and done.seconds == pytest.approx(plan.seconds)
    stopped = play(plan, console, FakeClock(interrupt_after=120))
    assert not stopped.finished and 110 <= stopped.seconds <= 130
    console.file.close()


def test_a_walk_counts_as_exercise_towards_the_daily_goal() -> None:
    result = runner.invoke(app, ["relax", "walk", "--minutes", "20"])
    assert result.exit_code == 0 and "10 min to the daily goal of 30" in result.output
    assert _today_minutes("exercise_min") == 20.0


def test_a_programme_shows_its_progress_and_sets_the_autogenic_stage() -> None:
    assert runner.invoke(app, ["relax", "programme", "start", "autogenic"]).exit_code == 0
    status = runner.invoke(app, ["relax", "status"])
    assert "day 1 of 14, practised on 0 day(s)" in status.output
    assert "twitchcare relax autogenic --stage 1 (Heaviness)" in status.output
    played = runner.invoke(app, ["relax", "autogenic", "--speed", "5000"])
    assert played.exit_code == 0 and "is very heavy" in played.output
    assert "pleasantly warm" not in played.output
    status = runner.invoke(app, ["relax", "status"])
    assert "practised on 1 day(s)" in status.output and "done today" in status.output
    assert status.output.splitlines()[2].startswith("■·············")


def test_the_second_week_of_the_programme_adds_warmth() -> None:
    today = dt.datetime.now().astimezone().date()
    store = open_store()
    try:
        start_programme(store, KB, "autogenic", today - dt.timedelta(days=8))
        current = progress(store, KB, today)
    finally:
        store.close()
    assert current is not None and current.day == 9 and current.stage == 2
    played = runner.invoke(app, ["relax", "autogenic", "--speed", "5000", "--no-log"])
    assert "pleasantly warm" in played.output


def test_an_unknown_programme_is_a_one_line_error_with_a_suggestion() -> None:
    result = runner.invoke(app, ["relax", "programme", "start", "autogenik"])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "did you mean 'autogenic'" in result.output


def test_bad_minutes_are_a_one_line_error_and_nothing_is_logged() -> None:
    result = runner.invoke(app, ["relax", "breathing", "--minutes", "0"])
    assert result.exit_code == 2 and "minutes" in result.output
    assert _today_minutes() == 0.0


def test_relaxation_minutes_from_the_players_appear_in_diary_stats_as_a_factor() -> None:
    """Three weeks of practice of varying length beside the twitch diary: stats analyse it."""
    from twitchcare.diary.days import set_day
    from twitchcare.diary.episodes import add_episode
    from twitchcare.diary.records import Episode

    # The 21 days end yesterday: their episodes (8:00 to 21:00) are never in the future.
    today = dt.datetime.now(dt.UTC).date()
    store = open_store()
    try:
        for i in range(21):
            day = today - dt.timedelta(days=21 - i)
            set_day(store, day, {"stress_0_10": 5}, carry_over=False)
            for n in range(1 + i % 4):
                add_episode(
                    store,
                    Episode(dt.datetime.combine(day, dt.time(8 + n), dt.UTC), ("calf",)),
                )
            minutes = (5.0, 10.0, 20.0)[i % 3]
            at = dt.datetime.combine(day, dt.time(21), dt.UTC)
            log_practice(store, Practice(at, "breathing", minutes, True))
        assert len(list_practice(store)) == 21
    finally:
        store.close()
    result = runner.invoke(app, ["diary", "stats", "--json"])
    assert result.exit_code == 0, result.output
    factors = json.loads(result.output)["factors"]
    relaxation = next(f for f in factors if f["factor"] == "relaxation_min" and f["lag_days"] == 0)
    assert relaxation["days_used"] >= 14  # analysed, not "not enough data"
    assert relaxation["verdict"] in ("associated", "no_evidence")
    assert relaxation["per"] == "10 min relaxation"


def test_practice_counts_on_its_own_day_and_does_not_carry_over_to_the_next() -> None:
    """``twitchcare day`` copies yesterday's stated habits, never yesterday's sessions."""
    monday = dt.date(2026, 11, 23)
    store = open_store()
    try:
        from twitchcare.diary.days import set_day

        set_day(store, monday, {"stress_0_10": 4, "relaxation_min": 5})
        log_practice(
            store, Practice(dt.datetime.combine(monday, dt.time(21), dt.UTC), "pmr", 13, True)
        )
        assert get_day(store, monday).relaxation_min == 18  # type: ignore[union-attr]
        tuesday = set_day(store, monday + dt.timedelta(days=1), {"stress_0_10": 6})
        wednesday_walk = Practice(
            dt.datetime.combine(monday + dt.timedelta(days=2), dt.time(8), dt.UTC),
            "walk",
            30,
            True,
            "exercise_min",
        )
        log_practice(store, wednesday_walk)
        thursday = set_day(store, monday + dt.timedelta(days=3), {})
    finally:
        store.close()
    assert tuesday.relaxation_min == 5  # the stated 5 carries; the 13 practised does not
    assert thursday.exercise_min is None  # Wednesday's walk stays on Wednesday


def test_each_step_announces_its_cue_in_order_for_the_sound() -> None:
    plan = build_plan(KB.relaxation["breathing"], minutes=1)
    heard: list[str | None] = []
    console = Console(file=open("/dev/null", "w"), width=80)  # noqa: SIM115
    play(plan, console, FakeClock(), on_step=heard.append)
    console.file.close()
    assert heard == [step.cue for step in plan.steps]


def test_sound_without_an_audio_player_rings_the_terminal_bell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("shutil.which", lambda _name: None)
    result = runner.invoke(
        app, ["relax", "breathing", "--minutes", "1", "--speed", "5000", "--sound", "--no-log"]
    )
    assert result.exit_code == 0, result.output
    assert "No audio player found" in result.output
