"""Experiments in the browser and the API: start, list and stop, through the CLI's core."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import post_form


def test_the_api_starts_lists_and_stops_an_experiment(client: TestClient) -> None:
    started = client.post(
        "/api/v1/diary/experiments", json={"name": "at least 7 hours sleep", "days": 10}
    )
    assert started.status_code == 201, started.text
    body = started.json()
    assert (body["factor"], body["comparison"], body["target"]) == ("sleep_hours", "above", 7)
    assert body["status"] == "running" and body["verdict"] == "not_enough_data"
    listed = client.get("/api/v1/diary/experiments").json()
    assert [e["id"] for e in listed] == [body["id"]]
    stopped = client.post(f"/api/v1/diary/experiments/{body['id']}/stop")
    assert stopped.status_code == 200
    assert stopped.json()["end"] == stopped.json()["start"]


def test_an_explicit_target_is_kept(client: TestClient) -> None:
    body = client.post(
        "/api/v1/diary/experiments",
        json={"name": "less coffee", "factor": "caffeine_mg", "comparison": "below", "target": 100},
    ).json()
    assert (body["factor"], body["target"]) == ("caffeine_mg", 100)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "less coffee", "days": 0}, "days"),
        ({"name": "less coffee", "days": 400}, "days"),
        ({"name": "less coffee", "factor": "caffeine_mg"}, "target"),
        ({"name": "x", "factor": "coffee", "comparison": "below", "target": 1}, "factor"),
        ({"name": "x", "factor": "caffeine_mg", "comparison": "below", "target": -5}, "target"),
        ({"name": "less coffee", "start": "0001-01-01"}, "start"),
        ({"name": "less coffee", "colour": "red"}, "colour"),
    ],
)
def test_a_bad_experiment_is_refused_naming_the_field_and_nothing_is_saved(
    client: TestClient, body: dict, field: str
) -> None:
    reply = client.post("/api/v1/diary/experiments", json=body)
    assert reply.status_code in (400, 422), reply.text
    assert reply.json()["field"] == field
    assert "--" not in reply.json()["hint"]  # no terminal options in a web answer
    assert client.get("/api/v1/diary/experiments").json() == []


def test_stopping_an_unknown_experiment_is_404_naming_it(client: TestClient) -> None:
    reply = client.post("/api/v1/diary/experiments/99/stop")
    assert reply.status_code == 404 and reply.json()["field"] == "experiment"


def test_the_diary_page_starts_and_stops_an_experiment(client: TestClient) -> None:
    page = post_form(client, "/diary/experiments", {"name": "no alcohol", "days": "14"})
    assert "Experiment started" in page.text and "no alcohol" in page.text
    experiment_id = client.get("/api/v1/diary/experiments").json()[0]["id"]
    assert f'action="/diary/experiments/{experiment_id}/stop"' in page.text
    stopped = post_form(client, f"/diary/experiments/{experiment_id}/stop", {})
    assert "Experiment stopped" in stopped.text
    assert f'action="/diary/experiments/{experiment_id}/stop"' not in stopped.text


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"name": "", "days": "14"}, "name"),
        ({"name": "less coffee", "days": "-3"}, "days"),
        ({"name": "less coffee", "days": "99999999999"}, "days"),
        ({"name": "less coffee", "days": "½"}, "days"),
        ({"name": "😀" * 300, "days": "14"}, "name"),
    ],
)
def test_a_bad_experiment_form_shows_an_error_summary_naming_the_field(
    client: TestClient, form: dict, field: str
) -> None:
    page = post_form(client, "/diary/experiments", form)
    assert page.status_code == 400
    assert 'class="error-summary"' in page.text and f'href="#{field}"' in page.text
    assert client.get("/api/v1/diary/experiments").json() == []


def test_an_empty_length_on_the_page_means_the_default_length(client: TestClient) -> None:
    from twitchcare.diary.experiments import DEFAULT_DAYS

    post_form(client, "/diary/experiments", {"name": "less coffee", "days": ""})
    (started,) = client.get("/api/v1/diary/experiments").json()
    first, last = started["start"], started["end"]
    import datetime as dt

    length = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days + 1
    assert length == DEFAULT_DAYS
