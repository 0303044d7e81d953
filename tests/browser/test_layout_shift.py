"""Nothing moves under her thumb: the page loads without layout shift, and the app bars
(install, update, offline, saved copy, resaving) overlay the bottom of the screen instead
of pushing the page down. Measured as browsers measure it: PerformanceObserver
`layout-shift` (buffered, so shifts during load count too), the sum of every entry."""

import pytest

from tests.browser.helpers import WRITE_RECORDS
from tests.browser.test_accessibility import PAGES, wait_until_drawn
from tests.browser.test_progress import NOW, old_record

OBSERVE = """() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        sources: entry.sources.map(
          (s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : "?"),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
}"""

# Two frames and a pause: long enough for the browser to lay out, paint and report.
SETTLE = """() => new Promise((resolve) =>
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 150))))"""

INSTALL = """() => {
  const prompt = new Event("beforeinstallprompt", { cancelable: true });
  prompt.prompt = () => undefined;
  prompt.userChoice = Promise.resolve({ outcome: "dismissed" });
  window.dispatchEvent(prompt);
  return !document.getElementById("install-bar").hidden;
}"""


def show(page, bar_id):
    """Unhides a bar as sw-register.js and app.js do."""
    page.evaluate(f"document.getElementById('{bar_id}').hidden = false")


def shifts(page):
    page.evaluate(SETTLE)
    return page.evaluate("window.__shifts")


@pytest.mark.parametrize("path", PAGES)
def test_no_layout_shift_while_the_app_bars_appear(server, reader, path):
    page = reader
    page.goto(server.url + path)
    wait_until_drawn(page)  # My progress and the summary: from the phone's (empty) database
    page.evaluate(OBSERVE)
    assert shifts(page) == [], f"{path} shifts while loading"
    # The update offer first, the install bar later (below it in the page's HTML), then
    # the offline notices: each one new while the others are on screen.
    show(page, "update-bar")
    assert shifts(page) == []
    assert page.evaluate(INSTALL)
    assert shifts(page) == []
    for bar_id in ["offline-bar", "resaving-bar"]:
        show(page, bar_id)
    assert shifts(page) == [], path
    assert page.console.errors == []


def test_the_bars_overlay_the_bottom_and_never_cover_the_page_end(server, page):
    page.goto(server.url + "/exercises/bridge/")
    show(page, "update-bar")
    page.evaluate(SETTLE)
    assert page.evaluate(INSTALL)
    page.evaluate(SETTLE)
    viewport = page.viewport_size
    bars = [page.locator(f"#{bar_id}").bounding_box() for bar_id in ["update-bar", "install-bar"]]
    for box in bars:
        assert box["y"] + box["height"] <= viewport["height"] + 0.5
        assert box["width"] == viewport["width"]
    # Stacked, not overlapping: the first one shown stays at the bottom.
    update, install = bars
    assert update["y"] + update["height"] == pytest.approx(viewport["height"], abs=0.5)
    assert install["y"] + install["height"] == pytest.approx(update["y"], abs=0.5)
    # The page reserves their height at its end: scrolled to the bottom, the footer's last
    # line is above the bars, and a focused control is scrolled clear of them.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.evaluate(SETTLE)
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] <= install["y"] + 0.5
    page.evaluate("window.scrollTo(0, 0)")
    start = page.get_by_role("button", name="Start", exact=True)
    start.focus()
    page.evaluate(SETTLE)
    box = start.bounding_box()
    assert box["y"] + box["height"] <= install["y"] + 0.5
    assert page.console.errors == []


@pytest.mark.parametrize("path", ["/routines/strength-basics/", "/exercises/bridge/"])
def test_the_timer_is_built_before_the_page_has_loaded(server, page, path):
    """On a slow phone the page is on screen before its scripts have run; if the player were
    built later (a dynamic import, which the load event does not wait for), its start screen
    would grow under whatever she had scrolled to. A slow module shows it."""

    def slowly(route):
        page.wait_for_timeout(800)
        route.continue_()

    page.route("**/static/js/sessions.*.js", slowly)
    page.goto(server.url + path)  # returns at the load event
    assert page.locator('#timer [data-el="nojs"]').is_hidden()
    assert page.get_by_role("button", name="Start", exact=True).is_visible()
    assert page.console.errors == []


PROGRESS_PAGES = [path for path in PAGES if path.startswith("/progress/")]


def session(n, day, **fields):
    """A session as the timer records it now (with its uid), on any day of 2026."""
    times = {"startedAt": f"2026-{day}T09:00:00.000Z", "endedAt": f"2026-{day}T09:04:00.000Z"}
    return old_record(
        1, 9, uid=f"session-{n}", **times, **{"painBefore": 6, "painAfter": 4, **fields}
    )


def note(n, day, text):
    return {
        "uid": f"note-{n}",
        "day": f"2026-{day}",
        "savedAt": f"2026-{day}T20:00:00.000Z",
        "pain": 5,
        "where": ["buttock", "left-leg"],
        "numbness": True,
        "text": text,
    }


# Four weeks: enough days for My progress and the summary to be longer than the screen,
# sessions stopped early and skipped, notes.
RECORDS = {
    "sessions": [
        session(1, "02-04", painBefore=7, painAfter=6),
        session(2, "02-09"),
        session(3, "02-12", completed=False, stoppedFor="pain", actualSeconds=80, painAfter=None),
        session(4, "02-17", kind="routine", slug="gentle-stretch", title="Gentle stretch",
                plannedSeconds=600, actualSeconds=600, skippedExercises=["knee-hug"]),
        session(5, "02-21", painBefore=None, painAfter=None),
        session(6, "02-25", painBefore=5, painAfter=3),
        session(7, "03-01", completed=False, stoppedFor="left", actualSeconds=40),
        session(8, "03-02", painBefore=4, painAfter=2),
    ],
    "notes": [
        note(1, "02-10", "Worse after carrying the car seat, better after a walk"),
        note(2, "02-22", "Slept badly, tingling down the left leg in the morning"),
        note(3, "03-02", "A good day"),
    ],
}  # fmt: skip


def with_records(server, page):
    page.clock.set_fixed_time(NOW)
    page.goto(server.url + "/robots.txt")
    page.evaluate(WRITE_RECORDS, {"version": 2, **RECORDS})


# What shows her records are drawn (so a test cannot pass on an empty page): every session
# and note by day; the notes of the summary's 4 weeks.
DRAWN = {
    "/progress/": ('[data-el="day-list"] li', 11),
    "/progress/summary/": ('[data-el="notes"] li', 3),
}


def assert_drawn(page, path):
    if path in DRAWN:
        selector, count = DRAWN[path]
        assert page.locator(selector).count() == count


SCROLL_TO_THE_END = """() => new Promise((resolve) => {
  window.scrollTo(0, document.documentElement.scrollHeight);
  requestAnimationFrame(() => resolve(window.scrollY));
})"""


@pytest.mark.parametrize("path", PROGRESS_PAGES)
def test_my_progress_pages_do_not_move_with_her_records(server, page, path):
    """With sessions and notes on the phone, loading, then scrolling to the end and back."""
    with_records(server, page)
    page.goto(server.url + path)
    wait_until_drawn(page)
    page.evaluate(OBSERVE)
    assert shifts(page) == [], f"{path} shifts while loading"
    assert_drawn(page, path)
    assert page.evaluate(SCROLL_TO_THE_END) > 0
    page.evaluate(SETTLE)
    page.evaluate("window.scrollTo(0, 0)")
    assert shifts(page) == [], f"{path} shifts after scrolling"
    assert page.console.errors == []


# Holds every opening of IndexedDB until the test lets it go (window.releaseTheDatabase()):
# on a slow phone her records come in well after the page has loaded and been painted, maybe
# after she has scrolled. The stand-in request forwards the real one's results and events.
HOLD_THE_DATABASE = """(() => {
  const open = IDBFactory.prototype.open;
  const held = new Promise((resolve) => { window.releaseTheDatabase = resolve; });
  IDBFactory.prototype.open = function (...args) {
    const request = {};
    held.then(() => {
      const real = open.apply(this, args);
      for (const name of ["result", "error", "transaction", "readyState"]) {
        Object.defineProperty(request, name, { get: () => real[name] });
      }
      for (const name of ["onsuccess", "onerror", "onupgradeneeded", "onblocked"]) {
        real[name] = (event) => request[name]?.(event);
      }
    });
    return request;
  };
})();"""


@pytest.mark.parametrize("scrolled", [False, True], ids=["at-the-top", "scrolled-to-the-end"])
@pytest.mark.parametrize("path", ["/progress/", "/progress/summary/"])
def test_her_records_coming_in_late_move_nothing(server, page, path, scrolled):
    with_records(server, page)
    page.add_init_script(HOLD_THE_DATABASE)
    page.goto(server.url + path)  # the load event: painted, her records not read yet
    page.evaluate(OBSERVE)
    page.evaluate(SETTLE)
    assert page.locator("[data-state=loading]").count() == 1
    if scrolled:
        assert page.evaluate(SCROLL_TO_THE_END) > 0
        page.evaluate(SETTLE)
    page.evaluate("window.releaseTheDatabase()")
    wait_until_drawn(page)
    assert_drawn(page, path)
    assert shifts(page) == [], f"{path} shifts when her records come in"
    page.evaluate("window.scrollTo(0, 0)")
    assert shifts(page) == []
    assert page.console.errors == []
