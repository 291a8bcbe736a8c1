"""Browser journeys for relaxation and the doctor's report: a paced-breathing session on an
accelerated clock logged in the diary, a programme started and shown, reduced motion honoured,
and the report and FHIR downloads."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.browser.conftest import Server, check_axe, screenshots


def test_a_short_breathing_session_is_logged_and_the_diary_shows_the_minutes(
    page: Any, server: Server
) -> None:
    page.goto(server.url + "/relax")
    check_axe(page)
    screenshots(page, "relax-sessions")
    page.get_by_role("link", name="Open: Paced breathing").click()
    page.wait_for_url("**/relax/breathing")
    check_axe(page)
    # One minute, played ten times faster: the same plan, timed by relax.js.
    page.goto(server.url + "/relax/breathing?minutes=1&speed=10")
    page.get_by_label("Calming sound").check()
    page.get_by_role("button", name="Start").click()
    # a locator, not wait_for_function: the page's CSP forbids eval
    page.locator(".breath.inhale, .breath.exhale").wait_for()
    check_axe(page)
    screenshots(page, "relax-player")
    page.locator("[data-status]", has_text="Session finished").wait_for(timeout=15000)
    assert page.locator("[data-minutes]").input_value() == "1"
    assert page.locator("[data-completed]").input_value() == "yes"
    with page.expect_navigation():
        page.get_by_role("button", name="I did this session").click()
    assert "Session logged in your diary" in page.content()
    assert "Today: 1 min relaxation" in page.content()
    page.goto(server.url + "/diary")
    assert page.locator("#day-relaxation_min").input_value() == "1"


def test_a_programme_is_started_and_its_progress_shown(page: Any, server: Server) -> None:
    page.goto(server.url + "/relax")
    with page.expect_navigation():
        page.get_by_role("button", name="Start: Two weeks of daily autogenic training").click()
    assert "Day 1 of 14" in page.content()
    check_axe(page)
    screenshots(page, "relax-programme")
    page.get_by_role("link", name="Today's session").click()
    page.wait_for_url("**/relax/autogenic")
    assert "Exercises included: 1 of 6." in page.content()


def test_the_breathing_circle_stays_still_when_reduced_motion_is_asked_for(
    browser: Any, server: Server
) -> None:
    context = browser.new_context(reduced_motion="reduce")
    tab = context.new_page()
    try:
        tab.goto(server.url + "/relax/breathing?minutes=1&speed=10")
        tab.get_by_role("button", name="Start").click()
        tab.locator(".breath.inhale, .breath.exhale").wait_for()
        moves = tab.evaluate(
            "getComputedStyle(document.querySelector('.breath-circle')).transitionProperty"
        )
        assert moves == "none"
    finally:
        context.close()


def test_the_doctors_report_and_the_fhir_bundle_download_from_settings(
    page: Any, server: Server, tmp_path: Path
) -> None:
    page.goto(server.url + "/relax/breathing")
    page.locator("#d-minutes").fill("5")
    with page.expect_navigation():
        page.get_by_role("button", name="I did this session").click()
    page.goto(server.url + "/settings")
    check_axe(page)
    screenshots(page, "settings-report")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the report (PDF)").click()
    pdf = tmp_path / "report.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "self-reported" in text.lower()
    with page.expect_download() as bundle:
        page.get_by_role("link", name="Download for health records (FHIR R4)").click()
    saved = tmp_path / "bundle.json"
    bundle.value.save_as(saved)
    doc: dict[str, Any] = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["resourceType"] == "Bundle"


def test_a_session_works_without_javascript_as_steps_and_a_form(
    browser: Any, server: Server
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    tab = context.new_page()
    try:
        tab.goto(server.url + "/relax/pmr")
        assert not tab.locator("[data-player]").is_visible()  # the timed player needs JavaScript
        assert tab.locator("ol.steps li").count() > 5
        tab.locator("#d-minutes").fill("13")
        tab.get_by_role("button", name="I did this session").click()
        assert "Today: 13 min relaxation" in tab.locator("main").inner_text()
        screenshots(tab, "relax-logged-no-js")
    finally:
        context.close()
