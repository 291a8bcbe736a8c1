"""``twitchcare assess`` in the terminal, driven as a person would type it.

Each journey feeds the answers line by line; the pages come in the order the interview chooses
for those answers, so a journey also pins that order for these people.
"""

from __future__ import annotations

from typer.testing import CliRunner

from twitchcare.cli.app import app

runner = CliRunner()

MAN_30 = ["30", "2"]
# The part of the body (the head); after the red flags, the place on it and the side (1 = left).
HEAD = ["eyelid"]
NO_RED_FLAGS = ["0"]
EYELID_LEFT = ["eyelid", "1"]
# Since when, spreading, coming back, and awake (not only while falling asleep).
COURSE = ["5 days", "n", "n", "y"]
# Medicines, other substances, and no change to either lately.
MEDICINES = ["none", "none", "n"]
# Caffeine, alcohol, sleep (not known), stress, and no restricted diet, fasting, hard exercise
# or heat lately: one page of rough numbers.
HABITS = ["300", "2", "", "6", "n"]
NO_HISTORY = ["0"]
NO_EYE_SIGNS = ["0"]
BEFORE_HABITS = [*NO_RED_FLAGS, *EYELID_LEFT, *COURSE, *MEDICINES]
AFTER_HABITS = [*NO_HISTORY, *NO_EYE_SIGNS]
BENIGN_EYELID = [*MAN_30, *HEAD, *BEFORE_HABITS, *HABITS, *AFTER_HABITS]


def squash(text: str) -> str:
    """The output as one line, so wrapped sentences can be searched for."""
    return " ".join(text.split())


def run(lines: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, ["assess"], input="\n".join(lines) + "\n")
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def test_benign_eyelid_twitch_ends_in_self_care_with_causes_plan_and_sources() -> None:
    code, out = run(BENIGN_EYELID)
    assert code == 0
    assert "You can manage this at home for now" in out
    result = out[out.index("You can manage this at home") :]
    assert "Eyelid twitch" in result
    assert "█" in result
    for heading in ("Likely causes", "What to do now", "When to get help", "Sources"):
        assert heading in result
    assert "https://" in result
    assert "Knowledge version" in result
    assert "not a diagnosis" in squash(result)


def test_each_page_says_where_we_are_and_why_it_is_asked() -> None:
    _, out = run(BENIGN_EYELID)
    assert "Page 1 of about" in out
    assert "Page 2 of about" in out
    assert out.count("Why we ask:") >= 7
    assert "could mean you need emergency care now" in out
    assert "value 0." not in out  # the engine's internal score never reaches the person


def test_a_man_is_not_asked_about_pregnancy() -> None:
    _, out = run(BENIGN_EYELID)
    asked = out[: out.index("Your result")]
    assert "pregnant" not in asked.lower()
    assert "breastfeeding" not in asked.lower()


def test_a_woman_of_child_bearing_age_is_asked_about_pregnancy() -> None:
    _, out = run(["30", "1", "n", "n", "q", "y"])
    assert "Are you pregnant?" in out
    assert "Are you breastfeeding?" in out


# After face drooping: when it began, the medicines (blank) and no long-standing condition.
FACE_DROOPING = ["70", "1", "face", "1", "1"]
# When it began (blank), the medicines (three blanks), where on the head ("?" leaves the page
# unknown) and the background (none).
CREW_PAGES_BLANK = ["", "", "", "", "?", "0"]


def test_face_drooping_on_the_emergency_page_ends_the_interview_with_the_emergency_banner() -> None:
    # After the sign only the pages for the crew are asked (left blank here), under the call.
    code, out = run([*FACE_DROOPING, *CREW_PAGES_BLANK])
    assert code == 0
    assert "Page 8" not in out
    crew = out.index("When did the drooping of the face begin?")
    assert out.index("Call 112 now.") < crew
    assert "Call first: do not wait" in squash(out[:crew])
    banner = out.index("CALL THE EMERGENCY NUMBER NOW")
    assert banner < out.index("\nWhy\n")
    assert banner < out.index("Likely causes")
    assert "Has one side of your face dropped? yes" in out
    result = out[banner:]
    assert "Stress or anxiety" not in result  # everyday causes would only distract from the call
    assert "stroke" in squash(result)
    # and the instruction is repeated at the very end, where the eye lands after scrolling
    assert out.rstrip().splitlines()[-1].strip().startswith("!!! Call the emergency number now")


def test_the_time_a_sign_began_is_asked_and_handed_to_the_crew_in_hours() -> None:
    # The question follows a sign ticked on an earlier page (its skip logic reads that page).
    code, out = run(
        [*FACE_DROOPING, "2 hours", "aspirin, ramipril", "", "n", "eyelid face", "1", "3"]
    )
    assert code == 0
    result = out[out.index("CALL THE EMERGENCY NUMBER NOW") :]
    crew = squash(result[result.index("For the ambulance crew") :])
    assert "When did the drooping of the face begin: about 2 hours ago" in crew
    # the places in one line, then the side, each once
    assert "Where it twitches: Eyelid, Face" in crew
    assert crew.count("Which side is it on: Left") == 1
    assert "Which medicines do you take regularly: aspirin, ramipril" in crew
    # the details of the background do not fit in the ten items after the call: its line
    assert "Heart, blood pressure, lung or bone conditions" in crew
    assert "without saying which" not in squash(result), "the told stroke sign says it all"


def test_the_crew_summary_is_left_out_when_nothing_was_told_for_it() -> None:
    _, out = run([*FACE_DROOPING, *CREW_PAGES_BLANK])
    assert "For the ambulance crew" not in out


def test_quitting_on_the_page_for_the_crew_still_shows_the_emergency_result() -> None:
    code, out = run([*FACE_DROOPING, "q", "y"])
    assert code == 0
    after = out[out.index("When did the drooping of the face begin?") :]
    assert "CALL THE EMERGENCY NUMBER NOW" in after
    assert "Saved in your diary" not in out


def test_back_undoes_the_previous_page_and_shows_it_again() -> None:
    lines = [*MAN_30, "calf", "b", *BENIGN_EYELID[len(MAN_30) :]]
    code, out = run(lines)
    assert code == 0
    assert out.count("Page 1 of about") == 2
    assert "Places: Legs or feet" in out
    result = out[out.index("You can manage this at home") :]
    assert "Calf" not in result  # the undone answer no longer counts
    assert "Eyelid twitch" in result


def test_back_on_a_form_steps_back_one_question_without_losing_the_page() -> None:
    lines = [*MAN_30, *HEAD, *BEFORE_HABITS, "300", "b", *HABITS, *AFTER_HABITS]
    code, out = run(lines)
    assert code == 0
    asked = out[: out.index("Your result")]
    assert asked.count("How much caffeine do you have a day?") == 2
    assert asked.count("Do your eyelids squeeze shut") == 1
    assert asked.count("Which medicines do you take regularly?") == 1
    assert "You can manage this at home" in out


def test_back_on_the_first_page_returns_to_the_questions_about_you() -> None:
    _, out = run([*MAN_30, "b", "40", "2", "q", "y"])
    assert out.count("How old are you?") == 2


def test_letters_for_a_number_are_asked_again_with_a_one_line_reason() -> None:
    code, out = run(["thirty", "150", *BENIGN_EYELID])
    assert code == 0
    assert "✗ 'thirty' is not a number (years) (type a number, e.g. 7)" in out
    assert "✗ 150 is out of range (allowed 0 to 120)" in out
    assert out.count("How old are you?") == 3
    assert "You can manage this at home" in out


def test_bad_picks_are_asked_again_and_earlier_answers_are_kept() -> None:
    lines = [*MAN_30, "knee", "99", *HEAD, "1 x", "24", "", "0", *EYELID_LEFT, *COURSE]
    lines += [*MEDICINES, "lots", *HABITS, *AFTER_HABITS]
    code, out = run(lines)
    assert code == 0
    assert "✗ 'knee' is not a place on the list" in out
    assert "✗ there is no place 99" in out
    assert "✗ 'x' is not an item number" in out
    assert "✗ there is no item 24" in out
    assert "✗ no answer" in out
    assert "✗ 'lots' is not a number (mg/day)" in out
    assert out.count("Page 1 of about") == 1  # nothing was lost or restarted
    assert "You can manage this at home" in out


def test_help_for_an_item_shows_its_explanation() -> None:
    _, out = run([*MAN_30, *HEAD, "h 10", "?10", "q", "y"])
    assert squash(out).count("A fine trembling when you hold a cup") == 2


def test_i_dont_know_everywhere_still_ends_with_a_result() -> None:
    code, out = run(["?"] * 200)
    assert code == 0
    assert "Your result" in out
    assert "Knowledge version" in out


def test_quit_asks_for_confirmation_and_stops_without_a_result() -> None:
    code, out = run([*MAN_30, "q", "n", "q", "y"])
    assert code == 1
    assert out.count("Stop now?") == 2
    assert "Stopped. Nothing was saved." in out
    assert "Your result" not in out


def test_input_ending_early_stops_cleanly() -> None:
    code, out = run([*MAN_30, "eyelid"])
    assert code == 1
    assert "Stopped. Nothing was saved." in out


def test_a_wide_terminal_shows_the_body_figure_and_a_narrow_one_only_the_list() -> None:
    wide = runner.invoke(app, ["assess"], input="30\n2\nq\ny\n", env={"COLUMNS": "100"})
    narrow = runner.invoke(app, ["assess"], input="30\n2\nq\ny\n", env={"COLUMNS": "50"})
    assert "(  1  )" in wide.output
    assert "(  1  )" not in narrow.output
    assert "6 All over / whole body" in narrow.output
    rules = [line for line in narrow.output.splitlines() if line.startswith("─")]
    assert rules
    assert all(len(line) <= 50 for line in rules)


def test_h_on_a_single_question_explains_it() -> None:
    _, out = run(["h", "30", "2", "q", "y"])
    assert "ℹ How old are you: Your age in whole years." in out
