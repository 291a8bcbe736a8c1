"""The body-location picker: a numbered list of places, with a small figure when there is room.

The figure carries the list's numbers at the places they name, so a person can find "the calf" by
looking rather than reading. Under about 72 columns only the list is shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape
from rich.table import Table
from rich.text import Text

from twitchcare.cli import parsing
from twitchcare.cli.i18n import N_, _
from twitchcare.cli.prompts import Answers, GoBack, Terminal
from twitchcare.kb.models import Fact, KnowledgeBase

# Numbers follow the order of the body-map screen in questions.yaml (1 eyelid ... 17 all over).
FIGURE = r"""
      .---.
     ( 1 1 )
     (  2  )  4 {tongue}
      \ 3 /
       |5|
  6.---' '---.6
  /|   10    |\
 7 |   11    | 7
 | |  12 13  | |
 8 '--.   .--' 8
 9    |   |    9
     14   14
      |   |
     15   15
     16   16

 {back}
 {all_over}
"""
REGION_NOTES = {"all_over": N_("6: all over")}
# The first page asks for parts of the body; its numbers follow the "where" screen's order.
REGION_FIGURE = r"""
      .---.
     (  1  )
      \   /
       |2|
  2.---' '---.2
  /|         |\
 3 |    4    | 3
 | |         | |
 3 '--.   .--' 3
      |   |
      5   5
      |   |
      5   5

 {all_over}
"""
FIGURE_MIN_WIDTH = 72
FIGURE_NOTES = {"back": N_("12, 13: at the back"), "all_over": N_("17: all over")}
FIGURES = {17: (FIGURE, FIGURE_NOTES), 6: (REGION_FIGURE, REGION_NOTES)}
PICK_KEYS = N_("e.g. 1 3 or eyelid calf · ? = don't know · h 3 = explain 3 · b = back · q = quit")


def _picker(term: Terminal, locations: Sequence[Fact]) -> Table | None:
    """The numbered list, side by side with the figure when the terminal is wide enough."""
    listing = Table.grid(padding=(0, 1))
    listing.add_column(justify="right", style="bold", no_wrap=True)
    listing.add_column()
    for i, fact in enumerate(locations, 1):
        listing.add_row(f"{i:>2}", escape(fact.text))
    # A figure carries the numbers of the whole map or of its parts; detail pages are a list.
    drawing = FIGURES.get(len(locations))
    if term.console.width < FIGURE_MIN_WIDTH or drawing is None:
        term.console.print(listing)
        return None
    layout = Table.grid(padding=(0, 4))
    layout.add_column(no_wrap=True, style="cyan")
    layout.add_column()
    notes = {key: _(note) for key, note in drawing[1].items()}
    figure = drawing[0].format(tongue=_("tongue"), **notes)
    layout.add_row(Text(figure.strip("\n")), listing)
    return layout


def _places_within(kb: KnowledgeBase | None, fact: Fact) -> list[Fact]:
    """The places a part of the body stands for, so "calf" picks "legs or feet"."""
    if kb is None:
        return []
    return [kb.facts[c] for c in fact.summarises if c in kb.facts]


def ask_body_map(term: Terminal, items: Sequence[Fact], kb: KnowledgeBase | None = None) -> Answers:
    """Where it twitches (several places or parts of the body allowed), then which side."""
    locations = [f for f in items if f.kind == "boolean"]
    others = [f for f in items if f.kind != "boolean"]
    answers: Answers = {}
    while True:
        if locations:
            layout = _picker(term, locations)
            if layout is not None:
                term.console.print(layout)
            term.say(Text(_(PICK_KEYS), style="dim"))
            chosen = term.ask(
                _("Places (numbers or names)"),
                lambda raw: parsing.parse_locations(
                    raw, locations, {f.id: _places_within(kb, f) for f in locations}
                ),
                on_help=term.help_for(locations),
                blank_is_unknown=False,
                blank_hint=_("type the numbers or names of the places, or ? if you don't know"),
            )
            if chosen is None:
                return {f.id: None for f in items}
            answers = {f.id: (i in chosen) for i, f in enumerate(locations, 1)}
            picked = ", ".join(locations[i - 1].text for i in sorted(chosen)) or _("none")
            term.say(Text("  " + _("Places: {picked}").format(picked=picked), style="green"))
        try:
            answers.update(term.form(others))
        except GoBack:
            if not locations:
                raise
            continue
        return answers
