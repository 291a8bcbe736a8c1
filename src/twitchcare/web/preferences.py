"""Choices about the app itself (not health data): the country for the emergency number.

Kept as a small JSON file in the data directory so the terminal and the web agree, and so that
"delete all data" can remove it with the diary.
"""

from __future__ import annotations

import json
from pathlib import Path

from twitchcare.emergency import emergency_number

FILE = "preferences.json"


def _path(data_dir: Path) -> Path:
    return data_dir / FILE


def get_country(data_dir: Path) -> str:
    try:
        value = json.loads(_path(data_dir).read_text(encoding="utf-8")).get("country", "")
    except (FileNotFoundError, ValueError, AttributeError):
        return ""
    return value if isinstance(value, str) else ""


def set_country(data_dir: Path, country: str) -> str:
    """Store the country (validated against the emergency table); '' clears it."""
    code = emergency_number(country).country if country else ""
    data_dir.mkdir(parents=True, exist_ok=True)
    _path(data_dir).write_text(json.dumps({"country": code}), encoding="utf-8")
    return code


def forget(data_dir: Path) -> None:
    _path(data_dir).unlink(missing_ok=True)
