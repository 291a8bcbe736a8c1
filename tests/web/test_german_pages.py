"""The web app in German: the language switch, and no English left on a German page.

"Left in English" means a sentence of the English message catalogue, an English knowledge text,
or a line of ordinary English words. The cited sources keep their published titles (that is how
a reader finds them), so their titles and publishers are taken out before the check.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from tests.web.conftest import post_form
from twitchcare.catalogue import catalogue_path
from twitchcare.kb import KnowledgeBase, load_kb
from twitchcare.web.i18n import LOCALE_DIR

POT = LOCALE_DIR / "messages.pot"
ENGLISH_ONLY = {
    "the", "you", "your", "what", "when", "with", "is", "are", "of", "to", "and", "this",
    "that", "it", "be", "not", "for", "if", "or", "how", "why", "which", "does", "do",
    "have", "has", "from", "at", "by", "on", "see", "get", "can", "should",
}  # fmt: skip


def _msgids(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and isinstance(m.id, str)}


def _text(page: str, kb: KnowledgeBase) -> str:
    """What a reader sees: no markup, no scripts, no cited titles."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", "\n", page)
    text = html.unescape(page)
    for source in kb.sources.values():
        for part in (source.title, source.publisher, source.url):
            text = text.replace(part, " ")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _knowledge(kb: KnowledgeBase) -> dict[str, str]:
    out = {f"fact {f.id}": f.text for f in kb.facts.values()}
    out.update({f"help {f.id}": f.help for f in kb.facts.values()})
    out.update({f"condition {c.id}": c.explanation for c in kb.conditions.values()})
    out.update({f"rule {r.id}": r.message for r in kb.rules})
    out.update({f"advice {a.id}": a.text for a in kb.advice.values()})
    out.update({f"screen {s.id}": s.title for s in kb.screens})
    out.update({f"level {v.level}": v.title for v in kb.levels.values()})
    return out


def _catalogue_pieces() -> list[str]:
    """English pieces of the catalogue that German pages never show (placeholders cut out)."""
    pieces = []
    for msgid, msgstr in _msgids(catalogue_path(LOCALE_DIR, "de")).items():
        for piece in re.split(r"%\(\w+\)s|%%", msgid):
            piece = " ".join(piece.split())
            if len(piece) >= 4 and re.search(r"[a-z]{3}", piece) and piece not in msgstr:
                pieces.append(piece)
    return pieces


def english_left(page: str, *, words: bool = True) -> list[str]:
    """Each piece of English on a German page: catalogue, knowledge, lines of English words."""
    english, german = load_kb(), load_kb(lang="de")
    text = _text(page, english)
    flat = " ".join(text.split())
    lines = set(text.splitlines())
    found = []
    for piece in _catalogue_pieces():
        several = " " in piece and len(piece) >= 8
        if (several and piece in flat) or (not several and piece in lines):
            found.append(f"catalogue: {piece!r}")
    translated = _knowledge(german)
    for key, value in _knowledge(english).items():
        same = value == translated[key] or len(value) < 12
        if not same and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", flat):
            found.append(f"knowledge {key}: {value!r}")
    for line in text.splitlines() if words else []:
        if sum(w in ENGLISH_ONLY for w in re.findall(r"[a-zA-Z']+", line.lower())) >= 2:
            found.append(f"line: {line!r}")
    return found


@pytest.fixture
def german(client: TestClient) -> TestClient:
    switched = post_form(client, "/language", {"lang": "de", "next": "/assess"})
    assert switched.url.path == "/assess"
    return client


def test_the_marked_core_words_are_the_cores_own() -> None:
    from twitchcare.diary.records import FACTOR_LABELS
    from twitchcare.engine.assess import DISCLAIMER as ENGINE_DISCLAIMER
    from twitchcare.web.wording import DISCLAIMER, FACTOR_NAMES

    assert FACTOR_NAMES == FACTOR_LABELS
    assert DISCLAIMER == ENGINE_DISCLAIMER


def test_every_web_message_has_a_german_translation() -> None:
    german = _msgids(catalogue_path(LOCALE_DIR, "de"))
    missing = [m for m in _msgids(POT) if not german.get(m)]
    assert not missing, "no German for: " + "; ".join(missing)
    for msgid, msgstr in german.items():
        wanted = sorted(re.findall(r"%\(\w+\)s", msgid))
        assert wanted == sorted(re.findall(r"%\(\w+\)s", msgstr)), msgid


def test_the_switch_remembers_german_and_goes_back_to_the_page(german: TestClient) -> None:
    page = german.get("/settings")
    assert '<html lang="de">' in page.text
    assert page.headers["content-language"] == "de"
    assert "Einstellungen" in page.text
    back = post_form(german, "/language", {"lang": "en", "next": "/settings"})
    assert '<html lang="en">' in back.text and "Settings" in back.text


def test_the_switch_only_goes_back_to_this_site(client: TestClient) -> None:
    away = post_form(client, "/language", {"lang": "de", "next": "https://example.org/"})
    assert away.url.path == "/"
    assert away.url.host == "127.0.0.1"


def test_an_unknown_language_is_a_bad_request_naming_the_field(client: TestClient) -> None:
    reply = post_form(client, "/language", {"lang": "fr", "next": "/"})
    assert reply.status_code == 400
    assert "lang" in reply.text and "fr" in reply.text


def test_the_switch_needs_the_form_token(client: TestClient) -> None:
    reply = client.post("/language", data={"lang": "de", "next": "/"})
    assert reply.status_code == 403


@pytest.mark.parametrize("path", ["/", "/assess", "/settings", "/relax", "/diary", "/intake"])
def test_each_page_in_german_leaves_no_english(german: TestClient, path: str) -> None:
    page = german.get(path)
    assert page.status_code == 200
    assert not english_left(page.text), english_left(page.text)


def _screen(page: str) -> str | None:
    found = re.search(r'name="screen" value="([^"]+)"', page)
    return found.group(1) if found else None


def test_the_interview_and_result_in_german_leave_no_english(german: TestClient) -> None:
    """Every page of an interview answered "nothing ticked, nothing known", then the result."""
    page = post_form(german, "/assess/start", {})
    seen = []
    for _ in range(60):
        if page.url.path == "/assess/result":
            break
        screen = _screen(page.text)
        assert screen, page.text[:500]
        seen.append(screen)
        assert not english_left(page.text), (screen, english_left(page.text))
        reply = post_form(german, "/assess/question", {"screen": screen})
        if reply.status_code == 400:  # a page that needs a tick: the first place on it
            first = re.search(r'name="tick" value="([^"]+)"', page.text)
            assert first, page.text[:500]
            reply = post_form(
                german, "/assess/question", {"screen": screen, "tick": [first.group(1)]}
            )
        page = reply
    assert page.url.path == "/assess/result", seen
    assert not english_left(page.text), english_left(page.text)
    assert "Quellen" in page.text


def test_the_english_check_finds_english(client: TestClient) -> None:
    """The check itself must be able to fail: the English start page is full of findings."""
    assert len(english_left(client.get("/").text)) > 5
