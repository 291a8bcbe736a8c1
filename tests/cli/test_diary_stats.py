"""``twitchcare diary``, ``diary stats``, ``diary chart`` and ``diary experiment``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app
from twitchcare.diary.simulate import simulate_table, table_to_records
from twitchcare.diary.transfer import import_records
from twitchcare.store import open_store

runner = CliRunner()


@pytest.fixture
def filled() -> dt.date:
    """A 60-day diary ending today with caffeine planted at rate ratio 1.5 per 100 mg."""
    today = dt.date.today()
    table = simulate_table(
        21, days=60, effects={"caffeine_mg": 1.5}, start=today - dt.timedelta(days=59)
    )
    store = open_store()
    import_records(store, *table_to_records(table))
    store.close()
    return today


def test_diary_without_subcommand_shows_recent_entries_and_heat_strip(filled: dt.date) -> None:
    result = runner.invoke(app, ["diary", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n  #") == 3
    assert "| = Monday" in result.output


def test_diary_on_an_empty_diary_says_how_to_start() -> None:
    result = runner.invoke(app, ["diary"])
    assert result.exit_code == 0
    assert "twitchcare log" in result.output


def test_stats_json_has_the_documented_shape(filled: dt.date) -> None:
    result = runner.invoke(app, ["diary", "stats", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"days_logged", "episodes", "persistence", "factors", "experiments"} <= set(data)
    assert data["days_logged"] == 60
    assert set(data["persistence"]) >= {"persistent", "returning", "reason", "source_id", "facts"}
    assert data["persistence"]["source_id"] == "nhs-twitching"
    assert data["persistence"]["facts"]["diary_persistent"] is True
    for factor in data["factors"]:
        assert {"factor", "lag_days", "rate_ratio", "ci_low", "ci_high", "per", "verdict"} <= set(
            factor
        )
        assert factor["verdict"] in ("associated", "no_evidence", "not_enough_data")
    caffeine = next(
        f for f in data["factors"] if f["factor"] == "caffeine_mg" and f["lag_days"] == 0
    )
    assert caffeine["verdict"] == "associated"
    assert caffeine["per"] == "100 mg caffeine"
    assert caffeine["ci_low"] > 1
    assert caffeine["p_adjusted"] <= 0.05
    assert "the other factors" in caffeine["adjusted_for"]
    assert data["factor_method"]["correction"] == "holm"
    assert data["factor_method"]["tests"] == 14
    assert "not proof of cause" in data["factor_method"]["not_proof_of_cause"]
    alone = data["factors_one_at_a_time"]
    assert {f["verdict"] for f in alone} == {"for_comparison"}
    assert len(alone) == 14


def test_stats_states_the_correction_the_one_factor_view_and_that_it_is_not_proof(
    filled: dt.date,
) -> None:
    result = runner.invoke(app, ["diary", "stats"])
    assert result.exit_code == 0, result.output
    assert "14 factor-and-lag tests" in result.output
    assert "Holm's method" in result.output
    assert "Each factor alone" in result.output
    assert "not proof of cause" in result.output
    assert "Adjusted for: a slow trend over the weeks, day of the week, the other factors" in (
        result.output
    )


def test_stats_human_output_cites_the_source_when_persistent(filled: dt.date) -> None:
    result = runner.invoke(app, ["diary", "stats"])
    assert result.exit_code == 0, result.output
    assert "PERSISTENT" in result.output
    assert "https://www.nhs.uk/conditions/twitching-eyes-and-muscles/" in result.output
    assert "not a diagnosis" in result.output


def test_stats_on_a_short_diary_says_not_enough_data_yet() -> None:
    assert runner.invoke(app, ["log", "calf"]).exit_code == 0
    result = runner.invoke(app, ["diary", "stats"])
    assert result.exit_code == 0, result.output
    assert "not enough data yet" in result.output
    data = json.loads(runner.invoke(app, ["diary", "stats", "--json"]).output)
    assert {f["verdict"] for f in data["factors"]} == {"not_enough_data"}


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_chart_writes_an_image(filled: dt.date, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"chart{suffix}"
    result = runner.invoke(app, ["diary", "chart", "--out", str(out)])
    assert result.exit_code == 0, result.output
    head = out.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in out.read_bytes()


def test_chart_rejects_an_unknown_format(filled: dt.date, tmp_path: Path) -> None:
    result = runner.invoke(app, ["diary", "chart", "--out", str(tmp_path / "c.gif")])
    assert result.exit_code == 2
    assert "svg" in result.output


def test_experiment_start_list_and_stats_report_it(filled: dt.date) -> None:
    start = (filled - dt.timedelta(days=13)).isoformat()
    started = runner.invoke(
        app,
        ["diary", "experiment", "start", "under 200 mg caffeine", "--start", start,
         "--days", "14", "--factor", "caffeine_mg", "--below", "200"],
    )  # fmt: skip
    assert started.exit_code == 0, started.output
    assert "compared with" in started.output
    listed = runner.invoke(app, ["diary", "experiment", "list", "--json"])
    [experiment] = json.loads(listed.output)
    assert experiment["name"] == "under 200 mg caffeine"
    assert experiment["verdict"] in ("fewer_twitches", "more_twitches", "no_clear_difference")
    assert 0 <= experiment["adherence"] <= 1
    data = json.loads(runner.invoke(app, ["diary", "stats", "--json"]).output)
    assert data["experiments"][0]["name"] == "under 200 mg caffeine"


def test_experiment_with_both_targets_is_rejected() -> None:
    result = runner.invoke(
        app, ["diary", "experiment", "start", "x", "--factor", "caffeine_mg", "--below", "1",
              "--above", "2"],
    )  # fmt: skip
    assert result.exit_code == 2


def test_experiment_target_is_read_from_its_name() -> None:
    result = runner.invoke(app, ["diary", "experiment", "start", "under 200 mg caffeine"])
    assert result.exit_code == 0, result.output
    assert "target: caffeine_mg below 200" in result.output


def test_delete_removes_one_episode_and_unknown_ids_exit_2() -> None:
    assert runner.invoke(app, ["log", "calf"]).exit_code == 0
    assert runner.invoke(app, ["log", "eyelid"]).exit_code == 0
    deleted = runner.invoke(app, ["diary", "delete", "1"])
    assert deleted.exit_code == 0, deleted.output
    assert "calf" in deleted.output
    listing = runner.invoke(app, ["diary"])
    assert "#2" in listing.output and "#1 " not in listing.output
    assert runner.invoke(app, ["diary", "delete", "99"]).exit_code == 2


def test_diary_lists_recent_days() -> None:
    assert runner.invoke(app, ["day", "--caffeine", "150", "--stress", "4"]).exit_code == 0
    result = runner.invoke(app, ["diary"])
    assert result.exit_code == 0
    assert "Recent days:" in result.output
    assert "caffeine 150 mg" in result.output
