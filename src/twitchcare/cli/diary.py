"""``twitchcare diary``: recent entries, statistics, charts and personal experiments."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from twitchcare.cli.i18n import _, number

if TYPE_CHECKING:
    import datetime as dt

    from twitchcare.diary.stats import DiaryStats

diary_app = typer.Typer(
    help="Your twitch diary: recent entries, patterns, charts and experiments.",
    invoke_without_command=True,
    no_args_is_help=False,
)
experiment_app = typer.Typer(help="Personal experiments: change one thing, compare with before.")
diary_app.add_typer(experiment_app, name="experiment")

SHADES = "·░▒▓█"


def _today() -> dt.date:
    import datetime as dt

    return dt.date.today()


def _source_line(source_id: str) -> str:
    """Title and address of a cited source, read from the packaged source catalogue."""
    from importlib.resources import files

    import yaml

    catalogue = yaml.safe_load(
        files("twitchcare").joinpath("knowledge/sources.yaml").read_text(encoding="utf-8")
    )
    for source in catalogue.get("sources", []):
        if source.get("id") == source_id:
            return f"[{source_id}] {source['publisher']}: {source['title']} - {source['url']}"
    return f"[{source_id}]"


def heat_strip(counts: dict[tuple[dt.date, str], int], start: dt.date, days: int) -> list[str]:
    """One text line per body location: a shade per day, darker for more episodes."""
    import datetime as dt

    from twitchcare.cli.describe import word
    from twitchcare.locations import LOCATIONS

    dates = [start + dt.timedelta(days=i) for i in range(days)]
    peak = max(counts.values(), default=0)
    lines = []
    for loc in LOCATIONS:
        row = [counts.get((d, loc), 0) for d in dates]
        if not any(row):
            continue
        cells = "".join(
            SHADES[0] if n == 0 else SHADES[min(4, 1 + (3 * (n - 1)) // max(1, peak - 1))]
            for n in row
        )
        lines.append(f"{word(loc):<14} {cells} {sum(row):>4}")
    if lines:
        ruler = "".join("|" if d.weekday() == 0 else " " for d in dates)
        key = _("(| = Monday; {start} to {end})").format(start=start, end=dates[-1])
        lines.insert(0, f"{'':<14} {ruler}  {key}")
    return lines


@diary_app.callback()
def diary(
    ctx: typer.Context,
    limit: int = typer.Option(10, "--limit", "-n", help="How many recent episodes to list."),
    weeks: int = typer.Option(4, "--weeks", help="Weeks shown in the heat-strip."),
) -> None:
    """Show recent episodes and a heat-strip of where it twitched in the last weeks."""
    if ctx.invoked_subcommand is not None:
        return
    import datetime as dt

    from twitchcare.diary.records import check_number

    check_number(limit, "limit", 1, 10_000)
    check_number(weeks, "weeks", 1, 520)
    from twitchcare.cli.describe import describe_episode
    from twitchcare.cli.log import _describe_day
    from twitchcare.diary.days import day_totals
    from twitchcare.diary.episodes import list_episodes, location_counts_by_day
    from twitchcare.store import open_store

    today = _today()
    start = today - dt.timedelta(days=7 * weeks - 1)
    store = open_store()
    try:
        recent = list_episodes(store, limit=limit, newest_first=True)
        counts = location_counts_by_day(store, since=start)
        days = day_totals(store, since=today - dt.timedelta(days=2))
    finally:
        store.close()
    if not recent and not days:
        typer.echo(_("The diary is empty. Log a twitch with: twitchcare log calf --duration 30s"))
        return
    typer.echo(_("Recent episodes:") if recent else _("No episodes yet."))
    for episode in recent:
        note = f"  - {episode.note}" if episode.note else ""
        typer.echo(f"  #{episode.id:<6} {describe_episode(episode)}{note}")
    if days:
        typer.echo(_("Recent days:"))
        for day in days:
            typer.echo(f"  {_describe_day(day)}")
    typer.echo("")
    lines = heat_strip(counts, start, 7 * weeks)
    empty = _("No episodes in the last {weeks} weeks.").format(weeks=weeks)
    typer.echo("\n".join(lines) if lines else empty)


def _status(status: str) -> str:
    """An experiment's state (diary.experiments) in the person's language."""
    names = {"planned": _("planned"), "running": _("running"), "finished": _("finished")}
    return names.get(status, status)


def _verdict(verdict: str) -> str:
    names = {
        "fewer_twitches": _("fewer twitches"),
        "more_twitches": _("more twitches"),
        "no_clear_difference": _("no clear difference"),
        "not_enough_data": _("not enough data"),
        "associated": _("associated"),
        "no_evidence": _("no clear link"),
    }
    return names.get(verdict, verdict.replace("_", " "))


def _render(stats: DiaryStats) -> list[str]:
    from twitchcare.catalogue import gettext as core_gettext
    from twitchcare.cli.describe import word
    from twitchcare.diary.analysis import not_proof_text, rule_text
    from twitchcare.diary.records import FACTOR_LABELS

    c = stats.course
    lines = [
        _("Diary: {days} logged days, {episodes} episodes.").format(
            days=stats.days_logged, episodes=stats.episodes
        )
    ]
    if c.first_episode:
        lines.append(
            _(
                "First episode {first} ({first_ago} days ago), last {last} ({last_ago} days ago)."
            ).format(
                first=c.first_episode,
                first_ago=c.days_since_first,
                last=c.last_episode,
                last_ago=c.days_since_last,
            )
        )
    if c.per_day_last_7 is not None:
        prev = (
            _("no data")
            if c.per_day_previous_7 is None
            else _("{n}/day").format(n=number(round(c.per_day_previous_7, 1)))
        )
        trends = {
            "rising": _("rising"),
            "falling": _("falling"),
            "steady": _("steady"),
            "not_enough_data": _("not enough data"),
        }
        trend = trends.get(c.trend, c.trend)
        lines.append(
            _("Last 7 days: {n}/day (7 days before: {prev}); trend: {trend}.").format(
                n=number(round(c.per_day_last_7, 1)), prev=prev, trend=trend.replace("_", " ")
            )
        )
    if c.locations:
        lines.append(
            _("Where:") + " " + ", ".join(f"{word(k)} {v}" for k, v in c.locations.items())
        )
    for month, counts in list(c.locations_by_month.items())[-3:]:
        lines.append(f"  {month}: " + ", ".join(f"{word(k)} {v}" for k, v in counts.items()))
    p = stats.persistence
    flag = []
    if p.persistent:
        flag.append(_("PERSISTENT"))
    if p.returning:
        flag.append(_("RETURNING"))
    joined = f" {_('and')} ".join(flag) or _("no")
    lines += ["", _("Persistence:") + f" {joined} - {p.reason}"]
    if flag:
        lines.append(_("See a doctor (GP) about it. Source: ") + _source_line(p.source_id))
    analysis = stats.analysis
    lines += [
        "",
        _(
            "Factors: rate ratio of episodes per day with its {ci} interval, all factors and lags "
            "in one model, each adjusted for the others:"
        ).format(ci="95%"),
    ]
    same_day, next_day = _("same day"), _("next day")
    width = max(len(same_day), len(next_day))
    for f in stats.factors:
        when = same_day if f.lag_days == 0 else next_day
        head = f"  {_(FACTOR_LABELS[f.factor]):<10} {when:<{width}}"
        if f.rate_ratio is None:
            lines.append(f"{head} " + _("not enough data yet: {reason}").format(reason=f.reason))
        else:
            lines.append(
                f"{head} {f.rate_ratio:5.2f} ({f.ci_low:.2f}-{f.ci_high:.2f}) {_('per')}"
                f" {core_gettext(f.per)}: {_verdict(f.verdict)} - {f.reason}"
            )
    if analysis.tests:
        adjusted = sorted(
            {_(FACTOR_LABELS.get(a, a)) for f in stats.factors for a in f.adjusted_for}
        )
        lines.append("  " + _("Adjusted for: {factors}.").format(factors=", ".join(adjusted)))
        lines.append(
            "  "
            + _("{n} factor-and-lag tests were made at once;").format(n=analysis.tests)
            + f" {rule_text()}."
        )
        lines += [
            "",
            _(
                "Each factor alone (for comparison, no verdict; when it differs from above, "
                "another factor that moved with it explains the difference):"
            ),
        ]
        for f in analysis.one_factor:
            if f.rate_ratio is None:
                continue
            when = same_day if f.lag_days == 0 else next_day
            lines.append(
                f"  {_(FACTOR_LABELS[f.factor]):<10} {when:<{width}} {f.rate_ratio:5.2f}"
                f" ({f.ci_low:.2f}-{f.ci_high:.2f}) {_('per')} {core_gettext(f.per)}"
            )
    for pair in stats.collinearity:
        lines.append(_("Warning:") + f" {pair.message}.")
    if stats.experiments:
        lines += ["", _("Experiments:")]
        for e in stats.experiments:
            x = e.experiment
            lines.append(
                f"  #{x.id} {x.name} ({_('{start} to {end}').format(start=x.start, end=x.end)}, "
                f"{_status(e.status)}): {_verdict(e.verdict)}. {e.summary}"
            )
    lines += ["", f"{not_proof_text()} " + _("This is not a diagnosis.")]
    return lines


@diary_app.command("stats")
def stats_command(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Course, persistence, which factors go with more twitching, experiments."""
    import json

    from twitchcare.diary.readout import read_sqlite, read_store
    from twitchcare.diary.stats import stats_from
    from twitchcare.paths import local_database_url
    from twitchcare.store.quick import sqlite_path

    today = _today()
    url = local_database_url()
    path = sqlite_path(url) if url else None
    readout = read_sqlite(path, today) if path is not None else None
    if readout is None:  # a new, outdated or server diary goes through the store
        from twitchcare.store import open_store

        store = open_store()
        try:
            readout = read_store(store, today)
        finally:
            store.close()
    stats = stats_from(readout, today)
    if as_json:
        typer.echo(json.dumps(stats.as_dict(), indent=2))
    else:
        typer.echo("\n".join(_render(stats)))


@diary_app.command("chart")
def chart_command(
    out: str = typer.Option(..., "--out", "-o", help="Output file, .svg or .png"),
    days: int = typer.Option(90, "--days", help="How many days back to show (0 = all)."),
    factor: str | None = typer.Option(
        None, "--factor", help="Factor to overlay, e.g. caffeine_mg (default: the most telling)."
    ),
) -> None:
    """Draw daily episodes with the 7-day trend, a body-location heat-strip and a factor overlay."""
    from pathlib import Path

    from twitchcare.diary.charts import FORMATS, write_chart
    from twitchcare.diary.records import check_number
    from twitchcare.errors import InputError
    from twitchcare.outputs import check_new_file
    from twitchcare.store import open_store

    check_number(days, "days", 0, 36_600)
    if Path(out).suffix.lower() not in FORMATS:
        raise InputError(
            field="out",
            problem=_("'{out}' is not .svg or .png").format(out=out),
            hint=_("e.g. {example}").format(example="diary.png"),
        )
    check_new_file(Path(out))
    store = open_store()
    try:
        path = write_chart(store, Path(out), today=_today(), days=days, factor=factor)
    finally:
        store.close()
    typer.echo(_("wrote {out}").format(out=path))


@experiment_app.command("start")
def experiment_start(
    name: str = typer.Argument(..., help='What you change, e.g. "under 200 mg caffeine"'),
    days: int | None = typer.Option(None, "--days", help="How long, in days (default: two weeks)."),
    start: str | None = typer.Option(None, "--start", help="First day (default today)."),
    factor: str | None = typer.Option(
        None,
        "--factor",
        help="Factor it changes, e.g. caffeine_mg (read from the name when it says"
        ' e.g. "under 200 mg caffeine")',
    ),
    below: float | None = typer.Option(None, "--below", help="Target: keep the factor below this."),
    above: float | None = typer.Option(None, "--above", help="Target: keep the factor above this."),
) -> None:
    """Start a personal experiment; it is compared with the same number of days before it."""
    import datetime as dt

    from twitchcare.diary.experiments import (
        DEFAULT_DAYS,
        Experiment,
        add_experiment,
        infer_target,
    )
    from twitchcare.diary.parsing import parse_date
    from twitchcare.errors import InputError
    from twitchcare.store import open_store

    days = DEFAULT_DAYS if days is None else days
    if below is not None and above is not None:
        raise InputError(
            field="target",
            problem=_("give either {one} or {other}, not both").format(
                one="--below", other="--above"
            ),
        )
    if not 1 <= days <= 366:
        raise InputError(
            field="days",
            problem=_("{days} is not 1-366").format(days=days),
            hint=_("days of the experiment"),
        )
    first = parse_date(start, today=_today())
    if factor is None and below is None and above is None:
        inferred = infer_target(name)
        if inferred is not None:
            factor, comparison, target = inferred
            below, above = (target, None) if comparison == "below" else (None, target)
    experiment = Experiment(
        name=name,
        start=first,
        end=first + dt.timedelta(days=days - 1),
        factor=factor,
        comparison="below" if below is not None else "above" if above is not None else None,
        target=below if below is not None else above,
    )
    store = open_store()
    try:
        new_id = add_experiment(store, experiment)
    finally:
        store.close()
    before_start, before_end = experiment.before
    goal = ""
    if experiment.factor is not None:
        comparison = {"below": _("below"), "above": _("above")}.get(
            experiment.comparison or "", experiment.comparison or ""
        )
        goal = " (" + _("target") + f": {experiment.factor} {comparison} {experiment.target:g})"
    typer.echo(
        _(
            "experiment #{id} '{name}'{goal} runs {start} to {end}; it will be compared with "
            "{before_start} to {before_end}."
        ).format(
            id=new_id,
            name=name,
            goal=goal,
            start=experiment.start,
            end=experiment.end,
            before_start=before_start,
            before_end=before_end,
        )
    )


@experiment_app.command("list")
def experiment_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show every experiment with its result so far."""
    import json

    from twitchcare.diary.daily import load_table
    from twitchcare.diary.experiments import evaluate, list_experiments
    from twitchcare.store import open_store

    store = open_store()
    try:
        table = load_table(store)
        results = [evaluate(e, table, _today()) for e in list_experiments(store)]
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in results], indent=2))
        return
    if not results:
        typer.echo(
            _('No experiments yet: twitchcare diary experiment start "under 200 mg caffeine"')
        )
    for r in results:
        x = r.experiment
        span = _("{start} to {end}").format(start=x.start, end=x.end)
        typer.echo(f"#{x.id} {x.name} ({span}, {_status(r.status)}): {r.summary}")


@experiment_app.command("stop")
def experiment_stop(
    experiment_id: int = typer.Argument(..., help="Experiment number", min=1, max=2**62),
) -> None:
    """End an experiment today."""
    from twitchcare.diary.experiments import stop_experiment
    from twitchcare.store import open_store

    store = open_store()
    try:
        experiment = stop_experiment(store, experiment_id, _today())
    finally:
        store.close()
    typer.echo(_("experiment #{id} now ends {end}").format(id=experiment_id, end=experiment.end))


@diary_app.command("delete")
def delete_command(
    episode_id: int = typer.Argument(..., help="Episode number, as listed", min=1, max=2**62),
) -> None:
    """Delete an episode logged by mistake."""
    from twitchcare.cli.describe import describe_episode
    from twitchcare.diary.episodes import delete_episode
    from twitchcare.store import open_store

    store = open_store()
    try:
        removed = delete_episode(store, episode_id)
    finally:
        store.close()
    typer.echo(_("deleted #{id}: {entry}").format(id=episode_id, entry=describe_episode(removed)))


@diary_app.command("restore")
def restore_command(
    source: str | None = typer.Option(
        None, "--from", help="A backup file (default: the newest healthy daily backup)."
    ),
    list_only: bool = typer.Option(False, "--list", help="Only list the backups."),
) -> None:
    """Bring the diary back from a backup (automatic, one a day, the last seven are kept)."""
    from pathlib import Path

    from twitchcare.config import load_settings
    from twitchcare.errors import InputError
    from twitchcare.store.health import backup_dir, backups, restore
    from twitchcare.store.quick import sqlite_path

    settings = load_settings()
    path = sqlite_path(settings.effective_database_url)
    if path is None:
        raise InputError(
            field="restore",
            problem=_("backups and restore are for a local SQLite diary"),
            hint=_("a PostgreSQL diary is restored with the server's own tools (pg_restore)"),
        )
    if list_only:
        found = backups(path)
        if not found:
            typer.echo(_("no backups yet in {folder}").format(folder=backup_dir(path)))
        for backup in found:
            typer.echo(f"{backup}  {backup.stat().st_size / 1024:.0f} KB")
        return
    if source is not None and not Path(source).is_file():
        raise InputError(
            field="--from", problem=_("'{source}' is not a file").format(source=source)
        )
    used, moved = restore(path, Path(source) if source else None)
    kept = _("; the file it replaced is kept as {moved}").format(moved=moved) if moved else ""
    typer.echo(_("restored {path} from {used}").format(path=path, used=used) + kept)


@diary_app.command("repairs")
def repairs_command() -> None:
    """Day values that an upgrade recomputed from their entries: old value, new one and why."""
    from sqlalchemy import select

    from twitchcare.store import open_store
    from twitchcare.store.models import DayRepairRow

    def shown(value: float | None) -> str:
        return _("none") if value is None else f"{value:g}"

    store = open_store()
    try:
        with store.session() as session:
            rows = list(session.scalars(select(DayRepairRow).order_by(DayRepairRow.id)))
    finally:
        store.close()
    if not rows:
        typer.echo(_("no repairs: every day total was already derived from its entries"))
        return
    for r in rows:
        total = _("unknown") if r.total_now is None else f"{r.total_now:g}"
        typer.echo(
            _(
                "{day} {factor}: stored {old} -> stated {new}, total now {total} ({reason}; "
                "repaired {when})"
            ).format(
                day=r.day,
                factor=r.factor,
                old=shown(r.old_value),
                new=shown(r.new_value),
                total=total,
                reason=r.reason,
                when=f"{r.repaired_at:%Y-%m-%d}",
            )
        )


def register(app: typer.Typer) -> None:
    """Attach the ``diary`` group to the root app."""
    app.add_typer(diary_app, name="diary")
