"""Relaxation pages: sessions with their sources, a player that works without JavaScript,
minutes logged in the diary by the core, programmes started and followed from the browser."""

from __future__ import annotations

import html
import json
import re

from fastapi.testclient import TestClient

from tests.web.conftest import post_form
from twitchcare.kb import load_kb
from twitchcare.relax.plan import build_plan


def _relaxed_today(client: TestClient) -> float | None:
    days = client.get("/api/v1/diary/days").json()
    return days[-1]["relaxation_min"] if days else None


def test_every_session_and_programme_is_listed_with_links_to_its_sources(
    client: TestClient,
) -> None:
    kb = load_kb()
    page = client.get("/relax")
    assert page.status_code == 200
    for session in kb.relaxation.values():
        assert html.escape(session.name, quote=False) in page.text
        assert f'href="/relax/{session.id}"' in page.text
        for source in session.sources:
            assert f'href="{kb.sources[source].url}"' in page.text
    for programme in kb.programmes.values():
        assert f'name="programme" value="{programme.id}"' in page.text


def test_the_player_page_without_javascript_lists_the_steps_and_a_done_form(
    client: TestClient,
) -> None:
    page = client.get("/relax/pmr").text
    plan = build_plan(load_kb().relaxation["pmr"])
    for step in plan.steps:
        assert html.escape(step.text) in page or step.text in html.unescape(page)
    assert re.search(r'<form method="post" action="/relax/pmr/done"', page)
    assert 'class="player js-only"' in page  # the timed player only appears with JavaScript


def test_the_player_carries_the_same_plan_the_terminal_plays(client: TestClient) -> None:
    page = client.get("/relax/breathing?minutes=2").text
    found = re.search(r'data-plan="([^"]+)"', page)
    assert found
    shown = json.loads(html.unescape(found.group(1)))
    assert shown == build_plan(load_kb().relaxation["breathing"], 2).as_dict()
    assert "Breathe in slowly for 4 seconds, then out for 6 seconds" in page


def test_finishing_a_session_logs_its_minutes_as_relaxation(client: TestClient) -> None:
    done = post_form(client, "/relax/breathing/done", {"minutes": "5"})
    assert done.status_code == 200 and done.url.path == "/relax"
    assert "Session logged in your diary" in done.text
    assert "Today: 5 min relaxation" in done.text
    post_form(client, "/relax/meditation/done", {"minutes": "2.5", "completed": "no"})
    assert _relaxed_today(client) == 7.5
    assert 'id="day-relaxation_min"' in client.get("/diary").text


def test_a_walk_is_logged_as_exercise_not_relaxation(client: TestClient) -> None:
    page = client.get("/relax/walk").text
    assert "I went for a walk" in page and "data-plan" not in page
    post_form(client, "/relax/walk/done", {"minutes": "30"})
    day = client.get("/api/v1/diary/days").json()[-1]
    assert day["exercise_min"] == 30 and not day["relaxation_min"]


def test_bad_minutes_name_the_field_and_log_nothing(client: TestClient) -> None:
    for bad in ("", "abc", "0", "0.5", "601", "nan", "inf", "-3"):
        response = post_form(client, "/relax/breathing/done", {"minutes": bad})
        assert response.status_code == 400, bad
        assert 'href="#minutes"' in response.text
    assert _relaxed_today(client) is None


def test_a_bad_length_or_stage_or_speed_is_a_400_naming_it(client: TestClient) -> None:
    for query, field in (
        ("minutes=abc", "minutes"),
        ("minutes=500", "minutes"),
        ("stage=9", "stage"),
        ("speed=0", "speed"),
    ):
        response = client.get(f"/relax/autogenic?{query}", headers={"accept": "application/json"})
        assert response.status_code == 400, query
        assert response.json()["field"] == field


def test_an_unknown_session_is_a_404(client: TestClient) -> None:
    assert client.get("/relax/tai-chi").status_code == 404
    response = post_form(client, "/relax/tai-chi/done", {"minutes": "5"})
    assert response.status_code == 404
    assert _relaxed_today(client) is None


def test_the_relax_forms_need_their_csrf_token(client: TestClient) -> None:
    for path, data in (
        ("/relax/breathing/done", {"minutes": "5"}),
        ("/relax/programme", {"programme": "autogenic"}),
        ("/relax/programme/stop", {}),
    ):
        response = client.post(path, data=data)
        assert response.status_code == 403, path
    assert _relaxed_today(client) is None
    assert client.get("/api/v1/relax/programme").json() is None


def test_a_programme_is_started_followed_and_stopped(client: TestClient) -> None:
    started = post_form(client, "/relax/programme", {"programme": "autogenic"})
    assert "Programme started." in started.text
    assert "Two weeks of daily autogenic training" in started.text
    assert "Day 1 of 14. Practised on 0 of 14 days." in started.text
    assert 'href="/relax/autogenic"' in started.text
    # the first two weeks learn the first exercise only
    assert "Exercises included: 1 of 6." in client.get("/relax/autogenic").text
    post_form(client, "/relax/autogenic/done", {"minutes": "5"})
    page = client.get("/relax").text
    assert "Practised on 1 of 14 days." in page and "Done for today." in page
    assert '<progress class="progress" max="14" value="1"' in page
    stopped = post_form(client, "/relax/programme/stop", {})
    assert "Programme stopped." in stopped.text
    assert client.get("/api/v1/relax/programme").json() is None
    assert _relaxed_today(client) == 5


def test_an_unknown_programme_or_stopping_none_is_refused(client: TestClient) -> None:
    bad = post_form(client, "/relax/programme", {"programme": "marathon"})
    assert bad.status_code == 400 and 'href="#programme"' in bad.text
    none = post_form(client, "/relax/programme/stop", {})
    assert none.status_code == 400 and "no programme is running" in none.text
    assert client.get("/api/v1/relax/programme").json() is None


def test_the_player_script_is_our_own_file_and_the_page_has_no_inline_code(
    client: TestClient,
) -> None:
    page = client.get("/relax/breathing").text
    assert '<script src="/static/relax.js" defer></script>' in page
    assert "<script>" not in page and " style=" not in page and "<style" not in page
    script = client.get("/static/relax.js")
    assert script.status_code == 200 and "AudioContext" in script.text
    css = client.get("/static/app.css").text
    assert "prefers-reduced-motion: reduce" in css
