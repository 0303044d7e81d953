"""Browser tests: headless Debian Chromium driven by Playwright against a live server.

One live server and one load of the starting content serve every browser test. The
server runs the real WSGI stack (whitenoise included, so hashed static files are served
exactly as in production) in a thread, on the test database, which the tests read and
write through the ORM as well. Chromium is Debian's /usr/bin/chromium: a missing browser
fails the run, it never skips it.

Isolation: each test gets a new browser context (its own service worker, caches,
IndexedDB and storage); the worker runs in the tests marked `service_worker`. Tests that
only open pages and read them share one tab per module instead (`reader`, `phone`: see
ReadingTab), emptied before each one. The content
is committed once and shared, so a test that changes data asks for `changes_content`,
which empties the database and loads the starting content again after it. These tests
use neither `db` nor `transactional_db`: pytest-django runs every test that does before
them, so no other test sees the shared content, and it is removed when the session ends.
"""

import os
import re
from pathlib import Path

import playwright as playwright_package
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, connections
from django.db.models import Count, Max
from django.test.testcases import LiveServerThread
from django.test.utils import modify_settings, setup_databases, teardown_databases
from django.urls import reverse
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")

# Chrome's own machinery the pages never see, which headless Chrome still builds: the address
# bar's popup (two hidden WebUI pages for every new window, so for every test's new context)
# and a spare renderer process kept warm for the next navigation. Together about half the CPU
# of opening a context and its first page (1.2 s to 0.5 s here); the browser tests are bound
# by CPU, mostly Chromium's.
UNSEEN_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "SpareRendererForSitePerProcess"]


def playwright_disabled_features() -> list[str]:
    """The features Playwright itself turns off with `--disable-features` (HTTPS upgrades,
    third-party storage partitioning, requests to Google...). Chromium keeps only the last
    `--disable-features` it is given, so ours must repeat them: they are read from the
    pinned driver, where Playwright lists them, so an upgrade cannot drop one silently."""
    driver = Path(playwright_package.__file__).parent / "driver" / "package" / "lib"
    for script in sorted(driver.rglob("*.js")):
        listed = re.search(r"disabledFeatures = \[(.*?)\]", script.read_text(), re.DOTALL)
        if listed:
            return re.findall(r'^\s*"(\w+)"', listed[1], re.MULTILINE)
    raise RuntimeError(f"Playwright's list of disabled Chromium features is not in {driver}")


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=" + ",".join([*playwright_disabled_features(), *UNSEEN_FEATURES]),
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


def _load_starting_content():
    call_command("flush", interactive=False, verbosity=0)
    call_command("load_content", verbosity=0)


@pytest.fixture(scope="session")
def _test_database(django_db_setup, django_db_blocker):
    """pytest-django creates the test database when a selected test asks for `db`; these
    tests do not, so when only browser tests are selected it is created here. Never the
    developer's own database."""
    created = None
    with django_db_blocker.unblock():
        if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
            created = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    if created:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=0)


@pytest.fixture(scope="session")
def _live_site(_test_database, django_db_blocker):
    """The starting content, committed, and a live server on it, for the whole session."""
    with django_db_blocker.unblock():
        _load_starting_content()
    thread = LiveServerThread("127.0.0.1", _NoStaticHandler)
    thread.daemon = True
    with modify_settings(ALLOWED_HOSTS={"append": "127.0.0.1"}):
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        thread.url = f"http://127.0.0.1:{thread.port}"
        yield thread
        thread.terminate()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def _database_state():
    """Rows, newest id and latest change of every table: what a test must leave as it found."""
    state = {}
    for model in apps.get_models():
        fields = {f.name for f in model._meta.concrete_fields}
        summary = {"rows": Count("pk"), "last": Max("pk")}
        if "updated_at" in fields:
            summary["changed"] = Max("updated_at")
        state[model._meta.label] = model._base_manager.aggregate(**summary)
    return state


@pytest.fixture
def server(request, _live_site, django_db_blocker):
    """The live server (`server.url`); the test body may read the database through the ORM.
    A test that changes the database without asking for `changes_content` fails."""
    with django_db_blocker.unblock():
        before = _database_state()
        yield _live_site
        if "changes_content" not in request.fixturenames:
            changed = [label for label, now in _database_state().items() if now != before[label]]
            assert not changed, f"changed {changed}: ask for the changes_content fixture"
        # While Playwright's event loop runs, Django keeps this thread's connections per
        # async context: close the test's own, as TransactionTestCase did, or PostgreSQL
        # refuses to drop the test database at the end ("accessed by other users").
        for conn in connections.all(initialized_only=True):
            conn.close()


@pytest.fixture
def changes_content(server, django_db_blocker):
    """For a test that changes data (an article, a user, a login): afterwards the database
    holds the starting content again, and nothing else."""
    yield
    with django_db_blocker.unblock():
        _load_starting_content()


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
        viewport=SMALL_PHONE,
    )
    yield context
    context.close()


# Phone screens in CSS pixels: a small one, the page tests' default, and a mid-range one.
SMALL_PHONE = {"width": 360, "height": 740}
PHONE = {"width": 390, "height": 844}


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
def context(request, browser):
    """A fresh browser profile. The real service worker runs only for the tests marked
    `service_worker` (offline use, updates, the worker's own policy and requests): in the
    others it would download the whole site behind every test and they do not use it."""
    workers = "allow" if request.node.get_closest_marker("service_worker") else "block"
    context = browser.new_context(viewport=SMALL_PHONE, service_workers=workers)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.console = ConsoleLog(page)
    yield page
    page.close()


class ReadingTab:
    """One tab kept for the tests of a module that only open pages and read them: what a new
    context would cost (about 0.5 s of CPU, most of it Chromium starting a tab and its
    renderer) is paid once. Before each test it is emptied as a new profile would be: no
    cookies, storage or saved pages for the site, and its cache stays off, so every page loads
    everything from the server as on a first visit. Not for a test that moves the clock, adds
    routes, init scripts or listeners, opens other pages, or uses the service worker: those
    ask for `page`."""

    def __init__(self, browser, viewport):
        self.viewport = viewport
        self.context = browser.new_context(viewport=viewport, service_workers="block")
        self.page = self.context.new_page()
        self.page.console = ConsoleLog(self.page)
        self.devtools = self.context.new_cdp_session(self.page)
        self.devtools.send("Network.enable")
        self.devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def fresh(self, server):
        # Off the last test's page, but on the site: about:blank would cost a new renderer.
        self.page.goto(server.url + reverse("healthz"))
        self.devtools.send("Network.clearBrowserCookies")
        self.devtools.send(
            "Storage.clearDataForOrigin", {"origin": server.url, "storageTypes": "all"}
        )
        self.page.evaluate("sessionStorage.clear()")  # the tab's own, not the origin's
        self.page.set_viewport_size(self.viewport)
        self.page.console.errors.clear()
        return self.page

    def check_left_alone(self):
        assert self.context.pages == [self.page], "a reading tab test opened another page"


@pytest.fixture(scope="module")
def _reading_tab(browser):
    tab = ReadingTab(browser, SMALL_PHONE)
    yield tab
    tab.context.close()


@pytest.fixture
def reader(server, _reading_tab):
    """A page (360 x 740, no service worker) for a test that only opens pages and reads
    them; see ReadingTab."""
    yield _reading_tab.fresh(server)
    _reading_tab.check_left_alone()


@pytest.fixture(scope="module")
def _phone_tab(browser):
    tab = ReadingTab(browser, PHONE)
    yield tab
    tab.context.close()


@pytest.fixture
def phone(server, _phone_tab):
    """A page on a PHONE-sized screen, without the service worker, for a test that only opens
    pages and reads them (see ReadingTab); `page.url_for(path)`."""
    page = _phone_tab.fresh(server)
    page.url_for = lambda path: server.url + path
    yield page
    _phone_tab.check_left_alone()
