"""A true session log (issue 12, section 1), in Chromium with Playwright's fake clock.

Each test reproduces a bug as the issue describes it, against the hamstring stretch (hold 30 s,
3 times, rest 10 s, each side: 235 s; see HAMSTRING in test_timer.py) or a routine: a session is
complete only when every step ran, nothing is kept under 5 s of exercise, a session survives a
reload and a discarded tab and is recorded when she leaves, a double tap on Start does not pause,
the clock set back changes nothing, Space and Enter press the focused button, Restart and Finish
ask first, long labels do not move the layout, 3-2-1 is spoken, and her painful side comes first
or alone.
"""

import json
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.test_timer import (
    HAMSTRING_SECONDS,
    START_AT,
    at,
    el,
    open_timer,
    recorded,
    shown,
    start_button,
)

RUN_KEY = "timer.run.exercise.hamstring-stretch"

# Every session record on the phone; none when the store was never made.
SESSIONS = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("sciatica");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains("sessions")) { db.close(); resolve([]); return; }
    const read = db.transaction("sessions").objectStore("sessions").getAll();
    read.onsuccess = () => { db.close(); resolve(read.result); };
    read.onerror = () => reject(read.error);
  };
})"""


def sessions(page):
    return page.evaluate(SESSIONS)


def one_session(page):
    page.wait_for_function(f"({SESSIONS})().then((rows) => rows.length > 0)")
    (row,) = sessions(page)
    return row


def start(page):
    start_button(page).click()
    at(page, 0.5)  # nobody taps twice within 400 ms


def sure(page, name):
    """Answer the question Restart or Finish asks, after a moment (a real second tap)."""
    page.clock.run_for(500)
    page.get_by_role("button", name=name, exact=True).click()


def finish(page):
    el(page, "finish").click()
    sure(page, "Yes, finish")


def kept(page):
    return page.evaluate(f"JSON.parse(localStorage.getItem('{RUN_KEY}'))")


# --- Complete only when every step ran; nothing under 5 s ------------------------------------


def test_skip_on_the_last_hold_is_stopped_early_with_the_step_listed(server, page):
    open_timer(page, server)
    start(page)
    at(page, 206)
    assert shown(page) == ("Hold", "Rep 3 of 3 · Right side", "29")
    page.get_by_role("button", name="Skip this step").click()
    expect(el(page, "end")).to_be_visible()
    expect(el(page, "spent")).to_have_text("You stopped after 3 min 26 s. Every bit counts.")
    expect(el(page, "saved")).to_have_text("Saved on this phone.")
    row = one_session(page)
    assert (row["completed"], row["actualSeconds"], row["stoppedFor"]) == (False, 206, None)
    assert row["skippedSteps"] == [
        {"step": 11, "kind": "hold", "side": "right", "exercise": "hamstring-stretch"}
    ]
    assert row["sides"] == ["left", "right"]
    assert page.console.errors == []


def test_twelve_quick_skips_keep_nothing(server, page):
    open_timer(page, server)
    start(page)
    for _ in range(12):
        page.get_by_role("button", name="Skip this step").click()
        page.clock.run_for(150)
    expect(el(page, "end")).to_be_visible()
    expect(el(page, "spent")).not_to_contain_text("whole session")
    expect(el(page, "saved")).to_have_text("Under 5 seconds of exercise: not saved.")
    expect(page.get_by_role("button", name="Save")).to_be_hidden()
    assert sessions(page) == []
    assert page.console.errors == []


def test_finish_at_once_keeps_nothing_and_five_seconds_of_exercise_is_kept(server, page):
    open_timer(page, server)
    start(page)
    finish(page)
    expect(el(page, "saved")).to_have_text("Under 5 seconds of exercise: not saved.")
    assert sessions(page) == []

    page.get_by_role("button", name="Start again").click()
    start_button(page).click()
    # 5 s of get ready and 4 s of holding: still not 5 s of exercise.
    at(page, 1 + 9)
    finish(page)
    expect(el(page, "saved")).to_have_text("Under 5 seconds of exercise: not saved.")
    assert sessions(page) == []
    assert page.console.errors == []


def test_played_to_the_end_is_complete(server, page):
    open_timer(page, server)
    start(page)
    at(page, HAMSTRING_SECONDS)
    expect(el(page, "spent")).to_have_text("You did the whole session: 3 min 55 s.")
    expect(el(page, "saved")).to_have_text("Saved on this phone.")  # not the interim record
    row = one_session(page)
    assert (row["completed"], row["skippedSteps"], row["stoppedFor"]) == (True, [], None)
    assert row["uid"]
    assert kept(page) is None, "nothing left to resume"


# --- Reload, discarded tab, leaving the page --------------------------------------------------


def test_reload_mid_hold_offers_carry_on_at_the_same_step_and_second(server, page):
    open_timer(page, server)
    start(page)
    at(page, 10)
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "25")
    page.reload()
    resume = el(page, "resume")
    expect(resume).to_be_visible()
    expect(resume).to_contain_text("Hold")
    expect(resume).to_contain_text("25 s left")
    expect(start_button(page)).to_be_hidden()
    page.clock.run_for(3000)  # the time away is not time spent
    page.get_by_role("button", name="Carry on").click()
    expect(el(page, "run")).to_be_visible()
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "25")
    page.clock.run_for(5000)
    assert shown(page)[2] == "20"
    page.clock.run_for((HAMSTRING_SECONDS - 15) * 1000)
    expect(el(page, "spent")).to_have_text("You did the whole session: 3 min 55 s.")
    page.wait_for_function(f"({SESSIONS})().then((rows) => rows[0]?.completed === true)")
    (row,) = sessions(page)  # one record: the one made as she left was carried on
    assert (row["completed"], row["actualSeconds"], row["stoppedFor"]) == (True, 235, None)
    assert page.console.errors == []


def test_start_again_after_a_reload_keeps_the_first_session_as_stopped_early(server, page):
    open_timer(page, server)
    start(page)
    at(page, 20)
    page.reload()
    page.get_by_role("button", name="Start again").click()
    expect(start_button(page)).to_be_visible()
    assert kept(page) is None
    row = one_session(page)
    assert (row["completed"], row["stoppedFor"], row["actualSeconds"]) == (False, "left", 20)


def test_a_discarded_tab_resumes_running_at_the_right_step_and_second(server, page, context):
    open_timer(page, server)
    start(page)
    at(page, 10)
    # The screen goes off, then the phone discards the frozen tab: no pagehide, no unload.
    page.evaluate("window.__setVisibility('hidden')")
    cdp = context.new_cdp_session(page)
    cdp.send("Page.setWebLifecycleState", {"state": "frozen"})
    page.clock.set_system_time(START_AT + timedelta(seconds=50))
    again = context.new_page()
    again.goto(f"{server.url}/exercises/hamstring-stretch/")
    # Back on the phone: the session ran on, as it does with the screen locked.
    expect(again.locator('#timer [data-el="run"]')).to_be_visible()
    label = again.locator('#timer [data-el="label"]')
    expect(label).to_have_text("Hold")
    expect(again.locator('#timer [data-el="where"]')).to_have_text("Rep 2 of 3 · Left side")
    expect(again.locator('#timer [data-el="digits"]')).to_have_text("25")
    expect(again.locator('#timer [data-el="pause"]')).to_have_text("Pause")


def test_a_session_left_for_hours_is_recorded_as_stopped_early(server, page, context):
    open_timer(page, server)
    start(page)
    at(page, 20)
    page.evaluate("window.__setVisibility('hidden')")
    context.new_cdp_session(page).send("Page.setWebLifecycleState", {"state": "frozen"})
    page.clock.set_system_time(START_AT + timedelta(hours=3))
    again = context.new_page()
    again.goto(f"{server.url}/exercises/hamstring-stretch/")
    expect(again.get_by_role("button", name="Start", exact=True)).to_be_visible()
    expect(again.locator('#timer [data-el="resume"]')).to_be_hidden()
    again.wait_for_function(f"!localStorage.getItem('{RUN_KEY}')")
    again.wait_for_function(f"({SESSIONS})().then((rows) => rows.length === 1)")
    (row,) = sessions(again)
    assert (row["completed"], row["stoppedFor"], row["actualSeconds"]) == (False, "left", 20)


def test_leaving_the_page_records_it_stopped_early_once(server, page):
    open_timer(page, server)
    page.get_by_role("radio", name="3", exact=True).check()
    start(page)
    at(page, 20)
    page.goto(f"{server.url}/")
    row = one_session(page)
    assert (row["completed"], row["stoppedFor"], row["actualSeconds"]) == (False, "left", 20)
    assert row["painBefore"] == 3
    assert row["endedAt"] == "2026-03-01T09:00:50.000Z"

    # She comes back and carries on to the end: the same record, now complete.
    page.goto(f"{server.url}/exercises/hamstring-stretch/")
    page.get_by_role("button", name="Carry on").click()
    page.clock.run_for((HAMSTRING_SECONDS - 20) * 1000)
    expect(el(page, "end")).to_be_visible()
    page.wait_for_function(f"({SESSIONS})().then((rows) => rows[0]?.completed === true)")
    (row,) = sessions(page)
    assert (row["completed"], row["stoppedFor"], row["actualSeconds"]) == (True, None, 235)
    assert row["painBefore"] == 3
    assert page.console.errors == []


# --- Double tap, clock, keyboard, Restart and Finish ------------------------------------------


def test_two_quick_taps_on_start_do_not_pause(server, page):
    open_timer(page, server)
    start_button(page).evaluate("(node) => node.scrollIntoView({ block: 'center' })")
    box = start_button(page).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.clock.run_for(120)
    page.mouse.click(x, y)  # wherever the second tap lands
    page.clock.run_for(120)
    el(page, "pause").click()  # even on Pause itself, within 400 ms of Start
    expect(page.locator("#timer")).to_have_attribute("data-state", "running")
    expect(el(page, "pause")).to_have_text("Pause")
    page.clock.run_for(400)
    el(page, "pause").click()  # a real tap, later, pauses
    expect(el(page, "pause")).to_have_text("Resume")


def test_clock_set_back_during_a_hold_changes_nothing(server, page):
    open_timer(page, server)
    start(page)
    at(page, 10)
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "25")
    page.clock.set_system_time(START_AT + timedelta(seconds=10 - 120))
    page.clock.run_for(500)
    assert shown(page)[2] in {"25", "24"}
    assert el(page, "left").text_content() in {"3:45 left", "3:44 left"}
    page.clock.run_for(5000)
    assert shown(page)[2] in {"20", "19"}
    assert int(shown(page)[2]) <= 30
    assert page.console.errors == []


def test_space_and_enter_press_the_focused_button(server, page):
    open_timer(page, server)
    start(page)
    at(page, 6)
    pause = el(page, "pause")
    skip = page.get_by_role("button", name="Skip this step")
    skip.focus()
    page.keyboard.press(" ")
    assert shown(page)[0] == "Rest", "Space pressed Skip"
    expect(pause).to_have_text("Pause")
    page.get_by_role("button", name="Back one step").focus()
    page.keyboard.press("Enter")
    assert shown(page)[0] == "Hold", "Enter pressed Back"
    expect(pause).to_have_text("Pause")
    el(page, "restart").focus()
    page.keyboard.press(" ")
    expect(page.get_by_role("button", name="Yes, start again")).to_be_visible()
    expect(pause).to_have_text("Pause")
    page.get_by_role("button", name="Keep going").click()
    # With no control focused, Space toggles pause.
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press(" ")
    expect(pause).to_have_text("Resume")
    page.keyboard.press(" ")
    expect(pause).to_have_text("Pause")
    assert page.console.errors == []


def test_restart_and_finish_ask_first(server, page):
    open_timer(page, server)
    start(page)
    at(page, 50)
    assert shown(page)[:2] == ("Hold", "Rep 2 of 3 · Left side")
    el(page, "restart").click()
    expect(page.get_by_role("button", name="Yes, start again")).to_be_visible()
    assert shown(page)[:2] == ("Hold", "Rep 2 of 3 · Left side"), "nothing happened yet"
    page.get_by_role("button", name="Keep going").click()
    expect(page.get_by_role("button", name="Yes, start again")).to_be_hidden()
    assert shown(page)[:2] == ("Hold", "Rep 2 of 3 · Left side")

    el(page, "restart").click()
    sure(page, "Yes, start again")
    assert shown(page) == ("Get ready", "Left side", "5")

    # A quick second tap where Finish was does not finish.
    el(page, "finish").click()
    box = page.get_by_role("button", name="Yes, finish").bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + 5)
    expect(el(page, "run")).to_be_visible()
    sure(page, "Yes, finish")
    expect(el(page, "end")).to_be_visible()
    assert page.console.errors == []


def test_long_labels_do_not_move_the_number_or_the_controls(server, page):
    from exercises.models import Routine

    routine = Routine.objects.with_items().get(slug="gentle-stretch")
    plan = routine.plan()
    open_timer(page, server, path=routine.get_absolute_url())
    start_button(page).click()
    names = ["digits", "pause", "back", "skip", "hurts", "skip-exercise", "restart", "finish"]
    boxes = f"""() => {json.dumps(names)}.map((name) => {{
      const r = document.querySelector(`#timer [data-el="${{name}}"]`).getBoundingClientRect();
      return [name, Math.round(r.top + scrollY), Math.round(r.height), Math.round(r.left)];
    }})"""
    first = page.evaluate(boxes)
    labels = set()
    elapsed = 0
    for step in plan.steps[:-1]:
        at(page, elapsed + 0.5)
        labels.add(el(page, "label").text_content())
        assert page.evaluate(boxes) == first, f"moved at {step.label!r}"
        elapsed += step.seconds
    assert {"Rest. Next: Hamstring stretch", "Switch to the right side"} <= labels
    assert page.console.errors == []


# --- Voice: 3-2-1, and the side on every hold -------------------------------------------------


def test_three_two_one_is_spoken_before_each_hold_ends(server, page):
    open_timer(page, server)
    start(page)
    at(page, 5.5)
    said = recorded(page, "said")
    assert said == ["Get ready. Hamstring stretch, left side.", "Hold, left side. 1 of 3."]
    at(page, 35.5)
    assert recorded(page, "said")[2:] == ["3", "2", "1", "And relax."]
    at(page, 45.5)
    assert recorded(page, "said")[-1] == "Hold, left side. 2 of 3.", "no 3-2-1 before a rest ends"
    at(page, 125.5)
    assert recorded(page, "said")[-1] == "Hold, right side. 1 of 3."
    page.get_by_role("switch", name="Voice").uncheck()
    page.evaluate("window.__said.length = 0; window.__beeps.length = 0")
    at(page, 155.5)
    assert recorded(page, "said") == []
    assert recorded(page, "beeps").count(660) == 3, "the count is still beeped"
    assert page.console.errors == []


# --- My painful side ------------------------------------------------------------------------


def test_painful_side_first_and_remembered(server, page):
    open_timer(page, server)
    side = el(page, "side")
    expect(side).to_be_visible()
    side.get_by_role("radio", name="Right").check()
    start(page)
    assert shown(page)[:2] == ("Get ready", "Right side")
    assert recorded(page, "said")[0] == "Get ready. Hamstring stretch, right side."
    at(page, 115.5)
    assert shown(page)[0] == "Switch to the left side"
    page.reload()
    page.get_by_role("button", name="Start again").click()
    expect(el(page, "side").get_by_role("radio", name="Right")).to_be_checked()
    assert page.console.errors == []


def test_only_my_painful_side(server, page):
    open_timer(page, server)
    el(page, "side").get_by_role("radio", name="Left").check()
    page.get_by_role("switch", name="Only my painful side").check()
    start(page)
    assert shown(page)[:2] == ("Get ready", "Left side")
    assert el(page, "left").text_content() == "1:55 left"
    at(page, 115)
    expect(el(page, "spent")).to_have_text("You did the whole session: 1 min 55 s.")
    expect(el(page, "saved")).to_have_text("Saved on this phone.")  # not the interim record
    row = one_session(page)
    assert (row["completed"], row["plannedSeconds"], row["sides"]) == (True, 115, ["left"])
    page.reload()
    expect(page.get_by_role("switch", name="Only my painful side")).to_be_checked()
    assert page.console.errors == []


def test_no_side_to_choose_for_an_exercise_without_sides(server, page):
    open_timer(page, server, "pelvic-tilt")
    expect(el(page, "side")).to_be_hidden()


@pytest.mark.parametrize("slug", ["hamstring-stretch"])
def test_the_page_plan_carries_the_side_variants(server, page, slug):
    page.goto(f"{server.url}/exercises/{slug}/")
    plan = json.loads(page.locator("#exercise-plan").text_content())
    assert set(plan["variants"]) == {"right", "left-only", "right-only"}
    assert plan["variants"]["right-only"]["total_seconds"] == 115
