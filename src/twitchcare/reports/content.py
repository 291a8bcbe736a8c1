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

from twitchcare.catalogue import LANGUAGE
from twitchcare.catalogue import gettext as _
from twitchcare.diary.analysis import PER_UNIT
from twitchcare.diary.records import FACTOR_LABELS, FACTORS
from twitchcare.locations import LOCATIONS, place_fact

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


def N_(text: str) -> str:
    """Mark a text for the catalogue where it is defined; it is translated where it is used."""
    return text


# Words the report takes from elsewhere in English (diary factor names), marked for the catalogue.
MARKED = (
    N_("Self-reported by the patient with twitchcare. Not a diagnosis."),
    N_("Muscle twitching: summary for the doctor"),
    N_("caffeine"),
    N_("alcohol"),
    N_("stress"),
    N_("sleep"),
    N_("exercise"),
    N_("magnesium"),
    N_("relaxation"),
    N_("and"),
)


def day_text(day: dt.date) -> str:
    """A date as the report's language writes it ("02 Dec 2026", "02.12.2026")."""
    return f"{day:%d %b %Y}" if LANGUAGE.get() == "en" else f"{day:%d.%m.%Y}"


def moment_text(moment: dt.datetime) -> str:
    return f"{day_text(moment.date())} {moment:%H:%M}"


def number_text(value: float, decimals: int = 1) -> str:
    text = f"{value:.{decimals}f}"
    return text if LANGUAGE.get() == "en" else text.replace(".", ",")


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
    fact = kb.facts.get(place_fact(loc))
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
        note = _("and {places} more place(s) with {episodes} episode(s)").format(
            places=len(rest), episodes=sum(n for _place, n in rest)
        )
    return shown, note


def _assessment_places(kb: KnowledgeBase, answers: dict[str, Any]) -> str:
    ticked = [_place_label(kb, loc) for loc in LOCATIONS if answers.get(place_fact(loc)) is True]
    side = answers.get("side")
    if len(ticked) > MAX_PLACES:
        ticked = [*ticked[:MAX_PLACES], _("and {n} more").format(n=len(ticked) - MAX_PLACES)]
    text = ", ".join(ticked)
    if text and isinstance(side, str) and side in ("left", "right", "both"):
        sides = {"left": _("(left side)"), "right": _("(right side)"), "both": _("(both sides)")}
        text += " " + sides[side]
    return text


def _who(inputs: ReportInputs) -> list[Item]:
    answers = inputs.assessment.answers if inputs.assessment else {}
    age: object = inputs.profile.age if inputs.profile else answers.get("age")
    sex: object = inputs.profile.sex if inputs.profile else answers.get("sex")
    return [
        Item(
            _("Age"),
            _("{age} years").format(age=f"{age:g}")
            if isinstance(age, int | float)
            else _("not given"),
        ),
        Item(
            _("Sex"),
            {"female": _("female"), "male": _("male")}.get(sex, sex)
            if isinstance(sex, str)
            else _("not given"),
        ),
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
                    _("Began (as told)"),
                    _("about {onset} ({days} days before {saved})").format(
                        onset=day_text(onset), days=f"{days:g}", saved=day_text(saved.at.date())
                    ),
                )
            )
        pattern = saved.answers.get("pattern")
        fact = kb.facts.get("pattern")
        choices = (fact.choices or {}) if fact else {}
        if isinstance(pattern, str):
            items.append(Item(_("Pattern"), choices.get(pattern, pattern)))
    if inputs.first_episode_ever is not None:
        items.append(Item(_("First diary episode"), day_text(inputs.first_episode_ever)))
    p = inputs.persistence
    flags = [w for w, on in ((_("persistent"), p.persistent), (_("returning"), p.returning)) if on]
    joined = f" {_('and')} ".join(flags)
    items.append(Item(_("Lasting or returning"), f"{joined}: {p.reason}" if flags else p.reason))
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
        Item(_("Days logged"), _("{logged} of {days}").format(logged=len(known), days=len(days))),
        Item(_("Episodes"), str(episodes)),
        Item(
            _("Per logged day"),
            _("{mean} (most {most})").format(
                mean=number_text(episodes / len(known)), most=max(known)
            )
            if known
            else _("no days logged"),
        ),
        Item(_("Days with twitching"), str(sum(1 for c in known if c > 0))),
    ]
    last7 = [c for c in counts[-7:] if c is not None]
    prev7 = [c for c in counts[-14:-7] if c is not None]
    if len(last7) >= 4 and len(prev7) >= 4:
        summary.append(
            Item(
                _("Last 7 vs previous 7 days"),
                _("{last} vs {previous} per logged day").format(
                    last=number_text(sum(last7) / len(last7)),
                    previous=number_text(sum(prev7) / len(prev7)),
                ),
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
        note = _("No assessment saved in the diary: the red-flag questions were not asked.")
    else:
        yes = sum(a.answer == "yes" for a in out)
        unasked = sum(a.answer == "not asked" for a in out)
        note = _(
            "Answers from the assessment of {at}: {yes} yes, {no} no, {unasked} not asked (not "
            "asked is not a no)."
        ).format(at=moment_text(saved.at), yes=yes, no=len(out) - yes - unasked, unasked=unasked)
    return out, note


_SPECIALISTS = {
    "emergency_services": N_("emergency services"),
    "family_doctor": N_("family doctor"),
    "neurologist": N_("neurologist"),
    "endocrinologist": N_("endocrinologist"),
    "ophthalmologist": N_("ophthalmologist"),
    "sleep_specialist": N_("sleep specialist"),
    "pharmacist": N_("pharmacist"),
    "midwife_or_obstetrician": N_("midwife or obstetrician"),
    "none": N_("none named"),
}


def specialist_words(specialist: str) -> str:
    """A specialist of ``knowledge/vocabulary.yaml`` as the report names it (a test holds the
    table to the vocabulary); an id from an older result is shown as it was stored."""
    return _(_SPECIALISTS.get(specialist, specialist.replace("_", " ")))


def _assessment(kb: KnowledgeBase, saved: SavedAssessment | None) -> AssessmentSummary | None:
    if saved is None:
        return None
    result = saved.result
    level = str(result.get("triage", "unknown"))
    level_text = kb.levels.get(level)
    title = str(result.get("title") or (level_text.title if level_text else level))
    if level_text is not None and LANGUAGE.get() != "en":  # worded again in the report's language
        title = level_text.title
    specialist = str(result.get("specialist") or "none")
    rules = {rule.id: rule for rule in kb.rules} if LANGUAGE.get() != "en" else {}
    reasons = [
        rules[r["rule"]].message if r.get("rule") in rules else str(r.get("message", ""))
        for r in result.get("reasons", [])
    ][:MAX_REASONS]

    def cause_name(c: dict[str, Any]) -> str:
        condition = kb.conditions.get(str(c.get("id"))) if LANGUAGE.get() != "en" else None
        return condition.name if condition else str(c.get("name", c.get("id", "?")))

    causes = [
        Item(cause_name(c), f"{100 * float(c.get('probability', 0)):.0f}%")
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
        return _("not analysed")
    if result.rate_ratio is None or result.ci_low is None or result.ci_high is None:
        return _("not enough data ({days} days)").format(days=result.days_used)
    text = _("x{ratio} (95% CI {low}-{high}), {days} days").format(
        ratio=number_text(result.rate_ratio, 2),
        low=number_text(result.ci_low, 2),
        high=number_text(result.ci_high, 2),
        days=result.days_used,
    )
    if result.verdict == "associated":
        if result.rate_ratio > 1:
            return _("more twitching: {text}").format(text=text)
        return _("less twitching: {text}").format(text=text)
    return _("no clear difference: {text}").format(text=text)


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
                label=_(FACTOR_LABELS[factor]),
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
            return _("not logged")
        return _("{value} {unit} (average of {n} logged days)").format(
            value=number_text(value * scale, decimals), unit=_(unit), n=n
        )

    items = [
        Item(_("Caffeine (diary)"), mean("caffeine_mg", 1, N_("mg/day"))),
        Item(_("Alcohol (diary)"), mean("alcohol_units", 7, N_("units/week"), 1)),
        Item(_("Magnesium from food (diary)"), mean("magnesium_mg", 1, N_("mg/day"))),
        Item(_("Relaxation (diary)"), mean("relaxation_min", 1, N_("min/day"))),
    ]
    answers = inputs.assessment.answers if inputs.assessment else {}
    told = []
    caffeine = answers.get("caffeine_mg_per_day")
    if isinstance(caffeine, int | float) and not isinstance(caffeine, bool):
        told.append(_("caffeine {mg} mg/day").format(mg=f"{caffeine:g}"))
    alcohol = answers.get("alcohol_units_per_week")
    if isinstance(alcohol, int | float) and not isinstance(alcohol, bool):
        told.append(_("alcohol {units} units/week").format(units=f"{alcohol:g}"))
    if told:
        items.append(Item(_("Told at the assessment"), ", ".join(told)))
    return items


def _medicines(kb: KnowledgeBase, answers: dict[str, Any]) -> list[str]:
    from twitchcare.kb.names import normalise_medicine

    meds = answers.get("medications")
    if not isinstance(meds, list) or not meds:
        return []
    out = []
    for name in meds:
        norm = normalise_medicine(str(name))
        classes = [  # German nouns keep their capital letter
            c.name.lower() if LANGUAGE.get() == "en" else c.name
            for c in kb.medications.values()
            if norm in c.members
        ]
        out.append(f"{name} ({', '.join(classes)})" if classes else str(name))
    if len(out) > MAX_MEDICINES:
        out = [*out[: MAX_MEDICINES - 1], _("and {n} more").format(n=len(out) - MAX_MEDICINES + 1)]
    started = answers.get("medication_started_days_ago")
    if isinstance(started, int | float) and not isinstance(started, bool):
        out.append(
            _("newest medicine started or dose raised {days} days before the assessment").format(
                days=f"{started:g}"
            )
        )
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
            told = _("At the assessment: {places}.").format(places=ticked)
            places_note = f"{places_note}. {told}" if places_note else told
    red_flags, red_note = _red_flags(kb, inputs.assessment)
    questions, question_sources = _questions(kb, inputs)
    source_ids = ["nhs-twitching", *question_sources]
    from twitchcare.diary.analysis import rule_text

    return DoctorReport(
        title=_(TITLE),
        marker=_(MARKER),
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
        factor_rule=_(
            "Rate ratio of episodes a day per unit, from one model of all factors with the trend "
            "and the day of the week (as in `twitchcare diary stats`); {rule}."
        ).format(rule=rule_text()),
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
