"""A reader opens the app, follows links and sees real pages, with no console errors."""

from urllib.parse import urlencode

import pytest

from exercises.models import Exercise


def test_home_to_exercise_without_console_errors(server, page):
    page.goto(server.url + "/")
    assert page.locator("h1").inner_text() == "Sciatica after having a baby"

    page.get_by_role("link", name="Start an exercise").click()
    assert page.locator("h1").inner_text() == "Exercises"

    page.get_by_role("link", name="Hamstring stretch").click()
    page.wait_for_url("**/exercises/hamstring-stretch/")
    assert page.locator("h1").inner_text() == "Hamstring stretch"
    assert page.locator(".dose-box .dose").inner_text() == "Hold 30 seconds, 3 times, each side"
    assert page.console.errors == []


def test_pages_fit_a_360px_screen(server, page):
    exercise = Exercise.objects.published().first()
    for path in [
        "/",
        "/articles/",
        "/articles/what-is-postpartum-sciatica/",
        "/exercises/",
        exercise.get_absolute_url(),
    ]:
        page.goto(server.url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 360, f"{path} scrolls sideways ({scroll_width}px)"
    assert page.console.errors == []


@pytest.mark.service_worker
def test_service_worker_registers_from_static_file(server, page):
    page.goto(server.url + "/")
    scope = page.evaluate(
        "navigator.serviceWorker.ready.then((registration) => registration.scope)"
    )
    assert scope == server.url + "/"
    assert page.console.errors == []


def wide(text):
    """The full-width forms of ASCII letters, as a phone's Japanese keyboard types them."""
    return "".join(chr(ord(letter) + 0xFEE0) for letter in text)


@pytest.mark.parametrize(
    "typed",
    [
        "piriformis " + "stretch " * 20,  # over 100 characters: the server shortens it
        "piriformis" + " " * 120 + "stretch",  # spaces the server tidies away
        wide("piriformis") + "\u3000" + wide("STRETCH") + " stretch" * 12,  # full-width, long
    ],
)
def test_a_long_or_untidy_search_online_is_the_servers_answer(server, page, typed):
    """Online, the page shows the server's results; only a page from the saved copy (the
    query in the address differs from the one the server answered) searches the phone."""
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(server.url + "/search/?" + urlencode({"q": typed}))
    # search.js decides as it runs, before "load": the saved index is fetched then or never.
    page.wait_for_load_state("load")
    assert not [url for url in asked if "search-index" in url]
    assert "saved on this phone" not in page.locator("#search-results").inner_text()
    assert page.locator("#search-results .card").count() > 0
    assert page.console.errors == []
