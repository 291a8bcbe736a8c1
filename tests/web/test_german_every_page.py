"""Every page of the web app in German, on a diary with something in it, and the German report.

Every address the pages link to must be one of them, so a new page is held to German from the day
it is linked: a test fails until it is listed here. "English left" is the check of
``test_german_pages.py``; the cited sources keep their published titles.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.diaries import fill_diary
from tests.reports.pdf_tools import pdf_text
from tests.reports.test_german_report import english_left as report_english_left
from tests.web.conftest import post_form
from tests.web.test_german_pages import english_left
from twitchcare.kb import load_kb
from twitchcare.store import open_store

SESSIONS = sorted(load_kb().relaxation)
# Each page a person can open (GET, HTML), with the address to open; downloads are below.
PAGES = {
    "/": "/",
    "/assess": "/assess",
    "/diary": "/diary",
    "/intake": "/intake",
    "/relax": "/relax",
    "/settings": "/settings",
}
# (each relaxation session's page: its own test below)
# Reached only in the middle of an interview; test_german_pages.py walks it page by page.
INTERVIEW = {"/assess/question", "/assess/result"}
DOWNLOADS = {"/settings/export", "/settings/export.fhir.json", "/settings/report.pdf"}


@pytest.fixture
def german(client: TestClient) -> TestClient:
    store = open_store()
    try:
        fill_diary(store, 60, today=dt.date.today())
    finally:
        store.close()
    switched = post_form(client, "/language", {"lang": "de", "next": "/"})
    assert switched.status_code == 200
    return client


def test_every_page_the_app_links_to_is_checked_in_german(german: TestClient) -> None:
    """The menu and the links of each page lead only to pages checked here (or downloads)."""
    checked = set(PAGES.values()) | DOWNLOADS | INTERVIEW
    seen: set[str] = set()
    for address in PAGES.values():
        page = german.get(address).text
        for link in re.findall(r'href="(/[^"#?]*)', page):
            if not link.startswith(("/static", "/api")):
                seen.add(link.rstrip("/") or "/")
    relax = {s for s in seen if s.startswith("/relax/")}
    assert seen - relax - checked == set()
    assert relax <= {f"/relax/{s}" for s in SESSIONS}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_page_in_german_leaves_no_english(german: TestClient, page: str) -> None:
    reply = german.get(PAGES[page])
    assert reply.status_code == 200, reply.text[:300]
    assert '<html lang="de">' in reply.text
    assert not english_left(reply.text), english_left(reply.text)


@pytest.mark.parametrize("session", SESSIONS)
def test_every_relaxation_session_page_in_german_leaves_no_english(
    german: TestClient, session: str
) -> None:
    reply = german.get(f"/relax/{session}")
    assert reply.status_code == 200, reply.text[:300]
    assert not english_left(reply.text), english_left(reply.text)


def test_the_report_downloaded_in_german_is_german(german: TestClient, tmp_path: Path) -> None:
    reply = german.get("/settings/report.pdf")
    assert reply.status_code == 200
    pdf = tmp_path / "bericht.pdf"
    pdf.write_bytes(reply.content)
    text = pdf_text(pdf)
    assert re.search(r"Muskelzucken", text)
    assert not report_english_left(text), report_english_left(text)
