"""Search over published articles and exercises, title matches first."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation


def test_search_finds_piriformis(client, seeded):
    html = client.get("/search/?q=piriformis").content.decode()
    assert "Piriformis stretch" in html  # the exercise, by its name
    assert "Exercises for relief" in html  # an article, by its body text
    assert "After a caesarean or difficult birth" in html  # its scar caution names it
    assert "3 results for “piriformis”." in html


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
    # the content version (response cache), articles, their tags, exercises with category
    with django_assert_num_queries(4):
        client.get("/search/?q=sciatica")
    for _ in range(20):
        make_article(title="Sciatica pain", tags=[tag])
        make_exercise(summary="Eases sciatica.")
    with django_assert_num_queries(4):
        client.get("/search/?q=sciatica")


def titles(client, query, kind="articles"):
    response = client.get("/search/", {"q": query})
    return [str(obj) for obj in response.context["results"][kind]]


@pytest.mark.parametrize("query", ["école", "ECOLE", "Ecole", "ÉCOLE", "ecole\u0301"])
def test_case_and_accents_are_ignored_for_every_letter(client, make_article, query):
    make_article(title="École du dos")
    make_article(title="ECOLE NOTES")
    assert titles(client, query) == ["École du dos", "ECOLE NOTES"]


def test_words_in_the_body_text_are_found_but_not_in_link_addresses(client, make_article):
    make_article(
        title="Nights",
        body="## Sleeping positions\n\nA **quokka** pose. [Read more](https://example.com/secret)",
    )
    assert titles(client, "sleeping quokka") == ["Nights"]
    assert titles(client, "secret") == []


def test_exercises_are_found_by_every_text_shown_on_their_page(client, make_exercise):
    make_exercise(
        name="Bridge",
        why_it_helps="Strengthens the glutes.",
        precautions="Wait after a caesarean.",
        also_stop_if="Also stop if you feel dizzy.",
    )
    make_exercise(name="Cat stretch")
    for word in ["glutes", "caesarean", "dizzy"]:
        assert titles(client, word, "exercises") == ["Bridge"], word
    # The standard "Stop if" text is on every exercise page.
    assert titles(client, "tingling", "exercises") == ["Bridge", "Cat stretch"]


def test_ties_are_ordered_by_the_folded_title_then_by_age(client, make_article):
    for title in ["Zebra pain", "Ezra pain", "Éclair pain", "apple pain", "Apple pain"]:
        make_article(title=title)
    assert titles(client, "pain") == [
        "apple pain",
        "Apple pain",  # the same folded title, made after
        "Éclair pain",
        "Ezra pain",
        "Zebra pain",
    ]


def test_articles_are_found_by_the_shared_blocks_and_care_card_labels_they_show(
    client, make_article
):
    make_article(title="Red flags", body="Intro.\n\n[[red-flags]]\n")
    make_article(title="GP", body='!!! urgent "See someone"\n    Soon.')
    make_article(title="Plain", body="Intro.")
    assert titles(client, "genitals") == ["Red flags"]
    assert titles(client, "emergency") == ["Red flags"]
    assert titles(client, "urgent") == ["GP"]


def test_the_stored_search_text_follows_every_saved_change(client, make_article):
    article = make_article(title="Old title", body="Old words.")
    article.title = "New title"
    article.body = "Fresh words."
    article.save()
    assert titles(client, "new fresh") == ["New title"]
    assert titles(client, "old") == []

    article.title = "Unsaved title"
    article.save(update_fields=["order"])  # the title is not saved: neither is its search text
    assert titles(client, "new") == ["New title"]
    assert titles(client, "unsaved") == []
    article.save(update_fields=["title"])
    assert titles(client, "unsaved") == ["Unsaved title"]


def test_the_stored_text_is_in_the_site_language_whoever_saves(make_exercise, monkeypatch):
    def gettext(message):  # a stand-in catalogue for a second language
        return message if translation.get_language() == settings.LANGUAGE_CODE else "zzz"

    monkeypatch.setattr("exercises.models.gettext", gettext)
    with translation.override("cy"):
        exercise = make_exercise(name="Bridge")
        assert exercise.stop_if_text == "zzz"  # what a reader in that language is shown
    assert "tingling" in exercise.search_body.split()
    assert "zzz" not in exercise.search_body


def test_every_migrate_brings_the_stored_text_up_to_date_with_the_shared_text(
    client, make_exercise, monkeypatch
):
    make_exercise(name="Bridge")
    monkeypatch.setattr("exercises.models.STOP_IF", "Stop if the baby needs feeding.")
    assert titles(client, "feeding", "exercises") == []  # stored before the release
    call_command("migrate", verbosity=0)
    assert titles(client, "feeding", "exercises") == ["Bridge"]
