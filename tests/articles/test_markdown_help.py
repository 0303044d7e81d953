"""Markdown that does not fail silently: warnings for the mistakes editors make, web
addresses that become links, and a live preview rendered by the server."""

import pytest

from articles.markdown_checks import markdown_warnings
from articles.rendering import render_markdown
from core.admin import edit_token
from tests.articles.test_admin import form_data

PREVIEW = "/admin/articles/article/markdown-preview/"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('!!! danger "Call 999"\n    Text.', "Line 1: a care card's level must be one of"),
        ("Intro.\n\n!!! urgent 'See a GP'\n    Text.", "Line 3: put a care card's title in double"),
        ("# Big title", "Line 1: “# ” makes a second page title"),
        ("[NHS](nhs.uk/conditions)", "Line 1: the link “nhs.uk/conditions” does not start"),
        ("A sentence.\n- one\n- two", "Line 2: leave an empty line before a list"),
        ("![a drawing](https://example.org/a.png)", "Line 1: pictures are not shown"),
    ],
)
def test_each_mistake_gets_a_warning_naming_its_line(body, expected):
    warnings = markdown_warnings(body)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(expected)


def test_good_markdown_gets_no_warning():
    body = (
        "Intro with a [link](https://www.nhs.uk) and [another](www.nhs.uk).\n\n"
        "## A section\n\n- one\n- two\n\n1. first\n2. second\n\n"
        '!!! emergency "Call 999"\n    - Both legs.\n    - Numbness.\n\n[[red-flags]]\n'
    )
    assert markdown_warnings(body) == []


@pytest.mark.parametrize(
    ("body", "href"),
    [
        ("See https://www.nhs.uk/conditions/sciatica/.", "https://www.nhs.uk/conditions/sciatica/"),
        ("Go to www.nhs.uk, then call.", "https://www.nhs.uk"),
        ("[the NHS page](www.nhs.uk/conditions)", "https://www.nhs.uk/conditions"),
    ],
)
def test_web_addresses_become_links(body, href):
    html = render_markdown(body).html
    assert f'<a href="{href}" rel="noopener noreferrer">' in html


def test_the_preview_renders_with_the_public_pages_sanitizer(editor_client):
    body = '## Hello\n\n<script>alert(1)</script>\n\n!!! nope "x"\n    y\n\n[[red-flags]]'
    data = editor_client.post(PREVIEW, {"body": body}).json()
    assert '<h2 id="hello">Hello</h2>' in data["html"]
    assert "<script" not in data["html"]
    assert "Call 999" in data["html"]  # the shared red-flags card, as readers see it
    assert len(data["warnings"]) == 1 and "must be one of" in data["warnings"][0]


def test_the_preview_is_for_editors_only_and_by_post(client, editor_client, db):
    assert editor_client.get(PREVIEW).status_code == 405
    client.logout()
    response = client.post(PREVIEW, {"body": "x"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_form_shows_the_help_and_the_preview(editor_client, make_article):
    article = make_article(body="# Oops\n\nText.")
    html = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "How to write the body" in html
    assert f'data-url="{PREVIEW}"' in html
    assert "makes a second page title" in html


def test_saving_warns_but_saves(editor_client, make_article):
    article = make_article()
    published = {
        "published_at_0": article.published_at.date().isoformat(),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
    }
    response = editor_client.post(
        f"/admin/articles/article/{article.pk}/change/",
        form_data(
            article, body="A line.\n- a list too soon", edit_token=edit_token(article), **published
        ),
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("leave an empty line before a list" in m for m in messages)
    article.refresh_from_db()
    assert article.body == "A line.\n- a list too soon"
