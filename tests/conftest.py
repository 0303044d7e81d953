"""Shared fixtures: the starting content and small factories for the public models, built on
the real database."""

import datetime
import itertools
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from whitenoise.base import WhiteNoise

from articles.models import Article, Tag
from core.publishing import Status
from exercises.models import Category, Exercise, Routine, RoutineItem
from tests import content_snapshot

# Numbers the objects the factories make. Each one published n minutes ago: distinct times in
# the order made, and never hours back (a worker makes thousands: with hours, a time could land
# in the hour the clocks go back, which the admin's form cannot read as one time).
_counter = itertools.count(1)
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup"}


def pytest_collection_modifyitems(items):
    """Mark the tests that use the test database. The others cannot reach it (pytest-django
    refuses them any query), and their subprocesses get no DATABASE_URL (tests.helpers), so
    they give the same result on every database: `make test-postgres` leaves them out."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & DATABASE_FIXTURES or item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.database)


@pytest.fixture
def report_budget(record_property):
    """Print a budget line (size against its limit) in the summary at the end of the run. Kept
    on the test report, so it also reaches the summary from pytest-xdist's workers."""

    def report(line: str) -> None:
        record_property("budget", line)

    return report


def pytest_terminal_summary(terminalreporter):
    lines = [
        value
        for report in terminalreporter.getreports("passed") + terminalreporter.getreports("failed")
        for name, value in getattr(report, "user_properties", ())
        if name == "budget" and report.when == "call"
    ]
    if lines:
        terminalreporter.section("budgets")
        for line in sorted(lines):
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, test in a file, not in memory: the live server's request threads then each
    open their own connection (with SQLite's locking) instead of sharing the test's one."""
    database = settings.DATABASES["default"]
    # A connection per request, as with no persistent connections: the live server's
    # threads then never hold one across requests (database_down reaches them at once).
    database["CONN_MAX_AGE"] = 0
    if database["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path_factory.mktemp("db") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(path)
        # A throwaway database needs no crash safety: skip the fsyncs.
        database.setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF"


@pytest.fixture(scope="session", autouse=True)
def _collected_static(django_db_blocker):
    """Pages use hashed static names: the manifest must exist (make test builds it first)."""
    if not (settings.STATIC_ROOT / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _static_files_scanned_once():
    """Django's test client builds the middleware chain again for every Client, and WhiteNoise
    then lists and describes every collected file again (about 1,450 with their compressed
    copies: some 60 ms, over 500 times a run). A server builds it once. The scan is kept for
    the run, per folder, its files' state and WhiteNoise's settings: a test that changes
    either still gets a scan of its own."""
    scans = {}
    scan = WhiteNoise.update_files_dictionary

    def update_files_dictionary(self, root, prefix):
        manifest = Path(root) / "staticfiles.json"
        state = manifest.stat().st_mtime_ns if manifest.exists() else None
        key = (root, prefix, state, self.max_age, self.allow_all_origins, self.charset)
        # The middleware's own test is a method: the same function for every instance.
        immutable = getattr(self.immutable_file_test, "__func__", self.immutable_file_test)
        key += (self.add_headers_function, immutable)
        if key not in scans:
            before = dict(self.files)
            scan(self, root, prefix)
            scans[key] = {url: f for url, f in self.files.items() if before.get(url) is not f}
        self.files.update(scans[key])

    with mock.patch.object(WhiteNoise, "update_files_dictionary", update_files_dictionary):
        yield


@pytest.fixture(autouse=True)
def _empty_response_cache():
    """Each test starts with an empty response cache (sciatica/middleware/response_cache.py),
    as production does after a release: the pages a test renders are cached for the rest of
    it, as for readers, and changes reach them through the content version."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """Many tests create users and log in: a fast hasher keeps that quick. Production keeps
    Django's PBKDF2 (the deploy checks run the real settings in a subprocess)."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def database_down(tmp_path):
    """Make the real database unreachable (a file in a missing folder on SQLite, a database
    that does not exist on PostgreSQL) until the test ends. New connections fail, as when the
    database server is down; use with transactional_db or a live server (no open
    transaction)."""
    from django.db import connections

    database = connections["default"]
    saved = database.settings_dict["NAME"]

    def down():
        connections.close_all()
        if database.vendor == "sqlite":
            database.settings_dict["NAME"] = str(tmp_path / "missing" / "db.sqlite3")
        else:
            database.settings_dict["NAME"] = "no_such_database"

    yield down
    connections.close_all()
    database.settings_dict["NAME"] = saved


EDITOR_PASSWORD = "a long passphrase 42"


@pytest.fixture
def make_editor(db):
    """A staff account in a group made by the migrations ("Editors", "Clinical reviewers")."""

    def make(username="editor", group="Editors", **fields):
        user = User.objects.create_user(username, password=EDITOR_PASSWORD, is_staff=True, **fields)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def editor(make_editor):
    return make_editor()


@pytest.fixture
def editor_client(editor):
    """The editor's own browser, signed in; `client` stays an anonymous reader."""
    browser = Client()
    browser.force_login(editor)
    return browser


@pytest.fixture(scope="session")
def _starting_content(django_db_setup, django_db_blocker):
    """`load_content`'s rows, read once per test process (tests/content_snapshot.py). A
    session fixture is set up before any test's own transaction opens, so this reads the
    freshly migrated database."""
    with django_db_blocker.unblock():
        return content_snapshot.capture()


@pytest.fixture
def seeded(request, db, _starting_content):
    """The starting content (articles, exercises, routines), as `make run` loads it. A test in
    a transaction (`db`) on the freshly migrated database gets the rows loaded once per
    session; otherwise (a test that commits, or content made by its fixtures first) the
    command runs."""
    transactional = "transactional_db" in request.fixturenames or _transactional(request)
    if not transactional and _starting_content.fits():
        content_snapshot.restore(_starting_content)
    else:
        call_command("load_content", verbosity=0)


def _transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))


@pytest.fixture
def queries_for(client):
    """How many queries one GET of a path runs (and that it answers 200)."""

    def count(path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        return len(captured.captured_queries)

    return count


@pytest.fixture
def make_tag(db):
    def make(name=None, **fields):
        n = next(_counter)
        name = name or f"Tag {n}"
        return Tag.objects.create(name=name, slug=fields.pop("slug", f"tag-{n}"), **fields)

    return make


@pytest.fixture
def make_article(db):
    def make(status=Status.PUBLISHED, tags=(), **fields):
        n = next(_counter)
        fields.setdefault("title", f"Article {n}")
        fields.setdefault("slug", f"article-{n}")
        fields.setdefault("summary", f"Summary of article {n}.")
        fields.setdefault("body", f"Intro.\n\n## Section {n}\n\nText about sciatica.")
        fields.setdefault("last_reviewed", datetime.date(2026, 11, 1))
        fields.setdefault("next_review_due", datetime.date(2027, 11, 1))
        if status == Status.PUBLISHED:
            fields.setdefault("published_at", timezone.now() - datetime.timedelta(minutes=n))
        article = Article.objects.create(status=status, **fields)
        article.tags.set(tags)
        return article

    return make


@pytest.fixture
def category(db):
    return Category.objects.create(name="Stretching", slug="stretching", order=1)


@pytest.fixture
def make_exercise(db, category):
    def make(status=Status.PUBLISHED, **fields):
        n = next(_counter)
        fields.setdefault("name", f"Exercise {n}")
        fields.setdefault("slug", f"exercise-{n}")
        fields.setdefault("category", category)
        fields.setdefault("summary", "A gentle stretch.")
        fields.setdefault("precautions", "Check with your physiotherapist first.")
        if "duration_minutes" not in fields:
            fields.setdefault("hold_seconds", 30)
            fields.setdefault("reps", 3)
            fields.setdefault("sets", 1)
            fields.setdefault("rest_seconds", 10)
        if status == Status.PUBLISHED:
            fields.setdefault("published_at", timezone.now() - datetime.timedelta(minutes=n))
        exercise = Exercise(status=status, **fields)
        exercise.full_clean()
        exercise.save()
        return exercise

    return make


@pytest.fixture
def make_routine(db):
    """A routine playing `exercises` in order; an item is an exercise or (exercise, overrides),
    the overrides being RoutineItem's dose fields (reps=1, duration_minutes=2...)."""

    def make(exercises=(), status=Status.PUBLISHED, **fields):
        n = next(_counter)
        fields.setdefault("name", f"Routine {n}")
        fields.setdefault("slug", f"routine-{n}")
        fields.setdefault("summary", f"Summary of routine {n}.")
        if status == Status.PUBLISHED:
            fields.setdefault("published_at", timezone.now() - datetime.timedelta(minutes=n))
        routine = Routine.objects.create(status=status, **fields)
        for order, entry in enumerate(exercises, start=1):
            exercise, overrides = entry if isinstance(entry, tuple) else (entry, {})
            RoutineItem.objects.create(routine=routine, exercise=exercise, order=order, **overrides)
        return routine

    return make
