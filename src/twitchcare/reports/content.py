"""What the doctor's report says, as plain data: assembled once, rendered by each adapter.

The PDF renderer, the web page and any test read the same :class:`DoctorReport`; none of them
recomputes a figure or words a finding differently. Everything here is self-reported by the
person, and the report says so on every page.

Bounded by design: every list has a cap (places, causes, reasons, medicines) so that even a
ten-year diary and a long medicine list fit on one page, two at most.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from twitchcare.diary.analysis import PER_UNIT
from twitchcare.diary.records import FACTOR_LABELS, FACTORS

if TYPE_CHECKING:
    from twitchcare.diary.analysis import FactorResult
    from twitchcare.diary.assessments import SavedAssessment
    from twitchcare.diary.persistence import Persistence
    from twitchcare.diary.profile import Profile
    from twitchcare.kb.logic import FactValue
    from twitchcare.kb.models import KnowledgeBase

#: The default period when none is given: long enough for a course, short enough to read.
DEFAULT_DAYS = 90
MAX_PLACES = 8
MAX_CAUSES = 5
MAX_REASONS = 4
MAX_MEDICINES = 12
MARKER = "Self-reported by the patient with twitchcare. Not a diagnosis."
TITLE = "Muscle twitching: summary for the doctor"


@dataclass(frozen=True)
class Item:
    """One labelled value, e.g. ("Age", "34 years")."""

    label: str
    value: str


@dataclass(frozen=True)
class Place:
    label: str
    episodes: int
    share: float  # of all episodes in the period, 0..1


@dataclass(frozen=True)
class Course:
    """Episodes a day over the period; ``None`` marks a day with nothing logged (unknown)."""

    days: list[dt.date]
    counts: list[int | None]
    summary: list[Item]


@dataclass(frozen=True)
class RedFlagAnswer:
    fact: str
    question: str
    answer: str  # "yes", "no" or "not asked"


@dataclass(frozen=True)
class AssessmentSummary:
    at: dt.datetime
    level: str
    title: str
    specialist: str
    reasons: list[str]
    causes: list[Item]  # name, probability as text


@dataclass(frozen=True)
class FactorFinding:
    """One daily factor: the same-day and next-day findings, each with its uncertainty."""

    factor: str
    label: str
    per: str
    same_day: str
    next_day: str
    verdict: str  # the stronger of the two verdicts: associated > no_evidence > not_enough_data


@dataclass(frozen=True)
class DoctorReport:
    title: str
    marker: str
    generated: dt.date
    period_start: dt.date
    period_end: dt.date
    who: list[Item]
    since: list[Item]
    places: list[Place]
    places_note: str
    course: Course
    red_flags: list[RedFlagAnswer]
    red_flags_note: str
    assessment: AssessmentSummary | None
    factors: list[FactorFinding]
    factor_rule: str
    intake: list[Item]
    medicines: list[str]
    questions: list[str]
    knowledge_version: str
    sources: list[Item] = field(default_factory=list)  # id -> "publisher, url"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, for the web app and tests."""

        def plain(obj: object) -> object:
            if isinstance(obj, dt.datetime | dt.date):
                return obj.isoformat()
            if isinstance(obj, dict):
                return {k: plain(v) for k, v in obj.items()}
            if isinstance(obj, list | tuple):
                return [plain(v) for v in obj]
            return obj

        result = plain(asdict(self))
        assert isinstance(result, dict)
        return result


@dataclass(frozen=True)
class ReportInputs:
    """Everything the report is made from, already read from the diary (so assembly is pure)."""

    today: dt.date
    start: dt.date
    end: dt.date
    profile: Profile | None
    first_episode_ever: dt.date | None
    counts_by_day: dict[dt.date, int]  # within the period
    logged_days: set[dt.date]  # days in the period with factors or episodes
    location_totals: dict[str, int]  # within the period
    factor_means: dict[str, tuple[float, int]]  # factor -> (mean per known day, days known)
    factor_results: list[FactorResult]
    persistence: Persistence
    assessment: SavedAssessment | None


def red_flag_facts(kb: KnowledgeBase) -> tuple[str, ...]:
    """Yes/no questions of the rules that call for urgent or emergency care, in rule order.

    The same set the engine names when they are left unanswered (a test holds the two equal).
    """
    from twitchcare.kb.logic import leaves, level_rank

    names: dict[str, None] = {}
    for rule in kb.rules:
        if level_rank(rule.level) < level_rank("urgent"):
            continue
        for test in leaves(rule.when):
            fact = kb.facts.get(test.fact)
            if fact and fact.kind == "boolean" and not fact.derived:
                names[test.fact] = None
    return tuple(names)


def _place_label(kb: KnowledgeBase, loc: str) -> str:
    fact = kb.facts.get(f"loc.{loc}")
    return fact.text if fact else loc.replace("_", " ")


def _places(kb: KnowledgeBase, totals: dict[str, int]) -> tuple[list[Place], str]:
    total = sum(totals.values())
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = [
        Place(_place_label(kb, loc), n, n / total if total else 0.0)
        for loc, n in ranked[:MAX_PLACES]
    ]
    rest = ranked[MAX_PLACES:]
    note = ""
    if rest:
        note = f"and {len(rest)} more place(s) with {sum(n for _, n in rest)} episode(s)"
    return shown, note


def _assessment_places(kb: KnowledgeBase, answers: dict[str, Any]) -> str:
    from twitchcare.locations import LOCATIONS

    ticked = [_place_label(kb, loc) for loc in LOCATIONS if answers.get(f"loc.{loc}") is True]
    side = answers.get("side")
    if len(ticked) > MAX_PLACES:
        ticked = [*ticked[:MAX_PLACES], f"and {len(ticked) - MAX_PLACES} more"]
    text = ", ".join(ticked)
    if text and isinstance(side, str) and side in ("left", "right", "both"):
        text += f" ({side} side)" if side != "both" else " (both sides)"
    return text


def _who(inputs: ReportInputs) -> list[Item]:
    answers = inputs.assessment.answers if inputs.assessment else {}
    age: object = inputs.profile.age if inputs.profile else answers.get("age")
    sex: object = inputs.profile.sex if inputs.profile else answers.get("sex")
    return [
        Item("Age", f"{age:g} years" if isinstance(age, int | float) else "not given"),
        Item("Sex", str(sex) if isinstance(sex, str) else "not given"),
    ]


def _since(kb: KnowledgeBase, inputs: ReportInputs) -> list[Item]:
    items: list[Item] = []
    saved = inputs.assessment
    if saved is not None:
        days = saved.answers.get("duration_days")
        if isinstance(days, int | float) and not isinstance(days, bool):
            onset = saved.at.date() - dt.timedelta(days=int(days))
            items.append(
                Item(
                    "Began (as told)",
                    f"about {onset:%d %b %Y} ({days:g} days before {saved.at:%d %b %Y})",
                )
            )
        pattern = saved.answers.get("pattern")
        fact = kb.facts.get("pattern")
        choices = (fact.choices or {}) if fact else {}
        if isinstance(pattern, str):
            items.append(Item("Pattern", choices.get(pattern, pattern)))
    if inputs.first_episode_ever is not None:
        items.append(Item("First diary episode", f"{inputs.first_episode_ever:%d %b %Y}"))
    p = inputs.persistence
    flags = [w for w, on in (("persistent", p.persistent), ("returning", p.returning)) if on]
    items.append(
        Item("Lasting or returning", f"{' and '.join(flags)}: {p.reason}" if flags else p.reason)
    )
    return items


def _course(inputs: ReportInputs) -> Course:
    days = [
        inputs.start + dt.timedelta(days=i) for i in range((inputs.end - inputs.start).days + 1)
    ]
    counts: list[int | None] = [
        inputs.counts_by_day.get(d, 0) if d in inputs.logged_days else None for d in days
    ]
    known = [c for c in counts if c is not None]
    episodes = sum(known)
    summary = [
        Item("Days logged", f"{len(known)} of {len(days)}"),
        Item("Episodes", str(episodes)),
        Item(
            "Per logged day",
            f"{episodes / len(known):.1f} (most {max(known)})" if known else "no days logged",
        ),
        Item("Days with twitching", str(sum(1 for c in known if c > 0))),
    ]
    last7 = [c for c in counts[-7:] if c is not None]
    prev7 = [c for c in counts[-14:-7] if c is not None]
    if len(last7) >= 4 and len(prev7) >= 4:
        summary.append(
            Item(
                "Last 7 vs previous 7 days",
                f"{sum(last7) / len(last7):.1f} vs {sum(prev7) / len(prev7):.1f} per logged day",
            )
        )
    return Course(days=days, counts=counts, summary=summary)


def _red_flags(kb: KnowledgeBase, saved: SavedAssessment | None) -> tuple[list[RedFlagAnswer], str]:
    answers = saved.answers if saved else {}
    out = []
    for fact in red_flag_facts(kb):
        value = answers.get(fact)
        answer = "not asked" if value is None else ("yes" if value is True else "no")
        out.append(RedFlagAnswer(fact, kb.facts[fact].text, answer))
    # What was answered "yes" first, then "no", then what was not asked (rule order within each).
    out.sort(key=lambda a: ("yes", "no", "not asked").index(a.answer))
    if saved is None:
        note = "No assessment saved in the diary: the red-flag questions were not asked."
    else:
        yes = sum(a.answer == "yes" for a in out)
        unasked = sum(a.answer == "not asked" for a in out)
        note = (
            f"Answers from the assessment of {saved.at:%d %b %Y %H:%M}: {yes} yes, "
            f"{len(out) - yes - unasked} no, {unasked} not asked (not asked is not a no)."
        )
    return out, note


_SPECIALISTS = {
    "emergency_services": "emergency services",
    "family_doctor": "family doctor",
    "neurologist": "neurologist",
    "endocrinologist": "endocrinologist",
    "ophthalmologist": "ophthalmologist",
    "sleep_specialist": "sleep specialist",
    "pharmacist": "pharmacist",
    "midwife_or_obstetrician": "midwife or obstetrician",
    "none": "none named",
}


def specialist_words(specialist: str) -> str:
    """A specialist of ``knowledge/vocabulary.yaml`` as the report names it (a test holds the
    table to the vocabulary); an id from an older result is shown as it was stored."""
    return _SPECIALISTS.get(specialist, specialist.replace("_", " "))


def _assessment(kb: KnowledgeBase, saved: SavedAssessment | None) -> AssessmentSummary | None:
    if saved is None:
        return None
    result = saved.result
    level = str(result.get("triage", "unknown"))
    level_text = kb.levels.get(level)
    title = str(result.get("title") or (level_text.title if level_text else level))
    specialist = str(result.get("specialist") or "none")
    reasons = [str(r.get("message", "")) for r in result.get("reasons", [])][:MAX_REASONS]
    causes = [
        Item(str(c.get("name", c.get("id", "?"))), f"{100 * float(c.get('probability', 0)):.0f}%")
        for c in result.get("causes", [])[:MAX_CAUSES]
    ]
    return AssessmentSummary(
        at=saved.at,
        level=level,
        title=title,
        specialist=specialist_words(specialist),
        reasons=reasons,
        causes=causes,
    )


def _finding(result: FactorResult | None) -> str:
    if result is None:
        return "not analysed"
    if result.rate_ratio is None or result.ci_low is None or result.ci_high is None:
        return f"not enough data ({result.days_used} days)"
    text = (
        f"x{result.rate_ratio:.2f} (95% CI {result.ci_low:.2f}-{result.ci_high:.2f}), "
        f"{result.days_used} days"
    )
    if result.verdict == "associated":
        direction = "more" if result.rate_ratio > 1 else "less"
        return f"{direction} twitching: {text}"
    return f"no clear difference: {text}"


_VERDICT_RANK = {"associated": 2, "no_evidence": 1, "not_enough_data": 0}


def _factors(results: list[FactorResult]) -> list[FactorFinding]:
    by_key = {(r.factor, r.lag_days): r for r in results}
    out = []
    for factor in FACTORS:
        same, nxt = by_key.get((factor, 0)), by_key.get((factor, 1))
        verdicts = [r.verdict for r in (same, nxt) if r is not None] or ["not_enough_data"]
        out.append(
            FactorFinding(
                factor=factor,
                label=FACTOR_LABELS[factor],
                per=PER_UNIT[factor][1],
                same_day=_finding(same),
                next_day=_finding(nxt),
                verdict=max(verdicts, key=lambda v: _VERDICT_RANK.get(v, 0)),
            )
        )
    # Findings first, then "no clear difference", then "not enough data": most telling first.
    out.sort(key=lambda f: -_VERDICT_RANK.get(f.verdict, 0))
    return out


def _intake(inputs: ReportInputs) -> list[Item]:
    def mean(factor: str, scale: float, unit: str, decimals: int = 0) -> str:
        value, n = inputs.factor_means.get(factor, (0.0, 0))
        if n == 0:
            return "not logged"
        return f"{value * scale:.{decimals}f} {unit} (average of {n} logged days)"

    items = [
        Item("Caffeine (diary)", mean("caffeine_mg", 1, "mg/day")),
        Item("Alcohol (diary)", mean("alcohol_units", 7, "units/week", 1)),
        Item("Magnesium from food (diary)", mean("magnesium_mg", 1, "mg/day")),
        Item("Relaxation (diary)", mean("relaxation_min", 1, "min/day")),
    ]
    answers = inputs.assessment.answers if inputs.assessment else {}
    told = []
    caffeine = answers.get("caffeine_mg_per_day")
    if isinstance(caffeine, int | float) and not isinstance(caffeine, bool):
        told.append(f"caffeine {caffeine:g} mg/day")
    alcohol = answers.get("alcohol_units_per_week")
    if isinstance(alcohol, int | float) and not isinstance(alcohol, bool):
        told.append(f"alcohol {alcohol:g} units/week")
    if told:
        items.append(Item("Told at the assessment", ", ".join(told)))
    return items


def _medicines(kb: KnowledgeBase, answers: dict[str, Any]) -> list[str]:
    from twitchcare.kb.names import normalise_medicine

    meds = answers.get("medications")
    if not isinstance(meds, list) or not meds:
        return []
    out = []
    for name in meds:
        norm = normalise_medicine(str(name))
        classes = [c.name.lower() for c in kb.medications.values() if norm in c.members]
        out.append(f"{name} ({', '.join(classes)})" if classes else str(name))
    if len(out) > MAX_MEDICINES:
        out = [*out[: MAX_MEDICINES - 1], f"and {len(out) - MAX_MEDICINES + 1} more"]
    started = answers.get("medication_started_days_ago")
    if isinstance(started, int | float) and not isinstance(started, bool):
        out.append(f"newest medicine started or dose raised {started:g} days before the assessment")
    return out


def _questions(kb: KnowledgeBase, inputs: ReportInputs) -> tuple[list[str], list[str]]:
    from twitchcare.engine.facts import derive

    facts: dict[str, FactValue] = dict(inputs.assessment.answers) if inputs.assessment else {}
    facts.update(inputs.persistence.facts)
    known = derive(kb, facts)
    chosen = [q for q in kb.doctor_questions if q.when is None or q.when.evaluate(known) is True]
    sources: dict[str, None] = {}
    for q in chosen:
        sources.update(dict.fromkeys(q.sources))
    return [q.text for q in chosen], list(sources)


def assemble(kb: KnowledgeBase, inputs: ReportInputs) -> DoctorReport:
    """The report's content from what was read (pure: same inputs, same report)."""
    places, places_note = _places(kb, inputs.location_totals)
    if inputs.assessment is not None:
        ticked = _assessment_places(kb, inputs.assessment.answers)
        if ticked:
            told = f"At the assessment: {ticked}."
            places_note = f"{places_note}. {told}" if places_note else told
    red_flags, red_note = _red_flags(kb, inputs.assessment)
    questions, question_sources = _questions(kb, inputs)
    source_ids = ["nhs-twitching", *question_sources]
    from twitchcare.diary.analysis import RULE

    return DoctorReport(
        title=TITLE,
        marker=MARKER,
        generated=inputs.today,
        period_start=inputs.start,
        period_end=inputs.end,
        who=_who(inputs),
        since=_since(kb, inputs),
        places=places,
        places_note=places_note,
        course=_course(inputs),
        red_flags=red_flags,
        red_flags_note=red_note,
        assessment=_assessment(kb, inputs.assessment),
        factors=_factors(inputs.factor_results),
        factor_rule=(
            "Rate ratio of episodes a day per unit, from one model of all factors with the trend "
            f"and the day of the week (as in `twitchcare diary stats`); {RULE}."
        ),
        intake=_intake(inputs),
        medicines=_medicines(kb, inputs.assessment.answers if inputs.assessment else {}),
        questions=questions,
        knowledge_version=kb.version,
        sources=[
            Item(s, f"{kb.sources[s].publisher}, {kb.sources[s].url}")
            for s in dict.fromkeys(source_ids)
            if s in kb.sources
        ],
    )
