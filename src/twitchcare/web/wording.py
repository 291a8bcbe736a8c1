"""Words for the engine's structured fields: whom to see, why a page is asked, what was said.

The engine hands over ids and levels; this module words them for a page (through gettext).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import KnowledgeBase
from twitchcare.web.i18n import N_, _

# Words the core hands over in English, marked here so the catalogue carries them; a test keeps
# each equal to the core's own.
DISCLAIMER = N_(
    "twitchcare gives information, not a diagnosis. It cannot examine you. If you are worried, or "
    "things change, contact a doctor; in an emergency call your local emergency number."
)
FACTOR_NAMES = {
    "caffeine_mg": N_("caffeine"),
    "alcohol_units": N_("alcohol"),
    "stress_0_10": N_("stress"),
    "sleep_hours": N_("sleep"),
    "exercise_min": N_("exercise"),
    "magnesium_mg": N_("magnesium"),
    "relaxation_min": N_("relaxation"),
}


def factor_name(factor: str) -> str:
    """A diary factor in the page's language ("caffeine_mg" -> "caffeine" / "Koffein")."""
    from twitchcare.diary.records import FACTOR_LABELS

    return _(FACTOR_LABELS.get(factor, factor))


# Whom to see, for every specialist of knowledge/vocabulary.yaml (a test holds the two equal).
SPECIALIST_NAMES = {
    "emergency_services": N_("emergency services"),
    "family_doctor": N_("your family doctor (GP)"),
    "neurologist": N_("a neurologist (nerve and muscle specialist)"),
    "endocrinologist": N_("an endocrinologist (hormone specialist)"),
    "ophthalmologist": N_("an ophthalmologist (eye specialist)"),
    "sleep_specialist": N_("a sleep specialist"),
    "pharmacist": N_("a pharmacist"),
    "midwife_or_obstetrician": N_("your midwife or obstetrician"),
    "none": "",
}


def specialist_name(specialist: str) -> str:
    name = SPECIALIST_NAMES.get(specialist)
    if name is None:
        return specialist.replace("_", " ")
    return _(name) if name else ""


def why_asked(purpose: str, level: str | None) -> str:
    """Why a page is asked, from the engine's ``purpose`` and ``level`` fields."""
    if purpose == "first":
        return _("Where it twitches shapes every later question.")
    if purpose == "everyone":
        return _(
            "Everyone is asked this: it decides when to see a doctor and goes into the summary."
        )
    if purpose == "after_emergency":
        return _(
            "The ambulance crew and the hospital will want to know where it twitches, when each "
            "sign began, the medicines taken and any long-standing conditions, and some answers "
            "change what to do while you wait."
        )
    if purpose == "triage":
        return {
            "emergency": _("An answer here could mean you need emergency care now."),
            "urgent": _("An answer here could mean you should see a doctor today."),
            "doctor": _("An answer here could mean a doctor should look at it."),
        }.get(level or "", _("An answer here could change the advice."))
    return _("It helps tell the likely causes apart.")


def crew_lines(kb: KnowledgeBase, fact_ids: Sequence[str], facts: Mapping[str, Any]) -> list[str]:
    """What to tell the crew, in the person's words (the lines are the core's)."""
    from twitchcare.engine.assess import crew_line_facts
    from twitchcare.locations import PLACE_PREFIX

    return [
        _("Where it twitches: %(places)s") % {"places": ", ".join(kb.facts[f].text for f in line)}
        if line[0].startswith(PLACE_PREFIX)
        else fact_label(kb, line[0], facts.get(line[0]))
        for line in crew_line_facts(fact_ids)
    ]


def fact_label(kb: KnowledgeBase, fact_id: str, value: FactValue | None) -> str:
    """What the person told us, in their words: the question and their answer."""
    if fact_id.startswith("med."):
        cls = kb.medications.get(fact_id.removeprefix("med."))
        name = cls.name if cls else fact_id
        return (
            _("takes %(name)s") % {"name": name}
            if value
            else _("does not take %(name)s") % {"name": name}
        )
    fact = kb.facts.get(fact_id)
    if fact is None:
        return fact_id.replace("_", " ")
    text = fact.text.strip()
    if fact.kind == "boolean":
        if fact.is_question:
            return f"{text} {_('Yes') if value else _('No')}"
        return text if value else _("not: %(text)s") % {"text": text}
    if fact.kind == "number" and isinstance(value, int | float):
        from twitchcare.web.templating import number

        unit = f" {kb.units.get(fact.unit, fact.unit)}" if fact.unit else ""
        shown = number(value, 0 if float(value).is_integer() else 1) + unit
        if fact.ago:
            from twitchcare.answers import days_ago

            shown = days_ago(float(value), shown)
        return f"{text.rstrip('?')}: {shown}"
    if fact.kind == "choice" and isinstance(value, str):
        return f"{text.rstrip('?')}: {(fact.choices or {}).get(value, value)}"
    if isinstance(value, list):
        return f"{text.rstrip('?')}: {', '.join(value) or _('none')}"
    return text


def evidence_lines(
    kb: KnowledgeBase, hits: list[dict[str, Any]], facts: dict[str, Any]
) -> list[dict[str, Any]]:
    """Each piece of evidence as the person's own answers plus its sources."""
    return [
        {
            "facts": [fact_label(kb, f, facts.get(f)) for f in hit["facts"]],
            "sources": hit["sources"],
        }
        for hit in hits
    ]


def finding(result: Any) -> str:
    """One factor finding from the diary analysis, in plain words with its uncertainty."""
    from twitchcare.catalogue import gettext as core_gettext

    label = factor_name(result.factor)
    when = _("the same day") if result.lag_days == 0 else _("the next day")
    if result.verdict == "not_enough_data" or result.rate_ratio is None:
        return _("%(factor)s (%(when)s): not enough data yet – %(reason)s.") % {
            "factor": label.capitalize(),
            "when": when,
            "reason": result.reason,
        }
    numbers = {
        "factor": label,
        "when": when,
        "rr": f"{result.rate_ratio:.2f}",
        "low": f"{result.ci_low:.2f}",
        "high": f"{result.ci_high:.2f}",
        "per": core_gettext(result.per),  # the core's own words (diary.analysis.PER_UNIT)
    }
    if result.verdict == "associated" and result.rate_ratio > 1:
        text = _(
            "More %(factor)s went with more twitches %(when)s: %(rr)s times the twitches per "
            "%(per)s (probably between %(low)s and %(high)s). A link, not proof of cause."
        )
    elif result.verdict == "associated":
        text = _(
            "More %(factor)s went with fewer twitches %(when)s: %(rr)s times the twitches per "
            "%(per)s (probably between %(low)s and %(high)s). A link, not proof of cause."
        )
    else:
        text = _(
            "No clear link between %(factor)s and twitching %(when)s so far: %(rr)s times per "
            "%(per)s, but anything between %(low)s and %(high)s is possible. That is not proof "
            "there is none."
        )
    return text % numbers
