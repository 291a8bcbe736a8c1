"""Plain-data views of an assessment, for JSON output, storage and reports.

Adapters render these dictionaries; nothing here formats for a terminal or a web page.
"""

from __future__ import annotations

from typing import Any

from twitchcare.engine.assess import Assessment
from twitchcare.engine.causes import EvidenceHit
from twitchcare.kb.models import Advice, KnowledgeBase


def contract_line(case_id: str, assessment: Assessment) -> dict[str, Any]:
    """The evaluation contract: one object per case (see SPEC "The assessment contract")."""
    return {
        "id": case_id,
        "triage": assessment.level,
        "causes": [{"id": c.id, "probability": round(c.probability, 4)} for c in assessment.causes],
        "specialist": assessment.specialist,
        "questions_asked": assessment.questions_asked,
        "items_shown": assessment.items_shown,
    }


def _hit(hit: EvidenceHit) -> dict[str, Any]:
    return {"facts": list(hit.facts), "likelihood_ratio": hit.lr, "sources": list(hit.sources)}


def _advice(item: Advice) -> dict[str, Any]:
    return {"id": item.id, "title": item.title, "text": item.text, "sources": list(item.sources)}


def assessment_dict(kb: KnowledgeBase, assessment: Assessment) -> dict[str, Any]:
    """Everything about one assessment, with sources resolved to titles and links."""
    used: set[str] = set()
    for reason in assessment.reasons:
        used.update(reason.sources)
    for cause in assessment.causes:
        for hit in (*cause.supporting, *cause.opposing):
            used.update(hit.sources)
    plan = assessment.plan
    for item in (*plan.now, *plan.change, *plan.reassurance, *plan.safety_net):
        used.update(item.sources)
    level = kb.levels[assessment.level]
    return {
        "triage": assessment.level,
        "title": level.title,
        "instruction": level.instruction,
        "specialist": assessment.specialist,
        "reasons": [
            {
                "rule": r.rule_id,
                "level": r.level,
                "message": r.message,
                "facts": list(r.facts),
                "sources": list(r.sources),
            }
            for r in assessment.reasons
        ],
        "causes": [
            {
                "id": c.id,
                "name": c.name,
                "probability": round(c.probability, 4),
                "explanation": kb.conditions[c.id].explanation,
                "for": [_hit(h) for h in c.supporting],
                "against": [_hit(h) for h in c.opposing],
            }
            for c in assessment.causes
        ],
        "plan": {
            "now": [_advice(a) for a in plan.now],
            "change": [_advice(a) for a in plan.change],
            "reassurance": [_advice(a) for a in plan.reassurance],
            "when_to_get_help": [_advice(a) for a in plan.safety_net],
            "follow_up": plan.follow_up.isoformat() if plan.follow_up else None,
        },
        "sources": {
            s: {
                "title": kb.sources[s].title,
                "publisher": kb.sources[s].publisher,
                "url": kb.sources[s].url,
            }
            for s in sorted(used)
        },
        "certainty": assessment.certainty,
        "not_listed": [
            {
                "id": n.id,
                "name": n.name,
                "absent": [{"fact": f, "question": kb.facts[f].text} for f in n.absent],
                "unknown": [{"fact": f, "question": kb.facts[f].text} for f in n.unknown],
            }
            for n in assessment.not_listed
        ],
        "for_the_crew": [
            {"fact": f, "question": kb.facts[f].text, "value": assessment.facts[f]}
            for f in assessment.for_the_crew
        ],
        "unanswered_red_flags": [
            {"fact": f, "question": kb.facts[f].text} for f in assessment.unanswered_red_flags
        ],
        "not_recognised": list(assessment.not_recognised),
        "knowledge": {"version": assessment.kb_version, "date": assessment.kb_date},
        "assessed_at": assessment.assessed_at.isoformat(),
        "questions_asked": assessment.questions_asked,
        "items_shown": assessment.items_shown,
        "items_before_advice": assessment.items_before_advice,
        "disclaimer": assessment.disclaimer,
        "trace": list(assessment.trace),
    }
