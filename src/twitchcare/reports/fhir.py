"""The diary as a FHIR R4 Bundle (type ``collection``) for health records.

What is in it: a Patient (gender only, and a name only when the person gives one); the
Questionnaire of the assessment interview, generated from ``knowledge/questions.yaml`` (one group
per screen, ``linkId`` = fact id); a QuestionnaireResponse for each saved assessment with an
Observation of its triage level; an Observation for each episode and for each known daily factor;
the person's age as an Observation; and the local CodeSystem for codes with no standard.

The Bundle is written as a stream of entries, so ten years of diary (about 200,000 resources)
never sit in memory twice. Plain dictionaries: the run time needs no FHIR library; the tests
validate the output with ``fhir.resources`` (R4B models).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from twitchcare.reports.fhir_codes import (
    CATEGORY_SYSTEM,
    FACTOR_CODES,
    ICD10CM,
    LOCAL_CONCEPTS,
    LOCAL_SYSTEM,
    LOINC,
    QUESTIONNAIRE_URL,
    SIDE_CODES,
    SNOMED,
    UCUM,
)

if TYPE_CHECKING:
    from twitchcare.kb.models import Fact, KnowledgeBase
    from twitchcare.store import DiaryStore

_NAMESPACE = uuid.UUID("5b8f3c1e-2f7d-4a51-9a43-6f1d2c7e0b11")  # fixed: same diary, same ids
_NAMESPACE_BYTES = _NAMESPACE.bytes
Resource = dict[str, Any]


def full_url(resource_type: str, ident: str) -> str:
    """A stable ``urn:uuid`` (a name-based UUID, version 5) so references resolve in the Bundle.

    Computed as :func:`uuid.uuid5` does, without building UUID objects: two hundred thousand
    resources made this a third of the export's time.
    """
    digest = hashlib.sha1(_NAMESPACE_BYTES + f"{resource_type}/{ident}".encode()).hexdigest()
    variant = "89ab"[int(digest[16], 16) & 3]
    return (
        f"urn:uuid:{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-{variant}{digest[17:20]}"
        f"-{digest[20:32]}"
    )


_SUBJECT = {"reference": full_url("Patient", "patient")}


def _coding(system: str, code: str, display: str) -> dict[str, str]:
    return {"system": system, "code": code, "display": display}


def _quantity(value: float, unit: str, code: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def _category(code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [_coding(CATEGORY_SYSTEM, code, display)]}]


def code_system(kb: KnowledgeBase) -> Resource:
    """Every local code the Bundle uses, defined (content ``complete``)."""
    from twitchcare.diary.records import CONTEXTS
    from twitchcare.locations import LOCATIONS, place_fact

    concepts = [{"code": c, "display": d} for c, d in LOCAL_CONCEPTS.items()]
    concepts += [
        {"code": code, "display": display}
        for system, code, display, _u, _s in FACTOR_CODES.values()
        if system == LOCAL_SYSTEM
    ]
    for loc in LOCATIONS:
        fact = kb.facts.get(place_fact(loc))
        concepts.append({"code": f"location-{loc}", "display": fact.text if fact else loc})
    concepts += [{"code": f"context-{c}", "display": c.replace("_", " ")} for c in CONTEXTS]
    concepts += [
        {"code": f"level-{level}", "display": text.title} for level, text in kb.levels.items()
    ]
    return {
        "resourceType": "CodeSystem",
        "id": "twitchcare-codes",
        "url": LOCAL_SYSTEM,
        "version": kb.version,
        "name": "TwitchcareCodes",
        "title": "twitchcare local codes (no standard code found)",
        "status": "active",
        "content": "complete",
        "caseSensitive": True,
        "count": len(concepts),
        "concept": concepts,
    }


def _question(fact: Fact) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": fact.id, "text": fact.text}
    if fact.kind == "boolean":
        item["type"] = "boolean"
    elif fact.kind == "number":
        item["type"] = "decimal"
    elif fact.kind == "choice":
        item["type"] = "choice"
        item["answerOption"] = [
            {"valueCoding": {"code": key, "display": label}}
            for key, label in (fact.choices or {}).items()
        ]
    else:
        item["type"] = "string"
        item["repeats"] = True
    return item


def questionnaire(kb: KnowledgeBase) -> Resource:
    """The assessment interview as a Questionnaire: one group per screen, linkId = fact id."""
    return {
        "resourceType": "Questionnaire",
        "id": "twitchcare-assessment",
        "url": QUESTIONNAIRE_URL,
        "version": kb.version,
        "name": "TwitchcareAssessment",
        "title": "twitchcare assessment: muscle twitching",
        "status": "active",
        "subjectType": ["Patient"],
        "date": kb.date,
        "item": [
            {
                "linkId": screen.id,
                "text": screen.title,
                "type": "group",
                "item": [_question(kb.facts[f]) for f in screen.facts],
            }
            for screen in kb.screens
        ],
    }


def _answer(fact: Fact, value: Any) -> list[dict[str, Any]] | None:
    if value is None:
        return None
    if fact.kind == "boolean" and isinstance(value, bool):
        return [{"valueBoolean": value}]
    if fact.kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return [{"valueDecimal": value}]
    if fact.kind == "choice" and isinstance(value, str):
        label = (fact.choices or {}).get(value, value)
        return [{"valueCoding": {"code": value, "display": label}}]
    if fact.kind == "list" and isinstance(value, list):
        return [{"valueString": str(v)} for v in value if str(v).strip()] or None
    return None


def _response(
    kb: KnowledgeBase, ident: str, at: dt.datetime, answers: dict[str, Any], version: str
) -> Resource:
    groups = []
    for screen in kb.screens:
        items = []
        for fact_id in screen.facts:
            answer = _answer(kb.facts[fact_id], answers.get(fact_id))
            if answer:
                items.append({"linkId": fact_id, "text": kb.facts[fact_id].text, "answer": answer})
        if items:
            groups.append({"linkId": screen.id, "text": screen.title, "item": items})
    resource: Resource = {
        "resourceType": "QuestionnaireResponse",
        "id": ident,
        "questionnaire": f"{QUESTIONNAIRE_URL}|{version}",
        "status": "completed",
        "subject": _SUBJECT,
        "authored": at.isoformat(),
        "source": _SUBJECT,
    }
    if groups:
        resource["item"] = groups
    return resource


def _patient(sex: str | None, name: str | None) -> Resource:
    patient: Resource = {"resourceType": "Patient", "id": "patient"}
    if sex in ("female", "male"):
        patient["gender"] = sex
    if name and name.strip():
        patient["name"] = [{"text": name.strip()}]
    return patient


def _observation(ident: str, code: dict[str, Any], **fields: Any) -> Resource:
    return {
        "resourceType": "Observation",
        "id": ident,
        "status": "final",
        "code": code,
        "subject": _SUBJECT,
        **fields,
    }


_LOCAL = {
    name: {"coding": [{"system": LOCAL_SYSTEM, "code": name}]}
    for name in ("location", "side", "duration", "intensity", "context")
}
_SIDES = {
    side: {"coding": [_coding(SNOMED, code, display)]}
    for side, (code, display) in SIDE_CODES.items()
}
_EPISODE_CODE = {
    "coding": [
        _coding(ICD10CM, "R25.3", "Fasciculation"),
        _coding(LOCAL_SYSTEM, "twitch-episode", "Twitch episode"),
    ],
    "text": "Muscle twitch episode (self-reported)",
}
# No category: a self-reported episode is neither an examination finding nor a survey answer.


class _EpisodeParts:
    """Shared pieces of episode Observations, built once per export.

    Ten years of diary is about 190,000 episodes: building each component dictionary afresh cost
    more than writing the JSON, so identical pieces (a place, a side, an intensity) are shared.
    """

    def __init__(self) -> None:
        self.zones: dict[int, tuple[dt.timedelta, str]] = {}
        self.places: dict[str, dict[str, Any]] = {}
        self.contexts: dict[str, dict[str, Any]] = {}
        self.sides = {
            side: {"code": _LOCAL["side"], "valueCodeableConcept": concept}
            for side, concept in _SIDES.items()
        }
        self.intensities: dict[int, dict[str, Any]] = {}
        self.combos: dict[tuple[Any, ...], tuple[dict[str, Any], ...]] = {}

    def local(self, offset: int) -> tuple[dt.timedelta, str]:
        """The shift from UTC to local time and its ISO 8601 suffix (``+01:00``)."""
        if offset not in self.zones:
            zone = dt.timezone(dt.timedelta(minutes=offset))
            suffix = dt.datetime(2000, 1, 1, tzinfo=zone).isoformat()[19:]
            self.zones[offset] = (dt.timedelta(minutes=offset), suffix)
        return self.zones[offset]

    def place(self, loc: str) -> dict[str, Any]:
        if loc not in self.places:
            self.places[loc] = {
                "code": _LOCAL["location"],
                "valueCodeableConcept": {
                    "coding": [{"system": LOCAL_SYSTEM, "code": f"location-{loc}"}]
                },
            }
        return self.places[loc]

    def context(self, ctx: str) -> dict[str, Any]:
        if ctx not in self.contexts:
            self.contexts[ctx] = {
                "code": _LOCAL["context"],
                "valueCodeableConcept": {
                    "coding": [{"system": LOCAL_SYSTEM, "code": f"context-{ctx}"}]
                },
            }
        return self.contexts[ctx]

    def intensity(self, value: int) -> dict[str, Any]:
        if value not in self.intensities:
            self.intensities[value] = {"code": _LOCAL["intensity"], "valueInteger": value}
        return self.intensities[value]

    def fixed(
        self, locations: str, side: str | None, intensity: int | None, contexts: str
    ) -> tuple[dict[str, Any], ...]:
        """The components that repeat across episodes (places, side, intensity, context)."""
        key = (locations, side, intensity, contexts)
        found = self.combos.get(key)
        if found is None:
            parts = [self.place(loc) for loc in locations.split(";")]
            if side in self.sides:
                parts.append(self.sides[side])
            if intensity is not None:
                parts.append(self.intensity(intensity))
            parts += [self.context(c) for c in contexts.split(";") if c]
            found = self.combos[key] = tuple(parts)
        return found


def _episode(ident: int, row: tuple[Any, ...], parts: _EpisodeParts) -> Resource:
    started, offset, locations, side, duration, intensity, contexts, note = row
    if isinstance(started, str):  # SQLite hands back text; parsing it here is much cheaper
        started = dt.datetime.fromisoformat(started)
    shift, suffix = parts.local(offset)
    local_time = (started + shift).isoformat() + suffix  # as aware isoformat() writes it
    components = list(parts.fixed(locations, side, intensity, contexts))
    if duration is not None:
        components.append(
            {"code": _LOCAL["duration"], "valueQuantity": _quantity(duration, "s", "s")}
        )
    obs: Resource = {
        "resourceType": "Observation",
        "id": f"episode-{ident}",
        "status": "final",
        "code": _EPISODE_CODE,
        "subject": _SUBJECT,
        "effectiveDateTime": local_time,
        "valueBoolean": True,
        "component": components,
    }
    if note:
        obs["note"] = [{"text": note}]
    return obs


#: Sleep, exercise and relaxation are what a person does (``activity``); intake is social history.
_FACTOR_CATEGORY = {
    factor: _category("activity", "Activity")
    if factor in ("sleep_hours", "exercise_min", "relaxation_min")
    else _category("social-history", "Social History")
    for factor in FACTOR_CODES
}


def _factor(day: dt.date, factor: str, value: float) -> Resource:
    system, code, display, unit_code, unit = FACTOR_CODES[factor]
    return _observation(
        f"day-{day.isoformat()}-{factor.replace('_', '-')}",
        {"coding": [_coding(system, code, display)], "text": display},
        category=_FACTOR_CATEGORY[factor],
        effectiveDateTime=day.isoformat(),
        valueQuantity=_quantity(value, unit, unit_code),
    )


def bundle_entries(
    store: DiaryStore, kb: KnowledgeBase, *, name: str | None = None
) -> Iterator[Resource]:
    """Every resource of the export, in order: codes, questionnaire, patient, then the diary."""
    from sqlalchemy import select

    from twitchcare.diary.assessments import list_assessments
    from twitchcare.diary.profile import get_profile
    from twitchcare.diary.records import FACTORS
    from twitchcare.store.models import DayRow, EpisodeRow

    profile = get_profile(store)
    assessments = list_assessments(store)
    sex: str | None = profile.sex if profile else None
    age: object = profile.age if profile else None
    if assessments and sex is None:
        told = assessments[-1].answers.get("sex")
        sex = told if isinstance(told, str) else None
    if assessments and age is None:
        age = assessments[-1].answers.get("age")
    yield code_system(kb)
    yield questionnaire(kb)
    yield _patient(sex, name)
    if isinstance(age, int | float) and not isinstance(age, bool):
        yield _observation(
            "age",
            {"coding": [_coding(LOINC, "30525-0", "Age")], "text": "Age"},
            category=_category("social-history", "Social History"),
            effectiveDateTime=dt.date.today().isoformat(),
            valueQuantity=_quantity(age, "years", "a"),
        )
    for saved in assessments:
        response = f"assessment-{saved.id}"
        yield _response(kb, response, saved.at, saved.answers, saved.kb_version)
        level = str(saved.result.get("triage", ""))
        if level in kb.levels:
            yield _observation(
                f"assessment-{saved.id}-level",
                {"coding": [_coding(LOCAL_SYSTEM, "triage-level", "Triage level")]},
                category=_category("survey", "Survey"),
                effectiveDateTime=saved.at.isoformat(),
                valueCodeableConcept={
                    "coding": [_coding(LOCAL_SYSTEM, f"level-{level}", kb.levels[level].title)]
                },
                derivedFrom=[{"reference": full_url("QuestionnaireResponse", response)}],
            )
    columns = [getattr(DayRow, f) for f in FACTORS]
    with store.session() as session:
        # Plain driver rows: ten years of episodes skip SQLAlchemy's per-row type processing.
        # started_at comes back as text on SQLite and as a datetime on PostgreSQL.
        episode_rows = (
            session.connection()
            .exec_driver_sql(
                "SELECT started_at, utc_offset_min, locations, side, duration_s, intensity,"
                f" contexts, note FROM {EpisodeRow.__tablename__} ORDER BY started_at, id"
            )
            .fetchall()
        )
        day_rows = session.execute(select(DayRow.day, *columns).order_by(DayRow.day)).all()
    parts = _EpisodeParts()
    for n, row in enumerate(episode_rows, 1):
        yield _episode(n, tuple(row), parts)
    for row in day_rows:
        for factor, value in zip(FACTORS, row[1:], strict=True):
            if value is not None:
                yield _factor(row[0], factor, float(value))


def _entry(resource: Resource) -> dict[str, Any]:
    return {"fullUrl": full_url(resource["resourceType"], resource["id"]), "resource": resource}


def bundle(store: DiaryStore, kb: KnowledgeBase, *, name: str | None = None) -> Resource:
    """The whole export as one dictionary (for tests and the web download of small diaries)."""
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "entry": [_entry(r) for r in bundle_entries(store, kb, name=name)],
    }


def write_bundle(
    handle: IO[bytes], store: DiaryStore, kb: KnowledgeBase, *, name: str | None = None
) -> int:
    """Stream the Bundle as UTF-8 JSON to ``handle``; returns the number of resources written."""
    import orjson

    stamp = orjson.dumps(dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    handle.write(b'{"resourceType": "Bundle", "type": "collection", "timestamp": ' + stamp)
    handle.write(b',\n "entry": [\n')
    count = 0
    batch: list[bytes] = []
    for resource in bundle_entries(store, kb, name=name):
        batch.append(orjson.dumps(_entry(resource)))
        if len(batch) == 1000:  # fewer, larger writes
            handle.write((b",\n" if count else b"") + b",\n".join(batch))
            count += len(batch)
            batch = []
    if batch:
        handle.write((b",\n" if count else b"") + b",\n".join(batch))
        count += len(batch)
    handle.write(b"\n]}\n")
    return count
