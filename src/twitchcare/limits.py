"""The diary's limits, read from ``knowledge/limits.yaml``: one set for every door.

``twitchcare day``, ``log``, the ``add`` commands, import and the web all check against the same
numbers, so nothing can be written that cannot be read back or imported. The file is checked when
read (every key present, each minimum below its maximum); a broken file is a
:class:`~twitchcare.errors.KnowledgeError` naming the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from twitchcare.errors import KnowledgeError

FILE = "limits.yaml"


@dataclass(frozen=True)
class Range:
    """An accepted closed range with the unit shown in messages."""

    low: float
    high: float
    unit: str = ""


@dataclass(frozen=True)
class Limits:
    day: dict[str, Range]
    entry: dict[str, float]
    duration_s: Range
    note_chars: int
    earliest_year: int
    future_seconds: int
    age: Range
    weight_kg: Range


def _range(data: Any, key: str) -> Range:
    try:
        low, high = float(data["min"]), float(data["max"])
    except (TypeError, KeyError, ValueError):
        raise KnowledgeError(where=FILE, field=key, problem="needs numbers min and max") from None
    if not low < high:
        raise KnowledgeError(where=FILE, field=key, problem="min must be below max")
    return Range(low, high, str(data.get("unit", "")))


def read_limits(text: str) -> Limits:
    """Parse and check the text of a limits file (``twitchcare kb check`` reads its folder's)."""
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise KnowledgeError(
            where=FILE, field="(yaml)", problem=str(exc).replace("\n", " ")
        ) from None

    def number(section: str, name: str) -> float:
        try:
            value = data[section][name]
        except (KeyError, TypeError):
            raise KnowledgeError(
                where=FILE, field=f"{section}.{name}", problem="is missing"
            ) from None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise KnowledgeError(where=FILE, field=f"{section}.{name}", problem="needs a number")
        return float(value)

    try:
        return Limits(
            day={k: _range(v, f"day.{k}") for k, v in data["day"].items()},
            entry={k: number("entry", k) for k in data["entry"]},
            duration_s=_range(data["episode"]["duration_s"], "episode.duration_s"),
            note_chars=int(number("episode", "note_chars")),
            earliest_year=int(number("dates", "earliest_year")),
            future_seconds=int(number("dates", "future_seconds")),
            age=_range(data["profile"]["age"], "profile.age"),
            weight_kg=_range(data["profile"]["weight_kg"], "profile.weight_kg"),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(where=FILE, field=str(exc), problem="is missing") from None


@lru_cache(maxsize=1)
def limits() -> Limits:
    """The limits, read once per process."""
    return read_limits(files("twitchcare").joinpath("knowledge", FILE).read_text(encoding="utf-8"))
