"""Choices about the app itself (not health data): the country for the emergency number and
the units amounts are shown in.

Kept as a small JSON file in the data directory so the terminal and the web agree, and so that
"delete all data" can remove it with the diary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from twitchcare.emergency import emergency_number

FILE = "preferences.json"


def _path(data_dir: Path) -> Path:
    return data_dir / FILE


def _read(data_dir: Path) -> dict[str, Any]:
    try:
        value = json.loads(_path(data_dir).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write(data_dir: Path, **changes: str) -> None:
    data = {**_read(data_dir), **changes}
    data_dir.mkdir(parents=True, exist_ok=True)
    _path(data_dir).write_text(json.dumps(data), encoding="utf-8")


def _text(data_dir: Path, key: str) -> str:
    value = _read(data_dir).get(key, "")
    return value if isinstance(value, str) else ""


def get_country(data_dir: Path) -> str:
    return _text(data_dir, "country")


def set_country(data_dir: Path, country: str) -> str:
    """Store the country (validated against the emergency numbers); '' clears it."""
    code = emergency_number(country).country if country else ""
    _write(data_dir, country=code)
    return code


def get_units(data_dir: Path) -> str:
    """The chosen unit system's id ('' when none is chosen: the default applies)."""
    from twitchcare.web.units import systems

    value = _text(data_dir, "units")
    return value if value in systems() else ""


def set_units(data_dir: Path, units: str) -> str:
    """Store the unit system (validated against knowledge/units.yaml); '' clears it."""
    from twitchcare.web.units import unit_system

    chosen = unit_system(units).id if units else ""
    _write(data_dir, units=chosen)
    return chosen


def forget(data_dir: Path) -> None:
    _path(data_dir).unlink(missing_ok=True)
