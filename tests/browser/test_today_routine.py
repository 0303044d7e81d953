"""'Today's routine' picks only among the routines that suit her check-in
(static/js/today-routine.js), on the home page and at /routines/today/.

The phone's day is fixed (Playwright's clock) to 1 December 2026, when the routines' turn
is Strength basics (ordered: Gentle stretch, Strength basics, Gentle moves for a flare-up).
"""

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import open_site, store_checkin
from tests.browser.test_checkin import record

DAY = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def site(server, page):
    return open_site(server, page, DAY)


def check_in(page, **fields):
    store_checkin(page, record(**fields))


def today_line(page):
    return page.locator("[data-today-routine]")


def today_button(page):
    return page.locator("[data-today-link]")


def test_with_no_check_in_today_is_the_days_turn_with_its_name_and_length(site):
    page = site
    page.reload()
    expect(today_line(page)).to_have_text(
        re.compile(r"^Today: Strength basics, about \d+ minutes$")
    )
    expect(today_button(page)).to_have_attribute("href", "/routines/strength-basics/")
    assert page.console.errors == []


def test_three_weeks_after_a_caesarean_today_passes_over_the_plank(site):
    page = site
    check_in(page, birthDate="2026-11-10", birth="caesarean", cleared="no")
    page.reload()
    expect(today_line(page)).to_have_text(
        re.compile(r"^Today: Gentle moves for a flare-up, about \d+ minutes$")
    )
    expect(today_button(page)).to_have_text("Today's routine")
    today_button(page).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gentle moves for a flare-up")

    # The home-screen shortcut lands on the same routine, whatever the server's turn.
    page.goto(page.url_for("/routines/today/"))
    expect(page).to_have_url(page.url_for("/routines/flare-up-relief/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Gentle moves for a flare-up")
    assert page.console.errors == []


def test_ten_weeks_after_a_vaginal_birth_with_clearance_today_is_the_days_turn(site):
    page = site
    check_in(page, birthDate="2026-09-22", birth="vaginal", cleared="yes")
    page.reload()
    expect(today_line(page)).to_have_text(re.compile(r"^Today: Strength basics, "))
    expect(today_button(page)).to_have_attribute("href", "/routines/strength-basics/")
    assert page.console.errors == []


def test_with_an_emergency_sign_today_leads_to_help_not_a_routine(site):
    page = site
    check_in(page, birthDate="2026-09-22", birth="vaginal", cleared="yes", emergency=True)
    page.reload()
    expect(today_button(page)).to_have_text("When to get help")
    expect(today_button(page)).to_have_attribute(
        "href", page.locator(".nav-help").get_attribute("href")
    )
    expect(today_line(page)).to_contain_text("Get help before any exercise.")
    assert page.console.errors == []
