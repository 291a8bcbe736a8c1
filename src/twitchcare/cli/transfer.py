"""``twitchcare import`` and ``twitchcare export``: your diary as CSV or JSON files."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from twitchcare.cli.i18n import _
from twitchcare.errors import InputError

EXPORT_FORMATS = ("csv", "json", "fhir")


def import_command(
    episodes: Path | None = typer.Option(None, "--episodes", help="Episodes CSV file"),
    days: Path | None = typer.Option(None, "--days", help="Daily factors CSV file"),
    archive: Path | None = typer.Option(
        None, "--json", help="A JSON archive written by `twitchcare export --format json`"
    ),
) -> None:
    """Import CSV files or a JSON archive; a bad row stops it and nothing is imported."""
    from twitchcare.diary.transfer import import_records, parse_days_csv, parse_episodes_csv
    from twitchcare.errors import InputError
    from twitchcare.store import open_store

    if episodes is None and days is None and archive is None:
        raise InputError(
            field="files",
            problem=_("nothing to import"),
            hint=_("give {one} or {other}").format(one="--episodes/--days", other="--json"),
        )

    def read(path: Path) -> str:
        try:
            # newline="" keeps line breaks inside quoted CSV cells exactly as written
            with path.open(encoding="utf-8", newline="") as handle:
                return handle.read()
        except FileNotFoundError:
            raise InputError(field=str(path), problem=_("there is no such file")) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                field=str(path),
                problem=_("cannot read the file ({reason})").format(reason=exc.__class__.__name__),
            ) from None

    if archive is not None and (episodes is not None or days is not None):
        raise InputError(
            field="files",
            problem=_("import a JSON archive on its own, not together with CSV files"),
        )
    if archive is not None:
        import json

        from twitchcare.diary.archive import import_json
        from twitchcare.diary.transfer import at_line

        try:
            doc = json.loads(read(archive))
        except json.JSONDecodeError as exc:
            raise InputError(
                where=at_line(archive.name, exc.lineno),
                field="json",
                problem=_("is not valid JSON (column {column})").format(column=exc.colno),
            ) from None
        store = open_store()
        try:
            counts = import_json(store, doc, archive.name)
        finally:
            store.close()
        typer.echo(_("imported") + " " + ", ".join(f"{n} {k}" for k, n in counts.items()))
        return

    parsed_episodes = parse_episodes_csv(read(episodes), episodes.name) if episodes else []
    parsed_days = parse_days_csv(read(days), days.name) if days else []
    store = open_store()
    try:
        added, written = import_records(store, parsed_episodes, parsed_days)
    finally:
        store.close()
    skipped = len(parsed_episodes) - added
    extra = _(" ({n} already in the diary)").format(n=skipped) if skipped else ""
    typer.echo(
        _("imported {added} episode(s){extra} and {written} day(s)").format(
            added=added, extra=extra, written=written
        )
    )


def export_command(
    fmt: str = typer.Option(
        "csv", "--format", "-f", help="csv (two files), json (one document) or fhir (R4 Bundle)"
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="csv: a new or empty folder; json, fhir: a new file, or - for standard output "
        "(default: a new dated folder here)",
    ),
    name: str | None = typer.Option(
        None, "--name", help="fhir only: your name for the Patient (left out unless given)"
    ),
) -> None:
    """Export the whole diary; existing files are never written over."""
    import json

    from twitchcare.diary.records import check_choice
    from twitchcare.errors import InputError
    from twitchcare.outputs import check_folder_for, check_new_file, new_dated_folder
    from twitchcare.store import open_store

    check_choice(fmt, EXPORT_FORMATS, "format")
    if name is not None and fmt != "fhir":
        raise InputError(
            field="--name", problem=_("is only used with {option}").format(option="--format fhir")
        )
    if name is not None and not 1 <= len(name.strip()) <= 200:
        raise InputError(field="--name", problem=_("give 1-200 characters"))
    names = ("episodes.csv", "days.csv")
    to_stdout = out is not None and str(out) == "-"
    if to_stdout and fmt == "csv":
        raise InputError(
            field="--out",
            problem=_("csv is two files"),
            hint=_("give a folder, or use {option}").format(option="--format json"),
        )
    if fmt in ("json", "fhir") and not to_stdout:
        if out is None:  # never over an existing file: a folder that did not exist before
            folder = check_folder_for(new_dated_folder(Path("."), "twitchcare-export"), names)
            out = folder / ("diary.fhir.json" if fmt == "fhir" else "diary.json")
        check_new_file(out)
    elif fmt == "csv":
        out = check_folder_for(out or new_dated_folder(Path("."), "twitchcare-export"), names)
    store = open_store()
    try:
        if fmt == "fhir":
            import sys

            from twitchcare.kb import load_kb
            from twitchcare.reports.fhir import write_bundle

            kb = load_kb()
            if to_stdout:
                sys.stdout.flush()
                write_bundle(sys.stdout.buffer, store, kb, name=name)
                return
            assert out is not None
            with _writing(out):
                out.parent.mkdir(parents=True, exist_ok=True)
                with out.open("xb") as handle:  # "x": never over a file
                    count = write_bundle(handle, store, kb, name=name)
            typer.echo(
                _("wrote {out} (FHIR R4 Bundle, {count} resources)").format(out=out, count=count)
            )
            return
        if fmt == "json":
            from twitchcare.diary.archive import export_json

            text = json.dumps(export_json(store), indent=2, ensure_ascii=False) + "\n"
            if to_stdout:
                typer.echo(text, nl=False)
            else:
                assert out is not None
                with _writing(out):
                    out.parent.mkdir(parents=True, exist_ok=True)
                    with out.open("x", encoding="utf-8") as handle:  # "x": never over a file
                        handle.write(text)
                typer.echo(_("wrote {out}").format(out=out))
            return
        from twitchcare.diary.days import day_totals
        from twitchcare.diary.episodes import list_episodes
        from twitchcare.diary.transfer import days_csv, episodes_csv

        assert out is not None
        folder = out
        with _writing(folder):
            folder.mkdir(parents=True, exist_ok=True)
            for name, text in (
                ("episodes.csv", episodes_csv(list_episodes(store))),
                ("days.csv", days_csv(day_totals(store))),
            ):
                with (folder / name).open("x", encoding="utf-8", newline="") as handle:
                    handle.write(text)
        typer.echo(
            _("wrote {first} and {second}").format(
                first=folder / "episodes.csv", second=folder / "days.csv"
            )
        )
    finally:
        store.close()


@contextmanager
def _writing(out: Path) -> Iterator[None]:
    """Turn a failure to write ``out`` into the one-line error naming ``--out``.

    The path is checked before any work starts, but some places pass the checks and still
    cannot be written (``/proc``, a disk that fills up on the way).
    """
    try:
        yield
    except OSError as exc:
        raise InputError(
            field="--out",
            problem=_("cannot write {out} ({reason})").format(
                out=out, reason=exc.strerror or exc.__class__.__name__
            ),
        ) from None


def register(app: typer.Typer) -> None:
    """Attach ``import`` and ``export`` to the root app."""
    app.command("import")(import_command)
    app.command("export")(export_command)
