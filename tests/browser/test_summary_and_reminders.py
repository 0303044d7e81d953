"""The summary for her physiotherapist, printed to PDF by Chromium, and reminders as a
calendar file parsed by a real iCalendar parser (the icalendar package)."""

import io
import json
from datetime import UTC, date, datetime, time, timedelta

import icalendar
from playwright.sync_api import expect
from pypdf import PdfReader

NOW = datetime(2026, 3, 28, 18, 0, tzinfo=UTC)


def four_weeks_of_records():
    """An export as the app makes it: 21 sessions (18 in the 4 weeks, 2 before, 1 tomorrow)
    and 6 notes."""
    sessions = []
    for n in range(21):
        day = date(2026, 2, 27) + timedelta(days=n * 3 // 2)
        started = datetime.combine(day, time(9, 0), tzinfo=UTC)
        stopped = n in (5, 12)
        sessions.append({
            "uid": f"00000000-0000-4000-8000-{n:012d}",
            "startedAt": started.isoformat().replace("+00:00", ".000Z"),
            "endedAt": (started + timedelta(minutes=6)).isoformat().replace("+00:00", ".000Z"),
            "kind": "routine" if n % 3 == 0 else "exercise",
            "slug": "gentle-stretch" if n % 3 == 0 else "bridge",
            "title": "Gentle stretch" if n % 3 == 0 else "Bridge",
            "plannedSeconds": 360,
            "actualSeconds": 120 if stopped else 360,
            "completed": not stopped,
            "painBefore": max(2, 7 - n // 4),
            "painAfter": max(1, 6 - n // 4),
            "stoppedFor": "pain" if n == 5 else None,
            "skippedExercises": ["knee-hug"] if n == 9 else [],
        })  # fmt: skip
    notes = [
        {
            "uid": f"10000000-0000-4000-8000-{n:012d}",
            "day": f"2026-03-{4 * n + 2:02d}",
            "savedAt": f"2026-03-{4 * n + 2:02d}T20:00:00.000Z",
            "pain": 6 - n,
            "where": ["buttock", "left-leg"],
            "numbness": n % 2 == 0,
            "text": f"Note {n}: worse after sitting to feed the baby",
        }
        for n in range(6)
    ]
    return {"app": "postpartum-sciatica", "format": 1, "exportedAt": "2026-03-28T18:00:00.000Z",
            "sessions": sessions, "notes": notes}  # fmt: skip


def test_the_printed_summary_is_one_or_two_a4_pages_with_the_last_4_weeks(
    server, page, tmp_path, report_budget
):
    copy = tmp_path / "copy.json"
    copy.write_text(json.dumps(four_weeks_of_records()))
    page.clock.set_fixed_time(NOW)
    page.goto(server.url + "/progress/")
    page.get_by_label("Bring in a copy from another phone").set_input_files(copy)
    expect(page.get_by_text("27 records added from the file.")).to_be_visible()

    page.goto(server.url + "/progress/summary/")
    expect(page.locator("#summary")).to_have_attribute("data-state", "ready")
    expect(page.locator('[data-el="range"]')).to_have_text("1 Mar 2026 to 28 Mar 2026")
    expect(page.locator('[data-el="totals"]')).to_have_text(
        "18 sessions, 100 minutes in all, 16 played to the end."
    )
    assert page.locator("main [style]").count() == 0  # classes only (strict CSP)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    report_budget(f"physio summary: {len(pdf.pages)} A4 page(s) of 2 (18 sessions, 6 notes)")
    assert 1 <= len(pdf.pages) <= 2, len(pdf.pages)
    for sheet in pdf.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5  # A4 in points
    text = " ".join(" ".join(sheet.extract_text().split()) for sheet in pdf.pages)
    for expected in [
        "Postpartum Sciatica Relief",
        "Summary for my physiotherapist",
        "1 Mar 2026 to 28 Mar 2026",
        "18 sessions, 100 minutes in all, 16 played to the end.",
        "Pain trend",
        "Stopped because it hurt",
        "Skipped: knee hug",
        "Note 0: worse after sitting to feed the baby",
        "Note 5: worse after sitting to feed the baby",
        "22 Mar 2026 to 28 Mar 2026",
    ]:
        assert expected in text, expected
    # The screen's furniture stays off the paper; sessions before the 4 weeks too.
    for absent in ["Skip to content", "Print or save as PDF", "Exercises Search", "27 Feb"]:
        assert absent not in text, absent
    assert page.console.errors == []


def test_reminders_download_an_ics_file_her_calendar_can_read(server, page):
    page.clock.set_fixed_time(datetime(2026, 3, 7, 12, 0, tzinfo=UTC))  # a Saturday
    page.goto(server.url + "/progress/reminders/")
    routine = page.locator('[data-reminder="routine"]')
    routine.get_by_label("Second time (optional)").fill("18:30")
    with page.expect_download() as info:
        page.get_by_role("button", name="Add reminders to my calendar").click()
    download = info.value
    assert download.suggested_filename == "sciatica-reminders.ics"
    raw = open(download.path(), "rb").read()  # noqa: SIM115
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    expect(page.get_by_text("Your calendar file is downloaded")).to_be_visible()

    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    host = server.url.split("//")[1]
    assert sorted(events) == sorted(
        f"{key}@{host}"
        for key in ["pelvic-floor-0800", "pelvic-floor-1300", "pelvic-floor-1900",
                    "routine-1000", "routine-1830"]
    )  # fmt: skip
    pelvic = events[f"pelvic-floor-1300@{host}"]
    assert str(pelvic["SUMMARY"]) == "Pelvic floor exercises"
    assert pelvic["RRULE"]["FREQ"] == ["DAILY"]
    assert pelvic["DTSTART"].dt == datetime(2026, 3, 7, 13, 0)  # her local time
    assert str(pelvic["URL"]) == server.url + "/exercises/pelvic-floor-exercise/"
    (alarm,) = pelvic.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm["TRIGGER"].dt == timedelta(0)

    routine_event = events[f"routine-1830@{host}"]
    assert routine_event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert routine_event["RRULE"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
    assert routine_event["DTSTART"].dt == datetime(2026, 3, 9, 18, 30)  # the first weekday
    assert str(routine_event["URL"]) == server.url + "/routines/today/"
    assert routine_event.walk("VALARM")

    # Unticking a reminder leaves it out; with nothing left, she is told what to do.
    page.locator('[data-reminder="pelvic-floor"]').get_by_label("Pelvic floor exercises").uncheck()
    for day in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]:
        routine.get_by_label(day).uncheck()
    page.get_by_role("button", name="Add reminders to my calendar").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Choose at least one reminder with a time and a day."
    )
    assert page.console.errors == []
