"""Session plans from the knowledge: timings, stages, and where a player is at any moment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchcare.errors import InputError
from twitchcare.kb import load_kb
from twitchcare.relax.plan import MIN_STEP_S, build_plan, position

KB = load_kb()
PLAYABLE = [s for s in KB.relaxation.values() if s.kind != "walk"]


def test_paced_breathing_is_about_six_breaths_a_minute() -> None:
    session = KB.relaxation["breathing"]
    assert session.breathing is not None
    assert 5.5 <= session.breathing.breaths_per_minute <= 6.5
    plan = build_plan(session, minutes=5)
    breaths = sum(step.cue == "inhale" for step in plan.steps)
    assert 27 <= breaths <= 30
    assert abs(plan.minutes - 5) < 0.2


def test_autogenic_training_has_the_six_standard_exercises_learnt_one_at_a_time() -> None:
    session = KB.relaxation["autogenic"]
    names = [s.id for s in session.stages]
    assert names == ["heaviness", "warmth", "heartbeat", "breathing", "belly", "forehead"]
    first = " ".join(s.text for s in build_plan(session, stage=1).steps)
    second = " ".join(s.text for s in build_plan(session, stage=2).steps)
    assert "heavy" in first and "warm" not in first
    assert "heavy" in second and "warm" in second
    with pytest.raises(InputError):
        build_plan(session, stage=7)


def test_muscle_relaxation_tenses_and_releases_each_group_from_hands_to_feet() -> None:
    plan = build_plan(KB.relaxation["pmr"])
    cues = [s.cue for s in plan.steps if s.cue in ("tense", "release")]
    assert cues[0] == "tense" and cues.count("tense") == cues.count("release") >= 12
    texts = [s.text for s in plan.steps if s.cue == "tense"]
    assert "hand" in texts[0].lower() and "toes" in texts[-1].lower()


def test_the_meditation_timer_rings_a_bell_between_its_parts() -> None:
    plan = build_plan(KB.relaxation["meditation"], minutes=15)
    assert sum(s.cue == "bell" for s in plan.steps) >= 3  # start, twice between, end
    assert abs(plan.minutes - 15) < 0.1


def test_a_walk_is_logged_not_played() -> None:
    with pytest.raises(InputError) as err:
        build_plan(KB.relaxation["walk"])
    assert "relax walk" in (err.value.hint or "")


def test_every_session_cites_sources_the_user_can_open() -> None:
    for session in KB.relaxation.values():
        assert session.sources and session.evidence
        for source in session.sources:
            assert KB.sources[source].url.startswith("https://")


@settings(max_examples=60, deadline=None)
@given(
    index=st.integers(0, len(PLAYABLE) - 1),
    minutes=st.floats(1, 60),
    at=st.floats(0, 1),
)
def test_a_plan_lasts_about_as_long_as_asked_and_positions_walk_through_it_in_order(
    index: int, minutes: float, at: float
) -> None:
    session = PLAYABLE[index]
    plan = build_plan(session, minutes=minutes)
    framing = sum(s.seconds for s in session.opening + session.closing)
    body_steps = len(plan.steps) - len(session.opening) - len(session.closing)
    floor = framing + max(30.0, body_steps * MIN_STEP_S)  # no step shorter than MIN_STEP_S
    assert plan.seconds <= max(minutes * 60, floor) + 30
    assert plan.seconds >= min(minutes * 60, floor) - 30
    assert all(s.seconds > 0 for s in plan.steps)
    here = position(plan, at * plan.seconds)
    later = position(plan, min(plan.seconds, at * plan.seconds + 7))
    assert later.index >= here.index
    assert here.step.start <= at * plan.seconds + 1e-9
    assert position(plan, plan.seconds).done and not position(plan, 0).done


def test_a_plan_is_plain_data_for_a_browser_player() -> None:
    import json

    plan = build_plan(KB.relaxation["breathing"], minutes=2)
    doc = json.loads(json.dumps(plan.as_dict()))
    assert doc["steps"][1]["cue"] == "inhale" and doc["steps"][1]["seconds"] == 4
    assert doc["seconds"] == pytest.approx(plan.seconds, abs=0.01)
