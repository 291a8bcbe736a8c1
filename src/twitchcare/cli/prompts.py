"""Asking one interview page in the terminal: checklists, forms and single questions.

Every prompt understands the same steering words ("?" = I don't know, "b" = back, "q" = quit,
"h" = help), re-asks after a bad answer with a one-line reason, and never forgets what was already
answered on the page. Going back past the first prompt of a page raises :class:`GoBack` so the
interview can undo the previous page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from rich.console import Console, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.prompt import Confirm, InvalidResponse, Prompt
from rich.table import Table
from rich.text import Text

from twitchcare.cli import parsing
from twitchcare.cli.i18n import N_, _
from twitchcare.errors import InputError
from twitchcare.kb.logic import FactValue
from twitchcare.kb.models import Fact

T = TypeVar("T")
Answers = dict[str, FactValue | None]
GROUP_HEADINGS = {
    "ctx.": N_("When does it happen? Tick all that apply."),
    "history.": N_("Have you ever had any of these? Tick all that apply."),
}
CHECKLIST_KEYS = N_("e.g. 1 3 · 0 = none · ? = don't know · h 2 = explain 2 · b = back · q = quit")
FORM_KEYS = N_("Enter = skip · ? = don't know · h = help · b = back · q = quit")


class _Confirm(Confirm):
    """Rich's yes/no question with the answer letters of the language in use."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.choices = [_("y"), _("n")]
        self.validate_error_message = "[prompt.invalid]" + _("Please enter y or n")

    def process_response(self, value: str) -> bool:
        try:
            return parsing.parse_yes_no(value)
        except InputError:
            raise InvalidResponse(self.validate_error_message) from None


class GoBack(Exception):
    """The person asked to go back past the first prompt of this page."""


class Quit(Exception):
    """The person asked to stop and confirmed it."""


class Terminal:
    """The console plus the reading rules shared by every prompt."""

    def __init__(
        self, console: Console, *, today: dt.date, units: Mapping[str, str] | None = None
    ) -> None:
        self.console = console
        self.today = today
        self.units = units or {}  # unit -> its name in the language shown

    # ------------------------------------------------------------------ primitives
    def say(self, text: RenderableType = "") -> None:
        self.console.print(text)

    def problem(self, exc: InputError) -> None:
        """One line, no traceback: what was wrong and how to answer instead."""
        hint = f" ({exc.hint})" if exc.hint else ""
        self.console.print(Padding(Text(f"✗ {exc.problem}{hint}", style="bold red"), (0, 0, 0, 2)))

    def show_help(self, fact: Fact) -> None:
        text = Text(f"ℹ {fact.text.rstrip('?')}: {fact.help}", style="cyan")
        self.console.print(Padding(text, (0, 0, 0, 2)))

    def ask(
        self,
        prompt: str,
        parse: Callable[[str], T],
        *,
        on_help: Callable[[int | None], None],
        blank_is_unknown: bool,
        blank_hint: str = "",
    ) -> T | None:
        """Read until ``parse`` accepts the answer; ``None`` means "I don't know"."""
        while True:
            raw = Prompt.ask(Text(prompt), console=self.console, default="", show_default=False)
            cmd = parsing.command(raw)
            if cmd is None and not raw.strip():
                if blank_is_unknown:
                    return None
                self.problem(InputError(field="answer", problem=_("no answer"), hint=blank_hint))
                continue
            if cmd is not None:
                if cmd.kind == "dont_know":
                    return None
                if cmd.kind == "back":
                    raise GoBack
                if cmd.kind == "help":
                    on_help(cmd.item)
                    continue
                if _Confirm.ask(
                    _("Stop now? Your answers will not be kept"),
                    console=self.console,
                    default=False,
                ):
                    raise Quit
                continue
            try:
                return parse(raw)
            except InputError as exc:
                self.problem(exc)

    # ------------------------------------------------------------------ lists of items
    def numbered(self, labels: Sequence[str], *, start: int = 1) -> None:
        """Items with right-aligned numbers; long labels wrap under themselves, not the number."""
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="bold", no_wrap=True)
        grid.add_column()
        for i, label in enumerate(labels, start):
            grid.add_row(f"{i:>2}", escape(label))
        self.console.print(grid)

    def help_for(self, items: Sequence[Fact]) -> Callable[[int | None], None]:
        def show(n: int | None) -> None:
            if n is None:
                self.say(
                    Text(_("  Type h and a number, e.g. h 2, to explain that item."), style="cyan")
                )
            elif 1 <= n <= len(items):
                self.show_help(items[n - 1])
            else:
                self.problem(
                    InputError(field="help", problem=_("there is no item {n}").format(n=n))
                )

        return show

    def checklist(self, items: Sequence[Fact], heading: str = "") -> Answers:
        """Numbered yes/no items: the numbers typed are yes, the rest no; "?" leaves all unknown."""
        if heading:
            self.say(Text(heading, style="bold"))
        self.numbered([f.text for f in items])
        self.say(Text(_(CHECKLIST_KEYS), style="dim"))
        chosen = self.ask(
            _("Which apply? (numbers, 0 = none)"),
            lambda raw: parsing.parse_selection(raw, len(items)),
            on_help=self.help_for(items),
            blank_is_unknown=False,
            blank_hint=_("type the numbers that apply, 0 for none, ? if you don't know"),
        )
        if chosen is None:
            return {f.id: None for f in items}
        return {f.id: (i in chosen) for i, f in enumerate(items, 1)}

    # ------------------------------------------------------------------ single questions
    def question(self, fact: Fact, *, blank_is_unknown: bool = True) -> FactValue | None:
        """One form item, parsed by its kind."""
        on_help = self._single_help(fact)
        if fact.kind == "boolean":
            return self.ask(
                fact.text + " " + _("[y/n/?]"),
                parsing.parse_yes_no,
                on_help=on_help,
                blank_is_unknown=blank_is_unknown,
            )
        if fact.kind == "choice":
            labels = list((fact.choices or {}).values())
            self.say(Text(fact.text, style="bold"))
            self.numbered(labels)
            return self.ask(
                _("Choose 1-{n} or ?").format(n=len(labels)),
                lambda raw: parsing.parse_choice(fact, raw),
                on_help=on_help,
                blank_is_unknown=blank_is_unknown,
                blank_hint=_("type 1 to {n}").format(n=len(labels)),
            )
        if fact.kind == "list":
            return self.ask(
                fact.text + " " + _("(separate with commas, or none)"),
                parsing.parse_list,
                on_help=on_help,
                blank_is_unknown=blank_is_unknown,
            )
        if fact.unit == "days":
            example = " " + _("(e.g. 3 days, 2 weeks, since March)")
        else:
            unit = self.units.get(fact.unit, fact.unit) if fact.unit else ""
            example = f" ({unit})" if unit else ""
        if fact.unit and "/" in fact.unit:
            self.show_help(fact)  # nobody knows their mg a day without the conversion

        def read(raw: str) -> float:
            value = parsing.parse_number(fact, raw, today=self.today, units=self.units)
            note = parsing.year_note(raw, today=self.today) if fact.unit == "days" else None
            if note:
                self.say(Text(note, style="dim"))
            return value

        return self.ask(
            f"{fact.text}{example}",
            read,
            on_help=on_help,
            blank_is_unknown=blank_is_unknown,
            blank_hint=_("type a number, or ? if you don't know"),
        )

    def _single_help(self, fact: Fact) -> Callable[[int | None], None]:
        return lambda _n: self.show_help(fact)

    # ------------------------------------------------------------------ forms
    def form(
        self,
        facts: Sequence[Fact],
        *,
        skip: Callable[[Fact, Mapping[str, FactValue | None]], bool] = lambda f, a: False,
        blank_is_unknown: bool = True,
    ) -> Answers:
        """Ask a form's items in order; runs of yes/no items that are not questions are ticked
        from one list. "b" steps back one prompt, and past the first raises :class:`GoBack`."""
        blocks = _blocks(facts)
        answers: Answers = {}
        done: list[int] = []
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if isinstance(block, list) or not skip(block, answers):
                try:
                    if isinstance(block, list):
                        answers.update(self.checklist(block, _heading(block)))
                    else:
                        answers[block.id] = self.question(block, blank_is_unknown=blank_is_unknown)
                except GoBack:
                    if not done:
                        raise
                    i = done.pop()
                    for fact in _facts_of(blocks[i]):
                        answers.pop(fact.id, None)
                    continue
                done.append(i)
            i += 1
        return answers


Block = Fact | list[Fact]


def _blocks(facts: Sequence[Fact]) -> list[Block]:
    """Single questions, with neighbouring tick-box items (no question mark) gathered in lists."""
    blocks: list[Block] = []
    for fact in facts:
        if not fact.is_question and blocks and isinstance(blocks[-1], list):
            blocks[-1].append(fact)
        elif not fact.is_question:
            blocks.append([fact])
        else:
            blocks.append(fact)
    return blocks


def _facts_of(block: Block) -> list[Fact]:
    return block if isinstance(block, list) else [block]


def _heading(items: Sequence[Fact]) -> str:
    for prefix, heading in GROUP_HEADINGS.items():
        if items[0].id.startswith(prefix):
            return _(heading)
    return _("Any of these? Tick all that apply.")
