"""``/api/v1/relax``: sessions, plans, practice and programmes; bad input names the field and
changes nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from twitchcare.kb import load_kb
from twitchcare.relax.plan import build_plan


def test_sessions_come_with_evidence_and_openable_sources(client: TestClient) -> None:
    kb = load_kb()
    sessions = client.get("/api/v1/relax/sessions").json()
    assert [s["id"] for s in sessions] == list(kb.relaxation)
    for s in sessions:
        assert s["evidence"] and s["sources"]
        assert all(src["url"] == kb.sources[src["id"]].url for src in s["sources"])


def test_a_plan_is_the_one_the_terminal_player_times(client: TestClient) -> None:
    plan = client.get("/api/v1/relax/sessions/breathing/plan?minutes=3").json()
    assert plan == build_plan(load_kb().relaxation["breathing"], 3).as_dict()
    autogenic = client.get("/api/v1/relax/sessions/autogenic/plan?stage=2").json()
    assert autogenic["stage"] == 2


def test_bad_plan_requests_name_the_field(client: TestClient) -> None:
    for path, status, field in (
        ("/api/v1/relax/sessions/tai-chi/plan", 404, "session"),
        ("/api/v1/relax/sessions/walk/plan", 400, "session"),
        ("/api/v1/relax/sessions/breathing/plan?minutes=0", 422, "minutes"),
        ("/api/v1/relax/sessions/breathing/plan?minutes=x", 422, "minutes"),
        ("/api/v1/relax/sessions/autogenic/plan?stage=7", 400, "stage"),
    ):
        response = client.get(path)
        assert response.status_code == status, path
        assert response.json()["field"] == field, path


def test_practice_is_logged_as_relaxation_minutes_of_its_day(client: TestClient) -> None:
    logged = client.post(
        "/api/v1/relax/practice",
        json={"session": "pmr", "minutes": 13, "at": "2026-11-30T21:00:00+01:00"},
    )
    assert logged.status_code == 201
    assert logged.json() == {"day": "2026-11-30", "factor": "relaxation_min", "total_minutes": 13}
    walk = client.post("/api/v1/relax/practice", json={"session": "walk", "minutes": 20}).json()
    assert walk["factor"] == "exercise_min"
    days = {d["day"]: d for d in client.get("/api/v1/diary/days").json()}
    assert days["2026-11-30"]["relaxation_min"] == 13


def test_bad_practice_names_the_field_and_logs_nothing(client: TestClient) -> None:
    for body, field in (
        ({"session": "breathing", "minutes": 0}, "minutes"),
        ({"session": "breathing", "minutes": 601}, "minutes"),
        ({"session": "breathing", "minutes": "five"}, "minutes"),
        ({"session": "breathing"}, "minutes"),
        ({"session": "tai-chi", "minutes": 5}, "session"),
        ({"session": "breathing", "minutes": 5, "at": "2026-11-30T21:00:00"}, "at"),
        ({"session": "breathing", "minutes": 5, "mood": "calm"}, "mood"),
        ({"session": "breathing", "minutes": 5, "at": "0001-01-01T00:00:00+01:00"}, "at"),
        ({"session": "breathing", "minutes": 5, "at": "9999-12-31T23:59:59-05:00"}, "at"),
    ):
        response = client.post("/api/v1/relax/practice", json=body)
        assert 400 <= response.status_code < 500, body
        assert response.json()["field"] == field, body
    assert client.get("/api/v1/diary/days").json() == []


def test_a_programme_starts_shows_progress_and_stops(client: TestClient) -> None:
    assert client.get("/api/v1/relax/programme").json() is None
    started = client.post("/api/v1/relax/programme", json={"programme": "breathing"})
    assert started.status_code == 201
    assert started.json()["days"] == 14 and started.json()["days_done"] == []
    client.post("/api/v1/relax/practice", json={"session": "breathing", "minutes": 5})
    now = client.get("/api/v1/relax/programme").json()
    assert now["done_today"] is True and len(now["days_done"]) == 1
    assert client.delete("/api/v1/relax/programme").json() == {"stopped": "breathing"}
    again = client.delete("/api/v1/relax/programme")
    assert again.status_code == 400 and again.json()["field"] == "programme"


def test_an_unknown_programme_is_refused_and_nothing_starts(client: TestClient) -> None:
    response = client.post("/api/v1/relax/programme", json={"programme": "marathon"})
    assert response.status_code == 404 and response.json()["field"] == "programme"
    assert client.get("/api/v1/relax/programme").json() is None
