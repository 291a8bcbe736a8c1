"""Even on a local server: foreign hosts refused, forms need their token, a strict CSP."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import post_form


def test_it_refuses_a_foreign_host_header_so_dns_rebinding_cannot_reach_the_diary(
    client: TestClient,
) -> None:
    response = client.get("/api/v1/diary/episodes", headers={"Host": "attacker.example"})
    assert response.status_code == 400
    assert response.json()["field"] == "Host"


def test_it_answers_to_localhost_with_a_port(client: TestClient) -> None:
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200


def test_every_page_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/assess", "/diary", "/intake", "/relax", "/settings", "/api/v1/profile"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp
        assert "unsafe-inline" not in csp


def test_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for path in ("/", "/assess", "/diary", "/intake", "/relax", "/relax/breathing", "/settings"):
        html = client.get(path).text
        assert "<script>" not in html and "<style" not in html and " style=" not in html
        assert 'onclick="' not in html


def test_a_form_without_its_token_is_refused_and_nothing_is_saved(client: TestClient) -> None:
    response = client.post("/diary/episodes", data={"location": "calf"})
    assert response.status_code == 403
    assert client.get("/api/v1/diary/episodes").json() == []


def test_a_form_with_a_wrong_token_is_refused(client: TestClient) -> None:
    response = client.post("/diary/episodes", data={"location": "calf", "csrf_token": "x" * 43})
    assert response.status_code == 403
    assert "did not come from twitchcare" in response.text


def test_a_form_with_its_token_is_accepted(client: TestClient) -> None:
    response = post_form(client, "/diary/episodes", {"location": "calf"})
    assert response.status_code == 200
    assert len(client.get("/api/v1/diary/episodes").json()) == 1


def test_the_api_accepts_json_only_so_a_cross_site_form_cannot_write(client: TestClient) -> None:
    response = client.post(
        "/api/v1/diary/episodes",
        content='{"locations": ["calf"]}',
        headers={"content-type": "text/plain"},
    )
    assert response.status_code == 422
    assert client.get("/api/v1/diary/episodes").json() == []


def test_output_is_escaped(client: TestClient) -> None:
    post_form(client, "/diary/experiments", {"name": "<script>alert(1)</script>", "days": "7"})
    html = client.get("/diary").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_tampered_assessment_state_is_refused(client: TestClient) -> None:
    state = client.post("/api/v1/assessments").json()["state"]
    response = client.post(
        "/api/v1/assessments/back",
        json={"state": state[:-2] + ("AA" if state[-2:] != "AA" else "BB")},
    )
    assert response.status_code == 400
    assert response.json()["field"] == "state"


def test_the_server_binds_the_loopback_address_by_default() -> None:
    from twitchcare.config import load_settings
    from twitchcare.web.server import address

    settings = load_settings()
    assert address(settings) == f"http://127.0.0.1:{settings.port}/"


def test_the_cookies_are_httponly_and_same_site_strict(client: TestClient) -> None:
    fresh = client.get("/", headers={"cookie": ""})
    csrf_cookie = fresh.headers["set-cookie"].lower()
    assert "httponly" in csrf_cookie and "samesite=strict" in csrf_cookie
    started = post_form(client, "/assess/start", {})
    state_cookie = started.history[0].headers["set-cookie"].lower()
    assert state_cookie.startswith("tc_assessment=")
    assert "httponly" in state_cookie and "samesite=strict" in state_cookie
