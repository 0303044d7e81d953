"""Starting something not yet for her (static/js/start-guard.js) asks first, "My
physiotherapist or doctor has cleared me for this"; the timer does not start until she
says so, and her answer is remembered on the phone for that exercise (or routine).

"Today" is fixed (Playwright's clock): 30 November 2026.
"""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import open_site, store_checkin
from tests.browser.test_checkin import NOW, record

CLEARED_ME = "My physiotherapist or doctor has cleared me for this"


@pytest.fixture
def caesarean(server, page):
    """3 weeks after a caesarean, not cleared, on this phone."""
    open_site(server, page, NOW)
    store_checkin(page, record(birthDate="2026-11-09", birth="caesarean", cleared="no"))
    return page


def timer(page, name):
    return page.locator(f'#timer [data-el="{name}"]')


def start(page):
    button = page.get_by_role("button", name="Start", exact=True)
    expect(button).to_be_visible()
    button.click()


def expect_running(page):
    expect(timer(page, "run")).to_be_visible()
    expect(page.locator("#timer")).not_to_have_attribute("data-state", "idle")


def cleared_for(page):
    raw = page.evaluate("() => localStorage.getItem('cleared-for')")
    return json.loads(raw) if raw else []


def test_the_plank_asks_first_and_remembers_her_answer(caesarean):
    page = caesarean
    page.goto(page.url_for("/exercises/modified-plank/"))
    start(page)

    question = page.get_by_role("group", name="Not yet for you")
    expect(question).to_be_visible()
    expect(question.locator("[data-confirm-heading]")).to_be_focused()
    expect(timer(page, "run")).to_be_hidden()
    expect(page.locator("#timer")).to_have_attribute("data-state", "idle")
    assert cleared_for(page) == []
    yes = question.get_by_role("button", name=CLEARED_ME)
    assert yes.bounding_box()["height"] >= 44

    yes.click()
    expect_running(page)
    expect(question).to_be_hidden()
    assert cleared_for(page) == ["exercise:modified-plank"]

    page.reload()  # remembered: Start starts at once
    start(page)
    expect_running(page)
    expect(timer(page, "confirm")).to_be_hidden()
    assert page.console.errors == []


def test_not_now_leaves_the_timer_waiting(caesarean):
    page = caesarean
    page.goto(page.url_for("/exercises/swimming/"))
    start(page)
    page.get_by_role("button", name="Not now").click()
    expect(timer(page, "confirm")).to_be_hidden()
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_focused()
    expect(timer(page, "run")).to_be_hidden()
    assert cleared_for(page) == []
    start(page)  # and she is asked again
    expect(timer(page, "confirm")).to_be_visible()
    assert page.console.errors == []


def test_a_suitable_exercise_starts_straight_away(caesarean):
    page = caesarean
    page.goto(page.url_for("/exercises/pelvic-tilt/"))
    start(page)
    expect_running(page)
    expect(timer(page, "confirm")).to_be_hidden()
    assert page.console.errors == []


def test_a_routine_with_the_plank_asks_once_for_the_routine(caesarean):
    page = caesarean
    page.goto(page.url_for("/routines/strength-basics/"))
    start(page)
    expect(timer(page, "run")).to_be_hidden()
    page.get_by_role("button", name=CLEARED_ME).click()
    expect_running(page)
    assert cleared_for(page) == ["routine:strength-basics"]
    assert page.console.errors == []


def test_with_no_check_in_nothing_asks(server, page):
    page.clock.set_fixed_time(NOW)
    page.goto(server.url + "/exercises/modified-plank/")
    start(page)
    expect_running(page)
    expect(timer(page, "confirm")).to_be_hidden()
    assert page.console.errors == []
