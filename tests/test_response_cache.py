"""The response cache and the content version (issue 13): the cache is never wrong.

Every change a reader can see (publish, unpublish, edit, delete, revert, a scheduled page's
time arriving, a new release) shows on the next anonymous request; editors, previews, the
admin and pages with a form token are never cached nor served from the cache; a cached hit
runs one query (the version); ETags answer 304 until the version changes.
"""

import datetime

import pytest
import reversion
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.urls import path
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticleReference, Contributor
from core import content_version
from core.models import ContentVersion, PendingChange
from core.publishing import Status
from exercises.models import Exercise
from sciatica.middleware.response_cache import HEADER, HIT, MISS
from sciatica.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db


def form_page(request):
    """A public page with a form: it carries a CSRF token."""
    html = engines["django"].from_string("<form method=post>{% csrf_token %}</form>")
    return HttpResponse(html.render({}, request) + "x" * 300)


def cookie_page(request):
    response = HttpResponse("<p>Hello</p>" + "x" * 300)
    response.set_cookie("seen", "1")
    return response


def token_only(request):
    get_token(request)  # used, even if not shown
    return HttpResponse("<p>Hello</p>")


def by_accept(request):
    response = HttpResponse(f"<p>{request.headers.get('accept', '')}</p>" + "x" * 300)
    response["Vary"] = "Accept"
    return response


# The site, plus four test pages (used by the tests marked with this module as urls).
urlpatterns = [
    path("test/form/", form_page, name="test-form"),
    path("test/cookie/", cookie_page, name="test-cookie"),
    path("test/token/", token_only, name="test-token"),
    path("test/by-accept/", by_accept, name="test-by-accept"),
    *site_urlpatterns,
]


def how(response) -> str | None:
    """'hit', 'miss', or None when the response cache left the request alone."""
    return response.get(HEADER)


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def article(make_article):
    return make_article(title="Easing sciatica at night", slug="at-night")


def test_a_second_visit_is_a_hit_of_one_query(client, seeded, django_assert_max_num_queries):
    article = Article.objects.published().first()
    exercise = Exercise.objects.published().first()
    paths = [
        "/",
        "/articles/",
        article.get_absolute_url(),
        "/exercises/",
        exercise.get_absolute_url(),
        "/routines/",
        "/routines/gentle-stretch/",
        "/routines/today/",
        "/api/articles/",
        f"/api/articles/{article.slug}/",
        "/api/exercises/",
        "/sitemap.xml",
        "/offline-manifest.json",
        "/search/?q=sciatica",
    ]
    for url in paths:
        first = client.get(url)
        assert first.status_code == 200, url
        assert how(first) == MISS, url
        with django_assert_max_num_queries(1):  # the content version, nothing else
            again = client.get(url)
        assert how(again) == HIT, url
        assert again.content == first.content, url
        assert again["ETag"] == first["ETag"], url


def test_publishing_shows_on_the_next_request(client, make_article):
    draft = make_article(status=Status.DRAFT, title="A new page", slug="new-page")
    assert "A new page" not in text(client.get("/articles/"))
    assert client.get("/articles/new-page/").status_code == 404
    assert how(client.get("/articles/new-page/")) is None  # a 404 is never cached

    draft.status = Status.PUBLISHED
    draft.save()
    assert "A new page" in text(client.get("/articles/"))
    assert client.get("/articles/new-page/").status_code == 200


def test_unpublishing_shows_on_the_next_request(client, article):
    assert "Easing sciatica at night" in text(client.get("/articles/"))
    assert client.get("/articles/at-night/").status_code == 200
    assert how(client.get("/articles/at-night/")) == HIT

    article.status = Status.DRAFT
    article.save()
    assert "Easing sciatica at night" not in text(client.get("/articles/"))
    assert client.get("/articles/at-night/").status_code == 404
    assert client.get("/api/articles/at-night/").status_code == 404


def test_an_edit_shows_on_the_next_request(client, article):
    client.get("/articles/at-night/")
    article.title = "Sleeping with sciatica"
    article.save()
    response = client.get("/articles/at-night/")
    assert how(response) == MISS
    assert "Sleeping with sciatica" in text(response)


def test_a_deletion_shows_on_the_next_request(client, article):
    assert client.get("/articles/at-night/").status_code == 200
    assert "at-night" in text(client.get("/sitemap.xml"))
    article.delete()
    assert client.get("/articles/at-night/").status_code == 404
    assert "at-night" not in text(client.get("/sitemap.xml"))


def test_related_rows_tags_and_contributors_change_the_version(client, article, make_tag):
    tag = make_tag(name="Sleep", slug="sleep")
    assert "Easing sciatica at night" not in text(client.get("/articles/tag/sleep/"))
    article.tags.add(tag)  # many-to-many
    assert "Easing sciatica at night" in text(client.get("/articles/tag/sleep/"))

    client.get("/articles/at-night/")
    ArticleReference.objects.create(
        article=article, title="Back pain at night", publisher="NHS", url="https://nhs.uk",
        accessed=datetime.date(2026, 11, 1),
    )  # fmt: skip
    assert "Back pain at night" in text(client.get("/articles/at-night/"))

    person = Contributor.objects.create(name="Dr Ada Physio", slug="ada")
    article.author = person
    article.save()
    assert "Dr Ada Physio" in text(client.get("/articles/at-night/"))
    person.name = "Dr Ada Lovelace"
    person.save()
    assert "Dr Ada Lovelace" in text(client.get("/articles/at-night/"))


def test_a_queryset_update_changes_the_version(client, article):
    """A script's `.update()` sends no signal: the content querysets change the version."""
    client.get("/articles/at-night/")
    Article.objects.filter(pk=article.pk).update(title="Updated by a script")
    assert "Updated by a script" in text(client.get("/articles/at-night/"))


def test_a_revert_shows_on_the_next_request(client, article):
    with reversion.create_revision():
        article.save()
    with reversion.create_revision():
        article.title = "A title to go back on"
        article.save()
    assert "A title to go back on" in text(client.get("/articles/at-night/"))

    Version.objects.get_for_object(article)[1].revision.revert()
    response = client.get("/articles/at-night/")
    assert "Easing sciatica at night" in text(response)
    assert "A title to go back on" not in text(response)


def test_a_scheduled_page_shows_when_its_time_arrives(client, make_article, monkeypatch):
    """No cron job: the first request after the publish time changes the version."""
    start = timezone.now()
    make_article(title="Coming soon", slug="soon", published_at=start + datetime.timedelta(hours=1))
    assert ContentVersion.objects.get().next_change_at == start + datetime.timedelta(hours=1)
    assert "Coming soon" not in text(client.get("/articles/"))
    assert how(client.get("/articles/")) == HIT
    assert client.get("/articles/soon/").status_code == 404

    later = start + datetime.timedelta(hours=1, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.get("/articles/")
    assert how(response) == MISS
    assert "Coming soon" in text(response)
    assert client.get("/articles/soon/").status_code == 200
    assert ContentVersion.objects.get().next_change_at is None  # nothing else scheduled


def test_a_new_day_is_a_new_version(client, seeded, monkeypatch):
    """'Today's routine' takes turns by day: the day is part of the version."""
    today = timezone.localdate()
    first = client.get("/routines/today/")
    monkeypatch.setattr(timezone, "localdate", lambda: today + datetime.timedelta(days=1))
    second = client.get("/routines/today/")
    assert how(second) == MISS
    assert second["ETag"] != first["ETag"]
    assert second.context["routine"] != first.context["routine"]


def test_a_new_release_shows_on_the_next_request(client, article, monkeypatch):
    """A release changes static files (their hashed names) or templates: a new process
    computes a new release fingerprint, and the version with it."""
    first = client.get("/articles/at-night/")
    name = staticfiles_storage.stored_name("css/site.css")
    assert name in text(first)
    monkeypatch.setitem(staticfiles_storage.hashed_files, "css/site.css", "css/site.0123abc.css")
    # The same process: the fingerprint is computed once, the cached page stays.
    assert how(client.get("/articles/at-night/")) == HIT
    content_version._release_hash.cache_clear()  # as a new process after a deploy
    response = client.get("/articles/at-night/")
    assert how(response) == MISS
    assert "css/site.0123abc.css" in text(response)
    assert name not in text(response)
    content_version._release_hash.cache_clear()


def test_a_rolled_back_change_leaves_no_wrong_page(client, article):
    assert "Easing sciatica at night" in text(client.get("/articles/at-night/"))
    with pytest.raises(RuntimeError), transaction.atomic():
        article.title = "Never committed"
        article.save()
        # Seen inside the transaction (the same connection): cached under its version only.
        assert "Never committed" in text(client.get("/articles/at-night/"))
        raise RuntimeError("rolled back")
    response = client.get("/articles/at-night/")
    assert "Easing sciatica at night" in text(response)
    assert "Never committed" not in text(response)


def test_a_draft_never_comes_out_of_the_cache(client, editor_client, make_article):
    draft = make_article(status=Status.DRAFT, title="Secret draft", slug="secret")
    preview = f"/articles/{draft.slug}/preview/"
    seen = editor_client.get(preview)
    assert seen.status_code == 200 and "Secret draft" in text(seen)
    assert how(seen) is None
    assert client.get(preview).status_code == 302  # readers are sent to the login page
    for url in ["/articles/", "/sitemap.xml", "/offline-manifest.json", "/api/articles/"]:
        assert "Secret draft" not in text(client.get(url)), url
        assert "secret" not in text(client.get(url)), url
    assert client.get("/articles/secret/").status_code == 404


def test_editors_are_never_cached_nor_served_from_the_cache(client, editor_client, article):
    for url in ["/", "/articles/", "/articles/at-night/", "/api/articles/"]:
        assert how(editor_client.get(url)) is None, url  # not stored for her...
        assert how(client.get(url)) == MISS, url  # ...so the reader's is the first
        assert how(client.get(url)) == HIT, url
        assert how(editor_client.get(url)) is None, url  # and not served to her


def test_the_admin_is_never_cached(client, editor_client):
    for browser in (client, editor_client):
        for _ in range(2):
            assert how(browser.get("/admin/login/")) is None
    for _ in range(2):
        response = editor_client.get("/admin/")
        assert response.status_code == 200 and how(response) is None


@pytest.mark.urls("tests.test_response_cache")
@pytest.mark.parametrize("url", ["/test/form/", "/test/cookie/", "/test/token/"])
def test_a_page_with_a_form_token_or_a_cookie_is_never_cached(client, url):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert how(response) is None
        assert "ETag" not in response


def test_if_none_match_answers_304_until_the_version_changes(
    client, article, django_assert_max_num_queries
):
    first = client.get("/articles/at-night/")
    etag = first["ETag"]
    assert etag.startswith('W/"')
    assert first["Cache-Control"] == "no-cache"
    with django_assert_max_num_queries(1):
        again = client.get("/articles/at-night/", headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "Accept-Encoding" in again["Vary"]
    since = client.get("/articles/at-night/", headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304

    article.summary = "A new summary."
    article.save()
    changed = client.get("/articles/at-night/", headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "A new summary." in text(changed)


def test_the_offline_manifest_check_is_a_conditional_request(
    client, seeded, django_assert_max_num_queries
):
    """The service worker's version check on each visit: 304, a few bytes, one query."""
    first = client.get("/offline-manifest.json")
    assert first.status_code == 200
    assert first["Cache-Control"] == "no-cache"
    with django_assert_max_num_queries(1):
        check = client.get("/offline-manifest.json", headers={"if-none-match": first["ETag"]})
    assert check.status_code == 304
    assert len(check.content) == 0


def test_each_coding_has_its_own_answer_and_etag(client, seeded):
    """Vary stays correct: br, gzip and plain answers are cached apart."""
    answers = {}
    for coding in ["br", "gzip", "identity"]:
        for _ in range(2):
            response = client.get("/articles/", headers={"accept-encoding": coding})
        assert how(response) == HIT
        assert response.get("Content-Encoding") == (None if coding == "identity" else coding)
        vary = {v.strip().lower() for v in response["Vary"].split(",")}
        assert {"accept-encoding", "accept-language"} <= vary
        answers[coding] = response["ETag"]
    assert len(set(answers.values())) == 3


def test_head_is_answered_from_the_cache(client, article):
    head = client.head("/articles/at-night/")
    assert head.status_code == 200 and how(head) is None and head.content == b""
    get = client.get("/articles/at-night/")
    assert how(get) == MISS  # only GET answers are stored: the GET renders
    head = client.head("/articles/at-night/")
    assert how(head) == HIT and head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Length"] == get["Content-Length"]


def test_pending_changes_do_not_change_the_version(article, editor):
    """Readers never see an editor's unpublished change: saving one keeps the cache."""
    token = ContentVersion.objects.get().token
    PendingChange.objects.create(content_object=article, data={"title": ["Draft"]}, author=editor)
    assert ContentVersion.objects.get().token == token


def test_a_missing_row_is_made_again(client, article):
    """A flush (the browser tests, a test database) empties every table, the version's too."""
    ContentVersion.objects.all().delete()
    assert client.get("/articles/at-night/").status_code == 200
    assert ContentVersion.objects.count() == 1


def test_the_version_is_one_query(db):
    content_version.current()
    with CaptureQueriesContext(connection) as queries:
        content_version.current()
    assert len(queries.captured_queries) == 1


@pytest.mark.urls("tests.test_response_cache")
def test_other_vary_headers_are_part_of_the_key(client, db):
    """An answer that varies on another header (here Accept) is kept apart by its value."""
    answers = {}
    for accept in ["text/plain", "text/html", "text/plain", "text/html"]:
        response = client.get("/test/by-accept/", headers={"accept": accept})
        assert text(response).startswith(f"<p>{accept}</p>")
        answers.setdefault(accept, []).append(how(response))
    assert answers == {"text/plain": [MISS, HIT], "text/html": [MISS, HIT]}
