"""A fresh web app per test, on its own data directory, reached as the local host."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from twitchcare.config import load_settings
from twitchcare.web import create_app

BASE = "http://127.0.0.1"


@pytest.fixture
def client(_isolated_data_dir: Path) -> Iterator[TestClient]:
    app = create_app(load_settings(data_dir=_isolated_data_dir))
    with TestClient(app, base_url=BASE) as test_client:
        test_client.get("/")  # receive the CSRF cookie, as a browser would
        yield test_client
    app.state.store.close()


def token(client: TestClient) -> str:
    value = client.cookies.get("tc_csrf")
    assert value, "the first page sets the CSRF cookie"
    return value


def post_form(client: TestClient, path: str, data: dict[str, Any]) -> Any:
    return client.post(path, data={"csrf_token": token(client), **data})


def _value(item: dict[str, Any], full: dict[str, Any], ticks: bool) -> Any:
    """The answer to one item: given, or "yes" for an overview item whose detail is yes."""
    if item["id"] in full:
        return full[item["id"]]
    if any(full.get(detail) is True for detail in item.get("summarises", [])):
        return True
    return False if ticks and item["kind"] == "boolean" else None


def answer_all(client: TestClient, full: dict[str, Any]) -> dict[str, Any]:
    """Drive the interview through the API, answering from ``full`` ("I don't know" elsewhere;
    unticked checklist items are "no", as on the page). The reply lists the ``screens`` asked."""
    reply = client.post("/api/v1/assessments").json()
    screens = []
    while not reply["finished"]:
        step = reply["step"]
        screens.append(step["screen"])
        ticks = step["kind"] != "form"
        answers = {item["id"]: _value(item, full, ticks) for item in step["items"]}
        reply = client.post(
            "/api/v1/assessments/answer",
            json={"state": reply["state"], "screen": step["screen"], "answers": answers},
        ).json()
        assert len(screens) < 30, screens
    return {**reply, "screens": screens}


def screen_of(html: str) -> str:
    found = re.search(r'name="screen" value="([^"]+)"', html)
    assert found, "a question page names its screen"
    return found.group(1)


def fill_page(html: str, full: dict[str, Any]) -> dict[str, Any]:
    """The form a person would send on this question page, answering from ``full``."""
    data: dict[str, Any] = {"screen": screen_of(html), "tick": []}
    for value, places in re.findall(r'name="tick" value="([^"]+)"[^>]*data-places="([^"]*)"', html):
        if any(full.get(p) is True for p in places.split()):
            data["tick"].append(value)
    for name in set(re.findall(r'name="([a-z_.0-9]+)" (?:value|id)=', html)) - {"screen", "tick"}:
        if name in full:
            value = full[name]
            data[name] = ("yes" if value else "no") if isinstance(value, bool) else str(value)
    return data


def answer_pages(client: TestClient, full: dict[str, Any]) -> tuple[Any, list[str]]:
    """Start an assessment and answer every page from ``full``; the last response and screens."""
    page = post_form(client, "/assess/start", {})
    screens = []
    while page.url.path == "/assess/question":
        data = fill_page(page.text, full)
        screens.append(data["screen"])
        page = post_form(client, "/assess/question", data)
        assert len(screens) < 30, screens
    return page, screens
