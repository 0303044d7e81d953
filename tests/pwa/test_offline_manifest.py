"""The offline manifest: what the service worker saves, its version, and the budgets."""

import datetime

import pytest
from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone

from articles.models import Article
from core.publishing import Status
from exercises.models import Exercise, Routine

SEARCH_INDEX_BUDGET = 32_000
PRECACHE_BUDGET = 1.5 * 1024 * 1024
WORKER_BUDGET = 12 * 1024


def manifest(client):
    response = client.get("/offline-manifest.json")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    return response.json()


def test_every_script_module_and_stylesheet_is_saved_for_offline_use(client, db):
    """A page imports its modules at run time: one left out of the precache breaks the
    page offline. The shell is read from the files, so a new module cannot be forgotten."""
    assets = set(manifest(client)["assets"])
    static_dir = settings.STATICFILES_DIRS[0]
    files = [*static_dir.glob("js/*.js"), *static_dir.glob("css/*.css")]
    assert len(files) >= 10
    for path in files:
        name = path.relative_to(static_dir).as_posix()
        if name != "js/serviceworker.js":  # served from the site root, never precached
            assert static(name) in assets, name


def test_lists_every_published_page_and_the_app_shell(client, seeded):
    data = manifest(client)
    pages = set(data["pages"])
    for article in Article.objects.published():
        assert article.get_absolute_url() in pages
    for exercise in Exercise.objects.published():
        assert exercise.get_absolute_url() in pages
    for routine in Routine.objects.published():
        assert routine.get_absolute_url() in pages
    assert {"/", "/offline/", "/search/", "/search-index.json", "/articles/tag/basics/",
            "/exercises/category/stretching/", "/articles/when-to-get-help/"} <= pages  # fmt: skip
    assets = data["assets"]
    assert any(a.startswith("/static/css/site.") and a.endswith(".css") for a in assets)
    assert any(a.startswith("/static/js/timer.") for a in assets)
    assert any(a.startswith("/static/img/exercises/bridge.") for a in assets)


def test_every_listed_url_is_served(client, seeded):
    data = manifest(client)
    for url in data["pages"] + data["assets"]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW])
def test_unpublished_content_is_never_listed(client, seeded, status):
    Article.objects.filter(slug="treatment-options").update(status=status)
    Exercise.objects.filter(slug="bridge").update(status=status)
    Routine.objects.filter(slug="gentle-stretch").update(status=status)
    urls = " ".join(manifest(client)["pages"])
    assert "treatment-options" not in urls
    assert "/exercises/bridge/" not in urls
    assert "gentle-stretch" not in urls
    index = client.get("/search-index.json").json()["entries"]
    assert "treatment-options" not in str(index)
    assert "/exercises/bridge/" not in str(index)


def test_the_version_changes_when_published_content_changes(client, seeded):
    first = manifest(client)["version"]
    assert manifest(client)["version"] == first  # stable when nothing changes

    article = Article.objects.get(slug="treatment-options")
    article.summary = "Edited by an editor."
    article.save()
    second = manifest(client)["version"]
    assert second != first

    draft = Article.objects.create(
        title="Draft", slug="draft", summary="x", body="x", status=Status.DRAFT
    )
    assert manifest(client)["version"] == second  # drafts do not count

    draft.status = Status.PUBLISHED
    draft.published_at = timezone.now() + datetime.timedelta(hours=1)
    draft.save()
    assert manifest(client)["version"] == second  # scheduled: not yet
    Article.objects.filter(pk=draft.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert manifest(client)["version"] != second  # now due


def test_search_index_carries_what_the_server_searches(client, seeded, report_budget):
    """Prints the index size: the phone saves it."""
    response = client.get("/search-index.json")
    entries = response.json()["entries"]
    piriformis = next(e for e in entries if e["t"] == "Piriformis stretch")
    assert piriformis["u"] == "/exercises/piriformis-stretch/"
    article = Article.objects.get(slug="symptoms-of-postpartum-sciatica")
    entry = next(e for e in entries if e["u"] == article.get_absolute_url())
    assert entry["f"] == [article.search_title, article.search_summary, article.search_body]
    assert {"common", "tingling"} <= set(entry["f"][2].split())  # a heading, the body text
    size = len(response.content)
    report_budget(f"search index: {len(entries)} pages, {size} bytes of {SEARCH_INDEX_BUDGET}")
    assert size < SEARCH_INDEX_BUDGET


def test_search_index_carries_each_exercises_suitability_rules(client, seeded):
    """Offline results are marked "Not yet for you" like every other card: each exercise's
    rules ("r"), in the shape the pages' data-rules attributes and the API carry."""
    entries = client.get("/search-index.json").json()["entries"]
    exercises = {e["u"]: e for e in entries if e["k"] == "e"}
    assert len(exercises) == Exercise.objects.published().count()
    for exercise in Exercise.objects.published():
        assert exercises[exercise.get_absolute_url()]["r"] == exercise.rules.as_dict()
    assert exercises["/exercises/modified-plank/"]["r"] == {
        "earliest_week": 6, "after_caesarean": True, "after_assisted": False, "everyone": False
    }  # fmt: skip
    assert all("r" not in e for e in entries if e["k"] == "a")  # articles have no rules


def test_offline_page_links_to_the_saved_pages(client, seeded):
    html = client.get("/offline/").content.decode()
    assert "You are offline" in html
    for article in Article.objects.published():
        assert article.get_absolute_url() in html


def test_budgets(client, seeded, report_budget):
    """Prints the precache size and the worker size; fails over budget."""
    data = manifest(client)
    total = 0
    for url in data["pages"] + data["assets"]:
        response = client.get(url)
        total += len(
            b"".join(response.streaming_content) if response.streaming else response.content
        )
    worker = (settings.BASE_DIR / "static/js/serviceworker.js").stat().st_size
    report_budget(
        f"precache: {len(data['pages']) + len(data['assets'])} URLs, "
        f"{total / 1024:.0f} KB of {PRECACHE_BUDGET / 1024:.0f} KB; "
        f"service worker: {worker / 1024:.1f} KB of {WORKER_BUDGET / 1024:.0f} KB"
    )
    assert total < PRECACHE_BUDGET
    assert worker < WORKER_BUDGET
