"""What she sees everywhere (static/js/suitability.js): with her check-in on the phone,
each exercise or routine that is not yet right for her is marked "Not yet for you" with
the reason in words, and stays readable; with no check-in nothing is marked.

"Today" is fixed (Playwright's clock): 30 November 2026.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import open_site, store_checkin
from tests.browser.test_checkin import NOW, record

NOT_YET = {"modified-plank": "Modified plank", "swimming": "Swimming",
           "elliptical-trainer": "Elliptical trainer"}  # fmt: skip
CAESAREAN = "After a caesarean, wait until a health professional has cleared you."
SIX_WEEKS = "Not in the first 6 weeks after birth."


@pytest.fixture
def site(server, page):
    return open_site(server, page, NOW)


def check_in(page, **fields):
    store_checkin(page, record(**fields))


def card(page, name):
    return page.locator("main .card").filter(has=page.get_by_role("link", name=name, exact=True))


def marks(page):
    return page.locator("main [data-suitability-note]")


def test_three_weeks_after_a_caesarean_the_plank_swimming_and_elliptical_are_not_yet(site):
    page = site
    check_in(page, birthDate="2026-11-09", birth="caesarean", cleared="no")

    page.goto(page.url_for("/exercises/"))
    for name in NOT_YET.values():
        note = card(page, name).locator("[data-suitability-note]")
        expect(note).to_be_visible()
        expect(note.locator(".suit-note__badge")).to_have_text("Not yet for you")
        expect(note).to_contain_text(CAESAREAN)
    expect(card(page, "Modified plank")).to_contain_text(SIX_WEEKS)
    expect(card(page, "Elliptical trainer")).not_to_contain_text(SIX_WEEKS)
    # Only those three; the others are left alone, and nothing is hidden.
    expect(marks(page)).to_have_count(len(NOT_YET))
    expect(card(page, "Pelvic tilt")).to_be_visible()
    expect(card(page, "Pelvic tilt").locator("[data-suitability-note]")).to_have_count(0)

    for slug, name in NOT_YET.items():
        page.goto(page.url_for(f"/exercises/{slug}/"))
        header = page.locator("main article > header")
        expect(header.get_by_role("heading", level=1)).to_have_text(name)
        expect(header.locator(".suit-note__badge")).to_have_text("Not yet for you")
        expect(header.locator("[data-suitability-note]")).to_contain_text(CAESAREAN)
        expect(page.locator("#steps-heading")).to_be_visible()  # still there to read

    page.goto(page.url_for("/exercises/pelvic-tilt/"))
    expect(marks(page)).to_have_count(0)

    # A routine with the plank in it is not yet for her either, and says why.
    page.goto(page.url_for("/routines/"))
    expect(card(page, "Strength basics").locator(".suit-note__badge")).to_have_text(
        "Not yet for you"
    )
    expect(card(page, "Gentle stretch").locator("[data-suitability-note]")).to_have_count(0)
    page.goto(page.url_for("/routines/strength-basics/"))
    item = page.locator(".routine-item").filter(has_text="Modified plank")
    expect(item.locator(".suit-note__badge")).to_have_text("Not yet for you")
    assert page.console.errors == []


def test_ten_weeks_after_a_vaginal_birth_with_clearance_nothing_is_marked(site):
    page = site
    check_in(page, birthDate="2026-09-21", birth="vaginal", cleared="yes")
    for path in ["/exercises/", "/routines/", "/exercises/modified-plank/",
                 "/routines/strength-basics/"]:  # fmt: skip
        page.goto(page.url_for(path))
        expect(page.locator("main [data-suitability]").first).to_have_attribute(
            "data-suitability", "suitable"
        )
        expect(marks(page)).to_have_count(0)
    assert page.console.errors == []


def test_with_no_check_in_nothing_is_marked(site):
    page = site
    for path in ["/exercises/", "/routines/", "/exercises/modified-plank/"]:
        page.goto(page.url_for(path))
        expect(page.locator("main [data-suitability]").first).to_have_attribute(
            "data-suitability", "no-checkin"
        )
        expect(marks(page)).to_have_count(0)
    assert page.console.errors == []


def test_with_an_emergency_sign_every_exercise_says_to_get_help_first(site):
    page = site
    check_in(page, birthDate="2026-09-21", birth="vaginal", cleared="yes", emergency=True)
    page.goto(page.url_for("/exercises/pelvic-tilt/"))
    note = page.locator("main article > header [data-suitability-note]")
    expect(note.locator(".suit-note__badge")).to_have_text("Get help first")
    help_link = note.get_by_role("link", name="When to get help")
    expect(help_link).to_have_attribute("href", page.locator(".nav-help").get_attribute("href"))
    expect(note.get_by_role("link", name="Your check-in")).to_have_attribute("href", "/check-in/")
    box = help_link.bounding_box()
    assert box["height"] >= 44

    page.goto(page.url_for("/exercises/"))
    expect(page.locator("main .card")).to_have_count(marks(page).count())
    # The link inside a card is above the card's own link, so a tap reaches it.
    card(page, "Walking").get_by_role("link", name="Your check-in").click()
    expect(page).to_have_url(page.url_for("/check-in/"))
    assert page.console.errors == []


def test_category_search_and_offline_pages_mark_what_is_not_yet_for_her(site):
    page = site
    check_in(page, birthDate="2026-11-09", birth="caesarean", cleared="no")

    page.goto(page.url_for("/exercises/category/strengthening/"))
    expect(card(page, "Modified plank").locator(".suit-note__badge")).to_have_text(
        "Not yet for you"
    )
    expect(card(page, "Bridge").locator("[data-suitability-note]")).to_have_count(0)

    page.goto(page.url_for("/search/?q=plank"))
    expect(card(page, "Modified plank").locator(".suit-note__badge")).to_have_text(
        "Not yet for you"
    )

    page.goto(page.url_for("/offline/"))
    for name in [*NOT_YET.values(), "Strength basics"]:
        item = page.locator("main li").filter(has=page.get_by_role("link", name=name, exact=True))
        expect(item.locator(".suit-note__badge")).to_have_text("Not yet for you")
        expect(item).to_contain_text(CAESAREAN)
    walking = page.locator("main li").filter(has=page.get_by_role("link", name="Walking"))
    expect(walking.locator("[data-suitability-note]")).to_have_count(0)
    assert page.console.errors == []


def test_search_results_from_the_saved_index_are_marked_too(site):
    """Offline, the worker answers /search/?q=... with its saved /search/ page and
    static/js/search.js finds the results in the saved index (/search-index.json): they are
    marked from the index's rules exactly as the server's results are."""
    page = site
    check_in(page, birthDate="2026-11-09", birth="caesarean", cleared="no")
    saved_search_page = page.request.get(page.url_for("/search/")).text()
    page.route("**/search/?q=*", lambda route: route.fulfill(body=saved_search_page,
                                                            content_type="text/html"))  # fmt: skip

    page.goto(page.url_for("/search/?q=tingling"))  # every exercise's "Stop if" has it
    expect(page.locator("#search-results")).to_contain_text("saved on this phone")
    for name in NOT_YET.values():
        found = card(page, name)
        expect(found).to_have_attribute("data-suitability", "not-yet")
        expect(found.locator(".suit-note__badge")).to_have_text("Not yet for you")
        expect(found).to_contain_text(CAESAREAN)
    expect(card(page, "Pelvic tilt")).to_have_attribute("data-suitability", "suitable")
    expect(card(page, "Pelvic tilt").locator("[data-suitability-note]")).to_have_count(0)
    assert page.console.errors == []
