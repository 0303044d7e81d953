"""The guided timer player, in a real browser with Playwright's fake clock.

Time only moves when a test moves it (`page.clock`), so every step boundary is checked at
an exact second. Speech, beeps, vibration and the wake lock are recorded by an init script
(headless Chromium has no speakers), and the session record is read back from IndexedDB.
"""

import itertools
import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SMALL_PHONE
from tests.browser.helpers import READ_SESSIONS, answer_sure, finish_now

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
START_AT = T0 + timedelta(seconds=30)  # the clock is paused here, after the page has loaded
START = round(START_AT.timestamp() * 1000)  # the same, as the page's Date.now()

# Records what the player says, beeps and buzzes, and stands in for the wake lock.
RECORDERS = """
window.__said = [];
window.__beeps = [];
window.__buzz = [];
window.__lock = { requests: 0, held: [] };
// Stands in for the phone's screen going off and on.
window.__setVisibility = (state) => {
  const get = { visibilityState: () => state, hidden: () => state === "hidden" };
  for (const name in get) {
    Object.defineProperty(document, name, { configurable: true, get: get[name] });
  }
  document.dispatchEvent(new Event("visibilitychange"));
};
if (window.speechSynthesis) {
  speechSynthesis.speak = (utterance) => { window.__said.push(utterance.text); };
  speechSynthesis.cancel = () => {};
}
if (window.AudioScheduledSourceNode) {
  const start = AudioScheduledSourceNode.prototype.start;
  AudioScheduledSourceNode.prototype.start = function (...args) {
    if (this.frequency) window.__beeps.push(this.frequency.value);
    return start.apply(this, args);
  };
}
Object.defineProperty(navigator, "vibrate", {
  configurable: true,
  value: (pattern) => { window.__buzz.push(pattern); return true; },
});
Object.defineProperty(navigator, "wakeLock", {
  configurable: true,
  value: {
    request(type) {
      window.__lock.requests += 1;
      const sentinel = new EventTarget();
      sentinel.type = type;
      sentinel.released = false;
      sentinel.release = async () => {
        if (sentinel.released) return;
        sentinel.released = true;
        window.__lock.held = window.__lock.held.filter((s) => s !== sentinel);
        sentinel.dispatchEvent(new Event("release"));
      };
      window.__lock.held.push(sentinel);
      return Promise.resolve(sentinel);
    },
  },
});
"""

# What the hamstring stretch plan (hold 30 s x 3, rest 10 s, each side) shows, and when.
HAMSTRING = [
    (0, 5, "Get ready", "Left side", "Next: Hold 30 s"),
    (5, 30, "Hold", "Rep 1 of 3 · Left side", "Next: Rest 10 s"),
    (35, 10, "Rest", "Rep 1 of 3 · Left side", "Next: Hold 30 s"),
    (45, 30, "Hold", "Rep 2 of 3 · Left side", "Next: Rest 10 s"),
    (75, 10, "Rest", "Rep 2 of 3 · Left side", "Next: Hold 30 s"),
    (85, 30, "Hold", "Rep 3 of 3 · Left side", "Next: Switch to the right side 10 s"),
    (115, 10, "Switch to the right side", "", "Next: Hold 30 s"),
    (125, 30, "Hold", "Rep 1 of 3 · Right side", "Next: Rest 10 s"),
    (155, 10, "Rest", "Rep 1 of 3 · Right side", "Next: Hold 30 s"),
    (165, 30, "Hold", "Rep 2 of 3 · Right side", "Next: Rest 10 s"),
    (195, 10, "Rest", "Rep 2 of 3 · Right side", "Next: Hold 30 s"),
    (205, 30, "Hold", "Rep 3 of 3 · Right side", "Next: Finish"),
]
HAMSTRING_SECONDS = 235

SHOWN = """() => {
  const text = (name) => document.querySelector(`#timer [data-el="${name}"]`).textContent;
  return [text("label"), text("where"), text("digits")];
}"""


def open_timer(page, server, slug="hamstring-stretch", path=None):
    """The timer of an exercise (`slug`) or of any page (`path`, e.g. a routine's), with
    the recorders and Playwright's clock paused at START_AT."""
    page.add_init_script(RECORDERS)
    page.clock.install(time=T0)
    page.goto(f"{server.url}{path or f'/exercises/{slug}/'}")
    page.clock.pause_at(START_AT)
    expect(start_button(page)).to_be_visible()


def start_button(page):
    return page.get_by_role("button", name="Start", exact=True)


def at(page, seconds):
    """Move the page's clock to `seconds` after START, firing every timer on the way."""
    now = page.evaluate("Date.now()")
    target = START + round(seconds * 1000)
    assert target >= now, "time only moves forward"
    page.clock.run_for(target - now)


def shown(page):
    return tuple(page.evaluate(SHOWN))


def el(page, name):
    return page.locator(f'#timer [data-el="{name}"]')


def status(page):
    return el(page, "status").text_content()


def recorded(page, name):
    return page.evaluate(f"window.__{name}")


def test_plays_every_step_of_the_plan_on_time(server, page):
    open_timer(page, server)
    start_button(page).click()
    assert shown(page) == ("Get ready", "Left side", "5")
    expect(el(page, "display")).to_have_attribute("data-kind", "ready")

    for begin, length, label, where, upcoming in HAMSTRING:
        at(page, begin + 0.5)
        assert shown(page) == (label, where, str(length)), f"at {begin + 0.5} s"
        assert el(page, "next").text_content() == upcoming
        at(page, begin + length - 0.5)
        assert shown(page) == (label, where, "1"), f"at {begin + length - 0.5} s"

    expect(el(page, "end")).to_be_hidden()
    at(page, HAMSTRING_SECONDS)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    expect(el(page, "run")).to_be_hidden()
    assert page.console.errors == []


def test_remaining_seconds_count_down_within_a_step(server, page):
    open_timer(page, server)
    start_button(page).click()
    at(page, 4)
    assert shown(page) == ("Get ready", "Left side", "1")
    at(page, 5)
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "30")
    expect(el(page, "display")).to_have_attribute("data-kind", "hold")
    at(page, 8)  # 3 s into a 30 s hold
    assert shown(page)[2] == "27"
    at(page, 34.9)
    assert shown(page)[2] == "1"
    at(page, 35)
    assert shown(page) == ("Rest", "Rep 1 of 3 · Left side", "10")
    expect(el(page, "display")).to_have_attribute("data-kind", "rest")
    assert el(page, "left").text_content() == "3:20 left"
    assert page.console.errors == []


def test_pause_keeps_the_remaining_time_and_resume_carries_on(server, page):
    open_timer(page, server)
    start_button(page).click()
    at(page, 10)
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "25")

    pause = el(page, "pause")
    pause.click()
    expect(pause).to_have_text("Resume")
    expect(el(page, "paused")).to_be_visible()
    at(page, 70)
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "25")
    assert recorded(page, "lock")["held"] == [], "the wake lock is let go while paused"

    pause.click()
    expect(pause).to_have_text("Pause")
    expect(el(page, "paused")).to_be_hidden()
    at(page, 75)
    assert shown(page)[2] == "20"
    at(page, 94.5)  # the hold now ends 60 s later than planned
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "1")
    at(page, 95.5)
    assert shown(page) == ("Rest", "Rep 1 of 3 · Left side", "10")
    assert page.console.errors == []


def test_locked_phone_lands_on_the_right_step_with_one_cue(server, page):
    open_timer(page, server)
    start_button(page).click()
    at(page, 10)
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "25")

    # Lock the phone: the page is hidden and no timer runs at all for 45 s.
    page.evaluate("window.__setVisibility('hidden'); window.__said.length = 0")
    page.clock.set_system_time(START_AT + timedelta(seconds=55))
    # Unlock: the screen is right at once, before any timer fires.
    after_unlock = page.evaluate(f"window.__setVisibility('visible'); ({SHOWN})()")
    assert after_unlock == ["Hold", "Rep 2 of 3 · Left side", "20"]
    # Rest and hold 2 both started while locked: only the step it landed on is spoken.
    assert recorded(page, "said") == ["Hold, left side. 2 of 3."]
    assert status(page) == "Hold. Rep 2 of 3 · Left side."
    at(page, 56)
    assert shown(page)[2] == "19"

    # Hidden again, this time with the browser's throttled timers catching up once.
    page.evaluate("window.__setVisibility('hidden'); window.__said.length = 0")
    page.clock.fast_forward(45_000)
    page.evaluate("window.__setVisibility('visible')")
    assert shown(page) == ("Hold", "Rep 3 of 3 · Left side", "14")
    assert recorded(page, "said") == ["Hold, left side. 3 of 3."]
    assert page.console.errors == []


def test_skip_and_back_move_one_step_and_restart_its_time(server, page):
    open_timer(page, server)
    start_button(page).click()
    at(page, 8)
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "27")

    skip = page.get_by_role("button", name="Skip this step")
    back = page.get_by_role("button", name="Back one step")
    skip.click()
    assert shown(page) == ("Rest", "Rep 1 of 3 · Left side", "10")
    at(page, 10)
    assert shown(page)[2] == "8"
    back.click()
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "30")
    at(page, 13)
    assert shown(page)[2] == "27"
    back.click()
    assert shown(page) == ("Get ready", "Left side", "5")
    back.click()  # there is nothing before get ready: it starts again
    assert shown(page) == ("Get ready", "Left side", "5")
    skip.click()
    skip.click()
    assert shown(page) == ("Rest", "Rep 1 of 3 · Left side", "10")
    at(page, 23)
    assert shown(page) == ("Hold", "Rep 2 of 3 · Left side", "30")

    el(page, "pause").click()  # skipping while paused stays paused, with the full time
    skip.click()
    assert shown(page) == ("Rest", "Rep 2 of 3 · Left side", "10")
    at(page, 40)
    assert shown(page)[2] == "10"
    assert page.console.errors == []


def test_restart_goes_back_to_get_ready(server, page):
    open_timer(page, server)
    start_button(page).click()
    at(page, 50)
    assert shown(page)[0:2] == ("Hold", "Rep 2 of 3 · Left side")
    el(page, "restart").click()  # asks first (tests/browser/test_true_log.py)
    answer_sure(page)
    assert shown(page) == ("Get ready", "Left side", "5")
    at(page, 55.5)
    assert shown(page) == ("Hold", "Rep 1 of 3 · Left side", "30")
    assert page.console.errors == []


def test_finished_session_is_recorded_with_pain_scores(server, page):
    open_timer(page, server)
    page.get_by_role("radio", name="3", exact=True).check()
    start_button(page).click()
    at(page, HAMSTRING_SECONDS + 1)

    heading = page.get_by_role("heading", name="Well done")
    expect(heading).to_be_visible()
    expect(heading).to_be_focused()
    expect(el(page, "spent")).to_have_text("You did the whole session: 3 min 55 s.")
    expect(el(page, "saved")).to_have_text("Saved on this phone.")  # saved without a tap
    (row,) = page.evaluate(READ_SESSIONS)
    assert row == {
        "id": row["id"],
        "startedAt": "2026-03-01T09:00:30.000Z",
        "endedAt": "2026-03-01T09:04:25.000Z",
        "kind": "exercise",
        "slug": "hamstring-stretch",
        "title": "Hamstring stretch",
        "plannedSeconds": 235,
        "actualSeconds": 235,
        "completed": True,
        "painBefore": 3,
        "painAfter": None,
        "stoppedFor": None,
        "skippedExercises": [],
        "skippedSteps": [],
        "sides": ["left", "right"],
        "uid": row["uid"],
    }

    page.get_by_role("radio", name="2", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(el(page, "saved")).to_have_text("Saved on this phone, with your pain score.")
    (row,) = page.evaluate(READ_SESSIONS)
    assert (row["painBefore"], row["painAfter"], row["completed"]) == (3, 2, True)
    assert "All done. Well done." in recorded(page, "said")
    assert page.console.errors == []


def test_finish_early_records_an_incomplete_session(server, page):
    open_timer(page, server)
    start_button(page).click()
    at(page, 10)
    el(page, "pause").click()
    at(page, 40)  # paused time is not time spent
    el(page, "pause").click()
    at(page, 49.5)
    finish_now(page)  # at 50 s

    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    expect(el(page, "spent")).to_have_text("You stopped after 20 s. Every bit counts.")
    expect(el(page, "saved")).to_have_text("Saved on this phone.")
    (row,) = page.evaluate(READ_SESSIONS)
    assert row["completed"] is False
    assert (row["plannedSeconds"], row["actualSeconds"]) == (235, 20)
    assert (row["painBefore"], row["painAfter"]) == (None, None)
    assert row["endedAt"] == "2026-03-01T09:01:20.000Z"

    at(page, 300)  # nothing runs on after the end
    assert len(page.evaluate(READ_SESSIONS)) == 1
    page.get_by_role("button", name="Start again").click()
    expect(start_button(page)).to_be_focused()
    assert page.console.errors == []


def test_keyboard_tab_to_start_enter_starts_space_pauses(server, page):
    open_timer(page, server)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.el") == "start":
            break
    else:
        pytest.fail("Tab never reached the Start button")

    page.keyboard.press("Enter")
    assert shown(page) == ("Get ready", "Left side", "5")
    pause = el(page, "pause")
    expect(pause).to_be_focused()
    at(page, 2)
    page.keyboard.press(" ")
    expect(pause).to_have_text("Resume")
    at(page, 20)
    assert shown(page) == ("Get ready", "Left side", "3")
    page.keyboard.press(" ")
    expect(pause).to_have_text("Pause")
    at(page, 21)
    assert shown(page)[2] == "2"

    # Space anywhere on the page toggles too, but not in the player's switches.
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press(" ")
    expect(pause).to_have_text("Resume")
    sound = page.get_by_role("switch", name="Sound")
    sound.focus()
    page.keyboard.press(" ")
    expect(sound).not_to_be_checked()
    expect(pause).to_have_text("Resume")
    assert page.console.errors == []


def test_every_control_is_a_big_tap_target(server, page):
    def check_sizes(selector, minimum):
        boxes = [loc.bounding_box() for loc in page.locator(selector).all() if loc.is_visible()]
        assert boxes, f"nothing visible for {selector}"
        for box in boxes:
            assert box["width"] >= minimum and box["height"] >= minimum, (selector, box)

    open_timer(page, server)
    check_sizes("#timer button", 48)
    check_sizes("#timer .pain__opt", 44)
    check_sizes("#timer .toggle", 44)
    start_button(page).click()
    assert page.locator("#timer button:visible").count() == 6  # Stop, it hurts too
    check_sizes("#timer button", 48)
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('#timer, #timer *')]"
        ".map((node) => node.getBoundingClientRect().right))"
    )
    assert widest <= 360, "the player fits a 360px screen"
    at(page, 11)  # enough exercise to keep: the end has Save and Start again
    finish_now(page)
    assert page.locator("#timer button:visible").count() == 2
    check_sizes("#timer button", 48)
    check_sizes("#timer .pain__opt", 44)
    assert page.console.errors == []


def test_live_region_announces_each_step_but_not_each_second(server, page):
    open_timer(page, server)
    live = el(page, "status")
    assert live.get_attribute("aria-live") == "polite"
    assert live.get_attribute("role") != "timer"
    start_button(page).click()
    digits = page.get_by_role("timer")
    assert digits.text_content() == "5"
    assert digits.get_attribute("aria-live") is None  # role=timer is not announced
    heard = [status(page)]
    for begin, _length, _label, _where, _next in HAMSTRING[1:]:
        at(page, begin + 0.5)
        heard.append(status(page))
    at(page, HAMSTRING_SECONDS)
    heard.append(status(page))

    assert heard[:4] == [
        "Get ready. Left side.",
        "Hold. Rep 1 of 3 · Left side.",
        "Rest. Rep 1 of 3 · Left side.",
        "Hold. Rep 2 of 3 · Left side.",
    ]
    assert heard[6] == "Switch to the right side."
    assert heard[-1] == "Well done."
    assert all(a != b for a, b in itertools.pairwise(heard)), heard
    assert page.console.errors == []


def test_cues_beep_speak_and_buzz_and_switches_are_remembered(server, page):
    open_timer(page, server)
    start_button(page).click()
    at(page, 5.5)
    # An unlock note in the tap, get ready, 3-2-1, then the two high beeps of a hold.
    assert recorded(page, "beeps") == [440, 523, 660, 660, 660, 880, 880]
    assert recorded(page, "buzz") == [150, 40, 40, 40, [200, 100, 200]]
    assert recorded(page, "said") == [
        "Get ready. Hamstring stretch, left side.",
        "Hold, left side. 1 of 3.",
    ]
    at(page, 35.5)
    assert recorded(page, "beeps")[-4:] == [660, 660, 660, 392]  # 3-2-1, then rest
    assert recorded(page, "said")[-1] == "And relax."

    page.get_by_role("switch", name="Sound").uncheck()
    page.get_by_role("switch", name="Voice").uncheck()
    page.get_by_role("switch", name="Vibration").uncheck()
    page.evaluate("window.__beeps.length = 0; window.__said.length = 0; window.__buzz.length = 0")
    at(page, 45.5)
    assert (recorded(page, "beeps"), recorded(page, "said"), recorded(page, "buzz")) == (
        [],
        [],
        [],
    )
    assert page.evaluate("JSON.parse(localStorage.getItem('timer.prefs'))") == {
        "sound": False,
        "voice": False,
        "vibrate": False,
    }

    page.reload()  # mid-session: she is offered to carry on (tests/browser/test_true_log.py)
    expect(page.get_by_role("button", name="Carry on")).to_be_visible()
    for name in ("Sound", "Voice", "Vibration"):
        expect(page.get_by_role("switch", name=name)).not_to_be_checked()
    assert page.console.errors == []


def test_wake_lock_is_held_only_while_running(server, page):
    open_timer(page, server)

    def lock():
        return page.evaluate("[window.__lock.requests, window.__lock.held.length]")

    assert lock() == [0, 0]
    start_button(page).click()
    page.wait_for_function("window.__lock.held.length === 1")
    assert lock() == [1, 1]
    at(page, 0.5)  # a tap within 400 ms of Start is taken for a double tap
    el(page, "pause").click()
    assert lock() == [1, 0]
    el(page, "pause").click()
    page.wait_for_function("window.__lock.held.length === 1")
    assert lock() == [2, 1]

    # The browser lets go of the lock when the page is hidden; back in view, ask again.
    page.evaluate("""() => {
      window.__lock.held.forEach((sentinel) => sentinel.release());
      window.__setVisibility("hidden");
      window.__setVisibility("visible");
    }""")
    page.wait_for_function("window.__lock.held.length === 1")
    assert lock() == [3, 1]
    finish_now(page)
    assert lock() == [3, 0]
    assert page.console.errors == []


def test_walking_says_halfway_at_five_minutes(server, page):
    open_timer(page, server, "walking")
    start_button(page).click()
    assert shown(page) == ("Get ready", "", "5")
    at(page, 5.5)
    assert shown(page) == ("Walking", "", "5:00")
    assert el(page, "next").text_content() == "Next: Halfway 5 min"
    at(page, 5 + 300 - 0.5)
    assert shown(page) == ("Walking", "", "0:01")
    page.evaluate("window.__beeps.length = 0")
    at(page, 5 + 300)
    assert shown(page) == ("Halfway", "", "5:00")
    assert status(page) == "Halfway."
    assert recorded(page, "said")[-1] == "Halfway there. Keep going at your own pace."
    assert 660 not in recorded(page, "beeps"), "no 3-2-1 before the halfway mark"
    at(page, 5 + 600)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    assert page.console.errors == []


def test_sets_are_shown_when_there_is_more_than_one(server, page):
    open_timer(page, server, "pelvic-tilt")
    start_button(page).click()
    at(page, 5.5)
    assert shown(page) == ("Hold", "Rep 1 of 10 · Set 1 of 2", "5")
    assert page.console.errors == []


def test_without_javascript_the_timer_says_it_needs_it(server, browser):
    context = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server.url}/exercises/hamstring-stretch/")
    expect(page.get_by_text("The guided timer needs JavaScript.")).to_be_visible()
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_hidden()
    context.close()


def test_sessions_module_lists_newest_first_and_updates(server, page):
    page.goto(f"{server.url}/exercises/hamstring-stretch/")
    # The player's modules load by their hashed names, which the offline copy holds.
    loaded = page.evaluate(
        "() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)"
    )
    modules = [path for path in loaded if re.search(r"/(timer-core|sessions)\.", path)]
    assert sorted(re.sub(r"\.[0-9a-f]{12}\.js$", ".js", path) for path in modules) == [
        "/static/js/sessions.js",
        "/static/js/timer-core.js",
    ], loaded
    url = next(path for path in modules if "/sessions." in path)
    result = page.evaluate(
        """async (url) => {
          const store = await import(url);
          const base = {kind: "exercise", slug: "x", title: "X", plannedSeconds: 60,
                        actualSeconds: 60, completed: true, painBefore: 4, painAfter: null};
          const older = await store.recordSession({...base, startedAt: "2026-03-01T09:00:00Z"});
          const newer = await store.recordSession({...base, startedAt: "2026-03-02T09:00:00Z",
                                                   painBefore: 11, junk: "dropped"});
          const updated = await store.updateSession(older, {painAfter: 2});
          const list = await store.listSessions();
          return {older, newer, updated, list};
        }""",
        url,
    )
    assert result["updated"]["painAfter"] == 2
    assert [row["id"] for row in result["list"]] == [result["newer"], result["older"]]
    newest = result["list"][0]
    assert newest["painBefore"] is None, "out-of-range pain scores are not stored"
    assert "junk" not in newest
    assert page.console.errors == []


def test_a_routine_plays_every_exercise_in_turn(server, page):
    from exercises.models import Routine

    routine = Routine.objects.with_items().get(slug="flare-up-relief")
    plan = routine.plan()
    open_timer(page, server, path=routine.get_absolute_url())
    start_button(page).click()

    elapsed = 0
    for step in plan.steps[:-1]:
        at(page, elapsed + 0.5)
        assert el(page, "label").text_content() == step.label, f"at {elapsed + 0.5} s"
        if step.exercise and step.exercise != step.label:
            assert el(page, "exercise").text_content() == step.exercise
        elapsed += step.seconds
    at(page, plan.total_seconds)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    spoken = " ".join(recorded(page, "said"))
    assert spoken.index("Pelvic tilt") < spoken.index("Piriformis stretch")
    # The record is written before the end screen says so: wait for it, not for the heading.
    expect(page.locator('#timer [data-el="saved"]')).to_have_text("Saved on this phone.")
    (row,) = page.evaluate(READ_SESSIONS)
    assert (row["kind"], row["slug"], row["completed"]) == ("routine", "flare-up-relief", True)
    assert row["plannedSeconds"] == plan.total_seconds
    assert page.console.errors == []
