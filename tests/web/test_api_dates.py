"""Extreme dates sent to the API are refused with a 4xx naming the field, and nothing is saved."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


def _refused(response: Any, field: str) -> dict[str, Any]:
    assert response.status_code in (400, 422), response.text
    body = response.json()
    assert body["field"] == field
    assert body["message"] and body["hint"]
    return body


@pytest.mark.parametrize(
    "when",
    [
        "0001-01-01T00:00:00+00:00",
        "0001-01-01T00:00:00+14:00",
        "1850-06-01T12:00:00Z",
        "9999-12-31T23:59:59-14:00",
    ],
)
def test_an_episode_at_an_impossible_time_is_refused_naming_started_at(
    client: TestClient, when: str
) -> None:
    reply = client.post("/api/v1/diary/episodes", json={"locations": ["calf"], "started_at": when})
    _refused(reply, "started_at")
    assert client.get("/api/v1/diary/episodes").json() == []


def test_an_episode_more_than_a_minute_ahead_is_refused(client: TestClient) -> None:
    import datetime as dt

    ahead = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=3)).isoformat()
    reply = client.post("/api/v1/diary/episodes", json={"locations": ["calf"], "started_at": ahead})
    assert "future" in _refused(reply, "started_at")["message"]


def test_an_episode_before_the_birth_year_is_refused_once_the_age_is_known(
    client: TestClient,
) -> None:
    client.put("/api/v1/profile", json={"age": 30, "sex": "female"})
    reply = client.post(
        "/api/v1/diary/episodes", json={"locations": ["calf"], "started_at": "1950-01-01T08:00Z"}
    )
    assert "birth year" in _refused(reply, "started_at")["hint"]
    assert client.get("/api/v1/diary/episodes").json() == []


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "9999-12-31"])
def test_a_day_out_of_range_is_refused_for_factors_and_intake(client: TestClient, day: str) -> None:
    _refused(client.put(f"/api/v1/diary/days/{day}", json={"caffeine_mg": 100}), "day")
    _refused(client.get("/api/v1/intake", params={"day": day}), "day")
    added = client.post(
        "/api/v1/intake", json={"kind": "food", "text": "30 g pumpkin seeds", "day": day}
    )
    _refused(added, "day")
    assert client.get("/api/v1/diary/days").json() == []


@pytest.mark.parametrize("name", ["from", "to"])
def test_a_report_period_out_of_range_is_refused_naming_the_end(
    client: TestClient, name: str
) -> None:
    _refused(client.get("/api/v1/report", params={name: "0001-01-01"}), name)
