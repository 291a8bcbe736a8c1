"""The seven journeys of the web app, in a real browser against a real server."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import ARTEFACTS, Server, answer_pages, check_axe, screenshots

SELF_CARE = {
    "loc.eyelid": True,
    "side": "left",
    "duration_days": 5,
    "pattern": "comes_and_goes",
    "ctx.under_stress": True,
    "ctx.after_caffeine": True,
    "caffeine_mg_per_day": 500,
    "stress_0_10": 8,
    "age": 22,
    "sex": "female",
}


def _start(tab: Any, server: Server) -> None:
    tab.goto(server.url + "/")
    check_axe(tab)
    tab.get_by_role("link", name="Check my twitching").first.click()
    check_axe(tab)
    tab.get_by_role("button", name="Start now").click()
    tab.wait_for_url("**/assess/question")


def test_exam_stress_coffee_and_an_eyelid_twitch_end_in_self_care_with_a_caffeine_target(
    page: Any, server: Server
) -> None:
    _start(page, server)
    page.locator('.region[data-loc="loc.eyelid"] ellipse').first.click()  # the body map, by pointer
    assert page.locator('[id="c-region.head"]').is_checked()
    page.locator('.region[data-loc="loc.eyelid"] ellipse').first.click()
    assert not page.locator('[id="c-region.head"]').is_checked()
    answer_pages(page, SELF_CARE)
    card = page.locator(".care-card")
    assert "care-self_care" in (card.get_attribute("class") or "")
    assert "manage this at home" in card.inner_text()
    assert "200 mg" in page.locator("main").inner_text()
    check_axe(page)
    screenshots(page, "1-self-care")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()  # the print stylesheet applies
    page.screenshot(path=str(ARTEFACTS / "1-self-care-print.png"), full_page=True)
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Save to my diary").click()
    assert "Saved in your diary" in page.locator(".confirmation").inner_text()


def test_calf_twitching_with_progressive_weakness_and_trouble_swallowing_is_not_self_care(
    page: Any, server: Server
) -> None:
    _start(page, server)
    answer_pages(
        page,
        {
            "loc.calf": True,
            "side": "left",
            "difficulty_swallowing": True,
            "onset_days.difficulty_swallowing": "2 months",  # read as 60 days
            "duration_days": 60,
            "pattern": "constant",
            "weakness": True,
            "weakness_progressive": True,
            "age": 58,
            "sex": "male",
        },
    )
    card = page.locator(".care-card")
    assert "care-self_care" not in (card.get_attribute("class") or "")
    assert "neurologist" in card.inner_text()
    check_axe(page)
    screenshots(page, "2-neurologist")


def test_sudden_one_sided_weakness_shows_the_emergency_banner_with_the_number_at_once(
    page: Any, server: Server
) -> None:
    _start(page, server)
    sign = {"loc.hand": True, "sudden_weakness_one_side": True}
    screens = answer_pages(page, sign, until="onset")
    assert screens[-1] == "stroke_signs"
    # The pages after the sign are only for the crew, and the call comes above each; the first
    # asks when the sign began.
    now = page.locator("#emergency-now")
    assert now.is_visible() and "Call 112 now" in now.inner_text()
    assert now.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    check_axe(page)
    screenshots(page, "3-emergency-page-for-the-crew")
    told = {
        "onset_days.sudden_weakness_one_side": "2 hours",
        "loc.hand": True,
        "medications": "ramipril",
    }
    answer_pages(page, told, until="history")
    with page.expect_navigation():
        page.get_by_role("button", name="Show my summary now").click()
    card = page.locator(".care-emergency")
    assert "Call 112 now" in card.inner_text()
    crew = page.locator("section", has=page.locator("#crew-title")).inner_text()
    assert "about 2 hours ago" in crew and "ramipril" in crew
    assert "Where it twitches: Hand or fingers" in crew
    assert page.locator("h2", has_text="What to change").count() == 0
    check_axe(page)
    screenshots(page, "3-emergency")


def test_three_episodes_and_a_day_show_in_the_chart(page: Any, server: Server) -> None:
    page.goto(server.url + "/diary")
    check_axe(page)
    page.get_by_label("Where").select_option("calf")
    page.get_by_role("button", name="Log this twitch").click()
    for _ in range(2):  # then two taps each: the last place is offered first
        page.get_by_role("button", name=re.compile("Twitching now: Calf")).click()
    page.locator("#day-caffeine_mg").fill("300")
    page.locator("#day-sleep_hours").fill("6.5")
    page.get_by_role("button", name="Save today").click()
    bars = page.locator("svg.chart rect.bar title").all_text_contents()
    assert any(text.endswith(": 3") for text in bars), bars
    assert page.locator("#day-caffeine_mg").input_value() == "300"
    assert "3 episodes" in page.locator("main").inner_text()
    check_axe(page)
    screenshots(page, "4-diary")


def test_searching_pumpkin_seeds_and_adding_a_portion_raises_todays_total(
    page: Any, server: Server
) -> None:
    page.goto(server.url + "/intake")
    check_axe(page)
    before = page.locator('[data-total="magnesium"]').inner_text()
    page.get_by_label("Search for a food").fill("pumpkin seeds")
    page.get_by_role("button", name="Search").click()
    first = page.locator(".food").first
    assert "pumpkin" in first.inner_text().lower()
    check_axe(page)
    first.get_by_role("button", name=re.compile("^Add")).click()
    after = page.locator('[data-total="magnesium"]').inner_text()
    assert float(after.split()[0].replace(",", "")) > float(before.split()[0].replace(",", ""))
    check_axe(page)
    screenshots(page, "5-magnesium")


def test_the_assessment_works_with_javascript_off(browser: Any, server: Server) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    tab = context.new_page()
    try:
        tab.goto(server.url + "/assess")
        tab.get_by_role("button", name="Start now").click()
        assert not tab.locator(".bodymap").is_visible()  # the figures need JavaScript
        assert tab.locator('[id="c-region.head"]').is_visible()  # the list does not
        answer_pages(tab, SELF_CARE, check=False)
        assert "care-self_care" in (tab.locator(".care-card").get_attribute("class") or "")
        tab.get_by_role("button", name="Save to my diary").click()
        assert "Saved in your diary" in tab.locator(".confirmation").inner_text()
        screenshots(tab, "6-no-javascript")
    finally:
        context.close()


def test_the_body_map_works_with_the_keyboard_only(page: Any, server: Server) -> None:
    page.goto(server.url + "/assess")
    page.get_by_role("button", name="Start now").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/assess/question" in page.url
    label = ""
    for _ in range(80):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
        if label.startswith("Calf"):
            break
    assert label.startswith("Calf"), label
    page.keyboard.press("Space")
    assert page.locator('[id="c-region.legs"]').is_checked()
    assert page.evaluate("document.activeElement.getAttribute('aria-checked')") == "true"
    screenshots(page, "7-keyboard-body-map")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Continue":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The red-flag overview comes straight after the parts of the body.
    assert page.locator("input[name=screen]").get_attribute("value") == "emergency"


def test_settings_pass_axe_and_the_server_log_holds_no_health_data(
    page: Any, server: Server
) -> None:
    page.goto(server.url + "/settings")
    check_axe(page)
    page.get_by_label("Age in years").fill("34")
    page.get_by_label("Female").check()
    page.get_by_role("button", name="Save profile").click()
    page.goto(server.url + "/diary")
    page.get_by_label("Where").select_option("tongue")
    page.get_by_role("button", name="Log this twitch").click()
    screenshots(page, "8-settings-diary")
    log = server.log.read_text(errors="replace")
    for secret in ("tongue", "34", "female", "/diary", "/settings"):
        assert secret not in log.replace(server.url, ""), log


def test_a_wrong_answer_shows_an_error_summary_that_takes_focus(page: Any, server: Server) -> None:
    _start(page, server)
    page.locator('[id="c-region.legs"]').check()
    while page.locator('[id="i-duration_days"]').count() == 0:
        if page.locator('[id="c-loc.thigh"]').count():
            page.locator('[id="c-loc.thigh"]').check()
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()  # nothing else applies
    page.locator('[id="i-duration_days"]').fill("a while")
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    assert page.evaluate("document.activeElement.className") == "error-summary"
    page.get_by_role("link", name=re.compile("When did it start: could not read")).click()
    check_axe(page)
    screenshots(page, "9-error-summary")


def test_a_person_who_drinks_no_alcohol_is_not_asked_whether_alcohol_sets_it_off(
    page: Any, server: Server
) -> None:
    """Skip logic read from the knowledge, in the browser: no alcohol a week leaves "after
    alcohol" off the page of what sets it off (and the answer stands as a no)."""
    teen = {
        "loc.calf": True,
        "side": "left",
        "duration_days": 4,
        "pattern": "comes_and_goes",
        "substances": "energy drink",
        "gw.medicine_change": False,
        "gw.lifestyle": False,
        "gw.history_metabolic": False,
        "gw.history_nerves": False,
        "gw.history_other": False,
        "caffeine_mg_per_day": 200,
        "alcohol_units_per_week": 0,
        "sleep_hours": 7,
        "stress_0_10": 2,
        "age": 16,
        "sex": "male",
    }
    _start(page, server)
    asked = answer_pages(page, teen, until="triggers")
    assert "habits" in asked, asked
    assert page.locator("input[name=screen]").get_attribute("value") == "triggers"
    assert page.locator('[id="c-ctx.after_caffeine"]').count() == 1
    assert page.locator('[id="c-ctx.after_alcohol"]').count() == 0
    screenshots(page, "6-what-sets-it-off")
    answer_pages(page, {**teen, "ctx.after_caffeine": True})
    assert page.locator(".care-card").count() == 1
