"""Safety text has one source: the red flags live in one partial, shown by the footer, the
error pages and (through a "[[red-flags]]" line) articles."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views import defaults

from articles.models import Article
from articles.rendering import render_markdown

RED_FLAGS = [
    "sciatica in both legs",
    "weakness or numbness in both legs that is bad or getting worse",
    "numbness around your genitals or bottom",
    "new trouble starting or controlling your pee or poo, or new leaking",
]
RED_FLAGS_CARD = '<aside aria-label="Emergency: Call 999 or go to A&amp;E"'
ARTICLES_WITH_RED_FLAGS = [
    "what-is-postpartum-sciatica",
    "symptoms-of-postpartum-sciatica",
    "when-to-get-help",
]


def shows_red_flags(html: str) -> bool:
    return RED_FLAGS_CARD in html and all(f"<li>{flag}</li>" in html for flag in RED_FLAGS)


def text_files():
    """Every template, content file and module of ours, tests and migrations aside."""
    for folder, pattern in [
        ("templates", "**/*.html"),
        ("content", "**/*.*"),
        ("static/js", "**/*.js"),
        (".", "[!.]*/**/*.py"),
    ]:
        for path in (settings.BASE_DIR / folder).glob(pattern):
            parts = path.relative_to(settings.BASE_DIR).parts
            if parts[0] not in {"tests", "staticfiles"} and "migrations" not in parts:
                yield path


def test_the_red_flags_list_is_written_in_one_place_only():
    """As a list item (Markdown "- ..." or "<li>"), each red flag is in the partial alone.
    (Prose may still mention one, as "does postpartum sciatica go away?" does.)"""
    partial = settings.BASE_DIR / "templates/_partials/_red_flags.html"
    for flag in RED_FLAGS:
        item = re.compile(rf"^\s*(?:[-*+]\s+|<li>){re.escape(flag)}(?:</li>)?\s*$", re.M)
        places = [p for p in text_files() if item.search(p.read_text(encoding="utf-8"))]
        assert places == [partial], flag


@pytest.mark.django_db
def test_the_footer_shows_the_red_flags_on_every_page(client):
    for path in ["/", "/articles/", "/exercises/", "/search/?q=leg", "/no-such-page/"]:
        html = client.get(path).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert shows_red_flags(footer), path


def test_the_500_page_shows_the_red_flags_without_a_request_or_database():
    assert shows_red_flags(render_to_string("500.html"))


@pytest.mark.django_db
def test_the_400_and_403_pages_show_the_red_flags():
    request = RequestFactory().get("/")
    assert shows_red_flags(defaults.bad_request(request, Exception("bad")).content.decode())
    assert shows_red_flags(defaults.permission_denied(request, Exception("no")).content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ARTICLES_WITH_RED_FLAGS)
def test_the_articles_show_the_red_flags_from_the_partial_in_place(client, slug):
    call_command("load_content", verbosity=0)
    article = Article.objects.get(slug=slug)
    assert "[[red-flags]]" in article.body
    assert RED_FLAGS[0] not in article.body_html  # stored as the line, filled in when shown
    html = client.get(article.get_absolute_url()).content.decode()
    prose = html[html.index('<div class="prose">') : html.index("<footer")]
    assert shows_red_flags(prose)
    assert "[[red-flags]]" not in html
    api = client.get(f"/api/articles/{slug}/").json()
    assert shows_red_flags(api["body_html"])


@pytest.mark.django_db
def test_search_finds_text_an_article_shows_through_the_partial(client):
    call_command("load_content", verbosity=0)
    html = client.get("/search/?q=999").content.decode()
    for slug in ARTICLES_WITH_RED_FLAGS:
        assert f"/articles/{slug}/" in html, slug
    assert "/articles/treatment-options/" not in html  # no 999 in it


def test_the_line_survives_cleaning_as_a_paragraph_of_its_own():
    assert render_markdown("Intro.\n\n[[red-flags]]\n").html == (
        "<p>Intro.</p>\n<p>[[red-flags]]</p>"
    )


@pytest.mark.parametrize(
    "body",
    [
        "Call [[red-flags]] now.",  # inside a sentence
        "    [[red-flags]]",  # a code block
        "`[[red-flags]]`",
        "[[red-flags]] <em>now</em>",
    ],
)
def test_only_a_line_of_its_own_is_filled_in(make_article, body):
    assert RED_FLAGS_CARD not in make_article(body=body).display_html


def test_filling_in_adds_nothing_but_the_partial(make_article):
    # Cleaned on save first: the handler is gone before the paragraph is replaced.
    article = make_article(body='<p onclick="steal()">[[red-flags]]</p>\n\n<script>x()</script>')
    assert (
        str(article.display_html).strip() == render_to_string("_partials/_red_flags.html").strip()
    )


@pytest.mark.django_db
def test_an_unknown_block_is_refused_with_the_names_an_editor_can_use(make_article):
    article = make_article(body="Intro.\n\n[[red-flag]]\n")
    with pytest.raises(ValidationError) as raised:
        article.full_clean()
    assert raised.value.message_dict["body"] == [
        "Unknown shared block [[red-flag]]: the ones you can use are [[red-flags]]."
    ]
    assert "[[red-flag]]" in str(article.display_html)  # never guessed at
