"""Every form, given wrong input (empty, huge, unicode, negative, not a number), answers with an
error summary whose link names the field, and saves nothing."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import post_form

WRONG = {
    "huge": "9" * 5000,
    "unicode": "😀ß\u202e名",
    "negative": "-5",
    "not a number": "nan",
    "overflow": "1e999",
}
FORMS: list[tuple[str, dict[str, str], str, str]] = [
    ("/diary/day", {}, "caffeine_mg", "caffeine_mg"),
    ("/diary/day", {}, "sleep_hours", "sleep_hours"),
    ("/diary/day", {}, "stress_0_10", "stress_0_10"),
    ("/diary/episodes", {"location": "calf"}, "location", "location"),
    ("/diary/episodes", {"location": "calf"}, "intensity", "intensity"),
    ("/diary/episodes", {"location": "calf"}, "context", "context"),
    ("/diary/experiments", {"name": "less coffee", "days": "14"}, "days", "days"),
    ("/intake/add", {"kind": "food", "text": "30 g pumpkin seeds"}, "kind", "add-text"),
    ("/settings/profile", {"age": "30", "sex": "female"}, "age", "age"),
    ("/settings/profile", {"age": "30", "sex": "female"}, "sex", "sex"),
    ("/settings/profile", {"age": "30", "sex": "female"}, "weight_kg", "weight_kg"),
    ("/settings/country", {"country": "GB"}, "country", "country"),
    ("/settings/units", {"units": "us"}, "units", "units"),
]


def _saved(client: TestClient) -> Any:
    prefs = client.get("/api/v1/preferences").json()
    return (
        client.get("/api/v1/diary/days").json(),
        client.get("/api/v1/diary/episodes").json(),
        client.get("/api/v1/diary/experiments").json(),
        client.get("/api/v1/intake").json()["entries"],
        client.get("/api/v1/profile").json(),
        (prefs["country"], prefs["units"]),
    )


def _summary_link(html: str) -> str:
    found = re.search(r'class="error-summary".*?href="#([^"]+)"', html, re.S)
    assert found, "the page has an error summary with a link"
    return found.group(1)


@pytest.mark.parametrize("kind", list(WRONG))
@pytest.mark.parametrize(("path", "good", "field", "anchor"), FORMS)
def test_wrong_input_shows_an_error_summary_naming_the_field_and_saves_nothing(
    client: TestClient, path: str, good: dict[str, str], field: str, anchor: str, kind: str
) -> None:
    before = _saved(client)
    page = post_form(client, path, {**good, field: WRONG[kind]})
    assert page.status_code == 400, page.text[:300]
    assert _summary_link(page.text) == anchor
    assert f'id="{anchor}"' in page.text  # the link leads to the field
    assert _saved(client) == before


@pytest.mark.parametrize(
    ("path", "form", "anchor"),
    [
        ("/diary/day", {}, "caffeine_mg"),
        ("/diary/experiments", {"name": "", "days": "14"}, "name"),
        ("/intake/add", {"kind": "food", "text": ""}, "add-text"),
        ("/settings/profile", {"age": "", "sex": "female"}, "age"),
        ("/settings/profile", {"age": "30"}, "sex"),
        ("/settings/delete", {}, "confirm"),
    ],
)
def test_an_empty_form_shows_an_error_summary_and_saves_nothing(
    client: TestClient, path: str, form: dict[str, str], anchor: str
) -> None:
    before = _saved(client)
    page = post_form(client, path, form)
    assert page.status_code == 400
    assert _summary_link(page.text) == anchor
    assert _saved(client) == before


def test_a_wrong_portion_count_names_the_count(client: TestClient) -> None:
    page = client.get("/intake", params={"q": "oats"})
    food_id = re.search(r'name="food_id" value="([^"]+)"', page.text)
    assert food_id
    for count in WRONG.values():
        bad = post_form(
            client,
            "/intake/add",
            {"food_id": food_id.group(1), "portion": "0", "count": count, "q": "oats"},
        )
        assert bad.status_code == 400 and _summary_link(bad.text) == "search"
        assert "How many:" in bad.text
        assert f'name="food_id" value="{food_id.group(1)}"' in bad.text  # results kept
    assert client.get("/api/v1/intake").json()["entries"] == []
