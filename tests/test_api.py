"""The read-only JSON API: published content only, paginated."""

import pytest

from core.publishing import Status


def test_article_list_is_paginated_and_published_only(client, make_article, make_tag):
    make_article(title="Public", tags=[make_tag(name="Basics")])
    make_article(title="Draft", status=Status.DRAFT)
    data = client.get("/api/articles/").json()
    assert data["count"] == 1
    assert {"next", "previous", "results"} <= data.keys()
    (item,) = data["results"]
    assert item["title"] == "Public"
    assert item["tags"] == [{"name": "Basics", "slug": item["tags"][0]["slug"]}]
    assert item["url"] == "/articles/" + item["slug"] + "/"


def test_article_detail_has_rendered_html_and_toc(client, make_article):
    article = make_article(body="## Causes\n\nStrain.")
    data = client.get(f"/api/articles/{article.slug}/").json()
    assert data["toc"] == [{"id": "causes", "title": "Causes"}]
    assert '<h2 id="causes">Causes</h2>' in data["body_html"]


def test_draft_article_is_404_in_the_api(client, make_article):
    draft = make_article(status=Status.DRAFT)
    assert client.get(f"/api/articles/{draft.slug}/").status_code == 404


def test_exercise_list_and_detail_with_plan(client, make_exercise):
    exercise = make_exercise(name="Bridge", hold_seconds=5, reps=2, sets=1, rest_seconds=5)
    make_exercise(status=Status.DRAFT)
    data = client.get("/api/exercises/").json()
    assert data["count"] == 1
    assert data["results"][0]["dose"]["text"] == "Hold 5 seconds, 2 times"
    detail = client.get(f"/api/exercises/{exercise.slug}/").json()
    assert detail["plan"]["total_seconds"] == 5 + 5 + 5 + 5
    assert detail["stop_if"]


def test_draft_exercise_is_404_in_the_api(client, make_exercise):
    draft = make_exercise(status=Status.DRAFT)
    assert client.get(f"/api/exercises/{draft.slug}/").status_code == 404


def test_api_is_read_only(client, make_article):
    response = client.post("/api/articles/", {"title": "x"})
    assert response.status_code == 405


@pytest.mark.parametrize("path", ["/api/articles/", "/api/exercises/"])
def test_api_lists_run_a_constant_number_of_queries(
    client, make_article, make_exercise, make_tag, django_assert_num_queries, path
):
    tag = make_tag()
    for _ in range(3):
        make_article(tags=[tag])
        make_exercise()
    with django_assert_num_queries(4 if "articles" in path else 3):  # + the content version
        client.get(path)
    for _ in range(15):
        make_article(tags=[tag])
        make_exercise()
    with django_assert_num_queries(4 if "articles" in path else 3):  # + the content version
        client.get(path)


@pytest.mark.parametrize("page", ["zero", "9999"])
def test_bad_page_is_404_not_500(client, make_article, page):
    make_article()
    assert client.get(f"/api/articles/?page={page}").status_code == 404


def test_openapi_schema_describes_the_read_only_endpoints(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/articles/",
        "/api/articles/{slug}/",
        "/api/tags/",
        "/api/tags/{slug}/",
        "/api/exercises/",
        "/api/exercises/{slug}/",
        "/api/categories/",
        "/api/categories/{slug}/",
        "/api/routines/",
        "/api/routines/{slug}/",
    }
    for operations in schema["paths"].values():
        assert set(operations) == {"get"}


def test_article_detail_names_its_reviewer_and_dates(client, make_article):
    from articles.models import Contributor

    reviewer = Contributor.objects.create(name="Sam Jones", slug="sam", credentials="MCSP")
    article = make_article(reviewer=reviewer)
    article.references.create(
        title="Sciatica",
        publisher="NHS 111 Wales",
        url="https://111.wales.nhs.uk/",
        accessed="2026-11-29",
    )
    data = client.get(f"/api/articles/{article.slug}/").json()
    assert data["reviewer"] == {"name": "Sam Jones", "credentials": "MCSP", "bio": ""}
    assert data["author"] is None
    assert data["last_reviewed"] == "2026-11-01"
    assert data["next_review_due"] == "2027-11-01"
    assert data["references"][0]["publisher"] == "NHS 111 Wales"


def test_article_filters(client, make_article, make_tag):
    tag = make_tag(name="Recovery", slug="recovery")
    make_article(title="Piriformis tips", tags=[tag])
    make_article(title="Other")
    assert client.get("/api/articles/?tag=recovery").json()["count"] == 1
    assert client.get("/api/articles/?search=piriformis").json()["count"] == 1
    response = client.get("/api/articles/?tag=nope")
    assert response.status_code == 400
    assert "nope" in response.json()["tag"]
    assert client.get("/api/tags/").json()["results"] == [{"name": "Recovery", "slug": "recovery"}]
