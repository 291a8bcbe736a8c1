"""Units: metric or US, chosen in Settings, saved, and used wherever amounts are shown."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import post_form


def test_metric_is_the_default_and_the_settings_page_offers_both(client: TestClient) -> None:
    page = client.get("/settings").text
    assert re.search(r'value="metric" id="u-metric" checked', page)
    assert 'value="us"' in page and "Weight in kg" in page
    assert client.get("/api/v1/preferences").json()["units"] == "metric"


def test_choosing_us_units_is_saved_and_shown_on_settings(client: TestClient) -> None:
    saved = post_form(client, "/settings/units", {"units": "us"})
    assert "Units saved" in saved.text
    assert re.search(r'value="us" id="u-us" checked', saved.text)
    assert "Weight in lb" in saved.text
    assert client.get("/api/v1/preferences").json()["units"] == "us"


def test_a_weight_typed_in_pounds_is_kept_in_kilograms_and_shown_in_pounds(
    client: TestClient,
) -> None:
    post_form(client, "/settings/units", {"units": "us"})
    post_form(client, "/settings/profile", {"age": "15", "sex": "male", "weight_kg": "110"})
    assert client.get("/api/v1/profile").json()["weight_kg"] == pytest.approx(49.9, abs=0.1)
    assert 'value="110"' in client.get("/settings").text


def test_a_weight_in_pounds_out_of_range_names_the_field_in_pounds(client: TestClient) -> None:
    post_form(client, "/settings/units", {"units": "us"})
    bad = post_form(client, "/settings/profile", {"age": "30", "sex": "male", "weight_kg": "2000"})
    assert bad.status_code == 400 and 'href="#weight_kg"' in bad.text and " lb" in bad.text
    assert client.get("/api/v1/profile").json() is None


def test_food_portions_and_entries_are_shown_in_ounces_with_us_units(client: TestClient) -> None:
    metric = client.get("/intake", params={"q": "pumpkin seeds"}).text
    assert '<option value="0">100 g</option>' in metric
    post_form(client, "/settings/units", {"units": "us"})
    page = client.get("/intake", params={"q": "pumpkin seeds"}).text
    assert '<option value="0">3.5 oz (100 g)</option>' in page
    assert re.search(r"<option [^>]*>[^<]*\([0-9.]+ oz\)</option>", page)
    food_id = re.search(r'name="food_id" value="([^"]+)"', page)
    assert food_id
    after = post_form(client, "/intake/add", {"food_id": food_id.group(1), "portion": "0"})
    assert "(3.5 oz)" in after.text  # today's list


def test_alcohol_is_counted_in_us_standard_drinks_with_us_units(client: TestClient) -> None:
    client.put("/api/v1/profile", json={"age": 40, "sex": "female"})
    client.post("/api/v1/intake", json={"kind": "alcohol", "text": "a pint of 5% beer"})
    metric = client.get("/intake").text
    assert "units today" in metric and "US standard drinks today" not in metric
    client.put("/api/v1/preferences", json={"units": "us"})
    page = client.get("/intake").text
    assert "US standard drinks today" in page
    total = re.search(r'data-total="alcohol">([0-9.]+)<', page)
    assert total and float(total.group(1)) == pytest.approx(1.6, abs=0.1)  # 2.84 UK units
    limits = client.get("/api/v1/intake").json()["alcohol_limits"]
    assert {g["measure"] for g in limits} == {"us_drinks"}


@pytest.mark.parametrize("value", ["", "imperial", "x" * 500, "mëtric", "-1"])
def test_an_unknown_unit_system_is_refused_naming_the_field(client: TestClient, value: str) -> None:
    if value:
        bad = post_form(client, "/settings/units", {"units": value})
        assert bad.status_code == 400 and 'href="#units"' in bad.text
    reply = client.put("/api/v1/preferences", json={"units": value or "none"})
    assert reply.status_code in (400, 422) and reply.json()["field"] == "units"
    assert client.get("/api/v1/preferences").json()["units"] == "metric"


def test_a_bad_country_in_preferences_saves_neither_choice(client: TestClient) -> None:
    reply = client.put("/api/v1/preferences", json={"units": "us", "country": "ZZ"})
    assert reply.status_code == 400 and reply.json()["field"] == "country"
    assert client.get("/api/v1/preferences").json() == {
        **client.get("/api/v1/preferences").json(),
        "units": "metric",
        "country": None,
    }


def test_choosing_units_keeps_the_country_and_the_reverse(client: TestClient) -> None:
    post_form(client, "/settings/country", {"country": "US"})
    post_form(client, "/settings/units", {"units": "us"})
    post_form(client, "/settings/country", {"country": "CA"})
    prefs = client.get("/api/v1/preferences").json()
    assert (prefs["country"], prefs["units"], prefs["emergency_number"]) == ("CA", "us", "911")


def test_every_unit_system_cites_a_source_and_converts_by_pint() -> None:
    from twitchcare.kb import load_kb
    from twitchcare.web.units import systems

    kb = load_kb()
    found = systems()
    assert next(iter(found)) == "metric"
    for system in found.values():
        assert system.source in kb.sources
    assert found["us"].mass(28.349523125) == "1 oz"
    assert found["us"].body_weight_kg(1) == pytest.approx(0.45359237)
