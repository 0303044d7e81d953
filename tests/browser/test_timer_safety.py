"""Safety inside the guided timer (issue 10, section 4), in Chromium with a fake clock.

While the timer runs she sees the current exercise's drawing and first step, can open its
"Stop if" and the "When to get help" page without leaving the timer, and can stop at once
because it hurts; in a routine she can skip a whole exercise; her pain scores get an
answer. The thresholds behind the answers are in static/js/pain-core.js (tests/js).
"""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from exercises.models import Exercise, Routine
from tests.browser.helpers import READ_SESSIONS, finish_now

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
START_AT = T0 + timedelta(seconds=30)  # the clock is paused here, after the page has loaded
START = round(START_AT.timestamp() * 1000)
FLARE_UP = "flare-up-relief"  # content/routines/flare-up-relief.toml


def open_timer(page, url):
    page.clock.install(time=T0)
    page.goto(url)
    page.clock.pause_at(START_AT)
    expect(start_button(page)).to_be_visible()


def start_button(page):
    return page.get_by_role("button", name="Start", exact=True)


def at(page, seconds):
    """Move the page's clock to `seconds` after the start, firing every timer on the way."""
    target = START + round(seconds * 1000)
    now = page.evaluate("Date.now()")
    assert target >= now, "time only moves forward"
    page.clock.run_for(target - now)


def el(page, name):
    return page.locator(f'#timer [data-el="{name}"]')


def run_screen(page):
    return el(page, "run")


def exercise(slug):
    return Exercise.objects.for_detail().get(slug=slug)


def flare_up():
    return Routine.objects.with_items().get(slug=FLARE_UP)


def check_pain(page, value):
    page.get_by_role("radio", name=str(value), exact=True).check()


@pytest.fixture
def hamstring(server, page):
    open_timer(page, f"{server.url}/exercises/hamstring-stretch/")
    return exercise("hamstring-stretch")


def test_drawing_and_first_step_are_on_screen_while_the_timer_runs(hamstring, page):
    start_button(page).click()
    drawing = run_screen(page).get_by_role("img", name=hamstring.illustration_alt)
    expect(drawing).to_be_visible()
    expect(drawing).to_be_in_viewport()
    assert drawing.get_attribute("src") == hamstring.illustration_url
    assert drawing.bounding_box()["width"] <= 160, "the drawing is small"
    first_step = hamstring.steps.all()[0].text
    expect(run_screen(page).get_by_text(first_step)).to_be_visible()
    expect(run_screen(page).get_by_text(first_step)).to_be_in_viewport()
    at(page, 40)
    expect(drawing).to_be_visible()
    assert page.console.errors == []


def test_stop_if_opens_inside_the_timer(hamstring, page):
    start_button(page).click()
    at(page, 8)
    stop_if = run_screen(page).get_by_text("Stop if", exact=True)
    text = run_screen(page).get_by_text(hamstring.stop_if_text)
    expect(stop_if).to_be_visible()
    expect(text).to_be_hidden()
    stop_if.click()
    expect(text).to_be_visible()
    expect(page.locator("#timer")).to_have_attribute("data-state", "running")
    at(page, 10)
    assert el(page, "digits").text_content() == "25", "the timer runs on"
    assert page.console.errors == []


def test_get_help_opens_the_help_page_and_pauses_the_timer(hamstring, page, server):
    from django.conf import settings

    start_button(page).click()
    at(page, 8)
    help_link = run_screen(page).get_by_role("link", name="Get help")
    expect(help_link).to_be_visible()
    help_url = f"/articles/{settings.HELP_ARTICLE_SLUG}/"
    assert help_link.get_attribute("href") == help_url
    with page.context.expect_page() as opened:
        help_link.click()
    help_page = opened.value
    help_page.wait_for_load_state()
    assert help_page.url == server.url + help_url
    expect(help_page.get_by_role("heading", level=1)).to_have_text("When to get help")
    # The timer is still there, paused, where she left it.
    assert page.url == f"{server.url}/exercises/hamstring-stretch/"
    expect(page.locator("#timer")).to_have_attribute("data-state", "paused")
    at(page, 60)
    assert el(page, "digits").text_content() == "27"
    help_page.close()
    assert page.console.errors == []


def test_stop_it_hurts_ends_at_once_and_records_stopped_for_pain(hamstring, page):
    check_pain(page, 4)
    start_button(page).click()
    at(page, 12)
    stop = page.get_by_role("button", name="Stop, it hurts")
    expect(stop).to_be_visible()
    stop.click()

    heading = page.get_by_role("heading", name="You stopped because it hurts")
    expect(heading).to_be_visible()
    expect(heading).to_be_focused()
    expect(el(page, "run")).to_be_hidden()
    expect(page.get_by_role("heading", name="Well done")).to_be_hidden()
    expect(el(page, "hurt").get_by_text("Do no more exercises today.")).to_be_visible()
    help_link = el(page, "hurt").get_by_role("link", name="When to get help")
    expect(help_link).to_be_visible()
    expect(page.get_by_role("button", name="Start again")).to_be_hidden()
    expect(el(page, "saved")).to_have_text("Saved on this phone.")

    (row,) = page.evaluate(READ_SESSIONS)
    assert row["stoppedFor"] == "pain"
    assert row["completed"] is False
    assert row["actualSeconds"] == 12
    assert row["endedAt"] == "2026-03-01T09:00:42.000Z"
    assert (row["painBefore"], row["skippedExercises"]) == (4, [])
    at(page, 300)  # nothing runs on after the stop
    expect(heading).to_be_visible()
    assert len(page.evaluate(READ_SESSIONS)) == 1
    assert page.console.errors == []


def test_a_finished_session_is_not_stopped_for_pain(hamstring, page):
    start_button(page).click()
    at(page, 20)
    finish_now(page)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    expect(el(page, "hurt")).to_be_hidden()
    expect(el(page, "saved")).to_have_text("Saved on this phone.")
    (row,) = page.evaluate(READ_SESSIONS)
    assert (row["stoppedFor"], row["skippedExercises"]) == (None, [])
    assert page.console.errors == []


def test_a_single_exercise_has_no_skip_exercise_button(hamstring, page):
    start_button(page).click()
    expect(page.get_by_role("button", name="Skip this step")).to_be_visible()
    expect(page.get_by_role("button", name="Skip this exercise")).to_have_count(0)


def test_routine_shows_the_current_exercise_and_skip_this_exercise_jumps_to_the_next(server, page):
    routine = flare_up()
    plan = routine.plan()
    tilt, piriformis = (exercise(item.exercise.slug) for item in routine.public_items)
    open_timer(page, f"{server.url}{routine.get_absolute_url()}")
    start_button(page).click()

    def showing(ex):
        # One exercise at a time (the two start with the same first step).
        about = run_screen(page).locator(".timer__about").locator("visible=true")
        expect(about).to_have_count(1)
        expect(about.get_by_role("img", name=ex.illustration_alt)).to_be_visible()
        expect(about).to_contain_text(ex.steps.all()[0].text)

    def not_showing(ex):
        expect(run_screen(page).get_by_role("img", name=ex.illustration_alt)).to_be_hidden()

    showing(tilt)
    not_showing(piriformis)
    run_screen(page).get_by_text("Stop if", exact=True).locator("visible=true").click()
    expect(run_screen(page).get_by_text(tilt.stop_if_text)).to_be_visible()

    at(page, 7)  # in the first hold of the pelvic tilt
    assert el(page, "label").text_content() == "Hold"
    page.get_by_role("button", name="Skip this exercise").click()
    assert el(page, "label").text_content() == "Get ready"
    assert el(page, "exercise").text_content() == piriformis.name
    assert el(page, "digits").text_content() == "5"
    showing(piriformis)
    not_showing(tilt)
    expect(run_screen(page).get_by_text(piriformis.stop_if_text)).to_be_hidden()

    # The piriformis stretch then plays in full, to the end.
    ready = next(
        i
        for i, step in enumerate(plan.steps)
        if step.kind == "ready" and step.exercise == piriformis.name
    )
    left = sum(step.seconds for step in plan.steps[ready:])
    at(page, 7 + left - 0.5)
    expect(el(page, "run")).to_be_visible()
    at(page, 7 + left)
    expect(el(page, "end")).to_be_visible()
    # The end screen shows before the record is written (the record kept while it ran says
    # "left" until then): wait for what she sees once it is saved.
    expect(el(page, "saved")).to_have_text("Saved on this phone.")
    (row,) = page.evaluate(READ_SESSIONS)
    assert (row["kind"], row["slug"]) == ("routine", FLARE_UP)
    assert row["skippedExercises"] == ["pelvic-tilt"]
    assert row["completed"] is False, "a skipped exercise was not done"
    assert row["stoppedFor"] is None
    assert row["actualSeconds"] == 7 + left
    assert page.console.errors == []


def test_a_routine_moves_the_drawing_on_with_the_exercises(server, page):
    routine = flare_up()
    plan = routine.plan()
    tilt, piriformis = (exercise(item.exercise.slug) for item in routine.public_items)
    open_timer(page, f"{server.url}{routine.get_absolute_url()}")
    start_button(page).click()
    rest = next(i for i, step in enumerate(plan.steps) if step.item == 1)
    at(page, sum(step.seconds for step in plan.steps[:rest]) - 0.5)
    expect(run_screen(page).get_by_role("img", name=tilt.illustration_alt)).to_be_visible()
    at(page, sum(step.seconds for step in plan.steps[:rest]) + 0.5)
    # The rest before the piriformis stretch shows what comes: its drawing and first step.
    expect(run_screen(page).get_by_role("img", name=piriformis.illustration_alt)).to_be_visible()
    expect(run_screen(page).get_by_role("img", name=tilt.illustration_alt)).to_be_hidden()
    about = run_screen(page).locator(".timer__about").locator("visible=true")
    expect(about).to_contain_text(piriformis.steps.all()[0].text)
    assert page.console.errors == []


def test_high_pain_before_suggests_the_flare_up_routine_or_rest(hamstring, page):
    advice = el(page, "advice-flare")
    expect(advice).to_be_hidden()
    check_pain(page, 9)
    expect(advice).to_be_visible()
    expect(advice).to_contain_text("Resting may be better today.")
    routine = advice.get_by_role("link", name=flare_up().name)
    assert routine.get_attribute("href") == f"/routines/{FLARE_UP}/"
    expect(advice.get_by_role("link", name="When to get help")).to_be_visible()
    check_pain(page, 7)
    expect(advice).to_be_hidden()
    check_pain(page, 8)
    expect(advice).to_be_visible()
    page.get_by_role("radio", name="Skip", exact=True).check()
    expect(advice).to_be_hidden()
    # A suggestion, not a lock: she can still start.
    check_pain(page, 10)
    start_button(page).click()
    expect(el(page, "run")).to_be_visible()
    assert page.console.errors == []


def test_on_the_flare_up_routine_high_pain_suggests_rest_without_a_link_to_itself(server, page):
    open_timer(page, f"{server.url}/routines/{FLARE_UP}/")
    check_pain(page, 9)
    advice = el(page, "advice-flare")
    expect(advice).to_be_visible()
    expect(advice.get_by_role("link", name="When to get help")).to_be_visible()
    expect(advice.get_by_role("link")).to_have_count(1)


def test_more_pain_after_says_stop_for_today(hamstring, page):
    check_pain(page, 3)
    start_button(page).click()
    at(page, 20)
    finish_now(page)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    advice = el(page, "advice-stop")
    expect(advice).to_be_hidden()

    check_pain(page, 4)  # one point more: no advice
    expect(advice).to_be_hidden()
    check_pain(page, 5)  # two points more
    expect(advice).to_be_visible()
    expect(advice).to_contain_text("Stop for today")
    expect(advice.get_by_role("link", name="When to get help")).to_be_visible()
    check_pain(page, 2)
    expect(advice).to_be_hidden()
    page.get_by_role("button", name="Save").click()
    expect(el(page, "saved")).to_have_text("Saved on this phone, with your pain score.")
    (row,) = page.evaluate(READ_SESSIONS)
    assert (row["painBefore"], row["painAfter"]) == (3, 2)

    # Starting again forgets the answers.
    page.get_by_role("button", name="Start again").click()
    expect(el(page, "advice-flare")).to_be_hidden()
    assert page.console.errors == []


def test_high_pain_after_says_stop_for_today_without_a_score_before(hamstring, page):
    start_button(page).click()
    at(page, 10)
    finish_now(page)
    advice = el(page, "advice-stop")
    check_pain(page, 7)
    expect(advice).to_be_hidden()
    check_pain(page, 8)
    expect(advice).to_be_visible()
    assert page.console.errors == []


def test_new_controls_are_big_labelled_targets_with_a_visible_focus(server, page):
    routine = flare_up()
    open_timer(page, f"{server.url}{routine.get_absolute_url()}")
    start_button(page).click()
    controls = [
        page.get_by_role("button", name="Stop, it hurts"),
        page.get_by_role("button", name="Skip this exercise"),
        run_screen(page).get_by_role("link", name="Get help"),
        run_screen(page).get_by_text("Stop if", exact=True).locator("visible=true"),
    ]
    for control in controls:
        box = control.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (control, box)
    # Reached with the keyboard, each shows where the focus is.
    el(page, "pause").focus()
    focused = {}
    for _ in range(30):
        page.keyboard.press("Tab")
        name, outline = page.evaluate(
            "[document.activeElement.textContent.trim(),"
            " getComputedStyle(document.activeElement).outlineStyle]"
        )
        focused[name] = outline
    for name in ("Stop, it hurts", "Skip this exercise", "Stop if"):
        assert focused.get(name, "none") != "none", (name, focused)
    assert any(name.startswith("Get help") and o != "none" for name, o in focused.items())
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('#timer, #timer *')]"
        ".map((node) => node.getBoundingClientRect().right))"
    )
    assert widest <= 360, "the player fits a 360px screen"
    # The live region still announces each step.
    at(page, 5.5)
    assert el(page, "status").text_content().startswith("Hold")
    assert page.console.errors == []
