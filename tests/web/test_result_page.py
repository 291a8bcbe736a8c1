"""The result page speaks to this person: one emergency number, only questions that apply to
them among the red flags left unanswered, and each answer named once."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from tests.shared import OWN_CASES
from tests.web.conftest import answer_pages
from twitchcare.evaluation.cases import case_facts, load_case
from twitchcare.kb.logic import FactValue


def _text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_emergency_result_names_one_number_and_no_list_of_others(client: TestClient) -> None:
    result, _ = answer_pages(client, {"loc.face": True, "face_drooping": True})
    text = _text(result.text)
    assert "Call 112 now" in text
    assert "999" not in text and "911" not in text


# A woman of 58 with a lid twitch after evenings of wine (as in the brief's example 034).
EYELID_AT_58: dict[str, FactValue] = {
    "age": 58,
    "sex": "female",
    "loc.eyelid": True,
    "side": "left",
    "duration_days": 6.0,
    "pattern": "comes_and_goes",
    "ctx.after_alcohol": True,
    "spreading": False,
    "painful": False,
    "tremor": False,
    "eyes_forced_shut": False,
    "twitch_spreads_eye_to_mouth_one_side": False,
    "alcohol_units_per_week": 28.0,
}


def test_a_58_year_old_with_an_eyelid_twitch_is_not_asked_whether_she_is_pregnant(
    client: TestClient,
) -> None:
    """The pages may end before "About you": pregnancy is still no red flag of her answers."""
    result, _ = answer_pages(client, EYELID_AT_58)
    assert result.url.path == "/assess/result"
    assert "Are you pregnant?" not in result.text
    assert "Are you breastfeeding?" not in result.text


def test_because_you_said_names_each_answer_once(client: TestClient) -> None:
    facts = case_facts(load_case(OWN_CASES / "mb-inf-roofer-heatwave-hot-dry-muddled.json"))
    result, _ = answer_pages(client, facts)
    lines = re.findall(r"Because you said:\s*(.*?)</span>", result.text, flags=re.S)
    assert lines
    for line in lines:
        said = [part.strip() for part in html.unescape(line).split(";")]
        assert len(said) == len(set(said)), said


def test_how_long_ago_is_read_back_as_a_person_says_it() -> None:
    from twitchcare.kb import load_kb
    from twitchcare.web.wording import fact_label

    kb = load_kb()
    label = "When did the confusion begin: "
    assert fact_label(kb, "onset_days.confusion", 0) == label + "today"  # no hour given
    assert fact_label(kb, "onset_days.confusion", 0.01) == label + "less than an hour ago"
    assert fact_label(kb, "onset_days.confusion", 0.05) == label + "about an hour ago"
    assert fact_label(kb, "onset_days.confusion", 0.2) == label + "about 5 hours ago"
    assert fact_label(kb, "duration_days", 14) == "When did it start: 14 days ago"


def test_the_result_page_says_how_sure_the_ranking_of_causes_is(client: TestClient) -> None:
    from twitchcare.engine.causes import CERTAINTY_WORDS

    result, _ = answer_pages(client, {"loc.eyelid": True, "duration_days": 3})
    assert result.url.path == "/assess/result"
    text = " ".join(_text(result.text).split())
    said = [words for words in CERTAINTY_WORDS.values() if words in text]
    assert len(said) == 1, said
