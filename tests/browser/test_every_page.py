"""Every page as a new user, at 1280 px and at 375 px, with and without JavaScript: nothing is
wider than the screen, axe finds nothing serious, and each page is saved as a screenshot."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, Server, check_axe, screenshots

PAGES = {
    "learn": "/",
    "assess-start": "/assess",
    "diary": "/diary",
    "intake": "/intake?q=almonds",
    "relax": "/relax",
    "settings": "/settings",
}


def _overflow(tab: Any) -> int:
    """How many pixels the page is wider than the window (0 when nothing is cut off)."""
    return int(tab.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_fits_a_phone_and_passes_axe_as_a_new_user(
    page: Any, server: Server, name: str
) -> None:
    page.goto(server.url + PAGES[name])
    check_axe(page)
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        assert _overflow(page) <= 0, f"{name} is wider than {size['width']} px"
    screenshots(page, f"page-{name}")


def test_every_page_works_with_javascript_off(browser: Any, server: Server) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    tab = context.new_page()
    try:
        for name, path in PAGES.items():
            response = tab.goto(server.url + path)
            assert response is not None and response.status == 200, name
            assert tab.locator("h1").count() == 1, name
            assert _overflow(tab) <= 0, f"{name} is wider than the phone without JavaScript"
        # a form still works: log a twitch without JavaScript
        tab.goto(server.url + "/diary")
        tab.get_by_label("Where").select_option("calf")
        tab.get_by_role("button", name="Log this twitch").click()
        assert "Twitch logged" in tab.locator(".confirmation").inner_text()
    finally:
        context.close()


def test_us_units_and_an_experiment_as_a_person_would_set_them(page: Any, server: Server) -> None:
    page.goto(server.url + "/settings")
    page.get_by_label("US: ounces").check()
    page.get_by_role("button", name="Save units").click()
    assert "Units saved" in page.locator(".confirmation").inner_text()
    assert page.get_by_label("Weight in lb", exact=False).count() == 1
    page.goto(server.url + "/intake?q=pumpkin seeds")
    assert " oz)" in page.locator("select[name=portion]").first.inner_text()
    check_axe(page)
    screenshots(page, "units-us-intake")
    page.goto(server.url + "/diary")
    page.get_by_label("What will you change?").fill("under 200 mg caffeine")
    page.get_by_role("button", name="Start the experiment").click()
    assert "Experiment started" in page.locator(".confirmation").inner_text()
    page.get_by_role("button", name="Stop today").click()
    assert "Experiment stopped" in page.locator(".confirmation").inner_text()
    check_axe(page)
    screenshots(page, "diary-experiment")
