"""Web targets, measured against a real ``twitchcare serve`` on loopback.

- 50 concurrent users, each going through assessments (start, answer every page, result) and
  looking at pages in between, for ``LOAD_SECONDS``: no errors, the answer endpoint's p99 at most
  50 ms and the pages' p99 at most 100 ms. A user pauses ``THINK`` seconds between requests (a
  person reads a page for far longer), so this measures the server under 50 people's use, not
  a flood of back-to-back requests; that figure is shown too, for reference.
- The first page (HTML + CSS + JS) under 150 KB.
- ``make run`` to a served page in at most 3 s on an installed checkout.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.common import Measurement

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
USERS = 50
LOAD_SECONDS = float(os.environ.get("TWITCHCARE_BENCH_LOAD_SECONDS", "30"))
THINK = (0.5, 1.5)
PAGES = ("/", "/assess", "/diary", "/intake", "/settings")
ANSWERS: dict[str, Any] = {"loc.calf": True, "side": "left", "duration_days": 10, "stress_0_10": 6}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> float:
    """Seconds until ``url`` answers 200 (polled every 10 ms)."""
    import httpx2

    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError("the server stopped")
        try:
            if httpx2.get(url, timeout=1).status_code == 200:
                return time.perf_counter() - start
        except httpx2.TransportError:
            pass
        time.sleep(0.01)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@contextmanager
def _process(args: list[str], data_dir: Path, port: int) -> Iterator[subprocess.Popen[bytes]]:
    env = {**os.environ, "TWITCHCARE_DATA_DIR": str(data_dir), "TWITCHCARE_PORT": str(port)}
    proc = subprocess.Popen(
        args,
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the group of the process started here
        proc.wait(timeout=10)


def _p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) >= 2 else values[0]


async def _user(client: Any, stop: float, think: bool, times: dict[str, list[float]]) -> int:
    """One person: assessments from start to result, with page views in between."""
    errors = 0

    async def call(kind: str, method: str, path: str, **kw: Any) -> Any:
        nonlocal errors
        if think:
            await asyncio.sleep(random.uniform(*THINK))
        start = time.perf_counter()
        response = await client.request(method, path, **kw)
        times[kind].append(time.perf_counter() - start)
        if response.status_code >= 400:
            errors += 1
        return response

    while time.perf_counter() < stop:
        await call("page", "GET", random.choice(PAGES))
        reply = (await call("start", "POST", "/api/v1/assessments")).json()
        while not reply["finished"] and time.perf_counter() < stop:
            step = reply["step"]
            ticks = step["kind"] != "form"
            answers = {
                i["id"]: ANSWERS.get(i["id"], False if ticks and i["kind"] == "boolean" else None)
                for i in step["items"]
            }
            body = {"state": reply["state"], "screen": step["screen"], "answers": answers}
            reply = (await call("answer", "POST", "/api/v1/assessments/answer", json=body)).json()
        if reply["finished"]:
            await call(
                "result", "POST", "/api/v1/assessments/result", json={"state": reply["state"]}
            )
    return errors


async def _load(url: str, seconds: float, think: bool) -> tuple[dict[str, list[float]], int]:
    import httpx2

    times: dict[str, list[float]] = {"page": [], "start": [], "answer": [], "result": []}
    limits = httpx2.Limits(max_connections=USERS, max_keepalive_connections=USERS)
    async with httpx2.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        stop = time.perf_counter() + seconds
        errors = await asyncio.gather(*(_user(client, stop, think, times) for _ in range(USERS)))
    return times, sum(errors)


def _visit_every_page(url: str) -> None:
    """One visit to each page first: a person's very first page is not a figure under load."""
    import httpx2

    for path in PAGES:
        httpx2.get(url + path, timeout=30)


def _first_page_bytes(url: str) -> int:
    import httpx2

    return sum(
        len(httpx2.get(url + path).content) for path in ("/", "/static/app.css", "/static/app.js")
    )


def run() -> list[Measurement]:
    out: list[Measurement] = []
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        make_run = [os.environ.get("MAKE", "make"), "-s", "run"]
        with _process(make_run, Path(tmp) / "first", port) as proc:
            startup = _wait_for(f"http://127.0.0.1:{port}/", proc)
        out.append(Measurement("web: make run to a served page", startup, "s", 3.0))

        port = _free_port()
        with _process([str(BIN / "twitchcare"), "serve"], Path(tmp) / "load", port) as proc:
            url = f"http://127.0.0.1:{port}"
            _wait_for(url + "/", proc)
            size = _first_page_bytes(url)
            _visit_every_page(url)
            out.append(Measurement("web: first page HTML+CSS+JS", size / 1024, "KB", 150.0))
            times, errors = asyncio.run(_load(url, LOAD_SECONDS, think=True))
            load = os.getloadavg()[0]
            note = (
                f"{USERS} users, {LOAD_SECONDS:g} s, think time {THINK[0]}-{THINK[1]} s; "
                f"machine load average {load:.1f} on {os.cpu_count()} CPUs (shared)"
            )
            answers = len(times["answer"])
            out.append(Measurement("web: 50 users, requests failed", errors, "count", 0, note=note))
            out.append(
                Measurement(
                    "web: 50 users, answer p99",
                    1000 * _p99(times["answer"]),
                    "ms",
                    50.0,
                    note=f"{note}; {answers} answers",
                )
            )
            out.append(
                Measurement(
                    "web: 50 users, answer median",
                    1000 * statistics.median(times["answer"]),
                    "ms",
                    None,
                    note=note,
                )
            )
            out.append(
                Measurement(
                    "web: 50 users, pages p99",
                    1000 * _p99(times["page"]),
                    "ms",
                    100.0,
                    note=f"{note}; {len(times['page'])} pages",
                )
            )
            flood, _ = asyncio.run(_load(url, min(LOAD_SECONDS, 10), think=False))
            out.append(
                Measurement(
                    "web: 50 users without pauses, answer p99",
                    1000 * _p99(flood["answer"]),
                    "ms",
                    None,
                    note=f"back-to-back requests, {len(flood['answer'])} answers in 10 s",
                )
            )
    return out
