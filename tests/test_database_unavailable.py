"""With the database down, pages say the site is temporarily unavailable (503, Retry-After),
logged once with the request id; static files, the manifest and the worker still work."""

import logging

import pytest
from django.templatetags.static import static

from sciatica.middleware.request_log import RequestIdFilter

PAGES = [
    "/",
    "/articles/",
    "/articles/what-is-postpartum-sciatica/",
    "/exercises/piriformis-stretch/",
    "/search/?q=stretch",
    "/offline-manifest.json",
    "/api/articles/",
]


@pytest.fixture
def logged(caplog):
    caplog.handler.addFilter(RequestIdFilter())
    caplog.set_level(logging.WARNING)
    return caplog


@pytest.mark.parametrize("path", PAGES)
def test_pages_answer_503_with_retry_after_logged_once(
    client, transactional_db, database_down, logged, path
):
    database_down()
    response = client.get(path, HTTP_X_REQUEST_ID="drill-0123456789")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "The site is temporarily unavailable" in html
    assert "Something went wrong" not in html
    assert "data-error-page" in html  # the worker never saves it in place of a page
    problems = [r for r in logged.records if r.levelno >= logging.WARNING]
    assert [(r.name, r.request_id) for r in problems] == [("sciatica.database", "drill-0123456789")]


def test_health_check_says_why(client, transactional_db, database_down):
    database_down()
    response = client.get("/healthz")
    assert response.status_code == 503


def test_static_files_the_web_manifest_and_the_worker_still_work(
    client, transactional_db, database_down
):
    database_down()
    for path in (static("css/site.css"), "/manifest.json", "/serviceworker.js"):
        response = client.get(path)
        assert response.status_code == 200, path


def test_other_errors_are_still_500(client, transactional_db, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr("sciatica.views.render", broken)
    client.raise_request_exception = False
    assert client.get("/search/?q=stretch").status_code == 500
