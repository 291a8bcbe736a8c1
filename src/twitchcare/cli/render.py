"""Rich renderings of core results for the terminal. Renders; never recomputes."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from twitchcare.engine.assess import Assessment
from twitchcare.evaluation.run import EvaluationReport
from twitchcare.kb.models import KnowledgeBase

LEVEL_STYLE = {
    "emergency": "bold white on red",
    "urgent": "bold black on dark_orange",
    "doctor": "bold black on yellow",
    "self_care": "bold black on green",
}


def console() -> Console:
    return Console(highlight=False)


def bar(probability: float, width: int = 20) -> str:
    """A text bar for a probability, so the ranking reads at a glance."""
    filled = round(probability * width)
    return "█" * filled + "░" * (width - filled)


def render_assessment(kb: KnowledgeBase, result: Assessment, *, title: str = "") -> None:
    """The result screen: banner, reasons, causes with bars, plan, sources."""
    out = console()
    level = kb.levels[result.level]
    banner = Text(f" {level.title} ", style=LEVEL_STYLE[result.level])
    out.print(Panel(Group(banner, Text(level.instruction)), title=title or "twitchcare"))
    if result.specialist not in ("none", "emergency_services"):
        out.print(f"Whom to see: [bold]{result.specialist.replace('_', ' ')}[/bold]")
    cited: list[str] = []

    def cite(ids: tuple[str, ...] | list[str]) -> str:
        marks = []
        for s in ids:
            if s not in cited:
                cited.append(s)
            marks.append(str(cited.index(s) + 1))
        return "[dim][" + ",".join(marks) + "][/dim]"

    if result.reasons:
        out.print("\n[bold]Why[/bold]")
        for r in result.reasons:
            out.print(f" • {r.message} {cite(r.sources)}")
    table = Table(title="Likely causes", show_header=True, header_style="bold", expand=False)
    table.add_column("Cause")
    table.add_column("Chance", justify="right")
    table.add_column("")
    table.add_column("Because")
    for c in result.causes[:5]:
        because = ", ".join(f for h in c.supporting[:3] for f in h.facts) or "how common it is"
        table.add_row(c.name, f"{c.probability:.0%}", bar(c.probability), because)
    out.print(table)
    plan = result.plan
    for heading, items in (
        ("What to do now", plan.now),
        ("What to change", plan.change),
        ("What the evidence says", plan.reassurance),
        ("When to get help", plan.safety_net),
    ):
        if items:
            out.print(f"\n[bold]{heading}[/bold]")
            for a in items:
                out.print(f" • [bold]{a.title}[/bold]: {a.text} {cite(a.sources)}")
    if plan.follow_up:
        out.print(f"\nCheck again by [bold]{plan.follow_up.isoformat()}[/bold].")
    if result.unanswered_red_flags:
        out.print("\n[bold]Not answered - if any of these applies, get help now:[/bold]")
        for fact_id in result.unanswered_red_flags:
            out.print(f" • {kb.facts[fact_id].text}")
    out.print("\n[bold]Sources[/bold]")
    for i, s in enumerate(cited, 1):
        src = kb.sources[s]
        out.print(f" [{i}] {src.publisher}. {src.title}. {src.url}")
    version = f"Knowledge version {result.kb_version} ({result.kb_date})."
    out.print(f"\n[dim]{version} {result.disclaimer}[/dim]")


def render_evaluation(report: EvaluationReport) -> None:
    """The evaluation table with targets, then the misses."""
    s = report.summary
    out = console()
    table = Table(
        title=f"Evaluation on {s.cases} cases"
        + (" (simulated interview)" if report.simulate else "")
    )
    table.add_column("Measure")
    table.add_column("Value", justify="right")
    table.add_column("Target", justify="right")
    rows = [
        ("Triage exact", f"{s.triage_exact:.1%}", ""),
        ("Triage exact or acceptable", f"{s.triage_acceptable:.1%}", "≥ 92%"),
        ("Under-triage (all)", f"{s.under_triage:.1%}", "≤ 2%"),
        (
            f"Under-triage of urgent/emergency ({s.urgent_cases})",
            f"{s.under_triage_urgent:.1%}",
            "0%",
        ),
        ("Over-triage", f"{s.over_triage:.1%}", ""),
        ("Cause top-1", f"{s.top1:.1%}", "≥ 75%"),
        ("Cause top-3", f"{s.top3:.1%}", "≥ 92%"),
        ("Median questions", f"{s.median_questions:g}", "≤ 8" if report.simulate else ""),
    ]
    if report.same_triage_as_full is not None:
        rows.append(
            ("Same triage as full information", f"{report.same_triage_as_full:.1%}", "≥ 95%")
        )
    for row in rows:
        table.add_row(*row)
    out.print(table)
    if s.misses:
        misses = Table(title="Misses")
        for col in ("Case", "Predicted", "Gold (acceptable)", "Top 3 causes", "Gold causes"):
            misses.add_column(col)
        for m in s.misses:
            gold = m.gold + (f" ({', '.join(m.acceptable)})" if m.acceptable else "")
            misses.add_row(
                m.case_id,
                m.predicted,
                gold,
                ", ".join(m.predicted_causes),
                ", ".join(m.gold_causes),
            )
        out.print(misses)
    if report.failures:
        out.print("[bold red]Targets missed:[/bold red] " + "; ".join(report.failures))
    else:
        out.print("[bold green]All targets met.[/bold green]")


def render_condition(kb: KnowledgeBase, condition_id: str) -> None:
    """One knowledge-base entry: explanation, ICD-10, evidence weights, advice and sources."""
    cond = kb.conditions[condition_id]
    out = console()
    out.print(Panel(cond.explanation, title=f"{cond.name} ({cond.id})"))
    out.print(f"ICD-10: {cond.icd10}   How common: {cond.how_common}")
    out.print(
        f"Prior chance: {cond.prevalence:g}   Specialist: {cond.specialist.replace('_', ' ')}"
    )
    table = Table(title="Evidence (likelihood ratios)")
    table.add_column("When")
    table.add_column("LR", justify="right")
    table.add_column("Sources")
    from twitchcare.kb.logic import leaves

    for ev in cond.evidence:
        when = " & ".join(
            t.fact + ("" if t.is_ is None else f" is {t.is_}") for t in leaves(ev.when)
        )
        table.add_row(when, f"{ev.lr:g}", ", ".join(ev.sources))
    out.print(table)
    if cond.advice:
        out.print("Advice: " + ", ".join(cond.advice))
    out.print("[bold]Sources[/bold]")
    for s in dict.fromkeys([*cond.sources, *(x for ev in cond.evidence for x in ev.sources)]):
        src = kb.sources[s]
        out.print(f" • {s}: {src.publisher}. {src.title}. {src.url}")
    out.print(f"[dim]Knowledge version {kb.version} ({kb.date})[/dim]")
