"""Every page renders, with a language, landmarks and sources; errors render as pages."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import post_form
from twitchcare.kb import load_kb

PAGES = (
    "/",
    "/assess",
    "/diary",
    "/intake",
    "/relax",
    "/relax/breathing",
    "/relax/walk",
    "/settings",
)


def test_every_page_has_a_language_landmarks_and_a_title(client: TestClient) -> None:
    for path in PAGES:
        html = client.get(path).text
        assert '<html lang="en">' in html, path
        assert "<main" in html and "<nav" in html and "<header" in html and "<footer" in html
        assert re.search(r"<h1[^>]*>.+</h1>", html), path
        assert 'href="#main"' in html


def test_the_learn_page_links_every_fact_to_a_known_source(client: TestClient) -> None:
    html = client.get("/").text
    urls = {s.url for s in load_kb().sources.values()}
    cited = re.findall(r'<span class="cite">\[(.*?)\]</span>', html)
    assert len(cited) >= 15
    for link in re.findall(r'<span class="cite">\[<a href="([^"]+)"', html):
        assert link in urls
    for heading in (
        "What twitching is",
        "Common causes",
        "What helps",
        "When to see a doctor",
        "Jerks when falling asleep",
        "Restless legs",
    ):
        assert heading in html


def test_an_unknown_page_is_a_404_page_for_browsers_and_json_for_the_api(
    client: TestClient,
) -> None:
    page = client.get("/nowhere", headers={"accept": "text/html"})
    assert page.status_code == 404 and "There is a problem" in page.text
    api = client.get("/api/v1/nowhere")
    assert api.status_code == 404 and api.json()["error"] == "not_found"


def test_static_files_are_served_from_the_package(client: TestClient) -> None:
    for name in ("app.css", "app.js", "print.css"):
        assert client.get(f"/static/{name}").status_code == 200


def test_the_first_page_render_is_small(client: TestClient) -> None:
    total = sum(len(client.get(p).content) for p in ("/", "/static/app.css", "/static/app.js"))
    assert total < 150_000


def test_settings_save_a_profile_and_reject_a_bad_age_without_saving(client: TestClient) -> None:
    bad = post_form(client, "/settings/profile", {"age": "old", "sex": "female"})
    assert bad.status_code == 400 and 'href="#age"' in bad.text
    assert client.get("/api/v1/profile").json() is None
    good = post_form(client, "/settings/profile", {"age": "34", "sex": "female", "athlete": "yes"})
    assert "Profile saved" in good.text
    assert client.get("/api/v1/profile").json()["athlete"] is True


def test_an_unknown_country_is_refused(client: TestClient) -> None:
    response = post_form(client, "/settings/country", {"country": "XX"})
    assert response.status_code == 400 and "XX" in response.text


def test_export_downloads_the_whole_diary(client: TestClient) -> None:
    post_form(client, "/diary/episodes", {"location": "calf"})
    response = client.get("/settings/export")
    assert response.headers["content-disposition"].startswith("attachment")
    assert len(response.json()["episodes"]) == 1


def test_delete_all_needs_confirmation_then_removes_everything(client: TestClient) -> None:
    post_form(client, "/diary/episodes", {"location": "calf"})
    refused = post_form(client, "/settings/delete", {})
    assert refused.status_code == 400
    assert len(client.get("/api/v1/diary/episodes").json()) == 1
    done = post_form(client, "/settings/delete", {"confirm": "yes"})
    assert "All your data has been deleted" in done.text
    assert client.get("/api/v1/diary/episodes").json() == []


def test_the_doctors_report_downloads_as_a_pdf(client: TestClient) -> None:
    post_form(client, "/diary/episodes", {"location": "calf"})
    response = client.get("/settings/report.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response.headers["content-disposition"].startswith("attachment")


def test_the_fhir_export_downloads_a_valid_bundle(client: TestClient) -> None:
    from fhir.resources.R4B.bundle import Bundle

    post_form(client, "/diary/episodes", {"location": "calf"})
    response = client.get("/settings/export.fhir.json")
    assert response.headers["content-type"].startswith("application/fhir+json")
    doc = response.json()
    Bundle.model_validate(doc)
    assert sum(e["resource"]["id"].startswith("episode-") for e in doc["entry"]) == 1
