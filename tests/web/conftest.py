"""A fresh web app per test, on its own data directory, reached as the local host."""

from __future__ import annotations

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


def answer_all(client: TestClient, full: dict[str, Any]) -> dict[str, Any]:
    """Drive the interview through the API, answering from ``full`` ("I don't know" elsewhere;
    unticked checklist items are "no", as on the page)."""
    reply = client.post("/api/v1/assessments").json()
    while not reply["finished"]:
        step = reply["step"]
        ticks = step["kind"] != "form"
        answers = {
            item["id"]: full.get(item["id"], False if ticks and item["kind"] == "boolean" else None)
            for item in step["items"]
        }
        reply = client.post(
            "/api/v1/assessments/answer",
            json={"state": reply["state"], "screen": step["screen"], "answers": answers},
        ).json()
    return reply
