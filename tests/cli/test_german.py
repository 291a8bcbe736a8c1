"""The terminal in German: with TWITCHCARE_LANG=de no English sentence is left on the screen.

"Left in English" is checked three ways, each able to fail on its own: a sentence of the English
message catalogue, an English knowledge text, or a line of ordinary English words. The cited
sources are the one part that stays as published (their titles and addresses are how a reader
finds them), so the list of sources is left out of the check.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.cli.test_interactive import BENIGN_EYELID
from tests.shared import OWN_CASES, REPO
from twitchcare.catalogue import CORE_LOCALE_DIR, catalogue_path
from twitchcare.cli import i18n, parsing
from twitchcare.cli.app import app
from twitchcare.cli.render import DISCLAIMER
from twitchcare.engine.assess import DISCLAIMER as ENGINE_DISCLAIMER
from twitchcare.german_words import as_english
from twitchcare.kb import KnowledgeBase, load_kb

runner = CliRunner()
POT = i18n.LOCALE_DIR / "messages.pot"


def _msgids(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and isinstance(m.id, str)}


# The terminal's catalogue, and the core's own (the answers it cannot read, shared with the web).
# The core's files are the ones its babel.cfg names; a core module that reads the catalogue but
# is missing there fails test_every_core_module_that_translates_is_extracted.
CORE_CFG = CORE_LOCALE_DIR / "babel.cfg"
CORE_FILES = re.findall(r"^\[python: (\S+)\]", CORE_CFG.read_text(encoding="utf-8"), flags=re.M)
CATALOGUES = {
    "terminal": (i18n.LOCALE_DIR, ["src/twitchcare/cli/**.py"]),
    "core": (CORE_LOCALE_DIR, CORE_FILES),
}


def test_every_core_module_that_translates_is_extracted() -> None:
    core = REPO / "src" / "twitchcare"
    translating = {
        str(path.relative_to(REPO))
        for path in core.rglob("*.py")
        if path.parts[len(core.parts)] not in ("cli", "web")
        and re.search(
            r"from twitchcare\.catalogue import [^\n]*\bgettext\b", path.read_text(encoding="utf-8")
        )
    }
    assert translating <= set(CORE_FILES), sorted(translating - set(CORE_FILES))


# The terminal's extractor also takes each command's docstring and help= text (its babel.cfg).
METHODS = {"terminal": "twitchcare.cli.i18n:extract_messages", "core": "python"}


@pytest.mark.parametrize("name", CATALOGUES)
def test_catalogue_template_holds_every_string_that_is_marked(name: str) -> None:
    """A string wrapped in _() but missing from messages.pot would never be translated."""
    folder, patterns = CATALOGUES[name]
    found = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(REPO),
            method_map=[(pattern, METHODS[name]) for pattern in patterns],
            keywords={"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)},
        )
        if isinstance(message, str)
    }
    assert found == set(_msgids(folder / "messages.pot")), "run `make messages`"


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_message_has_a_german_translation_with_the_same_placeholders(name: str) -> None:
    folder, _pattern = CATALOGUES[name]
    german = _msgids(catalogue_path(folder, "de"))
    missing = [m for m in _msgids(folder / "messages.pot") if not german.get(m)]
    assert not missing, "no German for: " + "; ".join(missing)
    for msgid, msgstr in german.items():
        assert sorted(re.findall(r"{\w+}", msgid)) == sorted(re.findall(r"{\w+}", msgstr)), msgid


def test_the_marked_disclaimer_is_the_one_the_engine_gives() -> None:
    assert DISCLAIMER == ENGINE_DISCLAIMER


# Words that are English and never German; two on one line mean an English sentence.
ENGLISH_ONLY = {
    "the", "you", "your", "what", "when", "with", "is", "are", "of", "to", "and", "this",
    "that", "it", "be", "not", "for", "if", "or", "how", "why", "which", "does", "do",
    "have", "has", "from", "at", "by", "on", "see", "get", "can", "should",
}  # fmt: skip


def _without_sources(out: str) -> str:
    start = out.find("\nQuellen")
    end = out.find("Wissensstand", start)
    if start < 0 or end < 0:  # no list of sources (a help text may say "Quellen" in passing)
        return out
    return out[:start] + out[end:]


def english_left(out: str) -> list[str]:
    """Each piece of English in German output: catalogue sentences, knowledge, English lines."""
    text = _without_sources(out)
    flat = " ".join(text.split())
    found = []
    german = {
        **_msgids(catalogue_path(i18n.LOCALE_DIR, "de")),
        **_msgids(catalogue_path(CORE_LOCALE_DIR, "de")),
    }
    for msgid in {**_msgids(POT), **_msgids(CORE_LOCALE_DIR / "messages.pot")}:
        if german.get(msgid, "").lower() == msgid.lower():  # the same word in both ("Stress")
            continue
        for piece in re.split(r"{[^}]*}", msgid):
            piece = " ".join(piece.split())
            if len(piece) < 6 or not re.search(r"[a-z]{3}", piece):
                continue
            if piece in german.get(msgid, ""):  # German uses the same word ("Option")
                continue
            if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", flat):
                found.append(f"catalogue: {piece!r}")
    english, german = load_kb(), load_kb(lang="de")
    for key, value in _knowledge_texts(english).items():
        if value == _knowledge_texts(german)[key] or len(value) < 12:
            continue
        if re.search(rf"(?<!\w){re.escape(value)}(?!\w)", flat):
            found.append(f"knowledge {key}: {value!r}")
    for line in text.splitlines():
        words = re.findall(r"[a-zA-Z']+", line.lower())
        if sum(w in ENGLISH_ONLY for w in words) >= 2:
            found.append(f"line: {line.strip()!r}")
    return found


def _knowledge_texts(kb: KnowledgeBase) -> dict[str, str]:
    out = {f"fact {f.id}": f.text for f in kb.facts.values()}
    out.update({f"help {f.id}": f.help for f in kb.facts.values()})
    out.update({f"condition {c.id}": c.explanation for c in kb.conditions.values()})
    out.update({f"condition name {c.id}": c.name for c in kb.conditions.values()})
    out.update({f"rule {r.id}": r.message for r in kb.rules})
    out.update({f"advice {a.id}": a.text for a in kb.advice.values()})
    out.update({f"advice title {a.id}": a.title for a in kb.advice.values()})
    out.update({f"level {v.level}": v.instruction for v in kb.levels.values()})
    out.update({f"screen {s.id}": s.title for s in kb.screens})
    return out


def test_the_english_check_finds_english() -> None:
    """The check itself must be able to fail: English output is full of findings."""
    result = runner.invoke(
        app, ["assess", "--case", str(OWN_CASES / "t05-hypnic-jerks-first-office-job.json")]
    )
    assert result.exit_code == 0
    assert len(english_left(result.output)) > 10


CASES = sorted(OWN_CASES.glob("*.json"))[::5]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
@pytest.mark.usefixtures("german")
def test_assess_case_in_german_leaves_no_english(path: Path) -> None:
    result = runner.invoke(app, ["assess", "--case", str(path)])
    assert result.exit_code == 0, result.output
    out = result.output.replace(path.stem, "")  # the case's file name is its title
    assert not english_left(out), english_left(out)
    assert "Quellen" in result.output and "Wissensstand" in result.output


@pytest.mark.usefixtures("german")
def test_kb_show_in_german_leaves_no_english_words() -> None:
    result = runner.invoke(app, ["kb", "show", "eyelid_myokymia"])
    assert result.exit_code == 0, result.output
    assert "Lidzucken" in result.output and "Wie häufig" in result.output


# The English journey of test_interactive.py (a man of 30 with a twitching left eyelid), answered
# in German words, so that both follow the same pages whatever the interview asks next.
IN_GERMAN = {
    "eyelid": "Augenlid",
    "5 days": "seit 5 Tagen",
    "y": "ja",
    "n": "nein",
    "none": "keine",
}
GERMAN_EYELID = [IN_GERMAN.get(answer, answer) for answer in BENIGN_EYELID]


@pytest.mark.usefixtures("german")
def test_the_interview_in_german_asks_and_answers_in_german() -> None:
    result = runner.invoke(app, ["assess"], input="\n".join(GERMAN_EYELID) + "\n")
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Seite 1 von etwa" in out and "Warum wir fragen:" in out
    assert "Wo zuckt es?" in out and "Stellen: Augenlid" in out
    assert "Sie können das vorerst selbst zu Hause angehen" in out
    assert "Lidzucken" in out[out.index("Ihr Ergebnis") :]
    assert not english_left(out), english_left(out)


@pytest.mark.usefixtures("german")
def test_a_bad_german_answer_is_explained_in_german_and_asked_again() -> None:
    lines = ["dreißig", *GERMAN_EYELID[:6], "irgendwann", "q", "ja"]
    result = runner.invoke(app, ["assess"], input="\n".join(lines) + "\n")
    assert "Traceback" not in result.output
    out = result.output
    assert "„dreißig“ ist keine Zahl (Jahre)" in out
    assert "„irgendwann“ lässt sich nicht als Zeitangabe lesen" in out
    assert "Beendet. Es wurde nichts gespeichert." in out
    assert not english_left(out), english_left(out)


TODAY = dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("3 Tage", 3),
        ("seit 3 Tagen", 3),
        ("2 Wochen", 14),
        ("vor 2 Wochen", 14),
        ("ein paar Tage", 3),
        ("etwa 6 Monate", 180),
        ("seit einem Jahr", 365),
        ("letzte Woche", 7),
        ("heute Morgen", 0),
        ("gestern", 1),
        ("seit März", (TODAY - dt.date(2026, 3, 1)).days),
        ("seit 3. Mai 2025", (TODAY - dt.date(2025, 5, 3)).days),
        ("seit Montag", 2),
    ],
)
def test_german_times_are_read_as_days(typed: str, days: int) -> None:
    assert parsing.parse_days(typed, today=TODAY) == days


@pytest.mark.parametrize(
    ("typed", "value"), [("ja", True), ("Ja", True), ("j", True), ("nein", False)]
)
def test_german_yes_and_no(typed: str, value: bool) -> None:
    assert parsing.parse_yes_no(typed) is value


def test_german_steering_words_and_lists() -> None:
    assert parsing.command("weiß nicht") == parsing.Command("dont_know")
    assert parsing.command("keine Ahnung") == parsing.Command("dont_know")
    assert parsing.command("zurück") == parsing.Command("back")
    assert parsing.parse_selection("1 und 3", 5) == {1, 3}
    assert parsing.parse_selection("keine", 5) == set()
    assert parsing.parse_list("Omeprazol und Salbutamol") == ["omeprazol", "salbutamol"]


def test_german_places_by_name_and_everyday_word() -> None:
    german = load_kb(lang="de")
    places = [f for f in german.facts.values() if f.id.startswith("loc.")]
    names = {f.id: i for i, f in enumerate(places, 1)}
    assert parsing.parse_locations("Augenlid und Oberschenkel", places) == {
        names["loc.eyelid"],
        names["loc.thigh"],
    }
    assert parsing.parse_locations("Waden, Daumen", places) == {
        names["loc.calf"],
        names["loc.hand"],
    }
    assert parsing.parse_locations("überall", places) == {names["loc.whole_body"]}


ENGLISH_WORDS = st.sampled_from(
    ["3", "days", "weeks", "since", "march", "yes", "no", "calf", "eyelid", "and", "a", "few",
     "about", "don't", "know", "this", "morning", "upper", "arm", "none", "?"]
)  # fmt: skip


@given(st.lists(ENGLISH_WORDS, min_size=1, max_size=6))
def test_english_answers_read_as_before(words: list[str]) -> None:
    text = " ".join(words)
    assert as_english(text) == text
