"""Report targets on a heavy user's ten years (about 180,000 episodes over 3,650 days).

- ``twitchcare report`` for the whole ten years in at most 2 s (a new process, wall time);
- the FHIR R4 export of the same diary in at most 5 s, and valid.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.bench_diary import BIN, DAYS, build_heavy_diary
from benchmarks.common import Measurement


def _timed(
    args: list[str], env: dict[str, str], repeat: int, output: Path | None = None
) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a command run ``repeat`` times.

    The CPU time does not grow when other processes share the machine; the wall time does.
    ``output`` is removed before each run: export and report never write over a file.
    """
    import resource

    walls, cpus = [], []
    for _ in range(repeat):
        if output is not None:
            output.unlink(missing_ok=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _add_assessment(data_dir: Path) -> None:
    from twitchcare.config import load_settings
    from twitchcare.diary.assessments import save_assessment
    from twitchcare.engine import assess
    from twitchcare.engine.serialise import assessment_dict
    from twitchcare.kb import load_kb
    from twitchcare.store import open_store

    kb = load_kb()
    answers = {"loc.calf": True, "duration_days": 3000, "medications": ["omeprazole"]}
    now = dt.datetime.now(dt.UTC)
    store = open_store(load_settings(data_dir=data_dir))
    save_assessment(
        store, answers, assessment_dict(kb, assess(kb, answers, now=now)), kb.version, now
    )
    store.close()


def run() -> list[Measurement]:
    with tempfile.TemporaryDirectory(prefix="twitchcare-bench-") as folder:
        return _measure(Path(folder))


def _measure(tmp: Path) -> list[Measurement]:
    data_dir = tmp / "heavy"
    n_episodes = build_heavy_diary(data_dir)
    _add_assessment(data_dir)
    env = {**os.environ, "TWITCHCARE_DATA_DIR": str(data_dir)}
    env.pop("TWITCHCARE_DATABASE_URL", None)
    first = (dt.date.today() - dt.timedelta(days=DAYS - 1)).isoformat()
    twitchcare = str(BIN / "twitchcare")
    pdf = tmp / "report.pdf"
    report_s, report_cpu_s = _timed(
        [twitchcare, "report", "--out", str(pdf), "--from", first], env, repeat=3, output=pdf
    )
    report_90_s = _timed([twitchcare, "report", "--out", str(pdf)], env, repeat=3, output=pdf)[0]
    bundle = tmp / "bundle.json"
    fhir_s, fhir_cpu_s = _timed(
        [twitchcare, "export", "--format", "fhir", "--out", str(bundle)],
        env,
        repeat=3,
        output=bundle,
    )
    load = os.getloadavg()[0]
    invalid, validate_s, resources = _invalid_resources(bundle)
    size = f"{n_episodes} episodes over {DAYS} days"
    return [
        Measurement(
            "report_ten_years_cli_s",
            report_s,
            "s",
            2.0,
            note=f"`twitchcare report --from <ten years ago>`, new process, median of 3; {size};"
            f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        ),
        Measurement(
            "report_ten_years_cpu_s",
            report_cpu_s,
            "s",
            None,
            note="CPU time (user + system) of the same command, median of 3",
        ),
        Measurement(
            "report_last_90_days_cli_s",
            report_90_s,
            "s",
            2.0,
            note=f"`twitchcare report` (default 90 days), ten-year diary, median of 3; {size}",
        ),
        Measurement(
            "fhir_export_ten_years_cli_s",
            fhir_s,
            "s",
            5.0,
            note=f"`twitchcare export --format fhir --out FILE`, new process, median of 3; {size};"
            f" {resources} resources; load average {load:.1f} on {os.cpu_count()} cores",
        ),
        Measurement(
            "fhir_export_ten_years_cpu_s",
            fhir_cpu_s,
            "s",
            None,
            note="CPU time (user + system) of the same command, median of 3: what the wall time"
            " would be on an idle machine, give or take disk writes",
        ),
        Measurement(
            "fhir_export_ten_years_invalid_resources",
            float(invalid),
            "resources",
            0.0,
            note=f"the whole Bundle validated with fhir.resources R4B models ({validate_s:.0f} s,"
            " not part of the export's time)",
        ),
    ]


def _invalid_resources(bundle: Path) -> tuple[int, float, int]:
    """Validate the exported Bundle as a whole; 0 invalid when it validates."""
    import json

    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    start = time.perf_counter()
    doc = json.loads(bundle.read_text(encoding="utf-8"))
    try:
        Bundle.model_validate(doc)
        invalid = 0
    except ValidationError as exc:
        invalid = len({e["loc"][:2] for e in exc.errors()})
    return invalid, time.perf_counter() - start, len(doc["entry"])
