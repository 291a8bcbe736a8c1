"""The diary feeds the assessment: persisting twitching raises the level; results are kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from tests.cli.test_interactive import BENIGN_EYELID
from twitchcare.cli.app import app
from twitchcare.diary.assessments import list_assessments
from twitchcare.diary.episodes import add_episode
from twitchcare.diary.for_assessment import diary_facts, existing_diary
from twitchcare.diary.records import Episode
from twitchcare.engine import assess
from twitchcare.kb import load_kb
from twitchcare.store import open_store

TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def _twitch_daily(days: int, contexts: tuple[str, ...] = (), where: str = "calf") -> None:
    store = open_store()
    try:
        for back in range(days):
            when = dt.datetime.combine(TODAY - dt.timedelta(days=back), dt.time(21, 0), dt.UTC)
            add_episode(store, Episode(started_at=when, locations=(where,), contexts=contexts))
    finally:
        store.close()


def _facts_of_diary() -> dict[str, object]:
    store = existing_diary()
    assert store is not None
    try:
        return dict(diary_facts(store, TODAY))
    finally:
        store.close()


# Someone who jerks as they fall asleep, told to the interview: it does not call for a doctor.
SLEEP_STARTS = {
    "age": 30,
    "sex": "female",
    "loc.whole_body": True,
    "duration_days": 21,
    "symptoms_keep_returning": True,
    "awake_twitching": False,
    "jerk_whole_body_at_sleep_onset": True,
}


def test_a_diary_of_nightly_sleep_starts_gives_the_level_the_interview_gives() -> None:
    kb = load_kb()
    alone = assess(kb, SLEEP_STARTS, now=NOW).level
    assert alone == "self_care"
    _twitch_daily(21, contexts=("falling_asleep",), where="whole_body")
    facts = _facts_of_diary()
    assert facts["diary_persistent"] is False and facts["diary_returning"] is False
    assert assess(kb, {**SLEEP_STARTS, **facts}, now=NOW).level == alone


def test_waking_twitching_logged_with_sleep_starts_still_counts() -> None:
    _twitch_daily(21, contexts=("falling_asleep", "under_stress"))
    assert _facts_of_diary()["diary_persistent"] is True


def test_episodes_without_a_context_count_as_waking_twitching() -> None:
    _twitch_daily(21)
    assert _facts_of_diary()["diary_persistent"] is True


def test_assessing_never_creates_a_diary(_isolated_data_dir: Path) -> None:
    assert existing_diary() is None
    assert not (_isolated_data_dir / "diary.sqlite3").exists()


def test_twitching_on_most_days_for_three_weeks_raises_self_care_to_doctor() -> None:
    _twitch_daily(21)
    store = existing_diary()
    assert store is not None
    try:
        facts = diary_facts(store, TODAY)
    finally:
        store.close()
    assert facts["diary_persistent"] is True
    kb = load_kb()
    calf = {"age": 30, "sex": "female", "loc.calf": True, "duration_days": 3}
    assert assess(kb, calf, now=NOW).level == "self_care"
    result = assess(kb, {**calf, **facts}, now=NOW)
    assert result.level == "doctor"
    reason = next(r for r in result.reasons if "diary_persistent" in r.facts)
    assert "nhs-twitching" in reason.sources


def test_a_few_days_of_twitching_in_the_diary_changes_nothing() -> None:
    _twitch_daily(3)
    store = existing_diary()
    assert store is not None
    try:
        facts = diary_facts(store, TODAY)
    finally:
        store.close()
    assert facts["diary_persistent"] is False and facts["diary_returning"] is False


def test_the_terminal_assessment_is_kept_in_an_existing_diary() -> None:
    open_store().close()
    result = CliRunner().invoke(app, ["assess"], input="\n".join(BENIGN_EYELID) + "\n")
    assert result.exit_code == 0, result.output
    assert "Saved in your diary" in result.output
    store = open_store()
    try:
        saved = list_assessments(store)
    finally:
        store.close()
    assert len(saved) == 1
    assert saved[0].result["triage"] == "self_care"
    assert saved[0].kb_version == load_kb().version
    assert saved[0].answers["loc.eyelid"] is True


def test_no_save_leaves_the_diary_untouched() -> None:
    open_store().close()
    args = ["assess", "--no-save"]
    result = CliRunner().invoke(app, args, input="\n".join(BENIGN_EYELID) + "\n")
    assert result.exit_code == 0
    store = open_store()
    try:
        assert list_assessments(store) == []
    finally:
        store.close()


def test_waking_counts_leave_out_only_the_episodes_that_were_sleep_starts() -> None:
    from twitchcare.diary.episodes import waking_counts_by_day

    kinds: list[tuple[str, ...]] = [
        ("falling_asleep",),
        (),
        ("falling_asleep", "at_rest"),
        ("under_stress",),
        ("falling_asleep",),
    ]
    store = open_store()
    try:
        for back, contexts in enumerate(kinds):
            day = TODAY - dt.timedelta(days=back // 2)
            when = dt.datetime.combine(day, dt.time(21, back), dt.UTC)
            add_episode(store, Episode(started_at=when, locations=("calf",), contexts=contexts))
        counts = waking_counts_by_day(store)
    finally:
        store.close()
    # Today: a sleep start and one without context; yesterday: both count; two days ago: a sleep
    # start only, so that day has no waking twitching at all.
    assert counts == {TODAY: 1, TODAY - dt.timedelta(days=1): 2}
