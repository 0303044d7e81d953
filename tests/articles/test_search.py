"""Search over published articles and exercises, title matches first."""

import pytest
from django.core.management import call_command


@pytest.fixture
def seeded(db):
    call_command("load_content", verbosity=0)


def test_search_finds_piriformis(client, seeded):
    html = client.get("/search/?q=piriformis").content.decode()
    assert "Piriformis stretch" in html
    assert "result" in html


def test_title_matches_come_first(client, make_article):
    make_article(title="Living with pain", summary="About sleep.", body="Numbness happens.")
    make_article(title="Numbness and tingling", summary="Nerve signs.", body="Text.")
    html = client.get("/search/?q=numbness").content.decode()
    assert html.index("Numbness and tingling") < html.index("Living with pain")


def test_every_word_must_match(client, make_article):
    make_article(title="Bridge exercise", body="Lift your hips.")
    make_article(title="Bridge of sighs", body="A walk in Venice.")
    html = client.get("/search/?q=bridge+hips").content.decode()
    assert "Bridge exercise" in html
    assert "Bridge of sighs" not in html


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_empty_search_is_a_clear_page(client, db, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "Type a word such as" in response.content.decode()


def test_a_500_character_query_is_handled(client, make_article):
    response = client.get("/search/", {"q": "pain " * 100})
    assert response.status_code == 200
    assert "we used the first 100 characters" in response.content.decode()


def test_odd_characters_are_just_text(client, make_article):
    make_article(title="100% better")
    for query in ["100%", "_", "%_%", "'; DROP TABLE articles_article; --", "<script>"]:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert "<script>" not in response.content.decode().split("<main")[1]


def test_search_runs_a_constant_number_of_queries(
    client, make_article, make_exercise, make_tag, django_assert_num_queries
):
    tag = make_tag()
    for _ in range(3):
        make_article(title="Sciatica pain", tags=[tag])
        make_exercise(summary="Eases sciatica.")
    with django_assert_num_queries(3):  # articles, their tags, exercises with category
        client.get("/search/?q=sciatica")
    for _ in range(20):
        make_article(title="Sciatica pain", tags=[tag])
        make_exercise(summary="Eases sciatica.")
    with django_assert_num_queries(3):
        client.get("/search/?q=sciatica")
