"""Diaries with known content for report, export and deletion tests (built through the core)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twitchcare.store import DiaryStore

TODAY = dt.date(2026, 12, 2)
ANSWERS: dict[str, Any] = {
    "loc.calf": True,
    "loc.eyelid": True,
    "side": "left",
    "duration_days": 40,
    "pattern": "comes_and_goes",
    "worried_about_serious_disease": True,
    "caffeine_mg_per_day": 450,
    "alcohol_units_per_week": 6,
    "medications": ["omeprazole", "sertraline"],
    "muscle_cramps": True,
    "weakness": False,
    "fever": False,
    "age": 34,
    "sex": "female",
}


def save_assessment_of(store: DiaryStore, answers: dict[str, Any], at: dt.datetime) -> int:
    """Assess ``answers`` with the real engine and keep the result, as the interview does."""
    from twitchcare.diary.assessments import save_assessment
    from twitchcare.engine import assess
    from twitchcare.engine.serialise import assessment_dict
    from twitchcare.kb import load_kb

    kb = load_kb()
    result = assess(kb, answers, now=at)
    return save_assessment(store, answers, assessment_dict(kb, result), kb.version, at)


def fill_diary(
    store: DiaryStore, days: int, *, today: dt.date = TODAY, seed: int = 3, rate: float = 3.0
) -> None:
    """``days`` simulated days up to ``today`` (episodes and factors), a profile, an assessment,
    an intake item, an experiment, a relaxation session and a running programme."""
    from twitchcare.diary.experiments import Experiment, add_experiment
    from twitchcare.diary.intake import IntakeEntry, add_intake
    from twitchcare.diary.profile import Profile, set_profile
    from twitchcare.diary.simulate import simulate_table, table_to_records
    from twitchcare.diary.transfer import import_records
    from twitchcare.kb import load_kb
    from twitchcare.relax.practice import Practice, log_practice
    from twitchcare.relax.programme import start_programme

    table = simulate_table(
        seed,
        days=days,
        base_rate=rate,
        effects={"caffeine_mg": 1.5},
        start=today - dt.timedelta(days=days - 1),
    )
    episodes, day_rows = table_to_records(table, seed=seed)
    import_records(store, episodes, day_rows)
    set_profile(store, Profile(age=34, sex="female"))
    save_assessment_of(store, ANSWERS, dt.datetime.combine(today, dt.time(9), dt.UTC))
    add_intake(
        store,
        IntakeEntry(today, "food", "1 cup spinach, boiled", 180.0, 157.0, 0.0, 0.0, "11458"),
    )
    add_experiment(
        store,
        Experiment(
            name="under 200 mg caffeine",
            start=today - dt.timedelta(days=13),
            end=today,
            factor="caffeine_mg",
            comparison="below",
            target=200.0,
        ),
    )
    start_programme(store, load_kb(), "autogenic", today - dt.timedelta(days=2))
    log_practice(
        store,
        Practice(dt.datetime.combine(today, dt.time(7), dt.UTC), "autogenic", 5.0, True),
    )
