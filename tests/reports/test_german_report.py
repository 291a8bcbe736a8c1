"""The doctor's report in German: every section in German words, read back with pdftotext.

The report is checked the way the doctor gets it (the PDF's own text), against the English
catalogue of the report and a list of ordinary English words. Source titles and addresses stay
as published and are left out of the check.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from tests.diaries import fill_diary
from tests.reports.pdf_tools import page_count, pdf_text, words_outside_margins
from twitchcare.catalogue import CORE_LOCALE_DIR, catalogue_path
from twitchcare.cli.app import app
from twitchcare.kb import load_kb
from twitchcare.store import open_store

runner = CliRunner()
SECTIONS = (
    "Eigene Angaben der Patientin oder des Patienten",
    "Wer",
    "Seit wann",
    "Wo (Episoden im Zeitraum)",
    "Verlauf: Episoden pro Tag",
    "Im Zeitraum",
    "Letzte Einschätzung",
    "Essen und Trinken",
    "Arzneimittel (laut Angabe)",
    "Abfrage der Warnzeichen",
    "Faktoren und Zucken (Auswertung des Tagebuchs)",
    "Fragen an die Ärztin oder den Arzt",
)
# Words that are English and never German; two in one line of the report mean English is left.
ENGLISH_ONLY = {
    "the", "you", "your", "what", "when", "with", "is", "are", "of", "to", "and", "this",
    "that", "it", "be", "not", "for", "if", "or", "how", "why", "which", "does", "do",
    "have", "has", "from", "at", "by", "on", "see", "get", "can", "should", "no", "yes",
    "days", "day", "logged", "episodes", "twitching", "page", "period", "made",
}  # fmt: skip


def _report(tmp_path: Path, days: int) -> str:
    if days:
        store = open_store()
        try:
            fill_diary(store, days, today=dt.date.today())
        finally:
            store.close()
    out = tmp_path / "bericht.pdf"
    result = runner.invoke(app, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "eigene Angaben, keine Diagnose" in result.output
    assert 1 <= page_count(out) <= 2
    outside = words_outside_margins(out)
    assert outside == [], f"text outside the margins: {outside[:10]}"
    return pdf_text(out)


def english_left(text: str) -> list[str]:
    """English in the report's text: a sentence of its catalogue, or a line of English words."""
    kb = load_kb()
    for source in kb.sources.values():  # cited titles and addresses stay as published
        for part in (source.title, source.publisher, source.url):
            text = text.replace(part, " ")
    text = re.sub(r"\[[a-z0-9-]+\]", " ", text)  # source ids
    flat = " ".join(text.split())
    with catalogue_path(CORE_LOCALE_DIR, "de").open("rb") as handle:
        german = {m.id: m.string for m in read_po(handle) if m.id and isinstance(m.id, str)}
    found = []
    for msgid, msgstr in german.items():
        if msgstr.lower() == msgid.lower():
            continue
        for piece in re.split(r"{[^}]*}", msgid):
            piece = " ".join(piece.split())
            wordy = len(piece) >= 6 and re.search(r"[a-z]{3}", piece)
            if wordy and re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", flat):
                found.append(f"catalogue: {piece!r}")
    for line in text.splitlines():
        words = re.findall(r"[a-zA-Z']+", line.lower())
        if sum(w in ENGLISH_ONLY for w in words) >= 2:
            found.append(f"line: {line.strip()!r}")
    return found


@pytest.mark.usefixtures("german")
def test_a_german_report_of_a_90_day_diary_is_german_in_every_section(tmp_path: Path) -> None:
    text = _report(tmp_path, 90)
    flat = " ".join(text.split())
    for section in SECTIONS:
        assert section in flat, section
    assert "Alter 34 Jahre" in flat and "Geschlecht weiblich" in flat
    assert "90 von 90" in flat
    assert "95-%-KI" in flat  # findings carry their uncertainty, in German
    assert "Seite 1" in flat and "Wissensstand" in flat
    assert not english_left(text), english_left(text)


@pytest.mark.usefixtures("german")
def test_a_german_report_of_an_empty_diary_is_german(tmp_path: Path) -> None:
    text = _report(tmp_path, 0)
    flat = " ".join(text.split())
    assert "Keine Einschätzung im Tagebuch gespeichert" in flat
    assert "In diesem Zeitraum keine Tage eingetragen" in flat
    assert not english_left(text), english_left(text)


def test_the_check_finds_english_in_the_english_report(tmp_path: Path) -> None:
    """The check itself must be able to fail: the English report is full of findings."""
    out = tmp_path / "report.pdf"
    result = runner.invoke(app, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert len(english_left(pdf_text(out))) >= 10
