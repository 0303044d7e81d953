"""Article pages: what a reader sees, and what stays hidden."""

import pytest

from core.publishing import Status


def test_article_list_shows_published_newest_first(client, make_article):
    newer = make_article(title="Newer")
    older = make_article(title="Older")
    older.published_at = newer.published_at.replace(year=newer.published_at.year - 1)
    older.save()
    make_article(title="Secret draft", status=Status.DRAFT)
    response = client.get("/articles/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Newer") < html.index("Older")
    assert "Secret draft" not in html


def test_article_detail_shows_title_dates_and_body(client, make_article):
    article = make_article(title="Symptoms", body="Intro.\n\n## Numbness\n\nTingling.")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Symptoms</h1>" in html
    # Not clinically reviewed: the date says what it is (a reviewed page: test_seo.py).
    assert "Content checked against sources on <time" in html
    assert "Page last reviewed" not in html
    assert "Next review due:" in html
    assert '<a href="#numbness">Numbness</a>' in html
    assert html.count("does not replace medical advice") == 1  # once, at the end (the footer)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW])
def test_unpublished_article_is_404_for_anonymous(client, make_article, status):
    article = make_article(status=status)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_unknown_article_gets_the_styled_404(client, db):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()


def test_tag_page_lists_only_that_tags_published_articles(client, make_article, make_tag):
    tag = make_tag(name="Recovery")
    make_article(title="Tagged", tags=[tag])
    make_article(title="Untagged")
    make_article(title="Tagged draft", tags=[tag], status=Status.DRAFT)
    html = client.get(tag.get_absolute_url()).content.decode()
    assert "Tagged" in html
    assert "Untagged" not in html
    assert "Tagged draft" not in html


def test_list_pages_run_a_constant_number_of_queries(
    client, make_article, make_tag, django_assert_num_queries
):
    tags = [make_tag(), make_tag()]
    for _ in range(3):
        make_article(tags=tags)
    # the content version (the response cache), count, page of articles, their tags
    with django_assert_num_queries(4):
        client.get("/articles/")
    for _ in range(20):
        make_article(tags=tags)
    with django_assert_num_queries(4):
        client.get("/articles/")


def test_detail_page_runs_a_constant_number_of_queries(
    client, make_article, make_tag, django_assert_num_queries
):
    article = make_article(tags=[make_tag(), make_tag()])
    for n in range(5):
        article.references.create(
            title=f"Ref {n}", publisher="NHS", url="https://nhs.uk", accessed="2026-11-29"
        )
    make_article(tags=article.tags.all())
    # content version, article with people, tags, references, chosen related, tag-related +
    # their tags
    with django_assert_num_queries(7):
        assert client.get(article.get_absolute_url()).status_code == 200
    for _ in range(10):
        make_article(tags=article.tags.all())
        article.references.create(
            title="More", publisher="NHS", url="https://nhs.uk", accessed="2026-11-29"
        )
    with django_assert_num_queries(7):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("page", ["abc", "999", "0", "-1"])
def test_bad_page_numbers_are_404_not_500(client, make_article, page):
    make_article()
    assert client.get(f"/articles/?page={page}").status_code == 404


def test_tag_page_runs_a_constant_number_of_queries(
    client, make_article, make_tag, django_assert_num_queries
):
    tag, other = make_tag(), make_tag()
    for _ in range(3):
        make_article(tags=[tag, other])
    with django_assert_num_queries(5):  # version, tag, count, page of articles, their tags
        client.get(tag.get_absolute_url())
    for _ in range(57):
        make_article(tags=[tag, other])
    with django_assert_num_queries(5):
        client.get(tag.get_absolute_url())


def test_list_shows_12_per_page_newest_first(client, make_article):
    for _ in range(13):
        make_article()
    first = client.get("/articles/")
    assert len(first.context["articles"]) == 12
    second = client.get("/articles/?page=2")
    assert len(second.context["articles"]) == 1
    assert 'rel="prev"' in second.content.decode()


def test_help_page_lists_the_red_flags_and_every_page_links_to_it(client, seeded):
    html = client.get("/articles/when-to-get-help/").content.decode()
    assert "care-card--emergency" in html
    for flag in ["both legs", "bottom", "pee"]:
        assert flag in html
    for path in [
        "/",
        "/articles/treatment-options/",
        "/exercises/bridge/",
        "/routines/gentle-stretch/",
    ]:
        assert "/articles/when-to-get-help/" in client.get(path).content.decode(), path
