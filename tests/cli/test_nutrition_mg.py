"""``twitchcare mg add/today/plan`` against a real diary database."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app
from twitchcare.diary.intake import intake_for_day
from twitchcare.store import open_store

runner = CliRunner()


def _entries() -> list[object]:
    store = open_store()
    try:
        return list(intake_for_day(store, dt.date.today()))
    finally:
        store.close()


def test_mg_add_shows_what_it_understood_and_stores_it() -> None:
    result = runner.invoke(app, ["mg", "add", "1 cup spinach, boiled"])
    assert result.exit_code == 0, result.output
    assert (
        "1 cup (180 g) Spinach, cooked, boiled, drained, without salt -> 157 mg magnesium"
        in result.output
    )
    [entry] = _entries()
    assert entry.food_id == "11458"  # type: ignore[attr-defined]
    assert entry.magnesium_mg == pytest.approx(156.6)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("two handfuls of", "unit"),
        ("-3 g", "amount"),
        ("", "food"),
        ("1 cup zzzzqqq", "food"),
        ("3 parsecs of spinach", "unit"),
    ],
)
def test_mg_add_refuses_bad_input_and_adds_nothing(text: str, field: str) -> None:
    result = runner.invoke(app, ["mg", "add", text])
    assert result.exit_code == 2
    assert f"error: {field}:" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _entries() == []


def test_mg_dry_run_adds_nothing() -> None:
    result = runner.invoke(app, ["mg", "add", "30 g pumpkin seeds", "--dry-run"])
    assert result.exit_code == 0
    assert _entries() == []


def test_mg_today_totals_against_the_profile_target() -> None:
    runner.invoke(app, ["profile", "--age", "34", "--sex", "female"])
    runner.invoke(app, ["mg", "add", "1 cup spinach, boiled"])
    runner.invoke(app, ["mg", "add", "1 oz almonds, dry roasted"])
    result = runner.invoke(app, ["mg", "today"])
    assert result.exit_code == 0, result.output
    assert "236 mg magnesium of 320 mg" in result.output
    assert "nih-ods-magnesium" in result.output


def test_mg_today_options_override_the_profile() -> None:
    result = runner.invoke(app, ["mg", "today", "--age", "16", "--sex", "female", "--pregnant"])
    assert result.exit_code == 0, result.output
    assert "0 mg magnesium of 400 mg" in result.output


def test_mg_today_without_age_says_how_to_give_it() -> None:
    result = runner.invoke(app, ["mg", "today"])
    assert result.exit_code == 2
    assert "age" in result.output


def test_mg_plan_suggests_foods_and_supplement_cautions() -> None:
    result = runner.invoke(
        app, ["mg", "plan", "--age", "40", "--sex", "male", "--dislikes", "nuts", "--vegetarian"]
    )
    assert result.exit_code == 0, result.output
    assert "Almonds" not in result.output
    assert "Spinach" in result.output
    assert "350 mg" in result.output
    assert "kidney" in result.output


def test_mg_target_is_honest_about_athletes_and_stress() -> None:
    result = runner.invoke(
        app, ["mg", "target", "--age", "28", "--sex", "female", "--athlete", "--stressed"]
    )
    assert result.exit_code == 0, result.output
    assert "310 mg a day" in result.output
    assert "no separate magnesium value for athletes" in result.output
    assert "no separate magnesium value for people under stress" in result.output
    assert "at most 350 mg a day from supplements" in result.output


def test_mg_target_for_pregnancy_uses_the_pregnancy_row() -> None:
    result = runner.invoke(app, ["mg", "target", "--age", "28", "--sex", "female", "--pregnant"])
    assert "350 mg a day (RDA for pregnant, age 28)" in result.output


def test_mg_today_takes_a_stated_day_total_that_covers_the_entries() -> None:
    today = dt.date.today().isoformat()
    result = runner.invoke(app, ["day", "--date", today, "--magnesium", "300", "--no-carry"])
    assert result.exit_code == 0, result.output
    runner.invoke(app, ["mg", "add", "1 cup spinach, boiled"])
    result = runner.invoke(app, ["mg", "today", "--age", "40", "--sex", "male"])
    # 300 mg stated for the whole day; the 157 mg of spinach is part of it, not added on top
    assert "143 mg  recorded for the day with `twitchcare day`" in result.output
    assert "300 mg magnesium of 420 mg" in result.output


def test_mg_today_takes_the_entries_when_they_are_more_than_the_stated_total() -> None:
    today = dt.date.today().isoformat()
    runner.invoke(app, ["day", "--date", today, "--magnesium", "100", "--no-carry"])
    runner.invoke(app, ["mg", "add", "1 cup spinach, boiled"])
    result = runner.invoke(app, ["mg", "today", "--age", "40", "--sex", "male"])
    assert "recorded for the day" not in result.output
    assert "157 mg magnesium of 420 mg" in result.output
