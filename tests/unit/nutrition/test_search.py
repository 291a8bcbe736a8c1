"""Food search: forgiving, ranked, common generic foods first, raw and cooked kept apart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from twitchcare.nutrition.foods import csv_path, parse_rows
from twitchcare.nutrition.search import (
    FoodIndex,
    build_index,
    index_key,
    index_path,
    load_index,
    obtain_index,
    write_index,
)


def _top(query: str) -> str:
    return load_index().search(query, limit=1)[0].food.description


def test_the_shipped_table_has_all_8050_foods() -> None:
    assert len(load_index()) == 8050


@pytest.mark.parametrize("query", ["spinach cooked", "cooked spinach", "spinach, boiled"])
def test_word_order_and_punctuation_do_not_matter(query: str) -> None:
    assert _top(query) == "Spinach, cooked, boiled, drained, without salt"


def test_raw_and_cooked_are_distinguished() -> None:
    assert _top("spinach raw") == "Spinach, raw"
    assert "cooked" in _top("spinach cooked")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("spinch", "Spinach, raw"),
        ("brocoli", "Broccoli, raw"),
        ("bananas", "Bananas, raw"),
        ("almond", "Nuts, almonds"),
    ],
)
def test_small_typos_and_plurals_are_forgiven(query: str, expected: str) -> None:
    assert _top(query) == expected


def test_generic_records_rank_above_baby_food_and_brands() -> None:
    hits = load_index().search("spinach", limit=5)
    assert all(not h.food.description.lower().startswith("babyfood") for h in hits)
    assert hits[0].food.description == "Spinach, raw"


def test_query_words_matter_more_than_popularity() -> None:
    assert "RED BULL" in _top("red bull")
    assert _top("spinach souffle") == "Spinach souffle"


def test_unknown_words_find_nothing() -> None:
    assert load_index().search("zzzzqqq") == []
    assert load_index().search("") == []


def test_breakfast_blend_coffee_caffeine_is_unknown_not_zero() -> None:
    food = next(f for f in parse_rows(csv_path()) if f.id == "14180")
    assert food.caffeine_mg_per_100g is None
    assert "data gap" in food.note


def test_empty_caffeine_cells_stay_unknown() -> None:
    foods = {f.id: f for f in parse_rows(csv_path())}
    assert foods["16249"].caffeine_mg_per_100g is None  # SILK Coffee soymilk, no USDA value
    assert foods["14209"].caffeine_mg_per_100g == 40


def test_a_saved_index_reads_back_equal_to_a_fresh_build(tmp_path: Path) -> None:
    path = write_index(tmp_path / "index.marshal")
    saved = FoodIndex.loads(path.read_bytes(), index_key(csv_path().read_bytes()))
    assert saved is not None
    fresh = build_index()
    assert saved.descriptions == fresh.descriptions
    assert saved.doc_tokens == fresh.doc_tokens
    assert saved.prior == fresh.prior
    assert saved.token_cost == fresh.token_cost


def test_the_index_lives_in_the_user_cache_one_file_per_python_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = index_path()
    assert path.parent == tmp_path / "twitchcare"
    assert f"py{sys.version_info.major}{sys.version_info.minor}" in path.name
    assert not list((Path(__file__).parents[3] / "src/twitchcare/data").glob("*.marshal"))


def test_first_use_builds_saves_and_says_so_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cache" / "index.marshal"
    assert len(obtain_index(path)) == 8050
    [line] = capsys.readouterr().err.splitlines()
    assert "built the food search index (first use)" in line and str(path) in line
    assert path.exists()
    assert len(obtain_index(path)) == 8050
    assert capsys.readouterr().err == ""  # read back, silently


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"\x00garbage from another Python", "was unreadable"),
        (b"", "was unreadable"),
        (None, "was built from other data"),
    ],
)
def test_an_unreadable_or_stale_index_is_rebuilt_and_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, why: str
) -> None:
    path = tmp_path / "index.marshal"
    path.write_bytes(build_index().dumps("some-other-key") if content is None else content)
    assert obtain_index(path).search("spinach", limit=1)
    [line] = capsys.readouterr().err.splitlines()
    assert why in line and "saved to" in line
    assert FoodIndex.loads(path.read_bytes(), index_key(csv_path().read_bytes())) is not None


def test_an_unwritable_cache_still_searches_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert obtain_index(blocker / "index.marshal").search("spinach", limit=1)
    [line] = capsys.readouterr().err.splitlines()
    assert "could not save it" in line and "rebuilt on each run" in line


def test_foods_search_builds_the_cache_on_first_run_only(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    command = [str(Path(sys.executable).parent / "twitchcare"), "foods", "search", "spinach"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert "Spinach" in first.stdout
    assert first.stderr.count("\n") == 1 and "first use" in first.stderr
    second = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert second.stdout == first.stdout
    assert second.stderr == ""


def test_an_index_built_for_other_data_is_not_used() -> None:
    data = build_index().dumps("some-other-key")
    assert FoodIndex.loads(data, index_key(csv_path().read_bytes())) is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("milk", "Milk, whole, 3.25% milkfat, with added vitamin D"),
        ("coffee", "Beverages, coffee, brewed, prepared with tap water"),
        ("rice", "Rice, white, long-grain, regular, enriched, cooked"),
        ("egg", "Egg, whole, raw, fresh"),
        ("black beans", "Beans, black, mature seeds, cooked, boiled, without salt"),
        ("whole wheat bread", "Bread, whole-wheat, commercially prepared"),
        ("oatmeal", "Cereals, oats, regular and quick, unenriched, cooked with water "
         "(includes boiling and microwaving), without salt"),
    ],
)  # fmt: skip
def test_everyday_words_find_the_everyday_record(query: str, expected: str) -> None:
    assert _top(query) == expected


def test_dry_beans_rank_below_cooked_unless_asked_for() -> None:
    assert "cooked" in _top("black beans")
    assert "raw" in _top("black beans raw")


def test_pumpkin_and_sunflower_seeds_mean_the_kernels_people_eat() -> None:
    from twitchcare.nutrition.serving import understand_food

    pumpkin = understand_food("30 g pumpkin seeds")
    assert "kernels" in pumpkin.food.description
    assert 150 <= pumpkin.magnesium_mg <= 180  # NIH ODS: 1 oz roasted pumpkin seeds, 156 mg
    assert "kernels" in understand_food("1 oz sunflower seeds").food.description
