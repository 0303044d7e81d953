"""My progress, the symptom diary and her records as files, in a real browser: sessions the
timer recorded, the schema upgrade of records kept by the timer before, export then import
into a fresh profile, a damaged file, delete-everything, and no request carrying her data.

Chromium's clock is Playwright's (fixed), its time zone UTC, so days are known.
"""

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SMALL_PHONE
from tests.browser.helpers import WRITE_RECORDS, finish_now
from tests.browser.test_offline import visit_once_online, wait_for_the_check

NOW = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
# Every record of one store, [] when the database or the store is not there yet (the reader
# always closes its connection, so it never holds up the app's upgrade).
READ_STORE = """(name) => new Promise((resolve, reject) => {
  const open = indexedDB.open("sciatica");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(name)) { db.close(); resolve([]); return; }
    const read = db.transaction(name).objectStore(name).getAll();
    read.onsuccess = () => { db.close(); resolve(read.result); };
    read.onerror = () => { db.close(); reject(read.error); };
  };
})"""
READ_VERSION = """() => new Promise((resolve) => {
  const open = indexedDB.open("sciatica");
  open.onsuccess = () => { const v = open.result.version; open.result.close(); resolve(v); };
})"""


def old_record(day, hour, **fields):
    return {
        "startedAt": f"2026-03-0{day}T{hour:02d}:00:00.000Z",
        "endedAt": f"2026-03-0{day}T{hour:02d}:04:00.000Z",
        "kind": "exercise",
        "slug": "hamstring-stretch",
        "title": "Hamstring stretch",
        "plannedSeconds": 235,
        "actualSeconds": 235,
        "completed": True,
        "painBefore": None,
        "painAfter": None,
        "stoppedFor": None,
        "skippedExercises": [],
        **fields,
    }


OLD_RECORDS = [
    old_record(1, 9, painBefore=6, painAfter=4),
    old_record(
        2,
        10,
        kind="routine",
        slug="gentle-stretch",
        title="Gentle stretch",
        plannedSeconds=600,
        actualSeconds=125,
        completed=False,
        stoppedFor="pain",
        painBefore=5,
        skippedExercises=["knee-hug"],
    ),
    old_record(3, 8, painBefore=4, painAfter=2),
]


def open_progress(server, page, path="/progress/"):
    page.clock.set_fixed_time(NOW)
    page.goto(server.url + path)
    return page


def with_old_records(server, page, rows=OLD_RECORDS):
    """An origin whose database holds records written by the timer's first release."""
    page.goto(server.url + "/robots.txt")
    page.evaluate(WRITE_RECORDS, {"version": 1, "sessions": rows})


def day_list(page):
    return page.locator('[data-el="day-list"]')


def test_empty_state_tells_her_how_to_start(server, page):
    open_progress(server, page)
    empty = page.locator('[data-el="empty"]')
    expect(empty.get_by_role("heading", name="Nothing here yet")).to_be_visible()
    expect(empty.get_by_role("link", name="Today's routine")).to_have_attribute(
        "href", "/routines/today/"
    )
    expect(page.get_by_role("link", name="Write a note about how you feel")).to_be_visible()
    expect(
        page.get_by_text("Kept only on this phone. Export it to keep a copy.").first
    ).to_be_visible()
    expect(page.locator('[data-el="glance"]')).to_be_hidden()
    expect(page.locator('[data-el="nojs"]')).to_be_hidden()
    expect(page.get_by_role("link", name="My progress")).to_have_attribute("aria-current", "page")
    assert not re.search(r"streak|missed|behind|failed", page.locator("main").inner_text(), re.I)
    assert page.console.errors == []


def test_sessions_the_timer_recorded_are_shown_by_day_with_the_last_4_weeks(server, page):
    page.clock.install(time=datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    page.goto(server.url + "/exercises/hamstring-stretch/")
    page.get_by_role("radio", name="6", exact=True).check()
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(237_000)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    page.get_by_role("radio", name="3", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator('#timer [data-el="saved"]')).to_have_text(
        "Saved on this phone, with your pain score."
    )
    page.goto(server.url + "/exercises/bridge/")
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(20_000)
    finish_now(page)  # Finish, then "Yes, finish"
    expect(page.locator('#timer [data-el="saved"]')).to_have_text("Saved on this phone.")
    sessions = page.evaluate(READ_STORE, "sessions")
    assert len(sessions) == 2
    assert len({s["uid"] for s in sessions}) == 2  # each its own stable id
    assert all(re.fullmatch(r"[-a-z0-9]{8,64}", s["uid"]) for s in sessions)

    page.goto(server.url + "/progress/")
    expect(page.locator("#progress")).to_have_attribute("data-state", "ready")
    expect(page.locator('[data-el="empty"]')).to_be_hidden()
    day = day_list(page).locator("section").first
    expect(day.get_by_role("heading")).to_have_text("Sunday 1 March")
    items = day.locator("li")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_have_text(
        "Hamstring stretch · 4 min · Complete · pain before 6 · pain after 3"
    )
    expect(items.nth(1)).to_have_text(re.compile(r"^Bridge · \d+ s · Stopped early$"))

    weeks = page.locator('[data-el="weeks"] tr')
    expect(weeks).to_have_count(4)
    expect(weeks.last).to_have_text(
        re.compile(r"Sessions?"), use_inner_text=True
    ) if False else None
    last = [c.strip() for c in weeks.last.locator("th, td").all_inner_texts()]
    assert last == ["1 Mar 2026 to 1 Mar 2026", "2", "4", "6", "3"] or last[1:] == [
        "2",
        "4",
        "6",
        "3",
    ], last
    chart = page.locator('svg[data-el="chart"]')
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator("circle.chart__dot--before")).to_have_count(1)
    expect(chart.locator("circle.chart__dot--after")).to_have_count(1)
    rows = page.locator('[data-el="pain-rows"] tr')
    expect(rows).to_have_count(1)
    assert rows.first.locator("td").all_text_contents()[1:] == ["Hamstring stretch", "6", "3"]
    assert page.locator("main [style]").count() == 0  # classes only (strict CSP)
    assert page.console.errors == []


def test_a_diary_note_is_kept_on_the_phone_and_shown_on_its_day(server, page):
    open_progress(server, page, "/progress/diary/")
    expect(page.get_by_label("Day")).to_have_value("2026-03-03")
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Choose a pain score, where it hurts, or write a few words first."
    )
    assert page.evaluate(READ_STORE, "notes") == []

    page.get_by_label("Day").fill("2026-03-02")
    page.get_by_role("radio", name="7", exact=True).check()
    page.get_by_label("Buttock").check()
    page.get_by_label("Left leg").check()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Anything else?").fill("Worse after carrying the car seat")
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_text("Note saved on this phone.")).to_be_visible()
    (note,) = page.evaluate(READ_STORE, "notes")
    assert note == {
        "uid": note["uid"],
        "day": "2026-03-02",
        "savedAt": "2026-03-03T18:00:00.000Z",
        "pain": 7,
        "where": ["buttock", "left-leg"],
        "numbness": True,
        "text": "Worse after carrying the car seat",
    }
    expect(page.get_by_label("Anything else?")).to_have_value("")

    page.get_by_role("link", name="See it in My progress").click()
    day = day_list(page).locator("section").first
    expect(day.get_by_role("heading")).to_have_text("Monday 2 March")
    expect(day.locator("li")).to_have_text(
        "Note · pain 7 · buttock, left leg · numbness or tingling · "
        "Worse after carrying the car seat"
    )
    assert page.console.errors == []


def test_the_symptoms_article_links_to_the_diary(server, page):
    page.goto(server.url + "/articles/symptoms-of-postpartum-sciatica/")
    page.get_by_role("link", name="symptom diary").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Symptom diary")


def test_records_kept_by_the_first_timer_are_upgraded_without_loss(server, page):
    with_old_records(server, page)
    assert page.evaluate(READ_VERSION) == 1
    before = page.evaluate(READ_STORE, "sessions")

    open_progress(server, page)
    expect(day_list(page).locator("li")).to_have_count(3)
    expect(day_list(page)).to_contain_text(
        "Gentle stretch · 2 min · Stopped because it hurt · Skipped: knee hug · pain before 5"
    )
    assert page.evaluate(READ_VERSION) == 2
    after = page.evaluate(READ_STORE, "sessions")
    assert [{k: v for k, v in row.items() if k != "uid"} for row in after] == before
    uids = [row["uid"] for row in after]
    assert len(set(uids)) == 3 and all(re.fullmatch(r"[0-9a-f-]{36}", uid) for uid in uids)

    page.reload()  # upgraded once: the ids stay
    expect(day_list(page).locator("li")).to_have_count(3)
    assert [row["uid"] for row in page.evaluate(READ_STORE, "sessions")] == uids
    assert page.console.errors == []


def download(page, name):
    with page.expect_download() as info:
        page.get_by_role("button", name=name).click()
    return info.value


def add_note(page, text, pain="4"):
    page.goto(page.url.split("/progress/")[0] + "/progress/diary/")
    page.get_by_role("radio", name=pain, exact=True).check()
    page.get_by_label("Anything else?").fill(text)
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_text("Note saved on this phone.")).to_be_visible()


def test_export_then_import_on_a_new_phone_gives_the_same_records_once(
    server, browser, page, tmp_path
):
    with_old_records(server, page)
    open_progress(server, page)
    add_note(page, "Slept badly, leg tingling")
    page.goto(server.url + "/progress/")
    sessions, notes = page.evaluate(READ_STORE, "sessions"), page.evaluate(READ_STORE, "notes")

    json_file = download(page, "Download a copy to move (JSON)")
    assert json_file.suggested_filename == "sciatica-record-2026-03-03.json"
    exported = json.loads(Path(json_file.path()).read_text())
    assert exported["app"] == "postpartum-sciatica" and exported["format"] == 1
    assert len(exported["sessions"]) == 3 and len(exported["notes"]) == 1
    csv_file = download(page, "Download as a spreadsheet (CSV)")
    assert csv_file.suggested_filename == "sciatica-record-2026-03-03.csv"
    csv = Path(csv_file.path()).read_bytes().decode()
    lines = csv.split("\r\n")
    assert lines[0].startswith("record,date,time,what,minutes,complete")
    assert len(lines) == 6 and lines[-1] == ""
    assert "Slept badly, leg tingling" in csv and "gentle" not in lines[0]
    saved = tmp_path / "copy.json"
    json_file.save_as(saved)

    new_phone = browser.new_context(service_workers="block")  # a fresh profile
    other = new_phone.new_page()
    other.clock.set_fixed_time(NOW)
    other.goto(server.url + "/progress/")
    expect(other.locator('[data-el="empty"]')).to_be_visible()
    other.get_by_label("Bring in a copy from another phone").set_input_files(saved)
    status = other.get_by_role("status").filter(has_text="added")
    expect(status).to_have_text("4 records added from the file.", use_inner_text=True)
    expect(day_list(other).locator("li")).to_have_count(4)

    def same(rows):
        return sorted((json.dumps({k: v for k, v in r.items() if k != "id"}, sort_keys=True))
                      for r in rows)  # fmt: skip

    assert same(other.evaluate(READ_STORE, "sessions")) == same(sessions)
    assert same(other.evaluate(READ_STORE, "notes")) == same(notes)

    other.get_by_label("Bring in a copy from another phone").set_input_files(saved)
    expect(other.get_by_text("Everything in this file is already on this phone.")).to_be_visible()
    assert len(other.evaluate(READ_STORE, "sessions")) == 3
    assert len(other.evaluate(READ_STORE, "notes")) == 1
    new_phone.close()
    assert page.console.errors == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"app": "postpartum-sciatica", "format": 1, "sessions": [{"uid', "damaged"),
        (
            '{"app": "postpartum-sciatica", "format": 1, "sessions": [{"uid": "x"}], "notes": []}',
            "damaged",
        ),
        ("name,email\nJo,jo@example.org\n", "wrong"),
        ('{"hello": "world"}', "wrong"),
    ],
)
def test_a_wrong_or_damaged_file_changes_nothing(server, page, tmp_path, content, message):
    with_old_records(server, page)
    open_progress(server, page)
    before = page.evaluate(READ_STORE, "sessions")
    bad = tmp_path / "records.json"
    bad.write_text(content)
    page.get_by_label("Bring in a copy from another phone").set_input_files(bad)
    texts = {
        "damaged": "This file is damaged and could not be read. Nothing was changed.",
        "wrong": "This is not a copy of your records from this app. Nothing was changed.",
    }
    expect(page.get_by_text(texts[message])).to_be_visible()
    assert page.evaluate(READ_STORE, "sessions") == before
    assert page.evaluate(READ_STORE, "notes") == []


def test_delete_everything_asks_first_then_leaves_nothing(server, page):
    with_old_records(server, page)
    open_progress(server, page)
    add_note(page, "A note")
    page.evaluate("localStorage.setItem('checkin', '{\"version\": 1}')")
    page.goto(server.url + "/progress/")
    page.get_by_role("button", name="Delete everything on this phone").click()
    confirm = page.get_by_role("group", name="Delete everything?")
    expect(confirm).to_be_visible()
    expect(confirm.get_by_role("heading")).to_be_focused()
    confirm.get_by_role("button", name="No, keep my records").click()
    expect(confirm).to_be_hidden()
    assert len(page.evaluate(READ_STORE, "sessions")) == 3

    page.get_by_role("button", name="Delete everything on this phone").click()
    confirm.get_by_role("button", name="Yes, delete everything").click()
    done = page.get_by_text("Everything is deleted from this phone.")
    expect(done).to_be_visible()
    expect(done).to_be_focused()
    expect(page.locator('[data-el="empty"]')).to_be_visible()
    assert page.evaluate(READ_STORE, "sessions") == []
    assert page.evaluate(READ_STORE, "notes") == []
    assert page.evaluate("localStorage.length") == 0
    page.reload()
    expect(page.locator('[data-el="empty"]')).to_be_visible()
    assert page.console.errors == []


def test_persistent_storage_is_asked_for_when_she_saves_a_note(server, page):
    page.add_init_script(
        "window.__persist = 0; navigator.storage.persist = async () => "
        "{ window.__persist += 1; return true; };"
    )
    open_progress(server, page, "/progress/diary/")
    page.get_by_label("Anything else?").fill("ok")
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_text("Note saved on this phone.")).to_be_visible()
    page.wait_for_function("() => window.__persist === 1")


SECRETS = ["Slept badly", "car seat", "left-leg", "numbness", "painBefore", "uid", "knee-hug"]


@pytest.mark.service_worker
def test_no_request_ever_carries_her_records(server, context, page, tmp_path):
    requests = []
    context.on("request", lambda request: requests.append(request))
    visit_once_online(page, server)
    page.goto(server.url + "/robots.txt")
    page.evaluate(WRITE_RECORDS, {"version": 1, "sessions": OLD_RECORDS})
    open_progress(server, page)
    expect(day_list(page).locator("li")).to_have_count(3)
    add_note(page, "Slept badly after the car seat")
    for path in ["/progress/", "/progress/summary/", "/progress/reminders/"]:
        page.goto(server.url + path)
        wait_for_the_check(page)
    page.goto(server.url + "/progress/")
    saved = tmp_path / "copy.json"
    download(page, "Download a copy to move (JSON)").save_as(saved)
    download(page, "Download as a spreadsheet (CSV)")
    page.get_by_label("Bring in a copy from another phone").set_input_files(saved)
    expect(page.get_by_text("Everything in this file is already on this phone.")).to_be_visible()
    page.goto(server.url + "/progress/reminders/")
    with page.expect_download():
        page.get_by_role("button", name="Add reminders to my calendar").click()

    for request in requests:
        headers = json.dumps(request.all_headers())
        for where, text in [
            ("URL", request.url),
            ("headers", headers),
            ("body", request.post_data or ""),
        ]:
            leaked = [secret for secret in SECRETS if secret.lower() in text.lower()]
            assert leaked == [], f"{request.method} {request.url}: {where} holds {leaked}"
        assert request.method in ("GET", "HEAD"), request.url
        assert "?" not in request.url.split("/progress/")[-1] or "/progress/" not in request.url
    assert any(r.url.endswith("/progress/summary/") for r in requests)


def test_without_scripting_each_page_says_it_needs_javascript(server, browser):
    context = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=False)
    page = context.new_page()
    for path, forms in [
        ("/progress/", 0),
        ("/progress/diary/", 1),
        ("/progress/summary/", 0),
        ("/progress/reminders/", 1),
    ]:
        page.goto(server.url + path)
        expect(page.locator('[data-el="nojs"]')).to_be_visible()
        expect(page.locator("main form")).to_have_count(forms)
        if forms:
            expect(page.locator("main form")).to_be_hidden()  # it could not do anything
        expect(page.locator(".site-footer")).to_be_visible()
    context.close()


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_what_waits_for_her_records_shows_even_if_the_script_never_runs(server, browser, motion):
    """My progress shows what it draws from her records all at once, when it is drawn (so
    nothing moves); a script that fails to load must not leave the page blank for good, with
    reduced motion too (which turns animations off, but not this one)."""
    context = browser.new_context(reduced_motion=motion, service_workers="block")
    page = context.new_page()
    page.route("**/static/js/progress.*.js", lambda route: route.abort())
    page.goto(server.url + "/progress/")
    links = page.get_by_role("navigation", name="More in My progress")
    expect(links).to_be_hidden()  # waiting for her records
    # The page's animations run 20 times faster from here (Chromium's DevTools), so the
    # 6 s the fallback waits pass in 0.3 s, as page.clock does for the scripts' timers.
    devtools = context.new_cdp_session(page)
    devtools.send("Animation.enable")
    devtools.send("Animation.setPlaybackRate", {"playbackRate": 20})
    expect(links).to_be_visible()  # after 6 s
    expect(page.get_by_role("button", name="Delete everything on this phone")).to_be_visible()
    expect(page.locator(".site-footer")).to_be_visible()
    context.close()
