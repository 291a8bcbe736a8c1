"""The doctor's report, the FHIR R4 Bundle and complete deletion from the browser and the API:
made by the same core code as the terminal's commands, bad input a 4xx naming the field."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle
from typer.testing import CliRunner

from tests.web.conftest import post_form
from twitchcare.cli.app import app as cli

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def _text(pdf: bytes, folder: Path, name: str) -> str:
    path = folder / name
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return out.stdout


def _some_diary(client: TestClient) -> None:
    post_form(client, "/diary/episodes", {"location": "calf"})
    post_form(client, "/diary/episodes", {"location": "eyelid"})
    post_form(client, "/relax/breathing/done", {"minutes": "5"})


@needs_pdftotext
def test_the_web_report_says_what_twitchcare_report_says(
    client: TestClient, tmp_path: Path
) -> None:
    _some_diary(client)
    response = client.get("/settings/report.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith('attachment; filename="twitchcare')
    made = CliRunner().invoke(cli, ["report", "--out", str(tmp_path / "cli.pdf")])
    assert made.exit_code == 0, made.output
    web_text = _text(response.content, tmp_path, "web.pdf")
    assert web_text == _text((tmp_path / "cli.pdf").read_bytes(), tmp_path, "cli-copy.pdf")
    assert "self-reported" in web_text.lower()
    assert client.get("/api/v1/report").content.startswith(b"%PDF-")


def test_the_report_takes_a_period_and_refuses_a_backward_one(client: TestClient) -> None:
    today = dt.date.today()
    ok = client.get(f"/settings/report.pdf?from={today - dt.timedelta(days=6)}&to={today}")
    assert ok.status_code == 200 and ok.content.startswith(b"%PDF-")
    backward = f"from={today}&to={today - dt.timedelta(days=3)}"
    page = client.get(f"/settings/report.pdf?{backward}", headers={"accept": "text/html"})
    assert page.status_code == 400 and 'href="#from"' in page.text
    assert "--" not in page.text.split("error-summary", 1)[1].split("</div>", 1)[0]
    api = client.get(f"/api/v1/report?{backward}")
    assert api.status_code == 400 and api.json()["field"] == "from"
    for query, field in (
        ("from=yesterdayish", "from"),
        ("to=2026-13-40", "to"),
        ("to=0001-01-01", "to"),  # was an OverflowError (500) reaching back 90 days from it
        ("from=1850-01-01", "from"),
        ("to=2999-01-01", "to"),
    ):
        assert client.get(f"/api/v1/report?{query}").json()["field"] == field
        bad = client.get(f"/settings/report.pdf?{query}", headers={"accept": "text/html"})
        assert bad.status_code == 400 and f'href="#{field}"' in bad.text


def test_the_fhir_download_is_a_valid_r4_bundle_like_the_cli_export(
    client: TestClient, tmp_path: Path
) -> None:
    _some_diary(client)
    response = client.get("/settings/export.fhir.json")
    assert response.headers["content-type"].startswith("application/fhir+json")
    assert response.headers["content-disposition"].startswith("attachment")
    doc = response.json()
    Bundle.model_validate(doc)
    out = tmp_path / "cli.json"
    made = CliRunner().invoke(cli, ["export", "--format", "fhir", "--out", str(out)])
    assert made.exit_code == 0, made.output
    cli_doc = json.loads(out.read_text(encoding="utf-8"))

    def kinds(bundle: dict[str, object]) -> list[str]:
        entries = bundle["entry"]
        assert isinstance(entries, list)
        return sorted(e["resource"]["resourceType"] for e in entries)

    assert kinds(doc) == kinds(cli_doc)
    assert "Observation" in kinds(doc)
    assert client.get("/api/v1/export/fhir").json()["resourceType"] == "Bundle"


def test_delete_all_from_the_web_removes_practice_and_programmes_too(
    client: TestClient, _isolated_data_dir: Path
) -> None:
    _some_diary(client)
    post_form(client, "/relax/programme", {"programme": "autogenic"})
    done = post_form(client, "/settings/delete", {"confirm": "yes"})
    assert "All your data has been deleted" in done.text
    assert client.get("/api/v1/diary/days").json() == []
    assert client.get("/api/v1/relax/programme").json() is None
    assert "Today: 0 min relaxation" in client.get("/relax").text
    for db in _isolated_data_dir.glob("*.db*"):
        assert b"autogenic" not in db.read_bytes(), db.name


def test_the_report_page_section_offers_every_download(client: TestClient) -> None:
    page = client.get("/settings").text
    for href in ('"/settings/report.pdf"', '"/settings/export"', '"/settings/export.fhir.json"'):
        assert href in page
    assert 'href="/settings/report.pdf"' in client.get("/diary").text
