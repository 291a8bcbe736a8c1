"""``twitchcare foods search``: ranked text and the promised JSON shape."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from twitchcare.cli.app import app

runner = CliRunner()


def test_search_json_has_the_promised_fields() -> None:
    result = runner.invoke(app, ["foods", "search", "spinach cooked", "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    foods = json.loads(result.output)
    assert len(foods) == 3
    assert set(foods[0]) == {
        "id", "description", "magnesium_mg_per_100g", "caffeine_mg_per_100g", "portions"
    }  # fmt: skip
    assert foods[0]["description"] == "Spinach, cooked, boiled, drained, without salt"
    assert foods[0]["portions"] == [{"grams": 180.0, "description": "1 cup"}]


def test_unknown_caffeine_is_null_in_json() -> None:
    result = runner.invoke(app, ["foods", "search", "coffee breakfast blend", "--json", "-n", "1"])
    [food] = json.loads(result.output)
    assert food["id"] == "14180"
    assert food["caffeine_mg_per_100g"] is None


def test_text_output_shows_unknown_and_the_source() -> None:
    result = runner.invoke(app, ["foods", "search", "coffee breakfast blend", "-n", "1"])
    assert "caffeine unknown" in result.output
    assert "usda-sr28" in result.output


def test_empty_query_is_one_line_error_with_exit_2() -> None:
    result = runner.invoke(app, ["foods", "search", " "])
    assert result.exit_code == 2
    assert "query" in result.output


def test_no_match_says_so() -> None:
    result = runner.invoke(app, ["foods", "search", "zzzzqqq"])
    assert result.exit_code == 0
    assert "no food matches" in result.output


def test_limit_out_of_range_is_one_line_error() -> None:
    result = runner.invoke(app, ["foods", "search", "spinach", "--limit", "0"])
    assert result.exit_code == 2
    assert result.output.strip() == "error: limit: 0 is not allowed (1-100)"


def test_query_words_need_no_quotes() -> None:
    result = runner.invoke(app, ["foods", "search", "spinach", "cooked", "--json", "-n", "1"])
    assert json.loads(result.output)[0]["id"] == "11458"
