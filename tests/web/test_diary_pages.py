"""Diary pages: quick logging, today's factors, charts with text alternatives, experiments."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import post_form


def test_the_last_place_is_offered_as_a_one_tap_button(client: TestClient) -> None:
    assert "Twitching now:" not in client.get("/diary").text
    post_form(client, "/diary/episodes", {"location": "thigh", "intensity": "2"})
    page = client.get("/diary").text
    assert re.search(r'name="location" value="thigh">\s*<button[^>]*>Twitching now: Thigh', page)


def test_three_episodes_and_a_day_appear_in_the_chart_and_its_table(client: TestClient) -> None:
    for _ in range(3):
        post_form(client, "/diary/episodes", {"location": "calf"})
    saved = post_form(client, "/diary/day", {"caffeine_mg": "300", "sleep_hours": "6.5"})
    assert "Today&#39;s factors saved" in saved.text or "Today's factors saved" in saved.text
    assert re.search(r'<rect class="bar"[^>]*><title>\d{4}-\d\d-\d\d: 3</title>', saved.text)
    assert re.search(r'<td class="num">3</td>', saved.text)
    assert 'value="300"' in saved.text
    assert "Not enough data yet for:" in saved.text


def test_a_bad_factor_names_the_field_and_saves_nothing(client: TestClient) -> None:
    bad = post_form(client, "/diary/day", {"stress_0_10": "11"})
    assert bad.status_code == 400 and 'href="#stress_0_10"' in bad.text
    assert client.get("/api/v1/diary/days").json() == []


def test_an_unknown_place_is_refused(client: TestClient) -> None:
    bad = post_form(client, "/diary/episodes", {"location": "kneecap"})
    assert bad.status_code == 400 and "kneecap" in bad.text
    assert client.get("/api/v1/diary/episodes").json() == []


def test_an_episode_can_be_deleted(client: TestClient) -> None:
    post_form(client, "/diary/episodes", {"location": "calf"})
    episode_id = client.get("/api/v1/diary/episodes").json()[0]["id"]
    post_form(client, f"/diary/episodes/{episode_id}/delete", {})
    assert client.get("/api/v1/diary/episodes").json() == []


def test_an_experiment_reads_its_target_from_its_name(client: TestClient) -> None:
    page = post_form(client, "/diary/experiments", {"name": "under 200 mg caffeine", "days": "14"})
    assert "Experiment started" in page.text and "under 200 mg caffeine" in page.text
    stats = client.get("/api/v1/diary/stats").json()
    assert stats["experiments"][0]["factor"] == "caffeine_mg"


def test_a_persistent_diary_warns_to_see_a_doctor(client: TestClient) -> None:
    import datetime as dt

    today = dt.datetime.now().astimezone()
    for days_ago in range(20):
        when = (today - dt.timedelta(days=days_ago)).replace(microsecond=0).isoformat()
        client.post("/api/v1/diary/episodes", json={"locations": ["eyelid"], "started_at": when})
    assert "Time to see a doctor about it" in client.get("/diary").text


def test_the_diary_form_offers_the_contexts_of_the_knowledge_and_no_other(
    client: TestClient,
) -> None:
    from twitchcare.vocabulary import vocabulary

    page = client.get("/diary").text
    offered = re.findall(r'name="context" value="([a-z_]+)"', page)
    assert tuple(offered) == vocabulary().diary_contexts
