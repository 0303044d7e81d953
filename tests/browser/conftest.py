"""Browser tests: headless Debian Chromium driven by Playwright against a live server.

The live server runs the real WSGI stack (whitenoise included, so hashed static
files are served exactly as in production) in a thread, sharing the test
database. Chromium is Debian's /usr/bin/chromium: a missing browser fails the
run, it never skips it.
"""

import os
from pathlib import Path

import pytest
from django.db import connections
from django.test.testcases import LiveServerThread
from django.test.utils import modify_settings
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# inside one unless told it is safe. It is: the test body is ordinary synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class _NoStaticHandler:
    """LiveServerThread wraps the app in a static handler; we want whitenoise to serve."""

    def __new__(cls, application):
        return application


@pytest.fixture
def server(transactional_db):
    overrides = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    thread = LiveServerThread("127.0.0.1", _NoStaticHandler, connections_override=overrides)
    thread.daemon = True
    for conn in overrides.values():
        conn.inc_thread_sharing()
    with modify_settings(ALLOWED_HOSTS={"append": "127.0.0.1"}):
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        thread.url = f"http://127.0.0.1:{thread.port}"
        yield thread
        thread.terminate()
    for conn in overrides.values():
        conn.dec_thread_sharing()


@pytest.fixture(scope="session")
def playwright():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium.")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def persistent_context(playwright, tmp_path):
    """A browser profile on disk, like a phone's: Chrome only installs apps outside incognito."""
    context = playwright.chromium.launch_persistent_context(
        tmp_path / "profile",
        executable_path=str(CHROMIUM),
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 360, "height": 740},
    )
    yield context
    context.close()


class ConsoleLog:
    """Collects console errors and uncaught page errors for assertions."""

    def __init__(self, page):
        self.errors = []
        page.on(
            "console",
            lambda msg: msg.type == "error" and self.errors.append(msg.text),
        )
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="allow")
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.console = ConsoleLog(page)
    yield page
    page.close()
