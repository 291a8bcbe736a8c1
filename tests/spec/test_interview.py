"""The adaptive interview asks what matters, accepts "I don't know", undoes, and stops."""

from __future__ import annotations

import pytest

from tests.spec.conftest import NOW
from twitchcare.engine import assess
from twitchcare.engine.facts import with_gateway_answers
from twitchcare.engine.interview import Interview, simulate
from twitchcare.errors import InputError
from twitchcare.kb import KnowledgeBase, load_kb
from twitchcare.kb.logic import FactValue, leaves, level_rank

PROFILE: dict[str, FactValue] = {"age": 35, "sex": "female"}


def _run(kb: KnowledgeBase, full: dict[str, FactValue]) -> list[str]:
    full = with_gateway_answers(kb, full)
    interview = Interview(kb, known=PROFILE)
    while (step := interview.next_step()) is not None:
        interview.answer(step.screen.id, {f: full.get(f) for f in step.screen.facts})
    return list(interview.asked)


def test_the_body_map_comes_first_and_the_emergency_screen_is_always_asked(
    kb: KnowledgeBase,
) -> None:
    asked = _run(kb, {"loc.eyelid": True, "duration_days": 3})
    assert asked[0] == "where"
    assert "emergency" in asked


def test_after_an_emergency_only_the_pages_for_the_crew_are_asked(kb: KnowledgeBase) -> None:
    asked = _run(kb, {"loc.face": True, "face_drooping": True})
    assert asked == [
        "where",
        "emergency",
        "stroke_signs",
        "onset",
        "medicines",
        "where_head",
        "history",
    ]
    crew = [s.id for s in kb.screens if s.after_emergency is not None]
    assert set(asked[3:]) <= set(crew)


def test_after_an_emergency_the_place_and_side_of_the_twitching_are_asked(
    kb: KnowledgeBase,
) -> None:
    """One-sided twitching points the crew to a stroke or a focal seizure, and the summary for
    the doctor names the place (nhs-seizure-first-aid, nhs-stroke-symptoms): the places of the
    parts ticked on the body map are asked while waiting, and only those."""
    interview = Interview(kb, known=PROFILE)
    interview.answer("where", {"region.legs": True, "region.head": False})
    overview = next(s for s in kb.screens if s.id == "emergency").facts
    interview.answer("emergency", {**dict.fromkeys(overview, False), "gw.consciousness": True})
    interview.answer("consciousness", {"drowsy_or_hard_to_wake": True})
    asked = _finish(interview)
    assert "where_legs" in asked
    assert not {"where_head", "where_arms", "where_trunk", "where_neck"} & set(asked)
    assert interview.result(now=NOW).level == "emergency"


def test_after_a_stroke_sign_the_time_it_began_is_asked_before_anything_else(
    kb: KnowledgeBase,
) -> None:
    """Clot-busting treatment depends on the time of the first sign (nice-ta264)."""
    interview = Interview(kb, known=PROFILE)
    interview.answer("where", {"region.head": True})
    overview = next(s for s in kb.screens if s.id == "emergency").facts
    interview.answer("emergency", {**dict.fromkeys(overview, False), "gw.face_limb_speech": True})
    interview.answer("stroke_signs", {"face_drooping": True})
    step = interview.next_step()
    assert step is not None and step.screen.id == "onset" and step.emergency_now
    assert [f.id for f in step.items] == ["onset_days.face_drooping"]


def test_after_an_emergency_a_ticked_condition_line_opens_its_details(
    kb: KnowledgeBase,
) -> None:
    # A larger budget, so that the details fit: the room after the call is tested on its own.
    interview = _emergency_on_insulin(kb, item_budget=80)
    interview.answer("medicines", {"medications": ["insulin"], "gw.medicine_change": False})
    _no_heat(interview)
    step = interview.next_step()
    assert step is not None and step.screen.id == "history"
    interview.answer("history", {"gw.history_metabolic": True, "gw.history_nerves": False})
    step = interview.next_step()
    assert step is not None and step.screen.id == "history_metabolic" and step.emergency_now
    interview.answer("history_metabolic", {"history.diabetes": True})
    rest = _finish(interview)
    assert "history_nerves" not in rest, "an overview line answered no opens nothing"


def _finish(interview: Interview) -> list[str]:
    """Answer every page left with "I don't know"; the pages asked, in order."""
    asked = []
    while (step := interview.next_step()) is not None:
        assert step.emergency_now
        asked.append(step.screen.id)
        interview.answer(step.screen.id, {})
    return asked


def _confused_since_this_morning(kb: KnowledgeBase, *, item_budget: int) -> Interview:
    """Twitching legs and confusion that began hours ago: an emergency (sudden confusion)."""
    interview = Interview(kb, known=PROFILE, item_budget=item_budget)
    interview.answer("where", {"region.legs": True})
    overview = next(s for s in kb.screens if s.id == "emergency").facts
    interview.answer("emergency", {**dict.fromkeys(overview, False), "gw.consciousness": True})
    interview.answer("consciousness", {"confusion": True})
    interview.answer("onset", {"onset_days.confusion": 0.1})
    return interview


def test_after_an_emergency_the_question_that_decides_the_first_aid_comes_first(
    kb: KnowledgeBase,
) -> None:
    """Confused after a day on a hot roof: heatstroke needs cooling while the ambulance comes
    (nhs-heat-exhaustion). The heat question is asked by itself, before the pages for the crew
    and without its overview line, even with no room left in the budget."""
    interview = _confused_since_this_morning(kb, item_budget=20)
    assert interview.result(now=NOW).level == "emergency"
    step = interview.next_step()
    assert step is not None and step.screen.id == "medicines"
    interview.answer("medicines", {})
    step = interview.next_step()
    assert step is not None and step.screen.id == "heat" and step.emergency_now
    assert [f.id for f in step.items] == ["heat_exposure"]
    interview.answer("heat", {"heat_exposure": True})
    assert "heatstroke" in {r.rule_id for r in interview.result(now=NOW).reasons}


def test_after_an_emergency_the_pages_that_could_name_another_emergency_are_asked(
    kb: KnowledgeBase,
) -> None:
    """A page that could complete another emergency rule, of those whose message holds no first
    aid, follows the pages for the crew while there is room (here a larger budget)."""
    asked = _finish(_confused_since_this_morning(kb, item_budget=80))
    # Caffeine: around 1,200 mg taken quickly is itself an emergency (fits).
    assert "habits" in asked
    assert asked.index("habits") > asked.index("history")


def _no_heat(interview: Interview) -> None:
    """Answer the heat question a drowsy person is asked after the medicines (heatstroke)."""
    step = interview.next_step()
    assert step is not None and step.screen.id == "heat"
    interview.answer("heat", {"heat_exposure": False})


def _emergency_on_insulin(kb: KnowledgeBase, *, item_budget: int = 40) -> Interview:
    """A drowsy person: the emergency is found on the consciousness page."""
    interview = Interview(kb, known=PROFILE, item_budget=item_budget)
    interview.answer("where", {"region.arms": True})
    interview.answer("where_arms", {"loc.hand": True})
    overview = next(s for s in kb.screens if s.id == "emergency").facts
    interview.answer("emergency", {**dict.fromkeys(overview, False), "gw.consciousness": True})
    interview.answer("consciousness", {"drowsy_or_hard_to_wake": True})
    return interview


def test_every_page_after_an_emergency_carries_the_call_now_advice(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known=PROFILE)
    steps = []
    while (step := interview.next_step()) is not None:
        steps.append(step)
        if step.screen.id == "emergency":
            overview = dict.fromkeys(step.screen.facts, False)
            interview.answer("emergency", {**overview, "gw.consciousness": True})
        elif step.screen.id == "consciousness":
            interview.answer("consciousness", {"drowsy_or_hard_to_wake": True})
        else:
            interview.answer(step.screen.id, {})
    found = next(i for i, s in enumerate(steps) if s.screen.id == "consciousness") + 1
    assert found < len(steps)
    assert all(s.emergency_now for s in steps[found:])
    assert not any(s.emergency_now for s in steps[:found])


def test_insulin_told_after_the_emergency_brings_the_first_aid_for_low_blood_sugar(
    kb: KnowledgeBase,
) -> None:
    interview = _emergency_on_insulin(kb)
    step = interview.next_step()
    assert step is not None and step.screen.id == "medicines"
    assert step.purpose == "after_emergency" and step.emergency_now
    before = {r.rule_id for r in interview.result(now=NOW).reasons}
    interview.answer("medicines", {"medications": ["insulin"], "gw.medicine_change": False})
    result = interview.result(now=NOW)
    assert "low-blood-sugar-severe" not in before
    assert "low-blood-sugar-severe" in {r.rule_id for r in result.reasons}
    assert result.level == "emergency"
    after = interview.next_step()
    assert after is not None and after.purpose == "after_emergency"


def test_after_an_emergency_an_unknown_overview_line_opens_no_more_pages(
    kb: KnowledgeBase,
) -> None:
    interview = _emergency_on_insulin(kb)
    interview.answer("medicines", {})  # "I don't know" to every line, the gateway included
    _no_heat(interview)
    step = interview.next_step()
    assert step is not None and step.screen.id == "history"
    interview.answer("history", {})
    assert "medicine_change" not in _finish(interview)
    ticked = _emergency_on_insulin(kb)
    ticked.answer("medicines", {"gw.medicine_change": True})
    step = ticked.next_step()
    assert step is not None and step.screen.id == "medicine_change" and step.emergency_now


def test_after_the_call_the_medicines_come_first_whatever_was_read_before(
    kb: KnowledgeBase,
) -> None:
    """The red-flag pages before the call spent the budget, and the details of another line
    ticked on the overview are still open, yet the crew asks first about the medicines, and
    insulin changes the first aid (nidirect-poisoning, nhs-low-blood-sugar)."""
    interview = Interview(kb, known=PROFILE, item_budget=20)
    interview.answer("where", {"region.arms": True})
    interview.answer("where_arms", {"loc.hand": True})
    overview = next(s for s in kb.screens if s.id == "emergency").facts
    ticked = {"gw.consciousness": True, "gw.fluids_heart": True}
    interview.answer("emergency", {**dict.fromkeys(overview, False), **ticked})
    interview.answer("consciousness", {"drowsy_or_hard_to_wake": True})
    assert interview.items_shown > 20
    step = interview.next_step()
    assert step is not None and step.screen.id == "medicines" and step.emergency_now


def test_after_the_call_the_pages_stay_within_ten_items_besides_the_medicines(
    kb: KnowledgeBase,
) -> None:
    """Every item after the call is read by a person who should be on the phone: the pages for
    the crew follow while they fit the budget, or ten items after the call when the red-flag
    pages before it spent the budget. Answered with every line ticked, so that each page
    opens all it can."""
    for budget in (20, 40):
        interview = _emergency_on_insulin(kb, item_budget=budget)
        before = interview.items_shown
        first = 0
        while (step := interview.next_step()) is not None:
            assert step.emergency_now
            if step.screen.id in ("medicines", "medicine_change"):
                first += len(step.items)
            ticks = {f.id: True for f in step.items if f.kind == "boolean"}
            interview.answer(step.screen.id, ticks)
        after = interview.items_shown - before - first
        assert after <= max(budget, before + 10) - before
        assert interview.items_before_advice == before


def test_items_read_under_the_call_now_advice_count_as_read_after_it(kb: KnowledgeBase) -> None:
    interview = _emergency_on_insulin(kb)
    before = interview.items_shown
    assert interview.items_before_advice == before
    interview.answer("medicines", {"medications": ["insulin"]})
    assert interview.items_shown > before
    assert interview.items_before_advice == before
    assert interview.result(now=NOW).items_before_advice == before
    interview.back()
    assert interview.items_before_advice == interview.items_shown == before


def test_without_an_emergency_every_item_is_read_before_the_advice(kb: KnowledgeBase) -> None:
    full: dict[str, FactValue] = {**PROFILE, "loc.calf": True, "duration_days": 30}
    result = simulate(kb, full, known=PROFILE, now=NOW)
    assert result.level != "emergency"
    assert result.items_before_advice == result.items_shown > 0


def test_never_more_than_the_screens_there_are(kb: KnowledgeBase) -> None:
    asked = _run(kb, {"loc.calf": True})
    assert len(asked) == len(set(asked)) <= len(kb.screens)


def test_dont_know_everywhere_still_gives_a_result(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known=PROFILE)
    while (step := interview.next_step()) is not None:
        interview.answer(step.screen.id, {})
    result = interview.result(now=NOW)
    assert result.level in ("self_care", "doctor", "urgent", "emergency")
    assert result.questions_asked == interview.questions_asked > 0


def test_simulated_interview_reaches_the_full_information_triage(kb: KnowledgeBase) -> None:
    full: dict[str, FactValue] = {
        **PROFILE,
        "loc.calf": True,
        "duration_days": 30,
        "medications": ["omeprazole"],
        "palpitations": True,
    }
    assert simulate(kb, full, known=PROFILE, now=NOW).level == assess(kb, full, now=NOW).level


def test_back_undoes_the_last_page(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known=PROFILE)
    step = interview.next_step()
    assert step is not None and step.screen.id == "where"
    interview.answer("where", {"region.head": True})
    assert interview.back() == "where"
    assert "region.head" not in interview.facts
    next_step = interview.next_step()
    assert next_step is not None and next_step.screen.id == "where"


def test_a_bad_answer_names_the_fact_and_keeps_earlier_answers(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known=PROFILE)
    interview.answer("where", {"region.legs": True})
    interview.answer("where_legs", {"loc.calf": True})
    with pytest.raises(InputError) as err:
        interview.answer("course", {"duration_days": -3})
    assert err.value.field == "duration_days"
    assert interview.facts["loc.calf"] is True


def test_a_fact_from_another_screen_is_refused(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known=PROFILE)
    with pytest.raises(InputError):
        interview.answer("where", {"weakness": True})


def test_checklist_pages_show_only_what_is_still_unknown(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known={**PROFILE, "loc.calf": True, "face_drooping": False})
    interview.answer("where", {"region.legs": True})
    interview.answer("emergency", {"gw.face_limb_speech": True})
    step = interview.next_step()
    assert step is not None
    assert "face_drooping" not in [item.id for item in step.items]


def test_items_shown_counts_every_question_and_option_read(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known=PROFILE)
    shown = 0
    while (step := interview.next_step()) is not None:
        shown += len(step.items)
        interview.answer(step.screen.id, {})
    assert interview.items_shown == shown > 0
    assert interview.result(now=NOW).items_shown == shown


def test_back_takes_the_page_out_of_the_items_shown(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known=PROFILE)
    interview.answer("where", {"region.head": True})
    assert interview.items_shown > 0
    interview.back()
    assert interview.items_shown == 0


def test_a_no_to_an_overview_question_skips_its_details(kb: KnowledgeBase) -> None:
    asked = _run(kb, {"loc.calf": True, "duration_days": 3})
    assert "where_legs" in asked and "where_head" not in asked
    assert "stroke_signs" not in asked and "breathing" not in asked


def test_i_dont_know_to_an_overview_question_opens_its_details(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known=PROFILE)
    interview.answer("where", {"region.legs": True})
    interview.answer("where_legs", {"loc.calf": True})
    interview.answer("emergency", {})  # "I don't know" to every overview question
    step = interview.next_step()
    assert step is not None
    assert step.screen.enable_if and step.screen.enable_if[0].startswith("gw.")


RED_FLAGS = sorted(
    {
        t.fact
        for rule in load_kb().rules
        if level_rank(rule.level) >= level_rank("urgent")
        for t in leaves(rule.when)
        if load_kb().facts[t.fact].kind == "boolean"
        and not load_kb().facts[t.fact].derived
        and not load_kb().facts[t.fact].legacy
    }
)


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_a_red_flag_behind_an_overview_question_is_never_missed(
    kb: KnowledgeBase, flag: str
) -> None:
    full: dict[str, FactValue] = {**PROFILE, "loc.calf": True, "duration_days": 2, flag: True}
    simulated = simulate(kb, full, known=PROFILE, now=NOW)
    assert level_rank(simulated.level) >= level_rank(assess(kb, full, now=NOW).level) or (
        flag in simulated.facts
    )


def test_no_page_shows_more_than_ten_items(kb: KnowledgeBase) -> None:
    everything: dict[str, FactValue] = {**PROFILE, "loc.calf": True, "loc.eyelid": True}
    interview = Interview(kb, known=PROFILE)
    while (step := interview.next_step()) is not None:
        assert len(step.items) <= 10, step.screen.id
        interview.answer(step.screen.id, {f: everything.get(f) for f in step.screen.facts})


def test_when_a_symptom_began_is_asked_only_for_the_symptoms_ticked(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known=PROFILE)
    interview.answer("where", {"region.legs": True})
    interview.answer("where_legs", {"loc.calf": True})
    overview = next(s for s in kb.screens if s.id == "emergency").facts
    interview.answer("emergency", {**dict.fromkeys(overview, False), "gw.face_limb_speech": True})
    interview.answer("stroke_signs", {"slurred_speech": True})
    step = interview.next_step()
    assert step is not None and step.screen.id == "onset"
    assert [f.id for f in step.items] == ["onset_days.slurred_speech"]


def test_the_onset_page_is_not_asked_when_no_timed_symptom_is_ticked(kb: KnowledgeBase) -> None:
    asked = _run(kb, {"loc.eyelid": True, "duration_days": 3, "slurred_speech": False})
    assert "onset" not in asked


def test_slurred_speech_since_this_morning_after_a_year_of_twitching_is_an_emergency(
    kb: KnowledgeBase,
) -> None:
    full: dict[str, FactValue] = {
        **PROFILE,
        "loc.calf": True,
        "duration_days": 365,
        "slurred_speech": True,
        "onset_days.slurred_speech": 0.2,
    }
    assert simulate(kb, full, known=PROFILE, now=NOW).level == "emergency"
    old = {**full, "onset_days.slurred_speech": 300.0}
    assert simulate(kb, old, known=PROFILE, now=NOW).level != "emergency"


def test_an_unanswered_onset_counts_as_sudden(kb: KnowledgeBase) -> None:
    interview = Interview(kb, known=PROFILE)
    interview.answer("where", {"region.legs": True})
    interview.answer("where_legs", {"loc.calf": True})
    interview.answer("emergency", {"gw.face_limb_speech": True})
    interview.answer("stroke_signs", {"slurred_speech": True})
    interview.answer("onset", {})  # "I don't know" when it began
    assert interview.result(now=NOW).level == "emergency"


def test_pregnancy_is_not_asked_of_a_man_and_counts_as_no(kb: KnowledgeBase) -> None:
    from twitchcare.engine.facts import derive
    from twitchcare.engine.interview import applies

    assert not applies(kb, "pregnant", {"sex": "male", "age": 30})
    assert not applies(kb, "pregnant", {"sex": "female", "age": 70})
    assert applies(kb, "pregnant", {"sex": "female", "age": 30})
    assert applies(kb, "pregnant", {"sex": "female"})  # age not known yet: ask
    assert derive(kb, {"sex": "male", "age": 30})["pregnant"] is False
    assert "pregnant" not in derive(kb, {"sex": "female", "age": 30})


def test_an_energy_drink_named_among_the_substances_answers_the_energy_drink_question(
    kb: KnowledgeBase,
) -> None:
    """Told once is told: the question is not asked again, and the yes counts for the causes."""
    from twitchcare.engine.facts import derive
    from twitchcare.engine.interview import applies

    told = {"substances": ["energy drink"]}
    assert derive(kb, told)["energy_drinks_or_pre_workout"] is True
    assert not applies(kb, "energy_drinks_or_pre_workout", derive(kb, told))
    other = {"substances": ["liquorice"]}
    assert "energy_drinks_or_pre_workout" not in derive(kb, other)
    assert applies(kb, "energy_drinks_or_pre_workout", derive(kb, other))
    # Said "no" outright stays "no": the implication only fills what is not known.
    assert (
        derive(kb, {"energy_drinks_or_pre_workout": False})["energy_drinks_or_pre_workout"] is False
    )
    base = {"loc.eyelid": True, "caffeine_mg_per_day": 300}
    without = assess(kb, base, now=NOW).causes
    with_drink = assess(kb, {**base, **told}, now=NOW).causes
    chance = {c.id: c.probability for c in without}
    assert {c.id: c.probability for c in with_drink}["caffeine_stimulants"] > chance[
        "caffeine_stimulants"
    ]


def test_whether_caffeine_or_alcohol_sets_it_off_is_not_asked_of_someone_who_has_none(
    kb: KnowledgeBase,
) -> None:
    from twitchcare.engine.facts import derive
    from twitchcare.engine.interview import applies

    none = derive(kb, {"caffeine_mg_per_day": 0, "alcohol_units_per_week": 0})
    assert not applies(kb, "ctx.after_caffeine", none)
    assert not applies(kb, "ctx.after_alcohol", none)
    assert none["ctx.after_caffeine"] is False and none["ctx.after_alcohol"] is False
    some = derive(kb, {"caffeine_mg_per_day": 80, "alcohol_units_per_week": 4})
    assert applies(kb, "ctx.after_caffeine", some) and applies(kb, "ctx.after_alcohol", some)
    assert applies(kb, "ctx.after_caffeine", derive(kb, {}))  # not known yet: ask


def test_the_reason_for_a_page_comes_from_its_purpose_not_its_wording(kb: KnowledgeBase) -> None:
    from twitchcare.cli.interactive import plain_reason

    interview = Interview(kb, known=PROFILE)
    step = interview.next_step()
    assert step is not None and step.purpose == "first"
    assert "where it twitches" in plain_reason(step)


def test_a_case_silent_about_situations_is_simulated_as_twitching_while_awake(
    kb: KnowledgeBase,
) -> None:
    """Most people twitch while awake: silence is not "only when falling asleep"."""
    silent = with_gateway_answers(kb, {"loc.hand": True, "duration_days": 100})
    assert silent["awake_twitching"] is True
    sleep_only = with_gateway_answers(
        kb,
        {"loc.hand": True, "ctx.falling_asleep": True, "ctx.at_rest": False, "ctx.any_time": False},
    )
    assert sleep_only["awake_twitching"] is False
    # A list of warning signs the case says nothing about is still answered "no".
    assert silent["gw.face_limb_speech"] is False


def test_a_long_twitch_whose_case_lists_no_situations_is_for_a_doctor_when_simulated(
    kb: KnowledgeBase,
) -> None:
    full: dict[str, FactValue] = {
        "loc.upper_arm": True,
        "loc.forearm": True,
        "duration_days": 100,
        "symptoms_keep_returning": True,
    }
    simulated = simulate(kb, full, known=PROFILE, now=NOW)
    assert simulated.level == assess(kb, full, now=NOW).level == "doctor"


def test_since_when_is_asked_of_everyone_even_when_the_advice_is_already_a_doctor(
    kb: KnowledgeBase,
) -> None:
    """Numb feet already mean a doctor; the summary still needs how long it lasted."""
    full: dict[str, FactValue] = {
        "loc.calf": True,
        "numbness_tingling_hands_feet": True,
        "duration_days": 20,
    }
    asked = _run(kb, full)
    course = next(s for s in kb.screens if s.id == "course")
    assert course.asked_of_everyone is not None
    assert "course" in asked
    interview = Interview(kb, known=PROFILE)
    steps = []
    while (step := interview.next_step()) is not None:
        steps.append(step)
        answers = with_gateway_answers(kb, full)
        interview.answer(step.screen.id, {f: answers.get(f) for f in step.screen.facts})
    assert next(s for s in steps if s.screen.id == "course").purpose == "everyone"
    assert interview.result(now=NOW).facts.get("duration_days") == 20


def test_the_side_is_asked_with_the_places_of_an_arm_or_a_leg(kb: KnowledgeBase) -> None:
    """One leg or both is what tells a trapped nerve root from a nerve illness of both sides
    (radhakrishnan-1994, sejvar-2011-brighton): the side is asked on the page of the places,
    for the limbs as for the head, and only once."""
    interview = Interview(kb, known=PROFILE)
    interview.answer("where", {"region.legs": True, "region.arms": True, "region.head": False})
    shown: dict[str, list[str]] = {}
    while (step := interview.next_step()) is not None:
        shown[step.screen.id] = [f.id for f in step.items]
        told = {"side": "left"} if "side" in shown[step.screen.id] else {}
        interview.answer(step.screen.id, told)
    with_side = [screen for screen, items in shown.items() if "side" in items]
    assert with_side == ["where_arms"]
    assert interview.facts["side"] == "left"


def test_what_to_tell_the_crew_names_each_fact_once_the_places_together(
    kb: KnowledgeBase,
) -> None:
    """The side is asked with the places of the head, arms and legs: told once, it is one line
    for the crew, after the places."""
    facts: dict[str, FactValue] = {
        "loc.hand": True,
        "loc.calf": True,
        "side": "left",
        "sudden_weakness_one_side": True,
        "onset_days.sudden_weakness_one_side": 0.1,
        "history.hypertension": True,
    }
    crew = assess(kb, facts, now=NOW).for_the_crew
    assert crew == (
        "onset_days.sudden_weakness_one_side",
        "loc.hand",
        "loc.calf",
        "side",
        "history.hypertension",
    )


def _steps(
    kb: KnowledgeBase, full: dict[str, FactValue], known: dict[str, FactValue] = PROFILE
) -> dict[str, str]:
    """Simulate an interview answered from ``full``; each page asked, with why it was asked."""
    answers = with_gateway_answers(kb, full)
    interview = Interview(kb, known=known)
    purposes = {}
    while (step := interview.next_step()) is not None:
        purposes[step.screen.id] = step.purpose
        interview.answer(step.screen.id, {f: answers.get(f) for f in step.screen.facts})
    return purposes


@pytest.mark.parametrize(("cramps", "lifestyle_asked_for"), [(False, "causes"), (None, "triage")])
def test_a_page_is_asked_for_the_level_only_when_its_answers_could_change_it(
    kb: KnowledgeBase, cramps: bool | None, lifestyle_asked_for: str
) -> None:
    """ "A one-sided diet with vomiting or cramps" (msd-hypomagnesemia) cannot call for a blood
    test once vomiting and cramps were answered no: the diet page is then asked, if at all,
    only for what it says about the causes. While cramps are unknown it could still decide."""
    full: dict[str, FactValue] = {
        "loc.calf": True,
        "side": "left",
        "duration_days": 3,
        "medications": [],
        "substances": [],
        "gw.lifestyle": True,
        "intense_exercise_recently": True,
        "vomiting_or_diarrhea": False,
        "gw.fluids_heart": False,
    }
    for page in ("history_metabolic", "history_other"):
        screen = next(s for s in kb.screens if s.id == page)
        full.update(dict.fromkeys(screen.facts, False))
    known = dict(PROFILE)
    if cramps is not None:
        known["muscle_cramps"] = cramps
    assert _steps(kb, full, known).get("lifestyle") == lifestyle_asked_for


def test_ordinary_cramps_and_aching_muscles_open_no_red_flag_page(kb: KnowledgeBase) -> None:
    """Cramps and aches after exercise are common and usually harmless (NHS inform, Leg cramps;
    the comment in questions.yaml gives the address): they are not on the pages behind the
    red-flag overview, so a runner with sore, cramping calves is not read eight questions on
    tetany or on heart and fluids for them."""
    overview = next(s for s in kb.screens if s.id == "emergency")
    behind = {f for s in kb.screens if set(s.enable_if) & set(overview.facts) for f in s.facts}
    assert not {"muscle_cramps", "muscle_pain"} & behind
    purposes = _steps(
        kb,
        {
            "loc.calf": True,
            "muscle_cramps": True,
            "muscle_pain": True,
            "intense_exercise_recently": True,
            "duration_days": 2,
        },
    )
    assert not {"spasm_tingling", "fluids_heart"} & set(purposes)


def test_a_question_that_cannot_settle_the_first_aid_is_not_asked_for_it(
    kb: KnowledgeBase,
) -> None:
    """Confusion is told and the medicines are not known: whether the person can stand cannot
    decide severe low blood sugar (insulin or diabetes tablets decide it), so the weakness page,
    its overview line left unknown, is not asked for that first aid."""
    interview = Interview(kb, known=PROFILE, item_budget=20)
    interview.answer("where", {"region.legs": True})
    overview = next(s for s in kb.screens if s.id == "emergency").facts
    unknown_weakness = {**dict.fromkeys(overview, False), "gw.consciousness": True}
    del unknown_weakness["gw.weakness"]
    interview.answer("emergency", unknown_weakness)
    interview.answer("consciousness", {"confusion": True})
    interview.answer("onset", {"onset_days.confusion": 0.1})
    asked = []
    while (step := interview.next_step()) is not None:
        asked.append(step.screen.id)
        interview.answer(step.screen.id, {})
    assert asked[0] == "medicines"
    assert "weakness" not in asked
