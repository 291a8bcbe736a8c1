"""The USDA SR28 food table, loaded once and kept as a compact cache.

Parsing 8,050 CSV rows on every command would cost more than the whole search, so the first use
writes a pickle next to the diary (keyed by the CSV's size and modification time) and later runs
read only that. Known upstream gaps are corrected here, in one place, with a note the user sees.
"""

from __future__ import annotations

import csv
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

CSV_NAME = "usda-sr28-minerals.csv"
CACHE_FORMAT = 1

# NDB 14180 is ordinary caffeinated coffee, but SR28 gives it caffeine 0 as an "assumed zero";
# the data README and the medical brief both call this a data gap, so it becomes unknown.
CAFFEINE_OVERRIDES: dict[str, tuple[float | None, str]] = {
    "14180": (
        None,
        "USDA lists 0 mg caffeine for this caffeinated coffee, a known data gap; "
        "treated as unknown (use `twitchcare caffeine add` for coffee).",
    ),
}


@dataclass(frozen=True)
class Portion:
    """A household measure as USDA gives it: gram weight and "amount + measure" text."""

    grams: float
    description: str


@dataclass(frozen=True)
class Food:
    """One SR28 food; nutrient values are per 100 g and ``None`` means "not published"."""

    id: str
    description: str
    food_group: str
    magnesium_mg_per_100g: float
    caffeine_mg_per_100g: float | None
    portions: tuple[Portion, ...] = ()
    note: str = ""

    def as_json(self) -> dict[str, object]:
        """The shape promised by ``foods search --json``."""
        return {
            "id": self.id,
            "description": self.description,
            "magnesium_mg_per_100g": self.magnesium_mg_per_100g,
            "caffeine_mg_per_100g": self.caffeine_mg_per_100g,
            "portions": [{"grams": p.grams, "description": p.description} for p in self.portions],
        }


def _number(text: str) -> float | None:
    return float(text) if text.strip() else None


def parse_rows(path: Path) -> list[Food]:
    """Read the CSV, applying the caffeine overrides; empty cells stay ``None``."""
    foods = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ndb = row["fdc_or_ndb_id"]
            caffeine = _number(row["caffeine_mg_per_100g"])
            note = ""
            if ndb in CAFFEINE_OVERRIDES:
                caffeine, note = CAFFEINE_OVERRIDES[ndb]
            portions = []
            for n in (1, 2):
                grams = _number(row[f"portion{n}_grams"])
                if grams:
                    portions.append(Portion(grams, row[f"portion{n}_description"].strip()))
            foods.append(
                Food(
                    id=ndb,
                    description=row["description"],
                    food_group=row["food_group"],
                    magnesium_mg_per_100g=float(row["magnesium_mg_per_100g"]),
                    caffeine_mg_per_100g=caffeine,
                    portions=tuple(portions),
                    note=note,
                )
            )
    return foods


def csv_path() -> Path:
    """The shipped CSV inside the installed package."""
    return Path(str(resources.files("twitchcare.data").joinpath(CSV_NAME)))


def cache_path(cache_dir: Path, source: Path) -> Path:
    """A cache file name that changes whenever the shipped CSV changes."""
    stat = source.stat()
    return cache_dir / f"foods-v{CACHE_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.pickle"


def load_cached(cache_dir: Path, name: str, build: Callable[[], T]) -> T:
    """Return the pickled object in ``cache_dir/name``, building and writing it when missing.

    A damaged or unwritable cache is never fatal: the object is rebuilt and used from memory.
    """
    path = cache_dir / name
    try:
        with path.open("rb") as handle:
            loaded: T = pickle.load(handle)
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    value = build()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
    return value
