"""Everything the diary accepts it can give back; what it cannot vouch for, it refuses.

One set of limits (knowledge/limits.yaml) holds at every door, dates outside a life are refused,
and a refused command leaves the diary exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from twitchcare.cli.app import app
from twitchcare.diary.records import FACTOR_RANGES
from twitchcare.limits import limits

runner = CliRunner()


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output)
    return result.output


def _refused(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 2, (args, result.output)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert not result.stdout.strip(), result.output  # nothing "understood" is shown as if added
    return lines[0]


def _archive() -> dict[str, object]:
    doc = json.loads(_ok("export", "--format", "json", "--out", "-"))
    assert isinstance(doc, dict)
    return doc


def test_day_ranges_come_from_the_limits_file() -> None:
    assert {k: (v[0], v[1]) for k, v in FACTOR_RANGES.items()} == {
        k: (r.low, r.high) for k, r in limits().day.items()
    }


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["caffeine", "add", "1000 espresso"], "caffeine_mg"),
        (["alcohol", "add", "100 pints of beer"], "alcohol_units"),
    ],
)
def test_an_entry_above_the_limit_is_refused_and_adds_nothing(args: list[str], field: str) -> None:
    before = _archive()
    line = _refused(*args)
    assert f"{field}:" in line
    assert _archive() == before


def test_entries_cannot_take_a_day_past_the_day_limit() -> None:
    _ok("caffeine", "add", "20 espresso")  # 1,260 mg
    _ok("caffeine", "add", "20 espresso")  # 2,520 mg
    line = _refused("caffeine", "add", "20 espresso")
    assert "more than the 3000 mg a day" in line


def test_everything_written_can_be_exported_and_imported_again(tmp_path: Path) -> None:
    day = dt.date.today().isoformat()
    _ok("day", "--date", day, "--caffeine", "2900", "--stress", "10")
    _ok("caffeine", "add", "20 espresso")
    _ok("alcohol", "add", "10 pints of 5% beer")
    _ok("export", "--format", "json", "--out", str(tmp_path / "d.json"))
    fresh = tmp_path / "other"
    result = runner.invoke(
        app, ["import", "--json", str(tmp_path / "d.json")], env={"TWITCHCARE_DATA_DIR": str(fresh)}
    )
    assert result.exit_code == 0, result.output


def test_intake_entries_are_listed_and_deleted_and_the_day_follows() -> None:
    _ok("caffeine", "add", "2 espresso")
    _ok("caffeine", "add", "mug of tea")
    listed = _ok("intake", "list")
    assert "#1" in listed and "#2" in listed and "126 mg caffeine" in listed
    assert "deleted #1" in _ok("intake", "delete", "1")
    assert "75 mg caffeine of 400 mg" in _ok("caffeine", "today", "--age", "40")
    assert "entry: there is no intake entry #1" in _refused("intake", "delete", "1")


def test_alcohol_week_says_no_record_for_days_without_one() -> None:
    _ok("alcohol", "add", "pint of 4% beer")
    week = _ok("alcohol", "week")
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    assert f"{yesterday}  no record" in week
    assert "6 day(s) have no record of alcohol" in week


@pytest.mark.parametrize(
    "args",
    [
        ["log", "calf", "--at", "1900-01-01 10:00"],
        ["log", "calf", "--at", "1899-12-31 10:00"],
        ["log", "calf", "--at", "2999-01-01 10:00"],
        ["day", "--date", "2030-01-01", "--stress", "3"],
        ["day", "--date", "1850-01-01", "--stress", "3"],
        ["mg", "add", "30 g almonds", "--date", "2030-01-01"],
        ["caffeine", "add", "espresso", "--date", "1800-01-01"],
    ],
)
def test_dates_outside_a_life_are_refused_with_a_reason(args: list[str]) -> None:
    _ok("profile", "--age", "34", "--sex", "female")
    before = _archive()
    line = _refused(*args)
    assert "before" in line or "future" in line
    assert _archive() == before


@pytest.mark.parametrize(
    "args",
    [
        ["log", "calf", "--at", "1900-01-01 10:00"],
        ["day", "--date", "1900-01-01", "--stress", "3"],
        ["caffeine", "add", "espresso", "--date", "1901-06-01"],
    ],
)
def test_dates_older_than_any_life_are_refused_before_a_profile_exists(args: list[str]) -> None:
    before = _archive()
    line = _refused(*args)
    assert "is before" in line and "120 years back" in line and "..." not in line
    assert _archive() == before


def test_a_time_a_few_minutes_ahead_is_refused() -> None:
    ahead = (dt.datetime.now().astimezone() + dt.timedelta(minutes=3)).isoformat(timespec="minutes")
    assert "future" in _refused("log", "calf", "--at", ahead)


def test_an_entry_before_the_birth_year_is_refused_and_the_floor_is_1900_without_an_age() -> None:
    born = dt.date.today().year - 30 - 1
    assert "date" in _ok("log", "calf", "--at", f"{born - 5}-06-01 10:00") or True
    _ok("profile", "--age", "30", "--sex", "male")
    line = _refused("log", "calf", "--at", f"{born - 5}-06-01 10:00")
    assert f"before {born}" in line and "birth year" in line


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["profile", "--age", "0", "--sex", "female"], "age"),
        (["profile", "--age", "8", "--sex", "female", "--pregnant"], "pregnant"),
        (["profile", "--age", "30", "--sex", "male", "--weight", "nan"], "weight_kg"),
        (["log", "calf", "--duration", "0"], "duration"),
        (["log", "calf", "--duration", "0s"], "duration"),
        (["caffeine", "today", "--age", "0"], "age"),
        (["caffeine", "today", "--age", "8", "--pregnant"], "pregnant"),
        (["caffeine", "today", "--weight", "0"], "weight"),
        (["mg", "today", "--age", "0", "--sex", "female"], "age"),
        (["mg", "plan", "--age", "8", "--sex", "female", "--pregnant"], "pregnant"),
        (["mg", "today", "--age", "30", "--sex", "male", "--pregnant"], "pregnant"),
        (["alcohol", "week", "--sex", "male", "--pregnant"], "pregnant"),
    ],
)
def test_implausible_values_are_refused(args: list[str], field: str) -> None:
    assert f"{field}:" in _refused(*args)


@pytest.mark.parametrize(
    ("args", "field", "words"),
    [
        (["mg", "add", "1 cup épinards"], "food", "did you mean"),
        (["caffeine", "add", "large latte"], "food", "did you mean"),
        (["mg", "add", "inf g spinach"], "amount", "'inf' is not an amount"),
        (["mg", "add", "nan cup spinach"], "amount", "'nan' is not an amount"),
        (["mg", "add", "1e400 g spinach"], "amount", "finite"),
        (["mg", "add", "spinach"], "amount", "no amount given"),
        (["caffeine", "add", "1e9 espresso"], "caffeine_mg", "more than one entry"),
        (["alcohol", "add", "pint of -5% beer"], "abv", "negative strength"),
        (["alcohol", "add", "pint of 0% beer"], "abv", "has no alcohol"),
        (["caffeine", "add", "latte"], "food", "`twitchcare caffeine drinks`"),
        (["mg", "add", "épinards"], "food", "did you mean"),
    ],
)
def test_amounts_and_foods_are_refused_rather_than_guessed(
    args: list[str], field: str, words: str
) -> None:
    before = _archive()
    line = _refused(*args)
    assert f"{field}:" in line and words in line
    assert _archive() == before


def test_a_word_that_played_no_part_is_named_in_the_confirmation() -> None:
    out = _ok("caffeine", "add", "12 oz starbucks coffee", "--dry-run")
    assert "not used: starbuck" in out


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["caffeine", "add", "12 oz Starbucks coffee"], "not used: Starbucks)"),
        (["caffeine", "add", "2 espresso from Starbucks"], "not used: Starbucks)"),
        (["mg", "add", "30 g Trader Joe's almonds"], "not used: Trader, Joe's)"),
    ],
)
def test_words_not_used_are_named_as_they_were_typed(args: list[str], named: str) -> None:
    assert named in _ok(*args, "--dry-run")


def test_a_typo_that_found_the_drink_is_not_called_unused() -> None:
    out = _ok("caffeine", "add", "espreso", "--dry-run")
    assert "espresso" in out and "not used" not in out


def test_an_unknown_food_without_an_amount_is_refused_as_unknown_not_asked_for_an_amount() -> None:
    line = _refused("caffeine", "add", "latte")
    assert "no amount" not in line and "'1 cup latte'" not in line


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["diary", "--limit", "-1"], "limit"),
        (["diary", "--weeks", "0"], "weeks"),
        (["diary", "chart", "--out", "x.svg", "--days", "-5"], "days"),
        (["diary", "experiment", "start", "x", "--below", "5"], "factor"),
        (["diary", "experiment", "start", "x", "--days", "99999999999"], "days"),
        (
            ["diary", "experiment", "start", "x", "--factor", "caffeine_mg", "--below", "nan"],
            "target",
        ),
        (["day", "--caffeine", "nan"], "caffeine_mg"),
        (["day", "--sleep", "inf"], "sleep_hours"),
    ],
)
def test_implausible_options_are_refused_and_change_nothing(args: list[str], field: str) -> None:
    _ok("log", "calf")
    before = _archive()
    assert f"{field}:" in _refused(*args)
    assert _archive() == before


@pytest.mark.parametrize(
    "at", ["0001-01-01 10:00", "0001-01-01T00:00+05:00", "9999-12-31T23:59-05:00"]
)
def test_times_at_the_ends_of_the_calendar_are_refused_not_a_crash(at: str) -> None:
    """Time-zone arithmetic fails near year 1 and 9999: the date rules come first."""
    import os
    import subprocess
    import sys

    before = _archive()
    assert "at: " in _refused("log", "calf", "--at", at)
    # the quick path of `twitchcare log`, as a person runs it
    quick = subprocess.run(
        [str(Path(sys.executable).with_name("twitchcare")), "log", "calf", "--at", at],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )
    assert quick.returncode == 2 and "Traceback" not in quick.stderr, quick.stderr
    assert len(quick.stderr.splitlines()) == 1
    assert _archive() == before
