"""The interview as pages: one question page at a time, back, errors, and the result."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.web.conftest import answer_pages, fill_page, post_form, screen_of

SELF_CARE: dict[str, Any] = {
    "loc.eyelid": True,
    "side": "left",
    "duration_days": 5,
    "pattern": "comes_and_goes",
    "ctx.under_stress": True,
    "ctx.after_caffeine": True,
    "caffeine_mg_per_day": 500,
    "stress_0_10": 8,
    "sleep_hours": 7,
    "age": 22,
    "sex": "female",
}


def _until(client: TestClient, screen: str, full: dict[str, Any]) -> Any:
    """Start and answer pages from ``full`` until ``screen`` is asked; returns that page."""
    page = post_form(client, "/assess/start", {})
    while screen_of(page.text) != screen:
        page = post_form(client, "/assess/question", fill_page(page.text, full))
    return page


def test_the_start_page_explains_and_starts(client: TestClient) -> None:
    page = client.get("/assess")
    assert page.status_code == 200
    assert "I don&#39;t know" in page.text or "I don't know" in page.text
    first = post_form(client, "/assess/start", {})
    assert first.url.path == "/assess/question"
    assert screen_of(first.text) == "where"
    assert 'data-loc="loc.calf"' in first.text  # the body map
    assert re.search(r'value="region\.legs"[^>]*data-places="[^"]*loc\.calf', first.text)


def test_a_sudden_one_sided_weakness_ends_the_interview_with_the_emergency_number(
    client: TestClient,
) -> None:
    result, screens = answer_pages(client, {"loc.hand": True, "sudden_weakness_one_side": True})
    assert result.url.path == "/assess/result"
    # After the sign only the pages for the crew follow (see the next test).
    assert screens[-5:] == ["stroke_signs", "onset", "medicines", "where_arms", "history"]
    assert "emergency" in screens
    assert "care-emergency" in result.text
    assert "Call 112 now" in result.text


def _to_the_first_page_after_the_sign(client: TestClient) -> Any:
    full = {"loc.hand": True, "sudden_weakness_one_side": True}
    page = post_form(client, "/assess/start", {})
    while screen_of(page.text) != "stroke_signs":
        assert 'id="emergency-now"' not in page.text  # no call before the answers call for it
        page = post_form(client, "/assess/question", fill_page(page.text, full))
    return post_form(client, "/assess/question", fill_page(page.text, full))


def test_the_page_after_an_emergency_sign_tells_to_call_before_asking_anything(
    client: TestClient,
) -> None:
    page = _to_the_first_page_after_the_sign(client)
    assert screen_of(page.text) == "onset"  # when the sign began comes first (NICE TA264)
    banner = page.text.index('id="emergency-now"')
    assert banner < page.text.index('name="screen"')
    assert 'role="alert"' in page.text[banner - 80 : banner + 40]
    assert "Call 112 now." in page.text[banner:]
    assert "Show my summary now" in page.text


def test_the_emergency_result_lists_what_was_told_for_the_crew(client: TestClient) -> None:
    full = {
        "loc.hand": True,
        "sudden_weakness_one_side": True,
        "onset_days.sudden_weakness_one_side": "3 hours",
        "medications": "ramipril, aspirin",
        "gw.history_other": True,
        "history.hypertension": True,
    }
    result, _ = answer_pages(client, full)
    crew = result.text[result.text.index('id="crew-title"') :]
    assert "When did the weakness or numbness on one side begin: about 3 hours ago" in crew
    assert "Where it twitches: Hand or fingers" in crew
    assert "ramipril, aspirin" in crew
    # The details behind the background line do not fit in the ten items after the call: the
    # line itself is told.
    assert "Heart, blood pressure, lung or bone conditions" in crew


def test_an_emergency_result_has_no_crew_list_when_nothing_was_told_for_it(
    client: TestClient,
) -> None:
    # The arms ticked on the body map, no place on them named: nothing told for the crew.
    result, _ = answer_pages(client, {"region.arms": True, "sudden_weakness_one_side": True})
    assert "care-emergency" in result.text
    assert 'id="crew-title"' not in result.text


def test_show_my_summary_now_skips_the_pages_for_the_crew(client: TestClient) -> None:
    page = _to_the_first_page_after_the_sign(client)
    result = post_form(
        client, "/assess/question", {"screen": screen_of(page.text), "to_summary": "1"}
    )
    assert result.url.path == "/assess/result"
    assert "care-emergency" in result.text and "Call 112 now" in result.text


def test_show_my_summary_now_is_refused_before_an_emergency(client: TestClient) -> None:
    page = post_form(client, "/assess/start", {})
    assert "Show my summary now" not in page.text
    after = post_form(client, "/assess/question", {"screen": "where", "to_summary": "1"})
    assert after.url.path == "/assess/question"  # answered as "I don't know", not skipped
    assert screen_of(after.text) != "where"


def test_the_emergency_number_follows_the_chosen_country(client: TestClient) -> None:
    post_form(client, "/settings/country", {"country": "GB"})
    result, _ = answer_pages(client, {"loc.face": True, "face_drooping": True})
    assert "Call 999 now" in result.text


def test_back_shows_the_previous_page_again(client: TestClient) -> None:
    first = post_form(client, "/assess/start", {})
    second = post_form(client, "/assess/question", fill_page(first.text, {"loc.calf": True}))
    assert screen_of(second.text) != "where"
    again = post_form(client, "/assess/back", {})
    assert screen_of(again.text) == "where"


def test_a_time_that_cannot_be_read_shows_an_error_summary_and_keeps_the_page(
    client: TestClient,
) -> None:
    course = _until(client, "course", {"loc.thigh": True})
    bad = post_form(client, "/assess/question", {"screen": "course", "duration_days": "lots"})
    assert bad.status_code == 400
    assert 'class="error-summary"' in bad.text and 'href="#f-duration_days"' in bad.text
    assert "When did it start" in bad.text
    assert screen_of(bad.text) == "course" == screen_of(course.text)
    too_long = post_form(
        client, "/assess/question", {"screen": "course", "duration_days": "200 years"}
    )
    assert too_long.status_code == 400 and "out of range" in too_long.text


def test_a_refused_answer_keeps_everything_else_typed_and_ticked_on_the_page(
    client: TestClient,
) -> None:
    _until(client, "course", {"loc.thigh": True})
    sent = {"screen": "course", "duration_days": "a while", "spreading": "no"}
    bad = post_form(client, "/assess/question", {**sent, "awake_twitching": "yes"})
    assert bad.status_code == 400
    assert re.search(r'id="i-duration_days"[^>]*value="a while"', bad.text)
    assert re.search(r'id="r-spreading-no" checked', bad.text)
    assert re.search(r'id="r-awake_twitching-yes" checked', bad.text)
    assert not re.search(r'id="r-spreading-yes" checked', bad.text)


def test_a_time_in_words_is_read_as_days(client: TestClient) -> None:
    _until(client, "course", {"loc.thigh": True})
    after = post_form(client, "/assess/question", {"screen": "course", "duration_days": "2 weeks"})
    assert after.status_code == 200 and screen_of(after.text) != "course"


def test_i_dont_know_leaves_a_whole_page_unknown(client: TestClient) -> None:
    _until(client, "emergency", {"loc.calf": True})
    after = post_form(client, "/assess/question", {"screen": "emergency", "dont_know": "1"})
    assert after.status_code == 200
    assert after.url.path == "/assess/result" or screen_of(after.text) != "emergency"


def test_an_old_tab_answering_a_page_already_done_gets_the_current_page(
    client: TestClient,
) -> None:
    first = post_form(client, "/assess/start", {})
    second = post_form(client, "/assess/question", fill_page(first.text, {"loc.calf": True}))
    stale = post_form(client, "/assess/question", fill_page(first.text, {"loc.eyelid": True}))
    assert screen_of(stale.text) == screen_of(second.text)


def test_exam_stress_coffee_and_an_eyelid_twitch_give_self_care_with_a_caffeine_target(
    client: TestClient,
) -> None:
    result, _ = answer_pages(client, SELF_CARE)
    assert "care-self_care" in result.text
    assert "200 mg" in result.text
    assert "Possible causes" in result.text
    meters = re.findall(r'<meter min="0" max="1" value="([0-9.]+)"', result.text)
    probabilities = [float(p) for p in meters]
    assert probabilities and probabilities[0] == max(probabilities)
    assert 'rel="noopener noreferrer"' in result.text


def test_saving_the_result_keeps_it_in_the_diary(client: TestClient) -> None:
    answer_pages(client, SELF_CARE)
    saved = post_form(client, "/assess/save", {})
    assert "Saved in your diary as assessment 1" in saved.text
    listed = client.get("/api/v1/assessments").json()
    assert [a["triage"] for a in listed] == ["self_care"]


def test_the_result_without_an_interview_goes_to_the_start(client: TestClient) -> None:
    assert client.get("/assess/result").url.path == "/assess"
    assert client.get("/assess/question").url.path == "/assess"
