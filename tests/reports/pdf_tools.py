"""Read a PDF as a person and a printer would: poppler's pdftotext and pdftoppm (poppler-utils).

``make test`` installs poppler-utils when missing; without it these tests fail with a message
saying so rather than being skipped silently.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: install Debian's poppler-utils (make test does)"
    return path


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        [_tool("pdftotext"), "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def page_count(pdf: Path) -> int:
    info = subprocess.run(
        [_tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def words(pdf: Path) -> tuple[list[Word], tuple[float, float]]:
    """Every word with its box, and the page size in points."""
    html = subprocess.run(
        [_tool("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    assert size, "no page in the PDF"
    out = []
    for page_no, page in enumerate(html.split("<page ")[1:], 1):
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
            page,
        ):
            out.append(Word(m.group(5), page_no, *(float(m.group(i)) for i in range(1, 5))))
    return out, (float(size.group(1)), float(size.group(2)))


def render_png(pdf: Path, folder: Path, dpi: int = 60) -> list[Path]:
    """Each page as a PNG (kept beside the test's files so a person can look at them)."""
    subprocess.run(
        [_tool("pdftoppm"), "-r", str(dpi), "-png", str(pdf), str(folder / "page")], check=True
    )
    return sorted(folder.glob("page*.png"))


MARGIN_PT = 13 * 72 / 25.4  # the report's page margins in points


def words_outside_margins(pdf: Path) -> list[str]:
    """Words that run into the page margins (the footer may sit in the bottom 5 mm band)."""
    found, (width, height) = words(pdf)
    return [
        w.text
        for w in found
        if w.x_min < MARGIN_PT - 1
        or w.x_max > width - MARGIN_PT + 1
        or w.y_min < MARGIN_PT - 5
        or w.y_max > height - 5 * 72 / 25.4
    ]
