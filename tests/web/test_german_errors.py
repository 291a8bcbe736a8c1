"""The web app's own refusals in German: the JSON body and the page say what is wrong in German.

Each case is a request the web adapter refuses with a sentence of its own (not the core's, which
has its own tests). It is sent twice, in English and after the language switch chose German: the
English reply must hold the English sentence (so the case reaches the message it is about), and
the German reply its German one and no piece of the English one. The field names stay as they
are: they are what a program or a form sends.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import BASE, post_form
from twitchcare.catalogue import load_catalogue
from twitchcare.config import load_settings
from twitchcare.web import create_app
from twitchcare.web.i18n import LOCALE_DIR

Send = Callable[[TestClient], Any]


def _started(client: TestClient) -> dict[str, Any]:
    reply: dict[str, Any] = client.post("/api/v1/assessments").json()
    return reply


def _wrong_page(client: TestClient) -> Any:
    state = _started(client)["state"]
    return client.post(
        "/api/v1/assessments/answer", json={"state": state, "screen": "nope", "answers": {}}
    )


def _fact_not_on_page(client: TestClient) -> Any:
    reply = _started(client)
    body = {"state": reply["state"], "screen": reply["step"]["screen"], "answers": {"nope": True}}
    return client.post("/api/v1/assessments/answer", json=body)


def _unfinished_result(client: TestClient) -> Any:
    return client.post("/api/v1/assessments/result", json={"state": _started(client)["state"]})


def _json(method: str, path: str, body: dict[str, Any] | None = None) -> Send:
    return lambda client: client.request(method, path, json=body)


def _form(path: str, data: dict[str, Any]) -> Send:
    return lambda client: post_form(client, path, data)


# (request, field, English problem, English hint or None); placeholders are cut out.
CASES: dict[str, tuple[Send, str, str, str | None]] = {
    "wrong page": (
        _wrong_page,
        "screen",
        "'{screen}' is not the page being asked",
        "answer '{screen}'",
    ),
    "fact not on the page": (
        _fact_not_on_page,
        "nope",
        "is not asked on page '{screen}'",
        "asked here: {facts}",
    ),
    "no state": (
        _json("POST", "/api/v1/assessments/answer", {"state": " ", "screen": "x", "answers": {}}),
        "state",
        "is not an assessment twitchcare started",
        "start a new assessment",
    ),
    "result too early": (
        _unfinished_result,
        "state",
        "the interview is not finished",
        "answer the next page",
    ),
    "unknown session": (
        _json("POST", "/api/v1/relax/practice", {"session": "nope", "minutes": 5}),
        "session",
        "unknown session '{session}'",
        "choose from {values}",
    ),
    "no time zone": (
        _json(
            "POST",
            "/api/v1/relax/practice",
            {"session": "breathing", "minutes": 5, "at": "2026-11-24T10:00"},
        ),
        "at",
        "the time has no time zone",
        "e.g. {example}",
    ),
    "practised in 1800": (
        _json(
            "POST",
            "/api/v1/relax/practice",
            {"session": "breathing", "minutes": 5, "at": "1800-01-01T10:00+00:00"},
        ),
        "at",
        "is not a time you practised",
        "1900 to today",
    ),
    "missing field": (
        _json("POST", "/api/v1/intake", {"kind": "food"}),
        "text",
        "is required",
        None,
    ),
    "not an allowed value": (
        _json("POST", "/api/v1/intake", {"kind": "beer", "text": "1 pint"}),
        "kind",
        "is not one of the allowed values",
        "use {values}",
    ),
    "too old": (
        _json("PUT", "/api/v1/profile", {"age": 200, "sex": "female"}),
        "age",
        "must be at most {le}",
        None,
    ),
    "unknown unit system": (
        _json("PUT", "/api/v1/preferences", {"units": "nope"}),
        "units",
        "'{system}' is not a unit system",
        "use one of {values}",
    ),
    "factor without target": (
        _json("POST", "/api/v1/diary/experiments", {"name": "less", "factor": "caffeine_mg"}),
        "target",
        "a factor needs a comparison and a target",
        "give factor, comparison (below or above) and target together, e.g. caffeine_mg "
        "below 200, or leave all three out",
    ),
    "method": (
        _json("DELETE", "/api/v1/assessments"),
        "method",
        "{method} is not allowed here",
        None,
    ),
    "form without its token": (
        lambda client: client.post("/settings/delete", data={"confirm": "yes"}),
        "csrf_token",
        "this form has expired or did not come from twitchcare",
        "go back, reload the page and send it again",
    ),
    "unknown language": (
        _form("/language", {"lang": "fr", "next": "/"}),
        "lang",
        "unknown language '{lang}'",
        "use {values}",
    ),
    "unknown kind of intake": (
        _form("/intake/add", {"kind": "beer", "text": "1 pint"}),
        "kind",
        "'{kind}' is not known",
        "food, caffeine or alcohol",
    ),
    "nothing to add": (
        _form("/intake/add", {"kind": "food", "text": " "}),
        "text",
        "say what and how much, in 1-200 characters",
        "e.g. 30 g pumpkin seeds",
    ),
    "age in words": (
        _form("/settings/profile", {"age": "old", "sex": "female"}),
        "age",
        "give your age in whole years",
        None,
    ),
    "delete unconfirmed": (
        _form("/settings/delete", {}),
        "confirm",
        "tick the box to confirm deleting everything",
        None,
    ),
    "no minutes practised": (
        _form("/relax/breathing/done", {"minutes": ""}),
        "minutes",
        "say how many minutes you practised",
        None,
    ),
    "experiment without a name": (
        _form("/diary/experiments", {"name": " "}),
        "name",
        "say what you will change, in 1-200 characters",
        "e.g. under 200 mg caffeine",
    ),
}


def _shown(reply: Any) -> str:
    """What the person reads: the JSON body's message and hint, or the page's text."""
    if reply.headers.get("content-type", "").startswith("application/json"):
        body = reply.json()
        return f"{body['field']}: {body['message']} ({body['hint']})"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", reply.text)).split())


def _pieces(message: str) -> list[str]:
    """The fixed words of a message, placeholders and their quotes cut out."""
    return [p.strip(" '„“:") for p in re.split(r"{\w+}", message) if len(p.strip(" '„“:")) >= 4]


@pytest.fixture
def german(client: TestClient) -> TestClient:
    post_form(client, "/language", {"lang": "de", "next": "/"})
    assert client.cookies.get("tc_lang") == "de"
    return client


@pytest.mark.parametrize("case", CASES)
def test_the_web_adapters_refusal_is_german_on_a_german_page(client: TestClient, case: str) -> None:
    send, field, problem, hint = CASES[case]
    english = send(client)
    assert 400 <= english.status_code < 500, english.text
    messages = [m for m in (problem, hint) if m]
    for message in messages:
        for piece in _pieces(message):
            assert piece in _shown(english), (piece, _shown(english))
    post_form(client, "/language", {"lang": "de", "next": "/"})
    assert client.cookies.get("tc_lang") == "de"
    german = send(client)
    assert german.status_code == english.status_code
    shown = _shown(german)
    if german.headers.get("content-type", "").startswith("application/json"):
        assert german.json()["field"] == field  # an identifier: never translated
    catalogue = load_catalogue(LOCALE_DIR, "de")
    for message in messages:
        translated = catalogue.gettext(message)
        assert translated != message, f"no German for {message!r}"
        for piece in _pieces(translated):
            assert piece in shown, (piece, shown)
        for piece in _pieces(message):
            if piece not in translated:  # a value to type ("caffeine_mg below 200") stays
                assert piece not in shown, (piece, shown)


def test_a_foreign_host_is_refused_in_the_configured_language(_isolated_data_dir: Path) -> None:
    """The Host check runs before any page: it words its refusal in TWITCHCARE_LANG."""
    app = create_app(load_settings(data_dir=_isolated_data_dir, lang="de"))
    with TestClient(app, base_url=BASE) as client:
        reply = client.get("/", headers={"host": "example.org"})
    app.state.store.close()
    assert reply.status_code == 400
    assert reply.json()["field"] == "Host"
    assert reply.json()["message"] == "dieser Server antwortet nur unter seiner lokalen Adresse"


def test_the_country_names_of_the_emergency_numbers_are_german(german: TestClient) -> None:
    page = german.get("/settings").text
    assert "Vereinigtes Königreich – 999" in page and "Neuseeland – 111" in page
    assert "United Kingdom" not in page and "New Zealand" not in page


def test_a_german_food_is_added_and_searched_on_a_german_page(german: TestClient) -> None:
    """'100 g Spinat' is spinach on a German page; the same words on an English page are not."""
    added = german.post("/api/v1/intake", json={"kind": "food", "text": "100 g Spinat"})
    assert added.status_code == 201, added.text
    assert "Spinach" in added.json()["description"]
    found = german.get("/api/v1/foods", params={"q": "Kürbiskerne"}).json()
    assert found and "pumpkin" in found[0]["description"]
    post_form(german, "/language", {"lang": "en", "next": "/"})
    refused = german.post("/api/v1/intake", json={"kind": "food", "text": "100 g Spinat"})
    assert refused.status_code == 400 and refused.json()["field"] == "food"
