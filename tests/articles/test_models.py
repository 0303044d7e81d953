import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article
from core.publishing import Status


def test_str_is_the_title(make_article, make_tag):
    assert str(make_article(title="Symptoms")) == "Symptoms"
    assert str(make_tag(name="Recovery")) == "Recovery"


def test_published_excludes_drafts_review_and_scheduled(make_article):
    visible = make_article()
    make_article(status=Status.DRAFT)
    make_article(status=Status.REVIEW)
    make_article(published_at=timezone.now() + datetime.timedelta(days=1))
    assert list(Article.objects.published()) == [visible]


def test_publishing_stamps_published_at(make_article):
    article = make_article(status=Status.DRAFT)
    assert article.published_at is None
    article.status = Status.PUBLISHED
    article.save()
    assert article.published_at is not None
    assert article.is_public


def test_body_is_rendered_and_sanitized_on_save(make_article):
    article = make_article(
        body="Hi <script>alert(1)</script>\n\n## Causes\n\n[x](javascript:alert(1)) [nhs](https://nhs.uk)"
    )
    assert "<script" not in article.body_html
    assert "javascript:" not in article.body_html
    assert '<h2 id="causes">Causes</h2>' in article.body_html
    assert 'href="https://nhs.uk" rel="noopener noreferrer"' in article.body_html
    assert article.toc == [{"id": "causes", "title": "Causes"}]


def test_care_cards_render_as_labelled_asides(make_article):
    article = make_article(body='!!! emergency "Call 999"\n    Both legs.\n')
    assert 'class="care-card care-card--emergency"' in article.body_html
    assert 'aria-label="Emergency: Call 999"' in article.body_html


def test_reading_time_rounds_up_to_whole_minutes(make_article):
    assert make_article(body="word " * 10).reading_minutes == 1
    assert make_article(body="word " * 401).reading_minutes == 3


def test_next_review_must_follow_last_review(make_article):
    article = make_article()
    article.next_review_due = article.last_reviewed
    with pytest.raises(ValidationError, match="after the last review"):
        article.full_clean()


def test_absolute_url_uses_the_slug(make_article):
    assert make_article(slug="symptoms").get_absolute_url() == "/articles/symptoms/"
