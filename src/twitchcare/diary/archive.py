"""The whole diary as one JSON document, and back.

CSV covers episodes and days for spreadsheets; the JSON archive carries everything (profile,
episodes, days with tags, intake, experiments, saved assessments, relaxation practice and
programmes) so a person can move their
diary to another computer or another database. Import follows the CSV rules: everything is
validated first, the first problem is reported with its place in the document, and all is written
in one transaction; records already present are not added twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TypeVar

from twitchcare.catalogue import gettext as _
from twitchcare.diary.experiments import Experiment
from twitchcare.diary.intake import IntakeEntry, check_day_sums
from twitchcare.diary.profile import Profile
from twitchcare.diary.records import DayFactors, Episode
from twitchcare.errors import InputError

if TYPE_CHECKING:
    from twitchcare.store import DiaryStore

FORMAT = "twitchcare-diary"
VERSION = 1
T = TypeVar("T")
_INTAKE_FIELDS = (
    "day",
    "kind",
    "description",
    "grams",
    "magnesium_mg",
    "caffeine_mg",
    "alcohol_units",
    "food_id",
)


def _plain(obj: object) -> object:
    if isinstance(obj, dt.datetime | dt.date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    return obj


def _without_id(obj: Any) -> object:
    return _plain({k: v for k, v in asdict(obj).items() if k != "id"})


def export_json(store: DiaryStore) -> dict[str, object]:
    """Everything in the diary, JSON-ready."""
    from sqlalchemy import select

    from twitchcare.diary.assessments import list_assessments
    from twitchcare.diary.days import list_days
    from twitchcare.diary.episodes import list_episodes
    from twitchcare.diary.experiments import list_experiments
    from twitchcare.diary.profile import get_profile
    from twitchcare.store.models import IntakeRow, RelaxProgrammeRow, RelaxSessionRow

    with store.session() as session:
        rows = session.scalars(select(IntakeRow).order_by(IntakeRow.id))
        intake = [{c: getattr(r, c) for c in _INTAKE_FIELDS} for r in rows]
        practice = [
            {
                "at": _aware_from(r.at, r.utc_offset_min).isoformat(),
                "session": r.session,
                "minutes": r.minutes,
                "completed": r.completed,
                "factor": r.factor,
            }
            for r in session.scalars(
                select(RelaxSessionRow).order_by(RelaxSessionRow.at, RelaxSessionRow.id)
            )
        ]
        programmes = [
            {
                "programme": r.programme,
                "start": r.start.isoformat(),
                "stopped": r.stopped.isoformat() if r.stopped else None,
            }
            for r in session.scalars(select(RelaxProgrammeRow).order_by(RelaxProgrammeRow.id))
        ]
    profile = get_profile(store)
    return {
        "format": FORMAT,
        "version": VERSION,
        "profile": _plain(asdict(profile)) if profile else None,
        "episodes": [_without_id(e) for e in list_episodes(store)],
        "days": [_plain(asdict(d)) for d in list_days(store)],
        "intake": _plain(intake),
        "experiments": [_without_id(e) for e in list_experiments(store)],
        "assessments": [_without_id(a) for a in list_assessments(store)],
        "relaxation": practice,
        "programmes": programmes,
    }


def _aware_from(naive_utc: dt.datetime, offset_min: int) -> dt.datetime:
    return naive_utc.replace(tzinfo=dt.UTC).astimezone(
        dt.timezone(dt.timedelta(minutes=offset_min))
    )


def _each(
    doc: dict[str, Any], section: str, where: str, build: Callable[[dict[str, Any]], T]
) -> list[T]:
    items = doc.get(section) or []
    if not isinstance(items, list):
        raise InputError(where=where, field=section, problem=_("must be a list"))
    out = []
    for i, item in enumerate(items):
        place = f"{where} {section}[{i}]"
        try:
            if not isinstance(item, dict):
                raise InputError(field=section, problem=_("must be an object"))
            out.append(build(item))
        except InputError as exc:
            raise InputError(
                where=place, field=exc.field, problem=exc.problem, hint=exc.hint
            ) from None
        except KeyError as exc:
            raise InputError(where=place, field=str(exc.args[0]), problem=_("is missing")) from None
        except (TypeError, ValueError) as exc:
            raise InputError(
                where=place, field=section, problem=_("invalid value ({reason})").format(reason=exc)
            ) from None
    return out


def _aware(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise InputError(
            field="started_at", problem=_("'{text}' has no UTC offset").format(text=text)
        )
    return value


def _episode(d: dict[str, Any]) -> Episode:
    return Episode(
        started_at=_aware(d["started_at"]),
        locations=tuple(d["locations"]),
        side=d.get("side"),
        duration_s=d.get("duration_s"),
        intensity=d.get("intensity"),
        contexts=tuple(d.get("contexts") or ()),
        note=d.get("note") or "",
    ).validated()


def _day(d: dict[str, Any]) -> DayFactors:
    values = {k: v for k, v in d.items() if k not in ("day", "tags")}
    return DayFactors(
        day=dt.date.fromisoformat(d["day"]), tags=tuple(d.get("tags") or ()), **values
    ).validated()


def _intake(d: dict[str, Any]) -> IntakeEntry:
    return IntakeEntry(**{**d, "day": dt.date.fromisoformat(d["day"])}).validated()


def _experiment(d: dict[str, Any]) -> Experiment:
    return Experiment(
        **{**d, "start": dt.date.fromisoformat(d["start"]), "end": dt.date.fromisoformat(d["end"])}
    ).validated()


def _assessment(d: dict[str, Any]) -> tuple[dt.datetime, dict[str, Any], dict[str, Any], str]:
    at = dt.datetime.fromisoformat(d["at"])
    if at.tzinfo is None or not isinstance(d["answers"], dict) or not isinstance(d["result"], dict):
        raise InputError(
            field="assessment",
            problem=_("needs an 'at' with a UTC offset and objects for answers and result"),
        )
    return at, d["answers"], d["result"], str(d["kb_version"])


def import_json(store: DiaryStore, doc: object, where: str = "diary.json") -> dict[str, int]:
    """Validate the whole archive, then write it in one transaction; returns counts added."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InputError(
            where=where,
            field="format",
            problem=_("is not a {format} archive").format(format=FORMAT),
        )
    if doc.get("version") != VERSION:
        raise InputError(
            where=where,
            field="version",
            problem=_("version {version} is not supported").format(
                version=repr(doc.get("version"))
            ),
            hint=_("this twitchcare reads version {version}").format(version=VERSION),
        )
    profile = None
    if doc.get("profile") is not None:
        [profile] = _each({"profile": [doc["profile"]]}, "profile", where, lambda d: Profile(**d))
        profile.validated()
    episodes = _each(doc, "episodes", where, _episode)
    days = _each(doc, "days", where, _day)
    intake = _each(doc, "intake", where, _intake)
    experiments = _each(doc, "experiments", where, _experiment)
    assessments = _each(doc, "assessments", where, _assessment)
    practice = _each(doc, "relaxation", where, _practice)
    programmes = _each(doc, "programmes", where, _programme)
    return _write(
        store, profile, episodes, days, intake, experiments, assessments, practice, programmes
    )


def _practice(d: dict[str, Any]) -> dict[str, Any]:
    """A practised relaxation session as row values (its minutes are already in the days)."""
    at = _aware(d["at"])
    minutes = d["minutes"]
    if isinstance(minutes, bool) or not isinstance(minutes, int | float) or not 0 < minutes <= 1440:
        raise InputError(
            field="minutes", problem=_("'{minutes}' is not 0-1440 minutes").format(minutes=minutes)
        )
    name = d["session"]
    if not isinstance(name, str) or not 1 <= len(name) <= 40:
        raise InputError(field="session", problem=_("needs a session id of 1-40 characters"))
    factor = d.get("factor", "relaxation_min")
    if factor not in ("relaxation_min", "exercise_min"):
        raise InputError(
            field="factor",
            problem=_("'{factor}' is not a known factor").format(factor=factor),
            hint=_("{first} or {second}").format(first="relaxation_min", second="exercise_min"),
        )
    offset = at.utcoffset() or dt.timedelta()
    return {
        "factor": factor,
        "at": at.astimezone(dt.UTC).replace(tzinfo=None),
        "utc_offset_min": int(offset.total_seconds() // 60),
        "day": at.date(),
        "session": name,
        "minutes": float(minutes),
        "completed": bool(d["completed"]),
    }


def _programme(d: dict[str, Any]) -> dict[str, Any]:
    name = d["programme"]
    if not isinstance(name, str) or not 1 <= len(name) <= 40:
        raise InputError(field="programme", problem=_("needs a programme id of 1-40 characters"))
    start = dt.date.fromisoformat(d["start"])
    stopped = dt.date.fromisoformat(d["stopped"]) if d.get("stopped") else None
    return {"programme": name, "start": start, "stopped": stopped}


def _key(values: list[object]) -> tuple[object, ...]:
    """A hashable identity for a row; JSON columns compare by their canonical text."""
    import json

    return tuple(json.dumps(v, sort_keys=True) if isinstance(v, dict) else v for v in values)


def _write(
    store: DiaryStore,
    profile: Profile | None,
    episodes: list[Episode],
    days: list[DayFactors],
    intake: list[IntakeEntry],
    experiments: list[Experiment],
    assessments: list[tuple[dt.datetime, dict[str, Any], dict[str, Any], str]],
    practice: list[dict[str, Any]],
    programmes: list[dict[str, Any]],
) -> dict[str, int]:
    from sqlalchemy import select

    from twitchcare.diary.days import row_values
    from twitchcare.diary.episodes import to_row_values
    from twitchcare.store.models import (
        AssessmentRow,
        DayRow,
        EpisodeRow,
        ExperimentRow,
        IntakeRow,
        ProfileRow,
        RelaxProgrammeRow,
        RelaxSessionRow,
    )

    def utc(at: dt.datetime) -> tuple[dt.datetime, int]:
        offset = at.utcoffset() or dt.timedelta()
        return at.astimezone(dt.UTC).replace(tzinfo=None), int(offset.total_seconds() // 60)

    added = {
        "episodes": 0,
        "days": len(days),
        "intake": 0,
        "experiments": 0,
        "assessments": 0,
        "relaxation sessions": 0,
        "programmes": 0,
    }
    with store.session() as session:

        def add_new(model: Any, rows: list[dict[str, Any]], counter: str) -> None:
            """Rows not in the diary yet, counted as a multiset: three identical espressos in
            the archive are three entries, and importing the same archive twice adds nothing."""
            from collections import Counter

            columns = list(rows[0]) if rows else []
            have = Counter(
                _key([getattr(r, c) for c in columns]) for r in session.scalars(select(model))
            )
            for row in rows:
                key = _key([row[c] for c in columns])
                if have[key] > 0:
                    have[key] -= 1  # this one is in the diary already
                    continue
                session.add(model(**row))
                added[counter] += 1

        if profile is not None:
            row = session.get(ProfileRow, 1) or ProfileRow(id=1)
            for name, value in asdict(profile).items():
                setattr(row, name, value)
            session.add(row)
        add_new(EpisodeRow, [to_row_values(e) for e in episodes], "episodes")
        for day in days:
            existing = session.get(DayRow, day.day)
            if existing is None:
                session.add(DayRow(day=day.day, **row_values(day)))
            else:
                for name, value in row_values(day).items():
                    setattr(existing, name, value)
        add_new(IntakeRow, [{c: getattr(i, c) for c in _INTAKE_FIELDS} for i in intake], "intake")
        session.flush()  # the limits hold for the day sums after the import, or nothing is written
        check_day_sums(session, [], {i.day for i in intake})
        add_new(
            ExperimentRow,
            [{k: v for k, v in asdict(e).items() if k != "id"} for e in experiments],
            "experiments",
        )
        assessment_rows = []
        for at, answers, result, kb_version in assessments:
            naive, offset = utc(at)
            assessment_rows.append(
                {
                    "at": naive,
                    "utc_offset_min": offset,
                    "answers": answers,
                    "result": result,
                    "kb_version": kb_version,
                }
            )
        add_new(AssessmentRow, assessment_rows, "assessments")
        add_new(RelaxSessionRow, practice, "relaxation sessions")
        add_new(RelaxProgrammeRow, programmes, "programmes")
    return added
