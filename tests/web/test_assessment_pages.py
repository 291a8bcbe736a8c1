"""The interview as pages: one question page at a time, back, errors, and the result."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web.conftest import post_form


def _screen(html: str) -> str:
    found = re.search(r'name="screen" value="([^"]+)"', html)
    assert found, "a question page names its screen"
    return found.group(1)


def test_the_start_page_explains_and_starts(client: TestClient) -> None:
    page = client.get("/assess")
    assert page.status_code == 200
    assert "I don&#39;t know" in page.text or "I don't know" in page.text
    first = post_form(client, "/assess/start", {})
    assert first.url.path == "/assess/question"
    assert _screen(first.text) == "where"
    assert 'data-loc="loc.calf"' in first.text  # the body map
    assert 'value="loc.calf"' in first.text  # and the checkboxes that work without it


def test_a_sudden_one_sided_weakness_ends_the_interview_with_the_emergency_number(
    client: TestClient,
) -> None:
    post_form(client, "/assess/start", {})
    post_form(client, "/assess/question", {"screen": "where", "tick": ["loc.hand"]})
    result = post_form(
        client, "/assess/question", {"screen": "emergency", "tick": ["sudden_weakness_one_side"]}
    )
    assert result.url.path == "/assess/result"
    assert "care-emergency" in result.text
    assert "Call 112 now" in result.text


def test_the_emergency_number_follows_the_chosen_country(client: TestClient) -> None:
    post_form(client, "/settings/country", {"country": "GB"})
    post_form(client, "/assess/start", {})
    post_form(client, "/assess/question", {"screen": "where", "tick": ["loc.face"]})
    result = post_form(
        client, "/assess/question", {"screen": "emergency", "tick": ["face_drooping"]}
    )
    assert "Call 999 now" in result.text


def test_back_shows_the_previous_page_again(client: TestClient) -> None:
    post_form(client, "/assess/start", {})
    second = post_form(client, "/assess/question", {"screen": "where", "tick": ["loc.calf"]})
    assert _screen(second.text) == "emergency"
    again = post_form(client, "/assess/back", {})
    assert _screen(again.text) == "where"


def test_a_number_that_is_not_a_number_shows_an_error_summary_and_keeps_the_page(
    client: TestClient,
) -> None:
    post_form(client, "/assess/start", {})
    post_form(client, "/assess/question", {"screen": "where", "tick": ["loc.eyelid"]})
    course = post_form(client, "/assess/question", {"screen": "emergency"})
    assert _screen(course.text) == "course"
    bad = post_form(client, "/assess/question", {"screen": "course", "duration_days": "lots"})
    assert bad.status_code == 400
    assert 'class="error-summary"' in bad.text and 'href="#f-duration_days"' in bad.text
    assert _screen(bad.text) == "course"
    out_of_range = post_form(
        client, "/assess/question", {"screen": "course", "duration_days": "200 years"}
    )
    assert out_of_range.status_code == 400 and "out of range" in out_of_range.text


def test_i_dont_know_leaves_a_whole_page_unknown(client: TestClient) -> None:
    post_form(client, "/assess/start", {})
    post_form(client, "/assess/question", {"screen": "where", "tick": ["loc.calf"]})
    after = post_form(client, "/assess/question", {"screen": "emergency", "dont_know": "1"})
    assert after.status_code == 200
    assert _screen(after.text) != "emergency"


def test_an_old_tab_answering_a_page_already_done_gets_the_current_page(
    client: TestClient,
) -> None:
    post_form(client, "/assess/start", {})
    post_form(client, "/assess/question", {"screen": "where", "tick": ["loc.calf"]})
    stale = post_form(client, "/assess/question", {"screen": "where", "tick": ["loc.eyelid"]})
    assert _screen(stale.text) == "emergency"


def _finish_self_care(client: TestClient) -> str:
    post_form(client, "/assess/start", {})
    page = post_form(
        client, "/assess/question", {"screen": "where", "tick": ["loc.eyelid"], "side": "left"}
    )
    answers = {
        "duration_days": "5",
        "pattern": "comes_and_goes",
        "caffeine_mg_per_day": "500",
        "stress_0_10": "8",
        "age": "22",
        "sex": "female",
    }
    ticks = {"ctx.under_stress", "ctx.after_caffeine"}
    while page.url.path == "/assess/question":
        screen = _screen(page.text)
        fields = set(re.findall(r'name="([a-z_.0-9]+)" (?:value|id)=', page.text))
        data: dict[str, object] = {k: v for k, v in answers.items() if k in fields}
        data["tick"] = [t for t in ticks if f'value="{t}"' in page.text]
        page = post_form(client, "/assess/question", {"screen": screen, **data})
    return page.text


def test_exam_stress_coffee_and_an_eyelid_twitch_give_self_care_with_a_caffeine_target(
    client: TestClient,
) -> None:
    result = _finish_self_care(client)
    assert "care-self_care" in result
    assert "200 mg" in result
    assert "Possible causes" in result
    probabilities = [
        float(p) for p in re.findall(r'<meter min="0" max="1" value="([0-9.]+)"', result)
    ]
    assert probabilities and probabilities[0] == max(probabilities)
    assert 'href="https://www.nhs.uk/' in result or 'rel="noopener noreferrer"' in result


def test_saving_the_result_keeps_it_in_the_diary(client: TestClient) -> None:
    _finish_self_care(client)
    saved = post_form(client, "/assess/save", {})
    assert "Saved in your diary as assessment 1" in saved.text
    listed = client.get("/api/v1/assessments").json()
    assert [a["triage"] for a in listed] == ["self_care"]


def test_the_result_without_an_interview_goes_to_the_start(client: TestClient) -> None:
    assert client.get("/assess/result").url.path == "/assess"
    assert client.get("/assess/question").url.path == "/assess"


def test_a_time_in_words_is_read_as_days(client: TestClient) -> None:
    post_form(client, "/assess/start", {})
    post_form(client, "/assess/question", {"screen": "where", "tick": ["loc.eyelid"]})
    post_form(client, "/assess/question", {"screen": "emergency"})
    after = post_form(client, "/assess/question", {"screen": "course", "duration_days": "2 weeks"})
    assert after.status_code == 200 and _screen(after.text) != "course"
