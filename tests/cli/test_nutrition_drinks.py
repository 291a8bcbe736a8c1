"""``twitchcare caffeine`` and ``twitchcare alcohol`` write the diary and total against limits."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app
from twitchcare.diary.intake import intake_for_day
from twitchcare.store import open_store

runner = CliRunner()


def _entries(day: dt.date | None = None) -> list[object]:
    store = open_store()
    try:
        return list(intake_for_day(store, day or dt.date.today()))
    finally:
        store.close()


def test_caffeine_add_two_espresso() -> None:
    result = runner.invoke(app, ["caffeine", "add", "2 espresso"])
    assert result.exit_code == 0, result.output
    assert "126 mg caffeine" in result.output
    [entry] = _entries()
    assert entry.caffeine_mg == 126  # type: ignore[attr-defined]


def test_caffeine_today_against_the_pregnancy_limit() -> None:
    runner.invoke(app, ["caffeine", "add", "2 espresso"])
    runner.invoke(app, ["caffeine", "add", "mug of tea"])
    result = runner.invoke(app, ["caffeine", "today", "--age", "30", "--pregnant"])
    assert result.exit_code == 0, result.output
    assert "201 mg caffeine of 200 mg a day (over the limit)" in result.output


def test_caffeine_today_warns_about_a_large_single_dose() -> None:
    runner.invoke(app, ["caffeine", "add", "energy shot"])
    result = runner.invoke(app, ["caffeine", "today", "--age", "30"])
    assert "single doses above 200 mg" in result.output


def test_caffeine_for_a_teenager_needs_weight() -> None:
    result = runner.invoke(app, ["caffeine", "today", "--age", "15"])
    assert "--weight" in result.output
    result = runner.invoke(app, ["caffeine", "today", "--age", "15", "--weight", "50"])
    assert "of 150 mg a day" in result.output


def test_alcohol_add_and_week_against_uk_and_niaaa_guidance() -> None:
    day = dt.date(2026, 11, 20)
    for text in ["pint of 4.5% beer", "175 ml wine 13%", "2 single spirits"]:
        result = runner.invoke(app, ["alcohol", "add", text, "--date", day.isoformat()])
        assert result.exit_code == 0, result.output
    units = sum(e.alcohol_units for e in _entries(day))  # type: ignore[attr-defined]
    assert units == pytest.approx(2.56 + 2.275 + 2.0, abs=0.01)
    result = runner.invoke(app, ["alcohol", "week", "--date", "2026-11-22", "--sex", "female"])
    assert result.exit_code == 0, result.output
    assert "6.8 UK units" in result.output
    assert "uk-cmo-drinking-2016" in result.output
    assert "niaaa-drinking-levels" in result.output


def test_alcohol_add_refuses_an_unknown_drink() -> None:
    result = runner.invoke(app, ["alcohol", "add", "glass of water"])
    assert result.exit_code == 2
    assert "error: drink:" in result.output


def test_caffeine_drinks_lists_every_serving_with_its_source() -> None:
    result = runner.invoke(app, ["caffeine", "drinks"])
    assert result.exit_code == 0, result.output
    assert "63 mg  espresso, shot (1 fl oz, 30 ml) [source: mayo-caffeine-content]" in result.output
    assert "[source: jagim-2019]" in result.output


def test_dry_runs_add_nothing() -> None:
    assert runner.invoke(app, ["caffeine", "add", "coffee", "--dry-run"]).exit_code == 0
    assert runner.invoke(app, ["alcohol", "add", "pint of beer", "--dry-run"]).exit_code == 0
    assert _entries() == []
