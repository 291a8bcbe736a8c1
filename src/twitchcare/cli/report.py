"""``twitchcare report``: a one-page PDF summary of the diary to take to the doctor."""

from __future__ import annotations

from pathlib import Path

import typer

from twitchcare.cli.i18n import _, language


def report_command(
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="PDF file to write (default: twitchcare-report-<date>.pdf here; never over a file).",
    ),
    start: str | None = typer.Option(
        None, "--from", help="First day: YYYY-MM-DD, yesterday (default: 90 days before --to)."
    ),
    end: str | None = typer.Option(None, "--to", help="Last day: YYYY-MM-DD (default: today)."),
) -> None:
    """Write the doctor's report (PDF): course, places, red flags, assessment, factors, intake."""
    import datetime as dt

    from twitchcare.diary.parsing import parse_date
    from twitchcare.errors import InputError
    from twitchcare.kb import load_kb
    from twitchcare.outputs import check_new_file, new_dated_file
    from twitchcare.reports.content import assemble
    from twitchcare.reports.pdf import render_pdf
    from twitchcare.reports.reading import read_inputs
    from twitchcare.store import open_store

    today = dt.date.today()

    def day(text: str | None, option: str) -> dt.date | None:
        try:
            return parse_date(text, today=today) if text else None
        except InputError as exc:
            raise InputError(field=option, problem=exc.problem, hint=exc.hint) from None

    first, last = day(start, "--from"), day(end, "--to")
    if out is None:
        out = new_dated_file(Path.cwd(), "twitchcare-report", ".pdf", today)
    if out.suffix.lower() != ".pdf":
        raise InputError(
            field="--out", problem=_("'{name}' does not end in .pdf").format(name=out.name)
        )
    check_new_file(out, "--out")  # before any work: exists, a folder, not writable
    store = open_store()
    try:
        inputs = read_inputs(store, today, first, last)
    finally:
        store.close()
    pdf = render_pdf(assemble(load_kb(lang=language()), inputs))
    try:
        out.write_bytes(pdf)
    except OSError as exc:
        raise InputError(
            field="--out",
            problem=_("cannot write {out} ({reason})").format(
                out=out, reason=exc.__class__.__name__
            ),
        ) from None
    typer.echo(
        _("wrote {out} ({start} to {end}); self-reported, not a diagnosis").format(
            out=out, start=inputs.start, end=inputs.end
        )
    )


def register(app: typer.Typer) -> None:
    """Attach ``report`` to the root app."""
    app.command("report")(report_command)
