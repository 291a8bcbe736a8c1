"""The USDA SR28 food table as shipped, and the corrections made to it.

Known upstream gaps are corrected here, in one place, with a note the user sees. Commands do not
parse the CSV: they read the prebuilt index (see :mod:`twitchcare.nutrition.search`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CSV_NAME = "usda-sr28-minerals.csv"

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
    import csv  # only a stale or missing prebuilt index needs the CSV parsed

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
    # A plain path next to the package (installed as files, never zipped): importing
    # importlib.resources would cost more start-up time than the whole search.
    return Path(__file__).resolve().parent.parent / "data" / CSV_NAME
