"""The doctor's report: every section there, nothing cut off, one or two pages, read as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.diaries import ANSWERS, TODAY, fill_diary, save_assessment_of
from tests.reports.pdf_tools import page_count, pdf_text, render_png, words_outside_margins
from twitchcare.cli.app import app
from twitchcare.kb import load_kb
from twitchcare.reports.content import assemble, red_flag_facts
from twitchcare.reports.pdf import render_pdf
from twitchcare.reports.reading import read_inputs
from twitchcare.store import open_store

runner = CliRunner()
SECTIONS = (
    "Self-reported by the patient",
    "Who",
    "Since when",
    "Where (episodes in the period)",
    "Course: episodes a day",
    "In the period",
    "Latest assessment",
    "Intake",
    "Medicines (as told)",
    "Red-flag screen",
    "Factors and twitching (diary analysis)",
    "Questions to ask the doctor",
)


def _report(tmp_path: Path, days: int, *extra: str) -> Path:
    if days:
        store = open_store()
        try:
            fill_diary(store, days, today=dt.date.today())
        finally:
            store.close()
    out = tmp_path / "report.pdf"
    result = runner.invoke(app, ["report", "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    assert "self-reported" in result.output
    return out


def _assert_readable(pdf: Path, tmp_path: Path) -> str:
    assert 1 <= page_count(pdf) <= 2
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    for section in SECTIONS:
        assert section in flat, section
    outside = words_outside_margins(pdf)
    assert outside == [], f"text outside the margins: {outside[:10]}"
    pages = render_png(pdf, tmp_path)
    assert len(pages) == page_count(pdf)
    import matplotlib.image

    first = matplotlib.image.imread(str(pages[0]))
    assert first.shape[0] > first.shape[1]  # portrait A4
    assert (first[..., :3] < 0.5).any(), "the first page is blank"
    return flat


def test_a_90_day_diary_makes_a_complete_report_of_one_or_two_pages(tmp_path: Path) -> None:
    flat = _assert_readable(_report(tmp_path, 90), tmp_path)
    assert "Age 34 years" in flat and "Sex female" in flat
    assert "Days logged 90 of 90" in flat
    assert "omeprazole (proton pump inhibitors" in flat
    assert "DOCTOR:" in flat  # the level of the saved assessment
    assert "95% CI" in flat  # findings carry their uncertainty
    assert "motor neurone disease" in flat  # the worry question was chosen from the answers


def test_an_empty_diary_still_makes_a_complete_report(tmp_path: Path) -> None:
    flat = _assert_readable(_report(tmp_path, 0), tmp_path)
    assert "No assessment saved in the diary" in flat
    assert "not enough data" in flat
    assert "No days logged in this period" in flat


def test_the_period_can_be_chosen(tmp_path: Path) -> None:
    pdf = _report(tmp_path, 90, "--from", "2020-01-01", "--to", "2020-01-31")
    flat = " ".join(pdf_text(pdf).split())
    assert "Period 01 Jan 2020 to 31 Jan 2020" in flat
    assert "Days logged 0 of 31" in flat


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--from", "last spring"], "--from"),
        (["--from", "2026-02-01", "--to", "2026-01-01"], "from"),
        (["--out", "report.txt"], "--out"),
    ],
)
def test_bad_report_options_are_one_line_errors(
    tmp_path: Path, args: list[str], field: str
) -> None:
    result = runner.invoke(app, ["report", *args])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and field in result.output


def test_a_diary_at_its_limits_still_fits_on_two_pages(tmp_path: Path) -> None:
    """Every red flag yes, thirty medicines, every place: the caps keep the report bounded."""
    from twitchcare.locations import LOCATIONS

    kb = load_kb()
    answers = {f: True for f in red_flag_facts(kb)}
    answers.update({f"loc.{loc}": True for loc in LOCATIONS})
    answers["medications"] = [f"medicine-with-a-long-name-{i}" for i in range(30)]
    answers.update({k: v for k, v in ANSWERS.items() if k not in answers})
    store = open_store()
    try:
        fill_diary(store, 400, today=TODAY, rate=40)
        save_assessment_of(store, answers, dt.datetime.combine(TODAY, dt.time(10), dt.UTC))
        report = assemble(kb, read_inputs(store, TODAY, TODAY - dt.timedelta(days=399)))
    finally:
        store.close()
    pdf = tmp_path / "full.pdf"
    pdf.write_bytes(render_pdf(report))
    flat = _assert_readable(pdf, tmp_path)
    assert "and 19 more" in flat
    assert all(a.answer == "yes" for a in report.red_flags)


def test_red_flag_screen_lists_the_questions_the_engine_calls_red_flags() -> None:
    from twitchcare.engine.assess import unanswered_red_flags

    kb = load_kb()
    assert red_flag_facts(kb) == unanswered_red_flags(kb, {}, set())


def test_each_red_flag_answer_comes_from_the_latest_assessment() -> None:
    store = open_store()
    try:
        save_assessment_of(store, {"fever": True}, dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
        save_assessment_of(
            store, {"fever": False, "palpitations": True}, dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
        )
        report = assemble(load_kb(), read_inputs(store, TODAY))
    finally:
        store.close()
    answers = {a.fact: a.answer for a in report.red_flags}
    assert answers["fever"] == "no"
    assert answers["palpitations"] == "yes"
    assert answers["slurred_speech"] == "not asked"


def test_the_report_content_is_plain_data_for_other_adapters() -> None:
    import json

    store = open_store()
    try:
        fill_diary(store, 30, today=TODAY)
        report = assemble(load_kb(), read_inputs(store, TODAY))
    finally:
        store.close()
    doc = json.loads(json.dumps(report.as_dict()))
    assert doc["marker"].startswith("Self-reported")
    assert len(doc["course"]["days"]) == 90
    assert doc["assessment"]["level"] in ("self_care", "doctor", "urgent", "emergency")


def test_text_outside_the_pdf_fonts_is_shown_with_look_alikes_not_boxes() -> None:
    from twitchcare.reports.pdf import plain, printable

    assert printable("≥ 14 days → doctor; Löwe; 38 °C") == ">= 14 days -> doctor; Löwe; 38 °C"
    assert plain("<b> & </b>") == "&lt;b&gt; &amp; &lt;/b&gt;"
    assert printable("漢") == "?"
