"""How amounts are shown: metric or US units, as chosen in Settings (``knowledge/units.yaml``).

The diary stores grams, millilitres, kilograms and UK alcohol units whatever is chosen; this
module only converts for display (and converts a body weight typed in pounds back to
kilograms). Conversion factors come from pint, as when reading "2 oz" from what a person types.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from twitchcare.errors import InputError, KnowledgeError
from twitchcare.web.i18n import _

FILE = "units.yaml"


@dataclass(frozen=True)
class UnitSystem:
    id: str
    name: str
    mass_symbol: str
    volume_symbol: str
    body_weight_symbol: str
    alcohol: str  # "uk_units" or "us_drinks"
    source: str
    grams_per_mass: float
    ml_per_volume: float
    kg_per_body_weight: float

    def mass(self, grams: float | None) -> str:
        """A food amount in this system: "30 g" or "1.1 oz"."""
        if grams is None:
            return ""
        value = grams / self.grams_per_mass
        return f"{_short(value)} {self.mass_symbol}"

    def volume(self, ml: float | None) -> str:
        if ml is None:
            return ""
        return f"{_short(ml / self.ml_per_volume)} {self.volume_symbol}"

    def body_weight(self, kg: float | None) -> float | None:
        """A weight stored in kilograms, in this system's unit (one decimal)."""
        return None if kg is None else round(kg / self.kg_per_body_weight, 1)

    def body_weight_kg(self, value: float) -> float:
        """A weight typed in this system's unit, in kilograms."""
        return value * self.kg_per_body_weight

    def alcohol_amount(self, uk_units: float) -> float:
        """An amount of alcohol (stored as UK units) in this system's measure."""
        if self.alcohol == "uk_units":
            return uk_units
        from twitchcare.nutrition.alcohol import us_drinks_from_units

        return us_drinks_from_units(uk_units)


def _short(value: float) -> str:
    """Whole numbers from 10 up, one decimal below (30 g, 1.1 oz, 1 oz), written as the page's
    language writes numbers (1,1 oz in German)."""
    from twitchcare.web.templating import number

    whole = abs(value) >= 10 or round(value, 1).is_integer()
    return number(value, 0 if whole else 1)


def _factor(unit: str, base: str) -> float:
    from twitchcare.nutrition.amounts import unit_registry

    ureg = unit_registry()
    try:
        return float(ureg.Quantity(1, unit).to(base).magnitude)
    except Exception as exc:  # pint raises several unrelated types for unknown names
        raise KnowledgeError(where=FILE, field=unit, problem=f"is not a {base} unit") from exc


@lru_cache(maxsize=1)
def systems() -> dict[str, UnitSystem]:
    """Every unit system, read and checked once per process; the default first."""
    import yaml

    text = files("twitchcare").joinpath("knowledge", FILE).read_text(encoding="utf-8")
    data: Any = yaml.safe_load(text)
    found: dict[str, UnitSystem] = {}
    try:
        for item in data["systems"]:
            if item["alcohol"] not in ("uk_units", "us_drinks"):
                raise KnowledgeError(
                    where=FILE, field=item["id"], problem="unknown alcohol measure"
                )
            found[item["id"]] = UnitSystem(
                id=item["id"],
                name=item["name"],
                mass_symbol=item["mass_symbol"],
                volume_symbol=item["volume_symbol"],
                body_weight_symbol=item["body_weight_symbol"],
                alcohol=item["alcohol"],
                source=item["source"],
                grams_per_mass=_factor(item["mass"], "gram"),
                ml_per_volume=_factor(item["volume"], "milliliter"),
                kg_per_body_weight=_factor(item["body_weight"], "kilogram"),
            )
        default = data["default"]
    except (KeyError, TypeError) as exc:
        raise KnowledgeError(where=FILE, field=str(exc), problem="is missing") from None
    if default not in found:
        raise KnowledgeError(where=FILE, field="default", problem=f"'{default}' is not a system")
    return {default: found.pop(default), **found}


def unit_system(system_id: str | None) -> UnitSystem:
    """The chosen system; the default when none is chosen. An unknown id is refused."""
    known = systems()
    if not system_id:
        return next(iter(known.values()))
    if system_id not in known:
        raise InputError(
            field="units",
            problem=_("'{system}' is not a unit system").format(system=system_id[:40]),
            hint=_("use one of {values}").format(values=", ".join(known)),
        )
    return known[system_id]
