"""The JSON API: every endpoint, and bad input answered with 4xx naming the field, nothing saved."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import answer_all


def _error(response: Any, status: int, field: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "field", "message", "hint", "where"}
    assert body["field"] == field
    assert body["message"]


# ---------------------------------------------------------------- assessment
def test_an_assessment_starts_with_the_body_map_and_a_state(client: TestClient) -> None:
    reply = client.post("/api/v1/assessments").json()
    assert reply["finished"] is False
    assert reply["step"]["screen"] == "where"
    assert reply["step"]["kind"] == "body_map"
    legs = next(i for i in reply["step"]["items"] if i["id"] == "region.legs")
    assert "loc.calf" in legs["summarises"]
    assert reply["progress"]["page"] == 1


def test_answer_moves_on_and_back_returns(client: TestClient) -> None:
    start = client.post("/api/v1/assessments").json()
    second = client.post(
        "/api/v1/assessments/answer",
        json={"state": start["state"], "screen": "where", "answers": {"region.legs": True}},
    ).json()
    assert second["step"]["screen"] == "emergency"  # red flags come straight after the body parts
    assert second["progress"]["page"] == 2
    back = client.post("/api/v1/assessments/back", json={"state": second["state"]}).json()
    assert back["step"]["screen"] == "where"


def test_calf_twitching_with_progressive_weakness_and_swallowing_trouble_is_not_self_care(
    client: TestClient,
) -> None:
    full = {
        "loc.calf": True,
        "duration_days": 60,
        "weakness": True,
        "weakness_progressive": True,
        "difficulty_swallowing": True,
        "onset_days.difficulty_swallowing": 60,  # came on over months, not suddenly
        "age": 58,
        "sex": "male",
    }
    finished = answer_all(client, full)
    result = client.post("/api/v1/assessments/result", json={"state": finished["state"]}).json()
    assert result["triage"] != "self_care"
    assert result["specialist"] == "neurologist"
    assert result["saved_id"] is None
    assert client.get("/api/v1/assessments").json() == []


def test_a_sudden_one_sided_weakness_leaves_only_the_pages_for_the_crew(client: TestClient) -> None:
    finished = answer_all(client, {"loc.hand": True, "sudden_weakness_one_side": True})
    # After the sign nothing decides the level any more: only the pages for the crew follow.
    assert finished["screens"][-5:] == [
        "stroke_signs",
        "onset",
        "medicines",
        "where_arms",
        "history",
    ]
    result = client.post(
        "/api/v1/assessments/result", json={"state": finished["state"], "save": True}
    ).json()
    assert result["triage"] == "emergency"
    assert result["saved_id"] == 1
    assert [a["triage"] for a in client.get("/api/v1/assessments").json()] == ["emergency"]


def test_a_wrong_answer_type_names_the_fact(client: TestClient) -> None:
    start = client.post("/api/v1/assessments").json()
    response = client.post(
        "/api/v1/assessments/answer",
        json={"state": start["state"], "screen": "where", "answers": {"region.legs": "maybe"}},
    )
    _error(response, 400, "region.legs")


def test_answering_another_page_than_the_one_asked_is_refused(client: TestClient) -> None:
    start = client.post("/api/v1/assessments").json()
    response = client.post(
        "/api/v1/assessments/answer",
        json={"state": start["state"], "screen": "habits", "answers": {}},
    )
    _error(response, 400, "screen")


def test_a_fact_not_on_the_page_is_refused(client: TestClient) -> None:
    start = client.post("/api/v1/assessments").json()
    response = client.post(
        "/api/v1/assessments/answer",
        json={"state": start["state"], "screen": "where", "answers": {"fever": True}},
    )
    _error(response, 400, "fever")


def test_the_result_of_an_unfinished_interview_is_refused(client: TestClient) -> None:
    start = client.post("/api/v1/assessments").json()
    response = client.post("/api/v1/assessments/result", json={"state": start["state"]})
    _error(response, 400, "state")


def test_a_missing_state_names_the_field(client: TestClient) -> None:
    _error(client.post("/api/v1/assessments/back", json={}), 422, "state")


# ---------------------------------------------------------------- diary
def test_episodes_are_logged_listed_and_deleted(client: TestClient) -> None:
    created = client.post(
        "/api/v1/diary/episodes",
        json={"locations": ["calf"], "side": "left", "intensity": 2, "contexts": ["at_rest"]},
    )
    assert created.status_code == 201
    listed = client.get("/api/v1/diary/episodes").json()
    assert [e["locations"] for e in listed] == [["calf"]]
    assert client.delete(f"/api/v1/diary/episodes/{created.json()['id']}").status_code == 204
    assert client.get("/api/v1/diary/episodes").json() == []


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"locations": ["kneecap"]}, 400, "location"),
        ({"locations": []}, 422, "locations"),
        ({"locations": ["calf"], "intensity": 9}, 400, "intensity"),
        ({"locations": ["calf"], "contexts": ["dancing"]}, 400, "context"),
        ({"locations": ["calf"], "started_at": "2026-11-24T22:10"}, 400, "started_at"),
        ({"locations": ["calf"], "started_at": "2999-01-01T10:00+00:00"}, 400, "started_at"),
        ({"locations": ["calf"], "colour": "red"}, 422, "colour"),
        ({"locations": "calf", "side": "up"}, 422, "locations"),
    ],
)
def test_a_bad_episode_names_the_field_and_saves_nothing(
    client: TestClient, body: dict[str, Any], status: int, field: str
) -> None:
    _error(client.post("/api/v1/diary/episodes", json=body), status, field)
    assert client.get("/api/v1/diary/episodes").json() == []


def test_deleting_an_unknown_episode_is_404(client: TestClient) -> None:
    _error(client.delete("/api/v1/diary/episodes/999"), 404, "episode")


def test_days_are_recorded_and_listed(client: TestClient) -> None:
    stored = client.put(
        "/api/v1/diary/days/2026-11-30", json={"caffeine_mg": 300, "tags": ["exams"]}
    )
    assert stored.status_code == 200
    assert stored.json()["caffeine_mg"] == 300 and stored.json()["tags"] == ["exams"]
    days = client.get("/api/v1/diary/days", params={"since": "2026-11-01"}).json()
    assert [d["day"] for d in days] == ["2026-11-30"]


def test_a_bad_day_names_the_field_and_saves_nothing(client: TestClient) -> None:
    _error(
        client.put("/api/v1/diary/days/2026-11-30", json={"stress_0_10": 11}), 400, "stress_0_10"
    )
    _error(client.put("/api/v1/diary/days/30.11.2026", json={}), 422, "day")
    assert client.get("/api/v1/diary/days").json() == []


def test_stats_report_course_persistence_and_findings(client: TestClient) -> None:
    client.post("/api/v1/diary/episodes", json={"locations": ["calf"]})
    stats = client.get("/api/v1/diary/stats").json()
    assert stats["episodes"] == 1
    assert {"course", "persistence", "factors", "experiments"} <= set(stats)
    assert all(f["verdict"] == "not_enough_data" for f in stats["factors"])


# ---------------------------------------------------------------- nutrition and profile
def test_food_search_finds_pumpkin_seeds(client: TestClient) -> None:
    foods = client.get("/api/v1/foods", params={"q": "pumpkin seeds", "limit": 3}).json()
    assert "pumpkin" in foods[0]["description"].lower()
    assert foods[0]["magnesium_mg_per_100g"] > 300


def test_food_search_needs_a_query_within_limits(client: TestClient) -> None:
    _error(client.get("/api/v1/foods"), 422, "q")
    _error(client.get("/api/v1/foods", params={"q": "oats", "limit": 0}), 422, "limit")


def test_intake_adds_to_today(client: TestClient) -> None:
    before = client.get("/api/v1/intake").json()["magnesium_mg"]
    added = client.post("/api/v1/intake", json={"kind": "food", "text": "30 g pumpkin seeds"})
    assert added.status_code == 201 and added.json()["magnesium_mg"] > 100
    assert client.get("/api/v1/intake").json()["magnesium_mg"] > before
    coffee = client.post("/api/v1/intake", json={"kind": "caffeine", "text": "2 espresso"}).json()
    assert coffee["caffeine_mg"] > 100
    beer = client.post("/api/v1/intake", json={"kind": "alcohol", "text": "a pint of beer"}).json()
    assert beer["alcohol_units"] > 1


def test_bad_intake_names_the_field_and_saves_nothing(client: TestClient) -> None:
    _error(
        client.post("/api/v1/intake", json={"kind": "food", "text": "3 g unobtainium"}), 400, "food"
    )
    _error(client.post("/api/v1/intake", json={"kind": "snack", "text": "oats"}), 422, "kind")
    _error(client.post("/api/v1/intake", json={"kind": "food", "text": ""}), 422, "text")
    assert client.get("/api/v1/intake").json()["entries"] == []


def test_a_day_outside_the_diarys_dates_is_a_400_naming_the_day(client: TestClient) -> None:
    for day in ("0001-01-01", "1850-06-01", "2999-01-01"):  # 0001-01-01 was a server error
        _error(client.get(f"/api/v1/intake?day={day}"), 400, "day")


def test_the_profile_is_set_and_read(client: TestClient) -> None:
    assert client.get("/api/v1/profile").json() is None
    client.put("/api/v1/profile", json={"age": 30, "sex": "female"})
    assert client.get("/api/v1/profile").json()["age"] == 30
    assert client.get("/api/v1/intake").json()["magnesium_target"]["mg"] > 0


def test_a_bad_profile_names_the_field_and_saves_nothing(client: TestClient) -> None:
    _error(client.put("/api/v1/profile", json={"age": 200, "sex": "female"}), 422, "age")
    _error(
        client.put("/api/v1/profile", json={"age": 30, "sex": "male", "pregnant": True}),
        400,
        "pregnant",
    )
    assert client.get("/api/v1/profile").json() is None


def test_the_openapi_document_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/api/v1/openapi.json").json()["paths"])
    assert {
        "/api/v1/assessments",
        "/api/v1/assessments/answer",
        "/api/v1/assessments/back",
        "/api/v1/assessments/result",
        "/api/v1/diary/episodes",
        "/api/v1/diary/days",
        "/api/v1/diary/stats",
        "/api/v1/foods",
        "/api/v1/intake",
        "/api/v1/profile",
    } <= paths
    assert not any(p.startswith(("/assess", "/diary", "/settings")) for p in paths)


def test_each_step_says_whether_the_call_now_advice_goes_above_it(client: TestClient) -> None:
    full = {"loc.hand": True, "sudden_weakness_one_side": True}
    reply = client.post("/api/v1/assessments").json()
    seen = []
    while not reply["finished"]:
        step = reply["step"]
        seen.append((step["screen"], step["emergency_now"], step["purpose"]))
        ticks = step["kind"] != "form"
        answers = {
            item["id"]: full.get(item["id"], False if ticks and item["kind"] == "boolean" else None)
            for item in step["items"]
        }
        if step["screen"] == "emergency":
            answers["gw.face_limb_speech"] = True
        reply = client.post(
            "/api/v1/assessments/answer",
            json={"state": reply["state"], "screen": step["screen"], "answers": answers},
        ).json()
    assert seen[-1] == ("history", True, "after_emergency")
    assert [e for s, e, _ in seen if s in ("where", "emergency", "stroke_signs")] == [False] * 3


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/v1/assessments"),
        ("DELETE", "/api/v1/diary/episodes/1"),
        ("POST", "/api/v1/diary/experiments/1/stop"),
        ("DELETE", "/api/v1/relax/programme"),
    ],
)
def test_a_body_sent_where_none_is_read_is_refused_naming_the_body(
    client: TestClient, method: str, path: str
) -> None:
    response = client.request(method, path, json={"answers": {"region.legs": True}})
    _error(response, 400, "body")
    empty = client.request(method, path, json={})
    assert empty.status_code < 400 or empty.json()["field"] != "body"
