"""Browser journeys: Debian's Chromium driven by Playwright against a real ``twitchcare serve``.

Playwright never downloads a browser here: it launches /usr/bin/chromium (``make test`` installs it
with apt when missing). Each test gets its own server process on a free port with its own data
directory, so journeys never see each other's diary. Screenshots go to ``test-artefacts/``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.shared import REPO

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTS = REPO / "test-artefacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

if not CHROMIUM.exists():
    pytest.skip(
        "browser journeys need /usr/bin/chromium (make test installs it with apt)",
        allow_module_level=True,
    )
if not AXE.exists():
    pytest.skip(
        "browser journeys need axe-core in node_modules (make test runs npm ci)",
        allow_module_level=True,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    log: Path
    data_dir: Path


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    port = _free_port()
    data_dir = tmp_path / "data"
    log = tmp_path / "server.log"
    env = {**os.environ, "TWITCHCARE_DATA_DIR": str(data_dir), "TWITCHCARE_PORT": str(port)}
    exe = shutil.which("twitchcare", path=str(Path(sys.executable).parent)) or "twitchcare"
    with log.open("wb") as out:
        proc = subprocess.Popen([exe, "serve"], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while b"running at" not in log.read_bytes():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("server did not start: " + log.read_text(errors="replace"))
            time.sleep(0.05)
        yield Server(url=f"http://127.0.0.1:{port}", log=log, data_dir=data_dir)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    problems: list[str] = []
    # A form sent back with an error summary comes with status 400, which Chromium logs; that one
    # is expected, every other console error (a CSP violation, a missing file) is not.
    tab.on(
        "console",
        lambda m: (
            problems.append(m.text) if m.type == "error" and "status of 400" not in m.text else None
        ),
    )
    tab.on("pageerror", lambda e: problems.append(str(e)))
    yield tab
    context.close()
    assert problems == [], f"browser console errors (CSP violations show here): {problems}"


def check_axe(tab: Any) -> None:
    """Run axe-core in the page; no serious or critical violations are allowed.

    ``evaluate`` runs through the DevTools protocol, so the page's strict CSP stays on.
    """
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.evaluate(AXE.read_text(encoding="utf-8"))
    result = tab.evaluate("async () => await axe.run(document)")
    bad = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], json.dumps(bad, indent=1)


def screenshots(tab: Any, name: str) -> None:
    """Save the page at desktop width and at 375 px (a phone), whole page."""
    ARTEFACTS.mkdir(exist_ok=True)
    tab.set_viewport_size(DESKTOP)
    tab.screenshot(path=str(ARTEFACTS / f"{name}-desktop.png"), full_page=True)
    tab.set_viewport_size(PHONE)
    tab.screenshot(path=str(ARTEFACTS / f"{name}-375.png"), full_page=True)
    tab.set_viewport_size(DESKTOP)


def answer_pages(
    tab: Any, answers: dict[str, Any], *, check: bool = True, until: str | None = None
) -> list[str]:
    """Answer question pages from ``answers`` until the result (or until the page ``until`` is
    shown, left unanswered); returns the screens asked.

    A box is ticked when it names a place or sign that is yes, or a part of the body or an
    overview question ("any of these?") that holds one (its ``data-places``).
    """
    screens: list[str] = []
    while "/assess/question" in tab.url:
        screen = tab.locator("input[name=screen]").get_attribute("value")
        if screen == until:
            return screens
        screens.append(screen)
        if check:
            check_axe(tab)
        for fact, value in answers.items():
            if value is True:
                boxes = tab.locator(f'input[type=checkbox][data-places~="{fact}"]')
                for i in range(boxes.count()):
                    boxes.nth(i).check()
            radio = tab.locator(f'[id="r-{fact}-{value}"]')
            if radio.count():
                radio.check()
                continue
            yes_no = tab.locator(f'[id="r-{fact}-{"yes" if value else "no"}"]')
            if isinstance(value, bool) and yes_no.count():
                yes_no.check()
                continue
            field = tab.locator(f'[id="i-{fact}"]')
            if field.count():
                field.fill(str(value))
        with tab.expect_navigation():
            tab.get_by_role("button", name="Continue").click()
        assert len(screens) < 30, screens
    return screens
