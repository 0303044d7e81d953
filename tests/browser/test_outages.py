"""When the server does not work, the app does: her saved copy with a quiet notice on server
errors and timeouts, the error page only for what she never saved, updates that never leave
a mix of versions, and saved copies the browser cleared saved again."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from exercises.models import Exercise
from sciatica.offline import offline_manifest
from tests.browser.test_offline import (
    READY_TIMEOUT,
    SW_STATE,
    run_to_the_end,
    visit_once_online,
    wait_for_the_check,
)

pytestmark = pytest.mark.service_worker

NOTICE = "The site is having trouble. This is the copy saved on your phone."


def answer_with(context, path, status):
    """The server (or a proxy in front of it) answers `path` with `status` from now on."""
    context.route(
        f"**{path}",
        lambda route: route.fulfill(status=status, body=f"Error {status} from the proxy"),
    )


def test_a_server_error_shows_the_saved_copy_with_a_notice(server, context, page):
    """Each server error in turn (one visit saves the pages for all four); a page that
    answers normally has no notice."""
    visit_once_online(page, server)
    page.goto(server.url + reverse("articles:list"))
    expect(page.locator("h1")).to_have_text("Articles")
    expect(page.locator("#saved-copy-bar")).to_be_hidden()
    article = Article.objects.get(slug="symptoms-of-postpartum-sciatica")
    for status in [500, 502, 503, 504]:
        answer_with(context, article.get_absolute_url(), status)
        response = page.goto(server.url + article.get_absolute_url())
        assert response.status == 200, status  # her saved copy
        expect(page.locator("h1")).to_have_text(article.title)
        notice = page.locator("#saved-copy-bar")
        expect(notice).to_be_visible()
        expect(notice).to_have_text(NOTICE)

        # A page she never saved gets the server's error page.
        answer_with(context, "/never-saved/", status)
        response = page.goto(server.url + "/never-saved/")
        assert response.status == status
        expect(page.locator("body")).to_have_text(f"Error {status} from the proxy")
        context.unroute_all()


def test_the_timer_runs_to_the_end_while_the_server_fails(server, context, page):
    visit_once_online(page, server)
    exercise = Exercise.objects.get(slug="hamstring-stretch")
    answer_with(context, exercise.get_absolute_url(), 500)
    run_to_the_end(page, server, exercise.get_absolute_url(), exercise.plan().total_seconds)
    expect(page.locator("#saved-copy-bar")).to_be_visible()


def test_a_real_database_outage(server, page, database_down):
    """The live server's database is made unreachable after the first visit: saved pages
    come from the phone, an unsaved one gets the server's honest 503 page."""
    visit_once_online(page, server)
    exercise_url = reverse("exercises:detail", kwargs={"slug": "piriformis-stretch"})
    database_down()
    # The server says so itself before she opens the page (its health check reads the
    # database on a connection of its own).
    health = page.request.get(server.url + "/healthz")
    assert health.status == 503, health.text()
    response = page.goto(server.url + exercise_url)
    assert response.status == 200
    expect(page.locator("h1")).to_have_text("Piriformis stretch")
    expect(page.locator("#saved-copy-bar")).to_be_visible()

    response = page.goto(server.url + "/articles/?page=1")  # never saved with that query
    assert response.status == 503
    expect(page.locator("h1")).to_have_text("The site is temporarily unavailable")


ERROR_PAGE = '<!doctype html><html lang="en" data-error-page><h1>Something went wrong</h1>'
FAILURES = {
    "a server error": lambda route: route.fulfill(status=500, body="Error 500 from the proxy"),
    "an error page sent with 200": lambda route: route.fulfill(
        status=200, body=ERROR_PAGE, content_type="text/html"
    ),
}


def test_an_update_that_fails_halfway_keeps_the_whole_previous_version(
    server, changes_content, context, page
):
    """One listed page fails during an update, with a server error and then with an error
    page sent as 200: each time the phone keeps the whole previous version (no mix, no error
    page saved as content) and offers the update again; with the server well, it updates."""
    first = visit_once_online(page, server)
    article = Article.objects.get(slug="treatment-options")
    old_summary = article.summary
    article.summary = "Changed by an editor while a page fails."
    article.save()
    broken = reverse("exercises:detail", kwargs={"slug": "bridge"})
    bar = page.locator("#update-bar")
    for failure, answer in FAILURES.items():
        context.route(f"**{broken}", answer)
        page.goto(server.url + "/")
        expect(bar).to_be_visible(timeout=READY_TIMEOUT)
        bar.get_by_role("button", name="Update").click()
        # It failed: the update is offered again, and the phone still has the first version.
        expect(bar.get_by_role("button", name="Update")).to_be_enabled(timeout=READY_TIMEOUT)
        expect(bar).to_contain_text("Update available")
        assert page.evaluate(SW_STATE)["version"] == first, failure
        assert page.evaluate(
            "async () => (await caches.keys()).filter(n => n.startsWith('content-'))"
        ) == [f"content-{first}"]
        context.unroute_all()
        context.set_offline(True)
        page.goto(server.url + broken)
        expect(page.locator("h1")).to_have_text("Bridge")  # the saved page, not the error
        page.goto(server.url + article.get_absolute_url())
        expect(page.locator(".lead").first).to_have_text(old_summary)  # one version, whole
        context.set_offline(False)

    # The next visit, with the server well again, brings the update.
    page.goto(server.url + "/")
    expect(bar).to_be_visible(timeout=READY_TIMEOUT)
    with page.expect_navigation():
        bar.get_by_role("button", name="Update").click()
    expect(page.locator("html")).to_have_attribute(
        "data-offline-version", offline_manifest()["version"], timeout=READY_TIMEOUT
    )


def test_saved_copies_cleared_by_the_browser_are_saved_again(server, context, page):
    visit_once_online(page, server)
    page.evaluate("async () => { for (const n of await caches.keys()) await caches.delete(n); }")
    assert page.evaluate(SW_STATE) is None

    page.evaluate("window.__workerSaid = []")
    page.goto(server.url + reverse("articles:list"))  # the next online page
    page.wait_for_function("() => window.__workerSaid.includes('resaved')", timeout=READY_TIMEOUT)
    assert page.evaluate("window.__workerSaid").index("resaving") >= 0
    wait_for_the_check(page)
    state = page.evaluate(SW_STATE)
    assert state["version"] == offline_manifest()["version"]
    context.set_offline(True)
    page.goto(server.url + reverse("exercises:detail", kwargs={"slug": "bridge"}))
    expect(page.locator("h1")).to_have_text("Bridge")


def test_api_answers_come_from_the_phone_under_a_server_error(server, context, page):
    visit_once_online(page, server)
    fetch_json = "async (url) => { const r = await fetch(url); return [r.status, await r.json()]; }"
    status, fresh = page.evaluate(fetch_json, "/api/exercises/")
    assert status == 200
    answer_with(context, "/api/exercises/", 503)
    status, saved = page.evaluate(fetch_json, "/api/exercises/")
    assert (status, saved) == (200, fresh)
