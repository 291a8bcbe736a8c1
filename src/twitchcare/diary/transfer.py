"""CSV import and export: the diary belongs to the person, in a format any spreadsheet opens.

Import is all or nothing: every row is parsed and validated first, and the first bad one is
reported with its line number and column; only then is everything written in one transaction.
Importing an export reproduces the diary, and importing the same file twice adds nothing new.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from twitchcare.catalogue import gettext as _
from twitchcare.diary.parsing import parse_contexts, parse_locations, parse_side
from twitchcare.diary.records import FACTOR_RANGES, FACTORS, DayFactors, Episode
from twitchcare.errors import InputError

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore

EPISODE_COLUMNS = ("started_at", "location", "side", "duration_s", "intensity", "context", "note")
DAY_COLUMNS = ("date", *FACTORS)
#: Written on export; a file without it (older exports, hand-made sheets) still imports.
DAY_OPTIONAL = ("tags",)
T = TypeVar("T")


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    text = repr(float(value))
    return text.removesuffix(".0")


def episodes_csv(episodes: list[Episode]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180 line ends, so a "\r" inside a note is quoted
    writer.writerow(EPISODE_COLUMNS)
    for e in episodes:
        writer.writerow(
            [
                e.started_at.isoformat(),
                ";".join(e.locations),
                e.side or "",
                _number(e.duration_s),
                "" if e.intensity is None else str(e.intensity),
                ";".join(e.contexts),
                e.note,
            ]
        )
    return out.getvalue()


def days_csv(days: list[DayFactors]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180 line ends, so a "\r" inside a note is quoted
    writer.writerow((*DAY_COLUMNS, *DAY_OPTIONAL))
    for d in days:
        writer.writerow(
            [d.day.isoformat(), *(_number(getattr(d, f)) for f in FACTORS), ";".join(d.tags)]
        )
    return out.getvalue()


def at_line(where: str, line: int) -> str:
    """Where in a file: its name and the line, in the language in use."""
    return _("{file} line {line}").format(file=where, line=line)


@dataclass(frozen=True)
class _Row:
    line: int
    values: dict[str, str]


def _rows(
    text: str, columns: tuple[str, ...], where: str, optional: tuple[str, ...] = ()
) -> Iterator[_Row]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError(where=where, field="header", problem=_("the file is empty")) from None
    missing = [c for c in columns if c not in header]
    extra = [h for h in header if h not in columns and h not in optional]
    if missing or extra:
        raise InputError(
            where=at_line(where, 1),
            field="header",
            problem=_("missing columns: {missing}; unknown columns: {extra}").format(
                missing=", ".join(missing) or "-", extra=", ".join(extra)
            )
            if extra
            else _("missing columns: {missing}").format(missing=", ".join(missing)),
            hint=_("expected columns: {columns}").format(columns=", ".join((*columns, *optional))),
        )
    start = 2
    for record in reader:
        line = start
        start = reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            raise InputError(
                where=at_line(where, line),
                field="row",
                problem=_("{values} values for {columns} columns").format(
                    values=len(record), columns=len(header)
                ),
            )
        yield _Row(line, dict(zip(header, record, strict=True)))


def _cell(row: _Row, column: str, where: str, parse: Callable[[str], T]) -> T:
    """Parse one cell, re-raising any problem with the line number and column."""
    text = row.values[column].strip()
    try:
        return parse(text)
    except InputError as exc:
        raise InputError(
            where=at_line(where, row.line), field=column, problem=exc.problem, hint=exc.hint
        ) from None
    except ValueError:
        raise InputError(
            where=at_line(where, row.line),
            field=column,
            problem=_("'{text}' is not valid").format(text=text),
        ) from None


def _optional_float(text: str) -> float | None:
    if not text:
        return None
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _optional_int(text: str) -> int | None:
    return int(text) if text else None


def _aware(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise InputError(
            field="started_at",
            problem=_("'{text}' has no UTC offset").format(text=text),
            hint=_("e.g. {example}").format(example="2026-11-24T22:10+01:00"),
        )
    return value


def parse_episodes_csv(text: str, where: str = "episodes.csv") -> list[Episode]:
    """Every row as a validated episode, or InputError naming the first bad line and column."""
    episodes = []
    for row in _rows(text, EPISODE_COLUMNS, where):
        episode = Episode(
            started_at=_cell(row, "started_at", where, _aware),
            locations=_cell(row, "location", where, parse_locations),
            side=_cell(row, "side", where, lambda t: parse_side(t) if t else None),
            duration_s=_cell(row, "duration_s", where, _optional_float),
            intensity=_cell(row, "intensity", where, _optional_int),
            contexts=_cell(row, "context", where, parse_contexts),
            note=row.values["note"],
        )
        try:
            episodes.append(episode.validated())
        except InputError as exc:
            column = {"duration": "duration_s", "contexts": "context"}.get(exc.field, exc.field)
            raise InputError(
                where=at_line(where, row.line), field=column, problem=exc.problem, hint=exc.hint
            ) from None
    return episodes


def parse_days_csv(text: str, where: str = "days.csv") -> list[DayFactors]:
    """Every row as validated daily factors; a date given twice is an error."""
    days: dict[dt.date, DayFactors] = {}
    for row in _rows(text, DAY_COLUMNS, where, DAY_OPTIONAL):
        day = _cell(row, "date", where, dt.date.fromisoformat)
        if day in days:
            raise InputError(
                where=at_line(where, row.line),
                field="date",
                problem=_("{day} is given twice").format(day=day),
            )
        values = {}
        for factor in FACTORS:
            low, high, _unit = FACTOR_RANGES[factor]

            def parse(text: str, low: float = low, high: float = high) -> float | None:
                value = _optional_float(text)
                if value is not None and not low <= value <= high:
                    raise InputError(
                        field="",
                        problem=_("{value} is out of range").format(value=f"{value:g}"),
                        hint=f"{low:g}-{high:g}",
                    )
                return value

            values[factor] = _cell(row, factor, where, parse)
        tags = tuple(t for t in row.values.get("tags", "").split(";") if t.strip())
        try:
            days[day] = DayFactors(day, tags=tags, **values).validated()
        except InputError as exc:
            raise InputError(
                where=at_line(where, row.line),
                field=exc.field,
                problem=exc.problem,
                hint=exc.hint,
            ) from None
    return list(days.values())


def import_records(
    store: DiaryStore, episodes: list[Episode], days: list[DayFactors]
) -> tuple[int, int]:
    """Write parsed records in one transaction: new episodes are added (as many of each as the
    file has, less those already in the diary), days replace what was stored for the same date.
    Returns (episodes added, days written)."""
    from sqlalchemy import select

    from twitchcare.diary.days import row_values
    from twitchcare.diary.episodes import to_row_values
    from twitchcare.store.models import DayRow, EpisodeRow

    added = 0
    with store.session() as session:
        from collections import Counter

        key_columns = [getattr(EpisodeRow, c) for c in _EPISODE_KEY]
        # a multiset: two identical episodes in the file are two, and a second import adds none
        existing = Counter(tuple(r) for r in session.execute(select(*key_columns)))
        for episode in episodes:
            values = to_row_values(episode)
            key = tuple(values[c] for c in _EPISODE_KEY)
            if existing[key] > 0:
                existing[key] -= 1
                continue
            session.add(EpisodeRow(**values))
            added += 1
        for day in days:
            row = session.get(DayRow, day.day)
            values = row_values(day)
            if row is None:
                session.add(DayRow(day=day.day, **values))
            else:
                values["tags"] = row.tags if not day.tags else values["tags"]
                for key_name, value in values.items():
                    setattr(row, key_name, value)
    return added, len(days)


_EPISODE_KEY = (
    "started_at",
    "utc_offset_min",
    "locations",
    "side",
    "duration_s",
    "intensity",
    "contexts",
    "note",
)
