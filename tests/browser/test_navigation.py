"""A reader opens the app, follows links and sees real pages, with no console errors."""

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
