"""Drafts, articles in review and scheduled articles are invisible everywhere to the public."""

import datetime

import pytest
from django.utils import timezone

from core.publishing import Status


@pytest.fixture
def hidden(make_article, make_tag):
    """One public article and three hidden ones, all sharing a tag and a search word."""
    tag = make_tag(name="Recovery", slug="recovery")
    public = make_article(title="Public piriformis", slug="public", tags=[tag])
    hidden = [
        make_article(title="Draft piriformis", slug="draft", status=Status.DRAFT, tags=[tag]),
        make_article(title="Review piriformis", slug="review", status=Status.REVIEW, tags=[tag]),
        make_article(
            title="Scheduled piriformis",
            slug="scheduled",
            tags=[tag],
            published_at=timezone.now() + datetime.timedelta(days=2),
        ),
    ]
    public.related.set(hidden)
    return hidden


def titles(html):
    return [t for t in ("Draft", "Review", "Scheduled") if f"{t} piriformis" in html]


def test_hidden_articles_are_404(client, hidden):
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
        assert client.get(f"/api/articles/{article.slug}/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles/",
        "/articles/tag/recovery/",
        "/search/?q=piriformis",
        "/articles/public/",
        "/sitemap.xml",
        "/api/articles/",
        "/api/articles/?tag=recovery",
        "/api/articles/?search=piriformis",
    ],
)
def test_hidden_articles_appear_nowhere(client, hidden, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(html) == []
    for slug in ("draft", "review", "scheduled"):
        assert f"/articles/{slug}/" not in html


def test_scheduled_article_appears_when_its_time_comes(client, hidden):
    scheduled = hidden[2]
    scheduled.published_at = timezone.now() - datetime.timedelta(seconds=1)
    scheduled.save()
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_staff_preview_shows_a_draft(admin_client, hidden):
    draft = hidden[0]
    response = admin_client.get(draft.get_preview_url())
    assert response.status_code == 200
    assert "Preview: this page is <strong>draft</strong>" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_preview_is_not_for_the_public(client, hidden):
    response = client.get(hidden[0].get_preview_url())
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
