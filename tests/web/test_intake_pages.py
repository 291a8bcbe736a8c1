"""The magnesium, caffeine and alcohol page: search, add a portion, see today's total rise."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import post_form


def _magnesium(html: str) -> float:
    found = re.search(r'data-total="magnesium">([0-9,.]+) mg<', html)
    assert found
    return float(found.group(1).replace(",", ""))


def test_searching_pumpkin_seeds_and_adding_a_portion_raises_todays_total(
    client: TestClient,
) -> None:
    page = client.get("/intake", params={"q": "pumpkin seeds"})
    before = _magnesium(page.text)
    food_id = re.search(r'name="food_id" value="([^"]+)"', page.text)
    assert food_id and "pumpkin" in page.text.lower()
    after = post_form(
        client, "/intake/add", {"food_id": food_id.group(1), "portion": "0", "count": "0.3"}
    )
    assert _magnesium(after.text) > before


def test_free_text_adds_a_coffee(client: TestClient) -> None:
    page = post_form(client, "/intake/add", {"kind": "caffeine", "text": "a mug of filter coffee"})
    assert "Added to today" in page.text
    assert client.get("/api/v1/intake").json()["caffeine_mg"] > 50


def test_a_food_that_is_not_known_shows_the_error_and_saves_nothing(client: TestClient) -> None:
    page = post_form(client, "/intake/add", {"kind": "food", "text": "3 g unobtainium"})
    assert page.status_code == 400 and 'class="error-summary"' in page.text
    assert client.get("/api/v1/intake").json()["entries"] == []


def test_a_bad_portion_count_is_refused(client: TestClient) -> None:
    page = client.get("/intake", params={"q": "oats"})
    food_id = re.search(r'name="food_id" value="([^"]+)"', page.text)
    assert food_id
    bad = post_form(
        client, "/intake/add", {"food_id": food_id.group(1), "portion": "0", "count": "99"}
    )
    assert bad.status_code == 400


def test_with_a_profile_the_page_shows_the_target_and_a_plan(client: TestClient) -> None:
    client.put("/api/v1/profile", json={"age": 30, "sex": "female"})
    page = client.get("/intake").text
    assert "of 310 mg" in page
    assert "Your magnesium plan for today" in page
