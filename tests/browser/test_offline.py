"""Offline and installable: after one online visit every published page, the timers and
search work with no network, drafts never reach the phone, and updates arrive."""

import io
import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article, Tag
from core.publishing import Status
from exercises.models import Category, Exercise, Routine
from sciatica.offline import offline_manifest
from tests.browser.helpers import READ_SESSIONS

pytestmark = pytest.mark.service_worker  # the worker is what these tests are about

READY_TIMEOUT = 60_000

ALL_CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) urls.push(request.url);
  }
  return urls;
}"""

SW_STATE = """async () => {
  const saved = await (await caches.open("meta-v1")).match("/__sw-state__");
  return saved ? saved.json() : null;
}"""


# What the worker tells the page (status, up-to-date...), installed before the page's scripts.
RECORD_WORKER_REPLIES = """
window.__workerSaid = [];
navigator.serviceWorker.addEventListener("message", (event) => {
  window.__workerSaid.push(event.data && event.data.type);
});
"""

# Whether the worker has `url` in the copy it serves offline.
SAVED_FOR_OFFLINE = f"""async (url) => {{
  const state = await ({SW_STATE})();
  if (!state || !state.version) return false;
  return Boolean(await (await caches.open(`content-${{state.version}}`)).match(url));
}}"""


def visit_once_online(page, server, path="/"):
    """Open the app online and wait until the worker has saved everything (it tells the page
    its saved version only then), controls the page and has answered the page's check."""
    page.add_init_script(RECORD_WORKER_REPLIES)
    page.goto(server.url + path)
    expect(page.locator("html")).to_have_attribute(
        "data-offline-version", re.compile(r"\w+"), timeout=READY_TIMEOUT
    )
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null", timeout=READY_TIMEOUT
    )
    wait_for_the_check(page)
    return page.evaluate("document.documentElement.dataset.offlineVersion")


def wait_for_the_check(page):
    """The worker answers an online page's check when it has compared versions and retried
    what failed; until then it may still be writing its state."""
    page.wait_for_function(
        "() => window.__workerSaid.some((type) => type !== 'status')", timeout=READY_TIMEOUT
    )


def expected_headings():
    """Every published page and the heading it must show."""
    pages = {reverse("home"): "Sciatica after having a baby", reverse("articles:list"): "Articles"}
    pages[reverse("exercises:list")] = "Exercises"
    pages[reverse("routines:list")] = "Routines"
    pages[reverse("checkin")] = "Quick check-in"
    pages[reverse("progress")] = "My progress"
    pages[reverse("diary")] = "Symptom diary"
    pages[reverse("progress-summary")] = "Summary for my physiotherapist"
    pages[reverse("reminders")] = "Reminders in my calendar"
    for article in Article.objects.published():
        pages[article.get_absolute_url()] = article.title
    for tag in Tag.objects.filter(articles__in=Article.objects.published()).distinct():
        pages[tag.get_absolute_url()] = f"Articles about {tag.name.lower()}"
    for category in Category.objects.filter(exercises__in=Exercise.objects.published()).distinct():
        pages[category.get_absolute_url()] = category.name
    for exercise in Exercise.objects.published():
        pages[exercise.get_absolute_url()] = exercise.name
    for routine in Routine.objects.published():
        pages[routine.get_absolute_url()] = routine.name
    return pages


def test_every_published_page_opens_offline_after_one_visit(server, context, page):
    version = visit_once_online(page, server)
    assert version == offline_manifest()["version"]
    context.set_offline(True)

    pages = expected_headings()
    assert len(pages) >= 30
    for path, heading in pages.items():
        response = page.goto(server.url + path)
        assert response is not None and response.ok, path
        assert page.locator("h1").first.inner_text() == heading, path
        assert page.title().endswith("Postpartum Sciatica Relief"), path
        assert "offline" not in page.title().lower(), path
    expect(page.locator("#offline-bar")).to_be_visible()

    page.goto(server.url + "/search/?q=piriformis")
    assert page.locator("h1").inner_text() == "Search"
    expect(page.locator("#search-results")).to_contain_text("saved on this phone")
    expect(page.get_by_role("link", name="Piriformis stretch")).to_be_visible()
    # Found by its body text, as on the server (the rule: core/search.py).
    expect(page.get_by_role("link", name="Exercises for relief")).to_be_visible()
    page.goto(server.url + "/?source=pwa")  # the installed app's start URL
    assert page.locator("h1").inner_text() == "Sciatica after having a baby"
    assert page.console.errors == []


def test_a_page_never_saved_gives_the_offline_page_and_drafts_stay_off_the_phone(
    server, changes_content, context, page
):
    draft = Article.objects.create(
        title="Unreleased draft", slug="unreleased-draft", summary="Not yet.", body="Secret.",
        status=Status.DRAFT,
    )  # fmt: skip
    visit_once_online(page, server)
    context.set_offline(True)
    page.goto(server.url + draft.get_absolute_url())
    assert page.locator("h1").inner_text() == "You are offline"
    expect(page.get_by_role("link", name="What is postpartum sciatica?").first).to_be_visible()
    cached = page.evaluate(ALL_CACHED_URLS)
    assert len(cached) > 40
    assert not [url for url in cached if "unreleased-draft" in url]
    assert not [url for url in cached if "/admin/" in url or "/preview/" in url]


def run_to_the_end(page, server, path, seconds):
    page.clock.install(time=datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    page.goto(server.url + path)
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(seconds * 1000 + 2000)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    # The session is written to IndexedDB before she can leave the page.
    expect(page.locator('#timer [data-el="saved"]')).to_have_text("Saved on this phone.")


def test_timers_run_to_the_end_offline_and_the_session_is_recorded(server, context, page):
    visit_once_online(page, server)
    context.set_offline(True)
    exercise = Exercise.objects.get(slug="hamstring-stretch")
    run_to_the_end(page, server, exercise.get_absolute_url(), exercise.plan().total_seconds)
    routine = Routine.objects.with_items().get(slug="flare-up-relief")
    run_to_the_end(page, server, routine.get_absolute_url(), routine.plan().total_seconds)
    sessions = page.evaluate(READ_SESSIONS)
    assert all(s["completed"] for s in sessions)
    assert {(s["kind"], s["slug"]) for s in sessions} == {
        ("exercise", "hamstring-stretch"),
        ("routine", "flare-up-relief"),
    }
    assert page.console.errors == []


def test_an_editors_change_reaches_the_offline_copy_after_the_update(
    server, changes_content, context, page
):
    first = visit_once_online(page, server)
    article = Article.objects.get(slug="treatment-options")
    article.summary = "Freshly reviewed: what can help, from self-care to physiotherapy."
    article.save()

    page.goto(server.url + "/")  # the next online visit
    bar = page.locator("#update-bar")
    expect(bar).to_be_visible(timeout=READY_TIMEOUT)
    expect(bar).to_contain_text("Update available")
    with page.expect_navigation():
        bar.get_by_role("button", name="Update").click()
    expect(page.locator("html")).not_to_have_attribute("data-offline-version", first)
    expect(page.locator("html")).to_have_attribute(
        "data-offline-version", offline_manifest()["version"], timeout=READY_TIMEOUT
    )
    context.set_offline(True)
    page.goto(server.url + article.get_absolute_url())
    expect(page.locator(".lead").first).to_have_text(article.summary)
    assert page.console.errors == []


def test_chrome_finds_the_app_installable(server, persistent_context):
    page = (
        persistent_context.pages[0] if persistent_context.pages else persistent_context.new_page()
    )
    visit_once_online(page, server)
    cdp = page.context.new_cdp_session(page)
    result = cdp.send("Page.getInstallabilityErrors")
    assert result["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []


def test_install_button_waits_for_the_browser_to_offer_it(server, page):
    page.goto(server.url + "/")
    expect(page.locator("#install-bar")).to_be_hidden()
    page.evaluate("""() => {
      const event = new Event("beforeinstallprompt");
      event.prompt = () => { window.__prompted = true; };
      event.userChoice = Promise.resolve({ outcome: "dismissed" });
      window.dispatchEvent(event);
    }""")
    expect(page.locator("#install-bar")).to_be_visible()
    page.get_by_role("button", name="Install app").click()
    assert page.evaluate("window.__prompted") is True
    expect(page.locator("#install-bar")).to_be_hidden()


def test_iphone_users_get_add_to_home_screen_instructions(server, browser):
    context = browser.new_context(
        user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
        viewport={"width": 390, "height": 844},
    )
    page = context.new_page()
    page.goto(server.url + "/")
    help_bar = page.locator("#ios-install")
    expect(help_bar).to_be_visible()
    expect(help_bar).to_contain_text("Add to Home Screen")
    help_bar.get_by_role("button").click()
    expect(help_bar).to_be_hidden()
    page.reload()
    expect(help_bar).to_be_hidden()
    context.close()


def test_every_manifest_image_has_the_size_it_declares(server, page):
    manifest = page.request.get(server.url + "/manifest.json").json()
    images = manifest["icons"] + manifest["screenshots"]
    images += [icon for shortcut in manifest["shortcuts"] for icon in shortcut["icons"]]
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for image in images:
        response = page.request.get(server.url + image["src"])
        assert response.ok, image["src"]
        width, height = Image.open(io.BytesIO(response.body())).size
        assert f"{width}x{height}" == image["sizes"], image["src"]


PERSIST_SPY = """
window.__persistCalls = 0;
if (navigator.storage) {
  navigator.storage.persisted = async () => false;
  navigator.storage.persist = async () => { window.__persistCalls += 1; return true; };
}
"""


def test_an_update_never_reloads_under_a_running_timer(server, changes_content, page):
    page.add_init_script(PERSIST_SPY)
    page.clock.install(time=datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    exercise = Exercise.objects.get(slug="bridge")
    first = visit_once_online(page, server, exercise.get_absolute_url())
    Article.objects.filter(slug="treatment-options").update(summary="Changed while she exercises.")
    Article.objects.get(slug="treatment-options").save()

    page.reload()  # she opens the exercise again: the update is offered
    bar = page.locator("#update-bar")
    expect(bar).to_be_visible(timeout=READY_TIMEOUT)
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(3_000)

    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    bar.get_by_role("button", name="Update").click()
    expect(bar).to_contain_text("It will apply when your timer ends", timeout=READY_TIMEOUT)
    page.clock.run_for(10_000)
    assert navigations == []
    expect(page.locator("#timer")).to_have_attribute("data-state", "running")

    with page.expect_navigation():
        page.clock.run_for(exercise.plan().total_seconds * 1000)
    expect(page.locator("html")).not_to_have_attribute("data-offline-version", first)
    assert page.console.errors == []


def test_a_recorded_session_asks_to_keep_the_offline_copy(server, page):
    page.add_init_script(PERSIST_SPY)
    page.clock.install(time=datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    exercise = Exercise.objects.get(slug="modified-plank")
    page.goto(server.url + exercise.get_absolute_url())
    assert page.evaluate("window.__persistCalls") == 0
    page.get_by_role("button", name="Start", exact=True).click()
    page.clock.run_for(exercise.plan().total_seconds * 1000 + 1000)
    expect(page.get_by_role("heading", name="Well done")).to_be_visible()
    page.wait_for_function("() => window.__persistCalls === 1", timeout=10_000)


def test_one_failing_url_does_not_stop_the_install_and_is_retried(server, context, page):
    broken = "/exercises/swimming/"
    server_busy = [True]

    def flaky(route):
        if server_busy[0]:
            route.fulfill(status=503, body="busy")
        else:
            route.continue_()

    context.route(f"**{broken}", flaky)
    visit_once_online(page, server)
    state = page.evaluate(SW_STATE)
    assert state["failed"] == [broken]
    assert len(state["pages"]) > 40  # everything else was saved

    server_busy[0] = False
    page.goto(server.url + "/")  # the next online visit retries it
    wait_for_the_check(page)
    assert page.evaluate(SAVED_FOR_OFFLINE, broken)
    context.set_offline(True)
    page.goto(server.url + broken)
    assert page.locator("h1").inner_text() == "Swimming"
