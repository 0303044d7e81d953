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


# A warning sign in her check-in comes before any exercise (issue 10: "any emergency sign:
# no exercise is offered"; "any urgent sign: exercise only after she confirms she has spoken
# to a professional").


def checked_in(server, page, **fields):
    open_site(server, page, NOW)
    store_checkin(page, record(birthDate="2026-09-21", birth="vaginal", cleared="yes", **fields))
    return page


def stored_checkin(page):
    return json.loads(page.evaluate("() => localStorage.getItem('checkin')"))


@pytest.mark.parametrize("path", ["/exercises/pelvic-tilt/", "/routines/gentle-stretch/"])
def test_an_emergency_sign_stops_start_and_shows_who_to_call(server, page, path):
    checked_in(server, page, emergency=True)
    page.goto(page.url_for(path))
    start(page)

    card = page.get_by_role("group", name="Emergency: Call 999 now, or go to A&E")
    expect(card).to_be_visible()
    expect(card.locator("[data-care-heading]")).to_be_focused()
    expect(card.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    expect(card.get_by_role("link", name="When to get help")).to_have_attribute(
        "href", "/articles/when-to-get-help/"
    )
    expect(card.get_by_text("Do not do any exercises")).to_be_visible()
    expect(timer(page, "run")).to_be_hidden()
    expect(page.locator("#timer")).to_have_attribute("data-state", "idle")
    # No confirmation lets her through: there is none to give.
    expect(page.get_by_role("button", name=CLEARED_ME)).to_be_hidden()
    start(page)
    expect(timer(page, "run")).to_be_hidden()
    assert cleared_for(page) == []
    assert page.console.errors == []


def test_an_urgent_sign_asks_whether_she_has_spoken_to_a_professional(server, page):
    checked_in(server, page, urgent=True)
    page.goto(page.url_for("/exercises/pelvic-tilt/"))
    start(page)

    card = page.get_by_role("group", name="Urgent: Speak to a doctor or midwife first")
    expect(card).to_be_visible()
    expect(card.locator("[data-care-heading]")).to_be_focused()
    expect(card.get_by_role("link", name="Call NHS 111")).to_have_attribute("href", "tel:111")
    expect(timer(page, "run")).to_be_hidden()

    card.get_by_role("button", name="Not now").click()
    expect(card).to_be_hidden()
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_focused()
    expect(timer(page, "run")).to_be_hidden()
    assert stored_checkin(page)["spokeToProfessional"] is False

    start(page)
    spoken = card.get_by_role("button", name="I have spoken to a health professional")
    assert spoken.bounding_box()["height"] >= 44
    spoken.click()
    expect_running(page)
    expect(card).to_be_hidden()
    assert stored_checkin(page)["spokeToProfessional"] is True  # as the check-in records it
    assert page.console.errors == []


def test_after_speaking_to_someone_the_plank_still_asks_for_clearance(server, page):
    open_site(server, page, NOW)
    store_checkin(
        page, record(birthDate="2026-11-09", birth="caesarean", cleared="no", urgent=True)
    )
    page.goto(page.url_for("/exercises/modified-plank/"))
    start(page)
    page.get_by_role("button", name="I have spoken to a health professional").click()
    question = page.get_by_role("group", name="Not yet for you")
    expect(question).to_be_visible()
    expect(timer(page, "run")).to_be_hidden()
    question.get_by_role("button", name=CLEARED_ME).click()
    expect_running(page)
    assert page.console.errors == []
