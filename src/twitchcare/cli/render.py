"""Rich renderings of core results for the terminal. Renders; never recomputes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from twitchcare.cli.i18n import N_, _, long_date, number
from twitchcare.emergency import EmergencyNumber
from twitchcare.engine.assess import Assessment, crew_line_facts
from twitchcare.engine.causes import certainty_words
from twitchcare.errors import TwitchcareError
from twitchcare.evaluation.calibration import CalibrationReport
from twitchcare.evaluation.run import EvaluationReport
from twitchcare.kb.hazards import HazardLog
from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import KnowledgeBase
from twitchcare.locations import PLACE_PREFIX

LEVEL_STYLE = {
    "emergency": "bold white on red",
    "urgent": "bold black on dark_orange",
    "doctor": "bold black on yellow",
    "self_care": "bold black on green",
}
LEVEL_BORDER = {
    "emergency": "red",
    "urgent": "dark_orange",
    "doctor": "yellow",
    "self_care": "green",
}
# Without colour the level must still stand out, so the two urgent levels carry a mark.
LEVEL_MARK = {"emergency": "!!! ", "urgent": "! ", "doctor": "", "self_care": ""}
SHOWN_CAUSES = 5
NARROW = 70
# The core's disclaimer, marked here so the catalogue carries it (a test keeps the two equal).
DISCLAIMER = N_(
    "twitchcare gives information, not a diagnosis. It cannot examine you. If you are worried, or "
    "things change, contact a doctor; in an emergency call your local emergency number."
)
SPECIALISTS = {
    "family_doctor": N_("your family doctor (GP)"),
    "emergency_services": N_("emergency services"),
    "neurologist": N_("a neurologist"),
    "endocrinologist": N_("an endocrinologist (hormone specialist)"),
    "ophthalmologist": N_("an ophthalmologist (eye specialist)"),
    "sleep_specialist": N_("a sleep specialist"),
    "pharmacist": N_("a pharmacist"),
    "midwife_or_obstetrician": N_("your midwife or obstetrician"),
}


def console() -> Console:
    return Console(highlight=False)


def bar(probability: float, width: int = 20) -> str:
    """A text bar for a probability, so the ranking reads at a glance."""
    filled = round(probability * width)
    return "█" * filled + "░" * (width - filled)


class Citations:
    """Numbers sources in order of first use, so every statement points into one list."""

    def __init__(self) -> None:
        self.ids: list[str] = []

    def mark(self, ids: Iterable[str]) -> str:
        numbers = []
        for s in ids:
            if s not in self.ids:
                self.ids.append(s)
            numbers.append(str(self.ids.index(s) + 1))
        ordered = sorted(set(numbers), key=int)
        return "[" + ",".join(ordered) + "]" if ordered else ""


def crew_lines(
    kb: KnowledgeBase, fact_ids: Sequence[str], facts: Mapping[str, FactValue]
) -> list[str]:
    """What to tell the crew, in the person's words (the lines are the core's)."""
    return [
        _("Where it twitches: {places}").format(places=", ".join(kb.facts[f].text for f in line))
        if line[0].startswith(PLACE_PREFIX)
        else fact_label(kb, line[0], facts.get(line[0]))
        for line in crew_line_facts(fact_ids)
    ]


def fact_label(kb: KnowledgeBase, fact_id: str, value: FactValue | None) -> str:
    """What the person told us, in their words: the question and the answer they gave."""
    if fact_id.startswith("med."):
        cls = kb.medications.get(fact_id.removeprefix("med."))
        name = cls.name if cls else fact_id
        if kb.language == "en" and not name[:2].isupper():  # "Statins ..." reads "takes statins"
            name = name[0].lower() + name[1:]
        return (_("takes {name}") if value else _("does not take {name}")).format(name=name)
    fact = kb.facts.get(fact_id)
    if fact is None:
        return fact_id.replace("_", " ")
    text = fact.text.strip()
    if fact.kind == "boolean":
        if fact.is_question:
            return text + " " + (_("yes") if value else _("no"))
        return text if value else _("not: {text}").format(text=text)
    if fact.kind == "number" and isinstance(value, int | float):
        shown = number(value)
        amount = f"{shown} {kb.units.get(fact.unit, fact.unit)}" if fact.unit else shown
        if fact.ago:
            from twitchcare.answers import days_ago

            amount = days_ago(float(value), amount)
        return f"{text.rstrip('?')}: {amount}"
    if fact.kind == "choice" and isinstance(value, str):
        return f"{text.rstrip('?')}: {(fact.choices or {}).get(value, value)}"
    if isinstance(value, list):
        return text.rstrip("?") + ": " + (", ".join(value) or _("none"))
    return text


def whom_to_see(specialist: str) -> str:
    name = SPECIALISTS.get(specialist)
    return _(name) if name else specialist.replace("_", " ")


def bullets(rows: Sequence[RenderableType], marker: str = "•") -> Table:
    """A list whose wrapped lines stay under their text, not under the marker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for i, row in enumerate(rows, 1):
        grid.add_row(f"{i}." if marker == "#" else f" {marker}", row)
    return grid


def heading(out: Console, text: str) -> None:
    out.print()
    out.print(Text(text, style="bold underline"))


def chosen_emergency_number() -> EmergencyNumber:
    """The number for the country chosen in Settings (kept in the data folder, shared with the
    web app); 112 when none is chosen or the choice cannot be read, so an emergency screen
    always names a number."""
    from twitchcare.emergency import emergency_number

    try:
        from twitchcare.config import load_settings
        from twitchcare.preferences import get_country

        return emergency_number(get_country(load_settings().data_dir))
    except TwitchcareError:
        return emergency_number(None)


def _emergency_call(number: EmergencyNumber) -> list[RenderableType]:
    """The number to call, and for which country it is, above the emergency instruction."""
    call = Text(_("Call {number} now.").format(number=number.number), style="bold")
    if number.country:
        where = _("The emergency number in {country}.").format(country=number.name)
    else:
        where = _(
            "112 works from any mobile phone in Europe and many other countries; elsewhere, "
            "call your local emergency number."
        )
    return [call, Text(where + " " + number.source, style="dim"), Text("")]


def emergency_now_panel() -> Panel:
    """Above every page asked once the answers call for emergency care: the call comes first."""
    parts: list[RenderableType] = _emergency_call(chosen_emergency_number())
    parts.append(
        Text(
            _(
                "What you have told us needs emergency care. Call first: do not wait to finish "
                "these questions. If you can, answer them while you wait (Enter leaves one "
                "blank); the answers go into the summary for the crew."
            )
        )
    )
    return Panel(
        Group(*parts),
        title=_("Emergency"),
        title_align="left",
        border_style=LEVEL_BORDER["emergency"],
        width=min(console().width, 100),
    )


def _banner(kb: KnowledgeBase, result: Assessment, title: str, width: int) -> Panel:
    level = kb.levels[result.level]
    headline = LEVEL_MARK[result.level] + level.title
    if result.level == "emergency":
        headline = headline.upper()
    parts: list[RenderableType] = [
        Padding(Text(headline, justify="center"), (0, 1), style=LEVEL_STYLE[result.level]),
        Text(""),
    ]
    if result.level == "emergency":
        parts.extend(_emergency_call(chosen_emergency_number()))
    parts.append(Text(level.instruction))
    vocab = kb.vocabulary
    if result.specialist not in (vocab.nobody, vocab.emergency_referral):
        whom = Text(_("Whom to see: "))
        whom.append(whom_to_see(result.specialist), style="bold")
        parts.append(whom)
    return Panel(
        Group(*parts),
        title=title or "twitchcare",
        title_align="left",
        border_style=LEVEL_BORDER[result.level],
        width=width,
    )


def render_assessment(kb: KnowledgeBase, result: Assessment, *, title: str = "") -> None:
    """The result screen: banner first, then why, likely causes, plan, sources and provenance."""
    out = console()
    width = min(out.width, 100)
    cites = Citations()
    out.print(_banner(kb, result, title, width))
    if result.reasons:
        heading(out, _("Why"))
        rows: list[RenderableType] = []
        for r in result.reasons:
            row = Text(r.message + " ")
            row.append(cites.mark(r.sources), style="dim")
            said = "; ".join(fact_label(kb, f, result.facts.get(f)) for f in r.facts)
            if said:
                row.append("\n" + _("You said: {said}").format(said=said), style="dim")
            rows.append(row)
        out.print(bullets(rows, marker="#"))
    plan = result.plan
    sections = [
        (_("What to do now"), plan.now),
        (_("What to change"), plan.change),
        (_("What the evidence says"), plan.reassurance),
        (_("When to get help"), plan.safety_net),
    ]
    if result.level == "emergency":
        if result.for_the_crew:
            # What the crew will ask, as told while waiting: read it out or show the screen.
            heading(out, _("For the ambulance crew"))
            crew = [Text(line) for line in crew_lines(kb, result.for_the_crew, result.facts)]
            out.print(bullets(crew))
        # Everyday causes, lifestyle changes and reassurance would only distract from the call.
        out.print()
        out.print(
            Text(
                _(
                    "Likely causes and the longer plan are left out here: getting help now "
                    "comes first. Run the assessment again later if you want them."
                ),
                style="dim",
            )
        )
        sections = sections[-1:]
    else:
        _render_causes(out, kb, result, cites, width)
    for title_text, items in sections:
        if items:
            heading(out, title_text)
            rows = []
            for a in items:
                row = Text()
                row.append(f"{a.title}: ", style="bold")
                row.append(a.text + " ")
                row.append(cites.mark(a.sources), style="dim")
                rows.append(row)
            out.print(bullets(rows))
    if plan.follow_up:
        d = plan.follow_up
        out.print()
        out.print(Text.assemble(_("Check again by "), (long_date(d), "bold"), "."))
    if result.unanswered_red_flags:
        heading(out, _("Not answered - if any of these applies, get help now"))
        for fact_id in result.unanswered_red_flags:
            out.print(Text(f" • {kb.facts[fact_id].text}"))
    if result.not_recognised:
        heading(out, _("Not recognised"))
        names = ", ".join(result.not_recognised)
        out.print(
            Text(
                _(
                    "not recognised: {names}. twitchcare does not know these names, so they did "
                    "not count in this result (they never make the advice less urgent). Ask a "
                    "pharmacist whether they can cause twitching or interact with your other "
                    "medicines."
                ).format(names=names)
            )
        )
    heading(out, _("Sources"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")  # a source's address must stay whole enough to open
    for i, s in enumerate(cites.ids, 1):
        src = kb.sources[s]
        grid.add_row(f"[{i}]", Text(f"{src.publisher}. {src.title}. {src.url}"))
    out.print(grid)
    out.print()
    version = _("Knowledge version {version} ({date}).").format(
        version=result.kb_version, date=result.kb_date
    )
    out.print(Text(f"{version} {_(result.disclaimer)}", style="dim"))
    # The advice again at the end, where the eye lands after scrolling through the details.
    out.print()
    reminder = Text(LEVEL_MARK[result.level] + kb.levels[result.level].title, justify="center")
    out.print(Padding(reminder, (0, 1), style=LEVEL_STYLE[result.level]), width=width)


def _render_causes(
    out: Console, kb: KnowledgeBase, result: Assessment, cites: Citations, width: int
) -> None:
    """Causes with bars; each names the answers that point to it and the sources for them."""
    if not result.causes:
        return
    heading(out, _("Likely causes"))
    out.print(
        Text(
            _("Most likely first: the chance that each plays a part; several often go together.")
            + " "
            + certainty_words(result.certainty),
            style="dim",
        )
    )
    bar_width = 20 if width >= NARROW else 10
    for c in result.causes[:SHOWN_CAUSES]:
        hits = c.supporting[:3]
        sources = [s for h in hits for s in h.sources] or kb.conditions[c.id].sources[:1]
        row = Table.grid(padding=(0, 1))
        row.add_column(width=max(12, min(40, width - bar_width - 8)))
        row.add_column(no_wrap=True, style="cyan")
        row.add_column(no_wrap=True, justify="right", width=4)
        name = Text(c.name + " ", style="bold")
        name.append(cites.mark(sources), style="dim")
        row.add_row(name, bar(c.probability, bar_width), f"{c.probability:.0%}")
        out.print(row, width=width)
        facts = list(dict.fromkeys(f for h in hits for f in h.facts))
        because = "; ".join(fact_label(kb, f, result.facts.get(f)) for f in facts)
        out.print(
            Padding(
                Text(_("because: {why}").format(why=because or _("how common it is")), style="dim"),
                (0, 0, 0, 3),
            ),
            width=width,
        )

    for item in result.not_listed:
        absent = ", ".join(fact_label(kb, f, result.facts.get(f)) for f in item.absent)
        text = _("{name} is not on this list: nothing you told us points to it").format(
            name=item.name
        )
        text += f" ({absent})." if absent else "."
        if item.unknown:
            text += " " + _("Tell a doctor if any of these applies:") + " "
            text += "; ".join(kb.facts[f].text for f in item.unknown)
        out.print(Padding(Text(text), (1, 0, 0, 0)), width=width)


def render_calibration(report: CalibrationReport) -> None:
    """The fitted calibration, the committed one, and the Brier score of each family left out."""
    out = console()
    fit, committed = report.fit, report.committed
    out.print(
        _("Fitted on {n} leading causes: intercept {a:.2f}, slope {b:.2f}").format(
            n=report.lines, a=fit.intercept, b=fit.slope
        )
    )
    if committed is not None:
        out.print(
            _("In the knowledge (conditions.yaml): intercept {a:.2f}, slope {b:.2f}").format(
                a=committed.intercept, b=committed.slope
            )
        )
    table = Table(title=_("Brier score of each family of cases, left out of the fit"))
    table.add_column(_("Family"))
    table.add_column(_("Causes"), justify="right")
    table.add_column(_("Model's own"), justify="right")
    table.add_column(_("Fitted without it"), justify="right")
    table.add_column(_("As in the knowledge"), justify="right")
    for fam in report.families:
        table.add_row(
            fam.family,
            str(fam.lines),
            f"{fam.raw:.3f}",
            f"{fam.refitted:.3f}",
            f"{fam.committed:.3f}",
        )
    table.add_row(
        _("All"),
        str(report.lines),
        f"{report.out_of_family('raw'):.3f}",
        f"{report.out_of_family('refitted'):.3f}",
        f"{report.out_of_family('committed'):.3f}",
    )
    out.print(table)


def render_evaluation(report: EvaluationReport) -> None:
    """The evaluation table with targets, then the misses."""
    from twitchcare.evaluation.scoring import target_applies, target_text

    def target(name: str) -> str:  # only the targets `--check` holds this run to
        return target_text(name) if target_applies(name, simulate=report.simulate) else ""

    s = report.summary
    out = console()
    table = Table(
        title=_("Evaluation on {n} cases").format(n=s.cases)
        + (" " + _("(simulated interview)") if report.simulate else "")
    )
    table.add_column(_("Measure"))
    table.add_column(_("Value"), justify="right")
    table.add_column(_("Target"), justify="right")

    rows = [
        (_("Triage exact"), f"{s.triage_exact:.1%}", ""),
        (
            _("Triage exact or acceptable"),
            f"{s.triage_acceptable:.1%}",
            target("triage_acceptable"),
        ),
        (_("Under-triage (all)"), f"{s.under_triage:.1%}", target("under_triage")),
        (
            _("Under-triage of urgent/emergency ({n})").format(n=s.urgent_cases),
            f"{s.under_triage_urgent:.1%}",
            target("under_triage_urgent"),
        ),
        (_("Over-triage"), f"{s.over_triage:.1%}", ""),
        (
            _("Over-triage of self-care cases ({n})").format(n=s.self_care_cases),
            f"{s.over_triage_self_care:.1%}",
            target("over_triage_self_care"),
        ),
        (_("Cause top-1"), f"{s.top1:.1%}", target("top1")),
        (_("Cause top-3"), f"{s.top3:.1%}", target("top3")),
        (
            _("Cause top-1 / top-3 where causes are shown ({n}, not emergency)").format(
                n=s.causes_shown_cases
            ),
            "-"
            if s.top1_causes_shown is None or s.top3_causes_shown is None
            else f"{s.top1_causes_shown:.1%} / {s.top3_causes_shown:.1%}",
            "",
        ),
        (
            _("Brier score, leading causes (lower is better)"),
            "-" if s.brier is None else f"{s.brier:.3f}",
            "",
        ),
        (
            _("Median pages"),
            f"{s.median_questions:g}" if report.simulate else "-",
            "",
        ),
        (
            _("Median pages read before the advice"),
            f"{s.median_pages_before_advice:g}" if report.simulate else "-",
            target("median_pages_before_advice"),
        ),
        (
            _("Median items shown"),
            f"{s.median_items_shown:g}" if report.simulate else "-",
            target("median_items_shown"),
        ),
        (
            _("Median items read before the advice"),
            f"{s.median_items_before_advice:g}" if report.simulate else "-",
            target("median_items_before_advice"),
        ),
    ]
    if report.same_triage_as_full is not None:
        rows.append(
            (
                _("Same triage as full information"),
                f"{report.same_triage_as_full:.1%}",
                target("same_triage_as_full"),
            )
        )
    for row in rows:
        table.add_row(*row)
    out.print(table)
    calibration = Table(title=_("Reliability of the leading causes' probabilities"))
    columns = (_("Stated"), _("Causes"), _("Mean stated"), _("Observed in gold list ({ci} CI)"))
    for col in columns:
        calibration.add_column(col.format(ci="95%"), justify="right")
    for b in s.reliability:
        if not b.n:
            continue
        calibration.add_row(
            f"{b.low:.0%}-{b.high:.0%}",
            str(b.n),
            f"{b.mean_stated:.0%}",
            f"{b.observed:.0%} ({b.observed_low:.0%}-{b.observed_high:.0%})",
        )
    out.print(calibration)
    if s.misses:
        misses = Table(title=_("Misses"))
        for col in (
            _("Case"),
            _("Predicted"),
            _("Gold (acceptable)"),
            _("Top 3 causes"),
            _("Gold causes"),
        ):
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
        missed = _("Targets missed:")
        out.print(f"[bold red]{missed}[/bold red] " + "; ".join(report.failures))
    else:
        out.print("[bold green]" + _("All targets met.") + "[/bold green]")


def render_condition(kb: KnowledgeBase, condition_id: str) -> None:
    """One knowledge-base entry: explanation, ICD-10, evidence weights, advice and sources."""
    cond = kb.conditions[condition_id]
    out = console()
    out.print(Panel(cond.explanation, title=f"{cond.name} ({cond.id})"))
    out.print(_("ICD-10: {code}   How common: {how}").format(code=cond.icd10, how=cond.how_common))
    out.print(
        _("Prior chance: {prior}   Specialist: {whom}").format(
            prior=f"{cond.prevalence:g}", whom=whom_to_see(cond.specialist)
        )
    )
    table = Table(title=_("Evidence (likelihood ratios)"))
    table.add_column(_("When"))
    table.add_column(_("LR"), justify="right")
    table.add_column(_("Sources"))
    from twitchcare.kb.logic import leaves

    for ev in cond.evidence:
        when = " & ".join(
            t.fact + ("" if t.is_ is None else f" = {str(t.is_).lower()}") for t in leaves(ev.when)
        )
        weight = f"{ev.lr:g}" if ev.strength is None else f"{ev.lr:g} ({ev.strength})"
        if ev.rare_lr is not None:
            weight += f" / {ev.rare_lr:.3g}"
        table.add_row(when, weight, ", ".join(ev.sources))
    if any(ev.rare_lr is not None for ev in cond.evidence):
        table.caption = _(
            "a / b: a rare finding carries b instead of a when it is the rarest finding told"
        )
    out.print(table)
    if cond.requires is not None:
        gate = ", ".join(dict.fromkeys(t.fact for t in leaves(cond.requires)))
        out.print(_("Shown only with evidence for it (requires): {gate}").format(gate=gate))
    if any(ev.strength for ev in cond.evidence) and kb.evidence_scale is not None:
        note = _("A ratio with a grade in brackets is elicited: see `evidence_scale`.")
        out.print(f"[dim]{note}[/dim]")
    if cond.advice:
        out.print(_("Advice: ") + ", ".join(cond.advice))
    out.print("[bold]" + _("Sources") + "[/bold]")
    for s in dict.fromkeys([*cond.sources, *(x for ev in cond.evidence for x in ev.sources)]):
        src = kb.sources[s]
        out.print(f" • {s}: {src.publisher}. {src.title}. {src.url}")
    version = _("Knowledge version {version} ({date}).").format(version=kb.version, date=kb.date)
    out.print(f"[dim]{version}[/dim]")


# The words of the hazard log's own fields (the ids after them are typed, not read).
HAZARD_LEVELS = {
    "emergency": N_("emergency"),
    "urgent": N_("urgent"),
    "doctor": N_("doctor"),
    "self_care": N_("self-care"),
}
CONTROL_KINDS = {
    "rule": N_("rule"),
    "fact": N_("question"),
    "screen": N_("page"),
    "advice": N_("advice"),
    "condition": N_("cause"),
    "medication_class": N_("medicine class"),
    "interaction": N_("interaction"),
    "level": N_("level"),
}


def render_hazards(log: HazardLog) -> None:
    """The hazard log, one block per hazard: harm, level, risk before -> after, controls, cases."""
    out = console()
    out.print(
        "[bold]"
        + _("Hazard log")
        + "[/bold] "
        + _("(risk 1 acceptable .. 5 unacceptable, before -> after)")
    )
    for hz in log.hazards.values():
        head = _("level {level}  risk {before} -> {after}").format(
            level=_(HAZARD_LEVELS[hz.level]),
            before=log.risk(hz, "initial"),
            after=log.risk(hz, "residual"),
        )
        out.print(f"\n[bold]{hz.id}[/bold]  {head}  ({hz.mechanism})")
        out.print(f"  {hz.title}: {hz.harm}")
        # ids in backticks, as the terminal shows what is typed: they stay as written
        controls = ", ".join(f"{_(CONTROL_KINDS[c.kind])} `{c.id}`" for c in hz.controls)
        out.print("  " + _("controls: {controls}").format(controls=controls))
        out.print("  " + _("verified by: {cases}").format(cases=", ".join(hz.verification)))
