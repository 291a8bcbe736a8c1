"""The emergency number per country is knowledge data with a source a person can open."""

from __future__ import annotations

from importlib.resources import files

import pytest
import yaml
from fastapi.testclient import TestClient

from tests.web.conftest import answer_pages, post_form
from twitchcare.emergency import emergency_number, numbers
from twitchcare.errors import InputError
from twitchcare.kb import load_kb


def _data() -> dict:
    text = files("twitchcare").joinpath("knowledge", "emergency.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def test_every_country_number_comes_from_the_knowledge_file_with_an_openable_source() -> None:
    kb = load_kb()
    listed = {c["code"]: c for c in _data()["countries"]}
    assert set(numbers().countries) == set(listed)
    for code, item in listed.items():
        entry = emergency_number(code)
        assert entry.number == item["number"]
        assert entry.source_id in kb.sources
        assert entry.source == kb.sources[entry.source_id].url
        assert entry.source.startswith("https://")


def test_no_country_chosen_gives_112_with_its_source() -> None:
    entry = emergency_number(None)
    assert entry.number == "112"
    assert entry.source_id == _data()["fallback"]["source"]


def test_an_unknown_country_is_refused_naming_the_field() -> None:
    with pytest.raises(InputError) as info:
        emergency_number("XX")
    assert info.value.field == "country" and "GB" in info.value.hint


def test_the_emergency_result_links_the_source_of_the_number(client: TestClient) -> None:
    post_form(client, "/settings/country", {"country": "CH"})
    result, _ = answer_pages(client, {"loc.face": True, "face_drooping": True})
    assert "Call 144 now" in result.text
    assert 'href="https://www.ch.ch/en/safety-and-justice/emergency-numbers/"' in result.text


def test_the_settings_page_offers_every_country_in_the_file(client: TestClient) -> None:
    page = client.get("/settings").text
    for item in _data()["countries"]:
        assert f'value="{item["code"]}"' in page


def test_the_home_and_start_pages_name_the_number_for_the_chosen_country(
    client: TestClient,
) -> None:
    assert "Call 112 now" in client.get("/").text
    post_form(client, "/settings/country", {"country": "AU"})
    assert "Call 000 now" in client.get("/").text
    assert "call your emergency number: 000" in client.get("/assess").text


def test_an_urgent_result_names_the_number_to_call_if_it_gets_worse(client: TestClient) -> None:
    post_form(client, "/settings/country", {"country": "GB"})
    answers = {
        "loc.calf": True,
        "difficulty_swallowing": True,
        "onset_days.difficulty_swallowing": 60,
        "duration_days": 60,
        "weakness": True,
        "weakness_progressive": True,
        "age": 58,
        "sex": "male",
    }
    result, _ = answer_pages(client, answers)
    assert "care-urgent" in result.text
    assert "If it gets worse: call 999." in result.text


def test_a_german_emergency_result_names_the_country_in_german(client: TestClient) -> None:
    """Country names in other languages are the CLDR names Babel ships, keyed by the ISO code."""
    post_form(client, "/settings/country", {"country": "CH"})
    post_form(client, "/language", {"lang": "de", "next": "/"})
    result, _ = answer_pages(client, {"loc.face": True, "face_drooping": True})
    assert "Die Notrufnummer des gewählten Landes (Schweiz)." in result.text
    assert "(Switzerland)" not in result.text  # the cited source keeps its English title
