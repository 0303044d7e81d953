"""The private check-in in a real browser: each path through it, what is kept on the phone,
bad input, offline, and proof that no request to the server carries an answer.

"Today" is fixed (Playwright's clock), so the weeks since birth are known: 30 November 2026.
"""

import json
import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SMALL_PHONE
from tests.browser.test_offline import visit_once_online, wait_for_the_check

TODAY = "2026-11-30"
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
BIRTHS = {
    "vaginal": "Vaginal birth",
    "assisted": "Assisted birth, with forceps or ventouse",
    "caesarean": "Caesarean, planned or emergency",
}
CLEARED = {"yes": "Yes", "no": "No, not yet", "unsure": "Not sure"}
READ_STORED = "() => localStorage.getItem('checkin')"
READ_CLEARED = "() => localStorage.getItem('cleared-for')"


@pytest.fixture
def checkin(server, page):
    """The check-in page on 30 November 2026, nothing saved yet."""
    page.clock.set_fixed_time(NOW)
    page.goto(server.url + "/check-in/")
    expect(page.get_by_role("heading", name="When was your baby born?")).to_be_visible()
    return page


def question(page, text):
    return page.get_by_role("heading", name=text, exact=True)


def next_question(page):
    page.get_by_role("button", name="Next", exact=True).click()


def answer(page, *, birth, cleared, emergency=False, urgent=False, weeks=None, date=None):
    """Answers every question, checking that each one takes the focus in turn."""
    if date is not None:
        page.get_by_label("Date of birth").fill(date)
    else:
        page.get_by_label("How many weeks ago").fill(str(weeks))
    next_question(page)
    expect(question(page, "How was your baby born?")).to_be_focused()
    page.get_by_label(BIRTHS[birth]).check()
    next_question(page)
    expect(question(page, "Has a health professional said you can exercise?")).to_be_focused()
    page.get_by_label(CLEARED[cleared], exact=True).check()
    next_question(page)
    expect(question(page, "Do you have any of these now?")).to_be_focused()
    group = page.get_by_role("group", name="Question 4 of 5 Do you have any of these now?")
    group.get_by_label("Yes, one or more" if emergency else "No, none of these").check()
    next_question(page)
    if emergency:
        return
    expect(question(page, "Do you have any of these?")).to_be_focused()
    group = page.get_by_role("group", name="Question 5 of 5 Do you have any of these?")
    group.get_by_label("Yes, one or more" if urgent else "No, none of these").check()
    next_question(page)


def expect_checkin_link(page, text):
    """The way to the check-in on the page (one, in the content) says `text`."""
    link = page.locator("main [data-checkin-link] a")
    expect(link).to_have_text(text, use_inner_text=True)
    expect(link).to_have_accessible_name(text)
    expect(link).to_have_attribute("href", "/check-in/")


def stored(page):
    raw = page.evaluate(READ_STORED)
    return json.loads(raw) if raw else None


def record(**fields):
    return {
        "version": 1,
        "emergency": False,
        "urgent": False,
        "spokeToProfessional": False,
        "savedOn": TODAY,
        **fields,
    }


def exercise_links(page):
    main = page.locator("#checkin")
    return main.locator('a[href^="/exercises/"], a[href^="/routines/"]')


def test_an_emergency_sign_shows_only_the_emergency_card_with_a_number_to_call(checkin):
    page = checkin
    answer(page, weeks=2, birth="vaginal", cleared="no", emergency=True)

    card = page.locator('[data-result="emergency"]')
    expect(card).to_be_visible()
    title = card.get_by_role("heading", name="Call 999 now, or go to A&E")
    expect(title).to_be_focused()
    call = card.get_by_role("link", name="Call 999")
    expect(call).to_have_attribute("href", "tel:999")
    # Nothing else: no urgent card, no summary, no "thank you", no way to an exercise.
    for hidden in ['[data-result="urgent"]', '[data-result="ready"]', '[data-el="summary"]']:
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator('[data-el="form"]')).to_be_hidden()
    expect(exercise_links(page).filter(visible=True)).to_have_count(0)
    # She was not asked the urgent question: the emergency comes first.
    assert stored(page) == record(
        birthDate="2026-11-16", birth="vaginal", cleared="no", emergency=True
    )

    page.reload()  # remembered: still only the emergency card
    expect(page.locator('[data-result="emergency"]')).to_be_visible()
    expect(exercise_links(page).filter(visible=True)).to_have_count(0)
    expect(page.get_by_role("button", name="Change my answers")).to_be_visible()
    assert page.console.errors == []


def test_an_urgent_sign_offers_exercise_only_once_she_has_spoken_to_a_professional(checkin):
    page = checkin
    answer(page, weeks=8, birth="assisted", cleared="yes", urgent=True)

    card = page.locator('[data-result="urgent"]')
    expect(card.get_by_role("heading", name="Speak to a doctor or midwife today")).to_be_focused()
    expect(card.get_by_role("link", name="Call NHS 111")).to_have_attribute("href", "tel:111")
    expect(card.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    expect(exercise_links(page).filter(visible=True)).to_have_count(0)
    expect(page.locator('[data-answer="signs"]')).to_have_text(
        "A sign a health professional should check soon", use_inner_text=True
    )
    assert stored(page)["urgent"] is True
    assert stored(page)["spokeToProfessional"] is False

    page.get_by_role("button", name="I have spoken to a health professional").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_focused()
    expect(card).to_be_hidden()
    expect(page.get_by_role("link", name="See the exercises")).to_be_visible()
    assert stored(page) == record(
        birthDate="2026-10-05", birth="assisted", cleared="yes", urgent=True,
        spokeToProfessional=True,
    )  # fmt: skip
    expect(page.locator('[data-answer="signs"]')).to_have_text(
        "A sign a health professional should check soon: you have spoken to one",
        use_inner_text=True,
    )
    assert page.console.errors == []


def test_three_weeks_after_a_caesarean_without_clearance(checkin):
    page = checkin
    answer(page, weeks=3, birth="caesarean", cleared="no")

    expect(page.get_by_role("heading", name="Thank you")).to_be_focused()
    assert stored(page) == record(birthDate="2026-11-09", birth="caesarean", cleared="no")
    expect(
        page.get_by_text("Check with your midwife, GP or physiotherapist before")
    ).to_be_visible()
    summary = page.locator('[data-el="summary"]')
    expect(summary.locator('[data-answer="born"]')).to_have_text("9 November 2026 (3 weeks ago)")
    expect(summary.locator('[data-answer="birth"]')).to_have_text("Caesarean, planned or emergency")
    expect(summary.locator('[data-answer="cleared"]')).to_have_text("No, not yet")
    expect(summary.locator('[data-answer="signs"]')).to_have_text("None", use_inner_text=True)
    expect(summary.locator('[data-answer="saved"]')).to_have_text("30 November 2026")
    assert page.console.errors == []


def test_ten_weeks_after_a_vaginal_birth_with_clearance_is_remembered(checkin, server):
    page = checkin
    answer(page, date="2026-09-21", birth="vaginal", cleared="yes")

    assert stored(page) == record(birthDate="2026-09-21", birth="vaginal", cleared="yes")
    expect(page.get_by_text("Check with your midwife, GP or physiotherapist before")).to_be_hidden()
    expect(page.get_by_role("link", name="See the exercises")).to_be_visible()

    page.reload()
    expect(page.locator('[data-answer="born"]')).to_have_text("21 September 2026 (10 weeks ago)")
    expect(page.locator('[data-el="stale"]')).to_be_hidden()
    expect(page.locator('[data-el="form"]')).to_be_hidden()
    # Every way in now says she has checked in.
    for path in ["/", "/exercises/", "/routines/"]:
        page.goto(server.url + path)
        expect_checkin_link(page, "Your check-in: see or change your answers")
    assert page.console.errors == []


def test_her_answers_can_be_changed(checkin):
    page = checkin
    answer(page, weeks=3, birth="caesarean", cleared="no")
    page.get_by_role("button", name="Change my answers").click()
    expect(question(page, "When was your baby born?")).to_be_focused()
    expect(page.get_by_label("Date of birth")).to_have_value("2026-11-09")  # as she left them
    next_question(page)
    expect(page.get_by_label(BIRTHS["caesarean"])).to_be_checked()
    next_question(page)
    page.get_by_label(CLEARED["yes"], exact=True).check()
    next_question(page)
    next_question(page)
    next_question(page)
    assert stored(page) == record(birthDate="2026-11-09", birth="caesarean", cleared="yes")
    expect(page.locator('[data-answer="cleared"]')).to_have_text("Yes", use_inner_text=True)


def test_forget_my_answers_erases_them_from_the_phone(checkin, server):
    page = checkin
    answer(page, weeks=3, birth="caesarean", cleared="no")
    assert stored(page) is not None
    # What she confirmed on the exercise pages ("cleared me for this") goes with them.
    page.evaluate("""() => localStorage.setItem('cleared-for', '["exercise:modified-plank"]')""")

    page.get_by_role("button", name="Forget my answers").click()
    assert stored(page) is None
    assert page.evaluate(READ_CLEARED) is None
    status = page.get_by_role("status").filter(has_text="Your answers are forgotten")
    expect(status).to_be_focused()
    expect(question(page, "When was your baby born?")).to_be_visible()
    expect(page.get_by_label("How many weeks ago")).to_have_value("")
    expect(page.locator('[data-el="summary"]')).to_be_hidden()

    page.goto(server.url + "/")
    expect_checkin_link(page, "New here? Start with a quick check-in")
    assert stored(page) is None
    assert page.console.errors == []


def error_for(page, label):
    """The error message an input is described by, once shown."""
    ids = page.get_by_label(label).get_attribute("aria-describedby").split()
    shown = [i for i in ids if page.locator(f"#{i}").is_visible() and "error" in i]
    assert len(shown) == 1, ids
    return page.locator(f"#{shown[0]}")


@pytest.mark.parametrize(
    ("fill", "message"),
    [
        ({"Date of birth": "2026-12-25"}, "The date of birth cannot be in the future."),
        ({"Date of birth": "2024-11-01"}, "This app is for the first two years after a birth."),
        ({"How many weeks ago": "200"}, "This app is for the first two years after a birth."),
        ({"How many weeks ago": "2.5"}, "Enter the weeks as a whole number, like 3."),
        ({}, "Enter your baby's date of birth, or how many weeks ago they were born."),
    ],
)
def test_a_birth_date_that_cannot_be_right_gets_a_clear_message(checkin, fill, message):
    page = checkin
    for label, value in fill.items():
        page.get_by_label(label).fill(value)
    next_question(page)

    label = next(iter(fill), "Date of birth")
    error = error_for(page, label)
    expect(error).to_contain_text(message)
    expect(page.get_by_label(label)).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Date of birth")).to_be_focused()
    expect(question(page, "When was your baby born?")).to_be_visible()
    assert stored(page) is None

    # Put right, the message goes and the next question comes.
    page.get_by_label("How many weeks ago").fill("4")
    next_question(page)
    expect(question(page, "How was your baby born?")).to_be_focused()
    expect(error).to_be_hidden()
    assert page.get_by_label("Date of birth").get_attribute("aria-invalid") is None
    assert page.console.errors == []


def test_an_empty_answer_is_asked_for_not_guessed(checkin):
    page = checkin
    page.get_by_label("How many weeks ago").fill("5")
    next_question(page)
    next_question(page)  # nothing chosen
    expect(error_for(page, BIRTHS["vaginal"])).to_have_text("Choose how your baby was born.")
    expect(page.get_by_label(BIRTHS["vaginal"])).to_be_focused()
    expect(question(page, "How was your baby born?")).to_be_visible()
    page.get_by_role("button", name="Back").click()
    expect(question(page, "When was your baby born?")).to_be_focused()
    expect(page.get_by_label("How many weeks ago")).to_have_value("5")
    assert stored(page) is None


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        json.dumps(record(birthDate="2027-01-01", birth="vaginal", cleared="yes")),
        json.dumps(record(birthDate="2026-11-01", birth="home", cleared="yes")),
        json.dumps({"version": 1}),
    ],
)
def test_a_damaged_saved_answer_gives_a_fresh_check_in(server, page, raw):
    page.clock.set_fixed_time(NOW)
    page.goto(server.url + "/")
    page.evaluate("(raw) => localStorage.setItem('checkin', raw)", raw)
    page.reload()
    expect_checkin_link(page, "New here? Start with a quick check-in")
    page.goto(server.url + "/check-in/")
    expect(page.get_by_role("alert")).to_have_text(
        "Your saved answers could not be used, so they have been cleared. Please answer again."
    )
    expect(question(page, "When was your baby born?")).to_be_visible()
    expect(page.locator('[data-el="summary"]')).to_be_hidden()
    assert stored(page) is None
    assert page.console.errors == []


def test_she_is_asked_again_after_two_weeks_or_past_a_rules_week(server, page):
    page.clock.set_fixed_time(NOW)
    page.goto(server.url + "/")
    saved = {
        # Answered 15 days ago: too old.
        "old": record(birthDate="2026-09-01", birth="vaginal", cleared="yes", savedOn="2026-11-15"),
        # Answered at 5 weeks 6 days, 5 days ago: she has passed week 6 (the plank's).
        "crossed": record(
            birthDate="2026-10-15", birth="vaginal", cleared="yes", savedOn="2026-11-25"
        ),
    }
    for raw in saved.values():
        page.evaluate("(raw) => localStorage.setItem('checkin', raw)", json.dumps(raw))
        page.goto(server.url + "/check-in/")
        prompt = page.locator('[data-el="stale"]')
        expect(prompt).to_contain_text("Please check in again.")
        expect(page.locator('[data-el="summary"]')).to_be_visible()
        page.goto(server.url + "/")
        expect_checkin_link(page, "Please check in again")

    # On an exercise's page, its own earliest week counts: the plank's is week 6, which she
    # has passed since answering; the pelvic tilt's is week 0.
    for slug, text in [
        ("modified-plank", "Please check in again"),
        ("pelvic-tilt", "Your check-in: see or change your answers"),
    ]:
        page.goto(server.url + f"/exercises/{slug}/")
        link = page.locator("#timer [data-checkin-link] a")
        expect(link).to_have_text(text, use_inner_text=True)

    page.goto(server.url + "/check-in/")
    page.locator('[data-el="stale"]').get_by_role("button", name="Check in again").click()
    expect(question(page, "When was your baby born?")).to_be_focused()
    expect(page.get_by_label("Date of birth")).to_have_value("2026-10-15")
    assert page.console.errors == []


def test_the_whole_check_in_works_with_the_keyboard_alone(checkin):
    page = checkin
    page.get_by_label("How many weeks ago").focus()
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    expect(question(page, "How was your baby born?")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the second choice
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(question(page, "Has a health professional said you can exercise?")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first choice
    page.keyboard.press("Enter")
    for _ in range(2):  # no, none of these; twice
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Thank you")).to_be_focused()
    assert stored(page) == record(birthDate="2026-11-09", birth="caesarean", cleared="yes")


def test_choices_are_big_enough_for_a_thumb(checkin):
    page = checkin

    def assert_big(*boxes):
        for box in boxes:
            size = box.bounding_box()
            assert size["height"] >= 44 and size["width"] >= 44, box

    assert_big(page.get_by_label("Date of birth"), page.get_by_label("How many weeks ago"))
    page.get_by_label("How many weeks ago").fill("3")
    next_question(page)
    assert_big(*[page.get_by_label(text).locator("xpath=..") for text in BIRTHS.values()])
    assert_big(*[page.get_by_role("button", name=name) for name in ("Next", "Back")])
    # Each question is a group named by its legend.
    expect(
        page.get_by_role("group", name="Question 2 of 5 How was your baby born?")
    ).to_be_visible()


@pytest.mark.service_worker
def test_the_check_in_works_offline_after_one_visit(server, context, page):
    visit_once_online(page, server)
    context.set_offline(True)
    page.clock.set_fixed_time(NOW)
    response = page.goto(server.url + "/check-in/")
    assert response is not None and response.ok
    expect(page.locator("#offline-bar")).to_be_visible()
    answer(page, weeks=3, birth="caesarean", cleared="no")
    assert stored(page) == record(birthDate="2026-11-09", birth="caesarean", cleared="no")
    page.reload()
    expect(page.locator('[data-answer="born"]')).to_have_text("9 November 2026 (3 weeks ago)")
    page.goto(server.url + "/")
    expect_checkin_link(page, "Your check-in: see or change your answers")
    assert page.console.errors == []


# Her answers as they could travel: the date in common spellings, the record's own names and
# the words of the choices she made (none of which is in a page's address).
SECRETS = [
    "2025-12-17", "17/12/2025", "12/17/2025", "2025/12/17", "20251217", "17-12-2025",
    "birthDate", "spokeToProfessional", "savedOn", "weeksAgo", "assisted", "unsure",
    "checkin-birth", "checkin-cleared", "checkin-emergency", "checkin-urgent",
]  # fmt: skip


@pytest.mark.service_worker
def test_no_request_ever_carries_an_answer(server, context, page):
    requests = []
    context.on(
        "request", lambda request: requests.append(request)
    )  # the pages' and the service worker's
    visit_once_online(page, server)
    page.clock.set_fixed_time(NOW)
    page.goto(server.url + "/check-in/")
    answer(page, date="2025-12-17", birth="assisted", cleared="unsure", urgent=True)
    page.get_by_role("button", name="I have spoken to a health professional").click()
    page.get_by_role("button", name="Change my answers").click()
    page.get_by_label("Date of birth").press("Enter")  # submitting the form, as a keyboard would
    expect(question(page, "How was your baby born?")).to_be_focused()
    for path in ["/", "/exercises/", "/exercises/modified-plank/", "/routines/", "/check-in/"]:
        page.goto(server.url + path)
        wait_for_the_check(page)  # the page and its worker have made their requests
    page.reload()
    wait_for_the_check(page)
    assert stored(page)["birthDate"] == "2025-12-17"

    checked = 0
    for request in requests:
        headers = json.dumps(request.all_headers())
        body = request.post_data or ""
        for where, text in [("URL", request.url), ("headers", headers), ("body", body)]:
            leaked = [secret for secret in SECRETS if secret.lower() in text.lower()]
            assert leaked == [], f"{request.method} {request.url}: {where} holds {leaked}"
        assert request.method in ("GET", "HEAD"), request.url
        assert not re.search(r"/check-in/\?", request.url), request.url
        checked += 1
    assert checked > 20  # pages, scripts, the worker's offline copies
    assert any(r.url == server.url + "/check-in/" for r in requests)


def test_without_javascript_the_form_is_not_shown_and_the_notice_says_why(server, browser):
    context = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/check-in/")
    expect(page.get_by_text("The check-in needs JavaScript.")).to_be_visible()
    expect(page.locator("form.checkin__form")).to_be_hidden()
    context.close()


def test_with_javascript_the_first_question_is_there_from_the_first_paint(checkin):
    """No notice swapped for the form as the script starts: nothing shifts
    (tests/browser/test_layout_shift.py measures it)."""
    expect(checkin.get_by_text("The check-in needs JavaScript.")).to_be_hidden()
    expect(question(checkin, "When was your baby born?")).to_be_visible()
