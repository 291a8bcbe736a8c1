"""Render a :class:`~twitchcare.reports.content.DoctorReport` as an A4 PDF with ReportLab.

ReportLab is pure Python (no system libraries), fast, and draws the course chart natively, so the
report is made on any machine the app runs on, offline. It uses the PDF standard fonts, whose
character set is Windows-1252: text is mapped onto it (">=" for "≥", ...) rather than shown as
boxes. Every page carries the "self-reported" marker and a page number.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from html import escape
from typing import TYPE_CHECKING, Any

from twitchcare.catalogue import LANGUAGE
from twitchcare.catalogue import gettext as _
from twitchcare.reports.content import day_text, moment_text

if TYPE_CHECKING:
    from twitchcare.reports.content import Course, DoctorReport, Item

LEVEL_COLOURS = {
    "emergency": "#d5281b",
    "urgent": "#b35900",
    "doctor": "#005eb8",
    "self_care": "#007f3b",
}
_REPLACEMENTS = {"≥": ">=", "≤": "<=", "→": "->", "←": "<-", "≈": "~", "−": "-", "✓": "v"}
FONT = "Helvetica"
BOLD = "Helvetica-Bold"


def _short(day: dt.date) -> str:
    """A chart label: "02 Dec" / "02.12."."""
    return f"{day:%d %b}" if LANGUAGE.get() == "en" else f"{day:%d.%m.}"


def _month(day: dt.date) -> str:
    return f"{day:%b %Y}" if LANGUAGE.get() == "en" else f"{day:%m/%Y}"


def printable(text: str) -> str:
    """Text the standard PDF fonts can show (Windows-1252), with look-alikes for the rest."""
    for old, new in _REPLACEMENTS.items():
        text = text.replace(old, new)
    return text.encode("cp1252", errors="replace").decode("cp1252")


def plain(text: str) -> str:
    """:func:`printable` text, escaped for ReportLab's paragraph markup."""
    return escape(printable(text), quote=False)


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=FONT, fontSize=7.6, leading=9.2)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=6.6, leading=8),
        "tiny": ParagraphStyle("tiny", parent=base, fontSize=5.8, leading=6.8),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=14, leading=17),
        "h": ParagraphStyle(
            "h", parent=base, fontName=BOLD, fontSize=9, leading=11, spaceBefore=3, spaceAfter=1
        ),
        "marker": ParagraphStyle("marker", parent=base, fontName=BOLD, fontSize=8.5, leading=10.5),
        "level": ParagraphStyle(
            "level", parent=base, fontName=BOLD, fontSize=8.6, leading=10.4, textColor="#ffffff"
        ),
    }


def _items(items: list[Item], st: dict[str, Any], width: float, label: float = 0.36) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    rows = [
        [Paragraph(plain(i.label), st["small"]), Paragraph(plain(i.value), st["base"])]
        for i in items
    ]
    table = Table(rows, colWidths=[width * label, width * (1 - label)])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 0.6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
            ]
        )
    )
    return table


def bin_days(n_days: int) -> int:
    """Days per bar: one bar a day up to half a year, then a week, beyond three years a month."""
    return 1 if n_days <= 183 else 7 if n_days <= 3 * 366 else 30


def _binned(course: Course) -> tuple[list[float | None], list[dt.date], int]:
    """Average episodes per logged day in each bin (None: nothing logged in the bin)."""
    size = bin_days(len(course.days))
    values: list[float | None] = []
    starts: list[dt.date] = []
    for i in range(0, len(course.counts), size):
        known = [c for c in course.counts[i : i + size] if c is not None]
        values.append(sum(known) / len(known) if known else None)
        starts.append(course.days[i])
    return values, starts, size


def _chart(course: Course, width: float, height: float) -> Any:
    """Bars of episodes a day; a grey tick marks days with nothing logged; a 7-bar mean line."""
    from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
    from reportlab.lib import colors

    drawing = Drawing(width, height)
    left, bottom, top_pad, right_pad = 22.0, 12.0, 4.0, 2.0
    plot_w, plot_h = width - left - right_pad, height - bottom - top_pad
    counts, days, _size = _binned(course)
    n = max(len(counts), 1)
    peak = max([c for c in counts if c is not None] or [0])
    y_max = max(1, math.ceil(peak))
    step = plot_w / n
    axis = colors.HexColor("#4c6272")
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=axis, strokeWidth=0.6))
    drawing.add(Line(left, bottom, left, bottom + plot_h, strokeColor=axis, strokeWidth=0.6))
    for value in (0, y_max):
        y = bottom + plot_h * value / y_max
        drawing.add(
            String(left - 3, y - 2.5, str(value), fontName=FONT, fontSize=6, textAnchor="end")
        )
    drawing.add(
        String(2, bottom + plot_h / 2, _("per day"), fontName=FONT, fontSize=5.5, fillColor=axis)
    )
    bar = colors.HexColor("#005eb8")
    missing = colors.HexColor("#aeb7bd")
    for i, c in enumerate(counts):
        x = left + i * step
        if c is None:
            drawing.add(
                Rect(
                    x, bottom - 2.2, max(step * 0.8, 0.3), 1.6, fillColor=missing, strokeColor=None
                )
            )
        elif c > 0:
            h = plot_h * c / y_max
            drawing.add(Rect(x, bottom, max(step * 0.8, 0.3), h, fillColor=bar, strokeColor=None))
    # 7-day mean over logged days, drawn where at least four of the seven are logged.
    points: list[float] = []
    for i in range(len(counts)):
        window = [c for c in counts[max(0, i - 6) : i + 1] if c is not None]
        if len(window) >= 4:
            points += [
                left + (i + 0.4) * step,
                bottom + plot_h * (sum(window) / len(window)) / y_max,
            ]
        elif len(points) >= 4:
            drawing.add(PolyLine(points, strokeColor=colors.HexColor("#d5281b"), strokeWidth=1))
            points = []
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=colors.HexColor("#d5281b"), strokeWidth=1))
    if all(c is None for c in counts):
        drawing.add(
            String(
                left + plot_w / 2,
                bottom + plot_h / 2,
                _("No days logged in this period."),
                fontName=FONT,
                fontSize=7.5,
                textAnchor="middle",
                fillColor=axis,
            )
        )
    # Date labels: the first day, then month starts (year starts for long periods), the last day.
    size = bin_days(len(course.days))
    long_period = len(course.days) > 400
    labelled: list[tuple[int, str]] = []
    if days:
        labelled.append((0, day_text(days[0]) if long_period else _short(days[0])))
        min_gap = max(1, int(45 / max(step, 1e-6)))
        for i, d in enumerate(days):
            starts_unit = d.day <= size and (size < 30 or d.month == 1)
            spaced = i - labelled[-1][0] >= min_gap and len(days) - 1 - i >= min_gap
            if starts_unit and spaced:
                labelled.append((i, _month(d) if long_period else _short(d)))
        if len(days) > 1:
            labelled.append((len(days) - 1, day_text(course.days[-1])))
    for i, text in labelled:
        x = left + (i + 0.4) * step
        anchor = "start" if i == 0 else "end" if i == len(days) - 1 else "middle"
        drawing.add(
            String(x, 2, text, fontName=FONT, fontSize=5.8, textAnchor=anchor, fillColor=axis)
        )
    return drawing


def _page_decor(report: DoctorReport) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        from reportlab.lib.units import mm

        canvas.saveState()
        canvas.setFont(FONT, 6.5)
        canvas.setFillColorRGB(0.3, 0.38, 0.45)
        width, _height = doc.pagesize
        knowledge = _("Knowledge {version}.").format(version=report.knowledge_version)
        text = printable(f"{report.marker} {knowledge}")
        canvas.drawString(doc.leftMargin, 8 * mm, text)
        page = printable(_("Page {n}").format(n=doc.page))
        canvas.drawRightString(width - doc.rightMargin, 8 * mm, page)
        canvas.restoreState()

    return draw


def _section(title: str, body: list[Any], st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    return [Paragraph(plain(title), st["h"]), *body]


def _columns(
    cells: list[list[Any]], width: float, fractions: list[float] | None = None, gap: float = 8.0
) -> Any:
    """Put flowable lists side by side, in equal columns unless ``fractions`` are given."""
    from reportlab.platypus import Table, TableStyle

    n = len(cells)
    usable = width - gap * (n - 1)
    shares = fractions or [1 / n] * n
    widths: list[float] = []
    row: list[Any] = []
    for i, cell in enumerate(cells):
        row.append(cell)
        widths.append(usable * shares[i])
        if i < n - 1:
            row.append("")
            widths.append(gap)
    table = Table([row], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def render_pdf(report: DoctorReport) -> bytes:
    """The report as PDF bytes (A4, one page for typical diaries, two at most)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    st = _styles()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=13 * mm,
        rightMargin=13 * mm,
        topMargin=11 * mm,
        bottomMargin=14 * mm,
        title=report.title,
        author=_("twitchcare (self-reported)"),
        subject=report.marker,
        creator="twitchcare",
    )
    width = doc.width - 12  # the frame keeps 6 pt padding on each side
    shares = [0.2, 0.44, 0.36]
    who_w, since_w, where_w = ((width - 16) * f for f in shares)
    flow: list[Any] = []

    period = _("{start} to {end}").format(
        start=day_text(report.period_start), end=day_text(report.period_end)
    )
    header = Table(
        [
            [
                Paragraph(plain(report.title), st["title"]),
                Paragraph(
                    plain(
                        _("Period {period}. Made {made}.").format(
                            period=period, made=day_text(report.generated)
                        )
                    ),
                    st["small"],
                ),
            ]
        ],
        colWidths=[width * 0.66, width * 0.34],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    flow.append(header)
    marker = Table([[Paragraph(plain(report.marker), st["marker"])]], colWidths=[width])
    marker.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fff4cc")),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#ffb81c")),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    flow += [Spacer(1, 2), marker, Spacer(1, 2)]

    # Who / since when / where
    place_rows = [
        [
            Paragraph(plain(p.label), st["base"]),
            Paragraph(f"{p.episodes}", st["base"]),
            Paragraph(f"{100 * p.share:.0f}%", st["small"]),
        ]
        for p in report.places
    ] or [[Paragraph(plain(_("No episodes logged in this period.")), st["base"]), "", ""]]
    places = Table(place_rows, colWidths=[where_w * 0.6, where_w * 0.2, where_w * 0.2])
    places.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.4),
            ]
        )
    )
    where = [places]
    if report.places_note:
        where.append(Paragraph(plain(report.places_note), st["small"]))
    flow.append(
        _columns(
            [
                _section(_("Who"), [_items(report.who, st, who_w, label=0.46)], st),
                _section(_("Since when"), [_items(report.since, st, since_w)], st),
                _section(_("Where (episodes in the period)"), where, st),
            ],
            width,
            shares,
        )
    )

    # Course
    flow.append(_course_row(report, st, width, width * 0.68))

    # Latest assessment | intake and medicines
    half = (width - 8) / 2
    medicines = [Paragraph(plain("; ".join(report.medicines) or _("None given.")), st["base"])]
    flow.append(
        _columns(
            [
                _section(_("Latest assessment"), _assessment_block(report, st, half), st),
                [
                    *_section(_("Intake"), [_items(report.intake, st, half)], st),
                    *_section(_("Medicines (as told)"), medicines, st),
                ],
            ],
            width,
        )
    )
    flow += _section(_("Red-flag screen"), _red_flag_block(report, st, width), st)
    flow += _section(
        _("Factors and twitching (diary analysis)"), [_factor_table(report, st, width)], st
    )

    # Questions
    questions = [
        Paragraph(plain(f"{i}. {q}"), st["base"]) for i, q in enumerate(report.questions, 1)
    ]
    flow += _section(_("Questions to ask the doctor"), questions, st)
    if report.sources:
        sources = "; ".join(f"[{s.label}] {s.value}" for s in report.sources)
        flow += [
            Spacer(1, 2),
            Paragraph(plain(_("Sources: {sources}").format(sources=sources)), st["tiny"]),
        ]

    decor = _page_decor(report)
    doc.build(flow, onFirstPage=decor, onLaterPages=decor)
    return out.getvalue()


def _course_row(report: DoctorReport, st: dict[str, Any], width: float, chart_w: float) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    side_w = width - chart_w - 8
    size = bin_days(len(report.course.days))
    bars = {
        1: _("episodes that day"),
        7: _("average episodes a day in each week"),
        30: _("average episodes a day in each 30 days"),
    }[size]
    left = _section(
        _("Course: episodes a day"),
        [
            _chart(report.course, chart_w, 30 * mm),
            Paragraph(
                plain(
                    _(
                        "Blue bars: {bars}. Red line: average of the last 7 bars. Grey marks under "
                        "the axis: nothing logged (unknown, not zero)."
                    ).format(bars=bars)
                ),
                st["small"],
            ),
        ],
        st,
    )
    right = _section(_("In the period"), [_items(report.course.summary, st, side_w)], st)
    table = Table([[left, "", right]], colWidths=[chart_w, 8, side_w])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _assessment_block(report: DoctorReport, st: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    a = report.assessment
    if a is None:
        return [Paragraph(plain(_("No assessment saved in the diary.")), st["base"])]
    levels = {
        "emergency": _("EMERGENCY"),
        "urgent": _("URGENT"),
        "doctor": _("DOCTOR"),
        "self_care": _("SELF CARE"),
    }
    label = levels.get(a.level, a.level.replace("_", " ").upper())
    banner = Table([[Paragraph(plain(f"{label}: {a.title}"), st["level"])]], colWidths=[width])
    banner.setStyle(
        TableStyle(
            [
                (
                    "BACKGROUND",
                    (0, 0),
                    (-1, -1),
                    colors.HexColor(LEVEL_COLOURS.get(a.level, "#4c6272")),
                ),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    body: list[Any] = [
        Paragraph(
            plain(
                _("{at}; specialist named: {specialist}.").format(
                    at=moment_text(a.at), specialist=a.specialist
                )
            ),
            st["small"],
        ),
        banner,
    ]
    for reason in a.reasons:
        body.append(Paragraph(plain(f"- {reason}"), st["base"]))
    if a.causes:
        causes = ", ".join(f"{c.label} {c.value}" for c in a.causes)
        body.append(
            Paragraph(
                plain(_("Likely causes (model estimate): {causes}").format(causes=causes)),
                st["base"],
            )
        )
    return body


def _red_flag_block(report: DoctorReport, st: dict[str, Any], width: float) -> list[Any]:
    """Every red-flag question with its answer, in three columns read top to bottom."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    flags = report.red_flags
    ncols = 3
    per_col = (len(flags) + ncols - 1) // ncols
    marks = {"yes": _("YES"), "no": _("no"), "not asked": "-"}
    col = width / ncols
    rows: list[list[Any]] = []
    styles: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.2),
    ]
    for i in range(per_col):
        row: list[Any] = []
        for j in range(ncols):
            k = j * per_col + i
            if k >= len(flags):
                row += ["", ""]
                continue
            item = flags[k]
            row += [
                Paragraph(plain(marks[item.answer]), st["small"]),
                Paragraph(plain(item.question), st["small"]),
            ]
            if item.answer == "yes":
                styles.append(("BACKGROUND", (2 * j, i), (2 * j, i), colors.HexColor("#f6d4d1")))
        rows.append(row)
    table = Table(rows, colWidths=[19, col - 19] * ncols) if rows else None
    if table is not None:
        table.setStyle(TableStyle(styles))
    note = Paragraph(
        plain(report.red_flags_note + " " + _("YES = yes, no = no, - = not asked.")), st["small"]
    )
    return [note, table] if table is not None else [note]


def _factor_table(report: DoctorReport, st: dict[str, Any], width: float) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    head = [_("Factor"), _("Effect per"), _("Same day"), _("Next day")]
    rows: list[list[Any]] = [[Paragraph(f"<b>{plain(h)}</b>", st["small"]) for h in head]]
    for f in report.factors:
        rows.append(
            [
                Paragraph(plain(f.label), st["base"]),
                Paragraph(plain(_(f.per)), st["small"]),
                Paragraph(plain(f.same_day), st["small"]),
                Paragraph(plain(f.next_day), st["small"]),
            ]
        )
    table = Table(rows, colWidths=[width * 0.12, width * 0.18, width * 0.35, width * 0.35])
    styles: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.HexColor("#4c6272")),
        ("LEFTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
    ]
    for i, f in enumerate(report.factors, 1):
        if f.verdict == "associated":
            styles.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#e8edee")))
    table.setStyle(TableStyle(styles))
    return Table(
        [[table], [Paragraph(plain(report.factor_rule), st["small"])]],
        colWidths=[width],
        style=TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
