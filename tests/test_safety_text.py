"""Safety text has one source: the warning signs are written once (core/warning_signs.py); the
red flags card, one partial, shows them in the footer, the error pages and (through a
"[[red-flags]]" line) articles; "See a GP soon" likewise; and every exercise gives one
standard "Stop if" text."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views import defaults

from articles.models import Article
from articles.rendering import render_markdown
from core.warning_signs import WARNING_SIGNS
from exercises.models import STOP_IF, Exercise, Routine

RED_FLAGS = [
    "sciatica in both legs",
    "weakness or numbness in both legs that is bad or getting worse",
    "numbness around your genitals or bottom",
    "new trouble starting to pee, or a new loss of control of your pee or poo",
]
RED_FLAGS_CARD = '<aside aria-label="Emergency: Call 999 or go to A&amp;E"'
# In the footer, a labelled group within the footer's landmark (one aside of a name per page).
FOOTER_RED_FLAGS_CARD = '<div role="group" aria-label="Emergency: Call 999 or go to A&amp;E"'
SEE_A_GP = [
    "is not getting better after a few weeks",
    "is getting worse",
    "stops you doing everyday things or caring for your baby",
]
# "When to get help" shows every sign instead, through [[emergency-signs]] and
# [[urgent-signs]] (tests/test_help_page.py).
ARTICLES_WITH_SEE_A_GP = [
    "symptoms-of-postpartum-sciatica",
    "does-postpartum-sciatica-go-away",
    "treatment-options",
]
ARTICLES_WITH_RED_FLAGS = [
    "what-is-postpartum-sciatica",
    "symptoms-of-postpartum-sciatica",
]


def shows_red_flags(html: str, card: str = RED_FLAGS_CARD) -> bool:
    return card in html and all(f"<li>{flag}</li>" in html for flag in RED_FLAGS)


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


def test_the_cards_show_the_signs_written_in_core():
    assert [str(sign) for sign in WARNING_SIGNS["red_flags"]] == RED_FLAGS
    assert [str(sign) for sign in WARNING_SIGNS["see_a_gp"]] == SEE_A_GP
    assert shows_red_flags(render_to_string("_partials/_red_flags.html"))
    see_a_gp = render_to_string("_partials/_see_a_gp.html")
    assert all(f"<li>{item}</li>" in see_a_gp for item in SEE_A_GP)


@pytest.mark.parametrize("group", sorted(WARNING_SIGNS))
def test_each_warning_sign_is_written_in_one_place_only(group):
    """As a list item (Markdown "- ...", "<li>", a translatable string), each sign is in
    core/warning_signs.py alone: the cards and the check-in show it from there. (Prose may
    still mention one, as "does postpartum sciatica go away?" does.)"""
    for sign in WARNING_SIGNS[group]:
        text = re.escape(str(sign))
        translatable = rf'(?:{{% translate "{text}" %}}|_\("{text}"\),?|{text})'
        item = re.compile(rf"^\s*(?:[-*+]\s+|<li>)?{translatable}(?:</li>)?\s*$", re.M)
        places = [p for p in text_files() if item.search(p.read_text(encoding="utf-8"))]
        assert places == [settings.BASE_DIR / "core/warning_signs.py"], str(sign)


@pytest.mark.django_db
def test_the_footer_shows_the_red_flags_on_every_page(client):
    for path in ["/", "/articles/", "/exercises/", "/search/?q=leg", "/no-such-page/"]:
        html = client.get(path).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert shows_red_flags(footer, FOOTER_RED_FLAGS_CARD), path


def test_the_500_page_shows_the_red_flags_without_a_request_or_database():
    assert shows_red_flags(render_to_string("500.html"))


@pytest.mark.django_db
def test_the_400_and_403_pages_show_the_red_flags():
    request = RequestFactory().get("/")
    assert shows_red_flags(defaults.bad_request(request, Exception("bad")).content.decode())
    denied = defaults.permission_denied(request, Exception("no")).content.decode()
    assert shows_red_flags(denied, FOOTER_RED_FLAGS_CARD)  # the 403 page has the site's footer


@pytest.mark.parametrize("slug", ARTICLES_WITH_RED_FLAGS)
def test_the_articles_show_the_red_flags_from_the_partial_in_place(client, slug, seeded):
    article = Article.objects.get(slug=slug)
    assert "[[red-flags]]" in article.body
    assert RED_FLAGS[0] not in article.body_html  # stored as the line, filled in when shown
    html = client.get(article.get_absolute_url()).content.decode()
    prose = html[html.index('<div class="prose">') : html.index("<footer")]
    assert shows_red_flags(prose)
    assert "[[red-flags]]" not in html
    api = client.get(f"/api/articles/{slug}/").json()
    assert shows_red_flags(api["body_html"])


def test_the_articles_show_the_see_a_gp_card_from_its_partial(client, seeded):
    for slug in ARTICLES_WITH_SEE_A_GP:
        html = client.get(f"/articles/{slug}/").content.decode()
        prose = html[html.index('<div class="prose">') : html.index("<footer")]
        assert '<aside aria-label="Urgent: See a GP soon"' in prose, slug
        assert all(f"<li>{item}</li>" in prose for item in SEE_A_GP), slug
        assert "[[see-a-gp]]" in Article.objects.get(slug=slug).body


def test_search_finds_text_an_article_shows_through_the_partial(client, seeded):
    html = client.get("/search/?q=999").content.decode()
    for slug in [*ARTICLES_WITH_RED_FLAGS, "when-to-get-help"]:
        assert f"/articles/{slug}/" in html, slug
    assert "/articles/treatment-options/" not in html  # no 999 in it


@pytest.mark.django_db
def test_editing_a_sign_changes_every_page_and_the_offline_version(
    client, monkeypatch, make_article
):
    article = make_article(body="Intro.\n\n[[red-flags]]\n")
    before = client.get("/offline-manifest.json").json()["version"]
    edited = ("a newly listed sign", *WARNING_SIGNS["red_flags"][1:])
    monkeypatch.setitem(WARNING_SIGNS, "red_flags", edited)
    # Signs are code: a change ships in a release, whose new processes start with an empty
    # response cache (and a new release fingerprint, core.content_version).
    cache.clear()

    html = client.get(article.get_absolute_url()).content.decode()
    prose = html[html.index('<div class="prose">') : html.index("<footer")]
    footer = html[html.index("<footer") :]
    assert "<li>a newly listed sign</li>" in prose and "<li>a newly listed sign</li>" in footer
    assert "a newly listed sign" in render_to_string("500.html")
    # Phones that saved the page for offline use are told to fetch it again.
    assert client.get("/offline-manifest.json").json()["version"] != before


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
        "Unknown shared block [[red-flag]]: the ones you can use are [[red-flags]], "
        "[[see-a-gp]], [[emergency-signs]], [[urgent-signs]]."
    ]
    assert "[[red-flag]]" in str(article.display_html)  # never guessed at


# "Stop if": one standard text for every exercise, which an exercise can extend.


def test_the_standard_stop_if_text_is_written_in_one_place_only():
    start = "Stop if pain shoots down your leg, numbness or tingling gets worse"
    assert STOP_IF.startswith(start)
    places = [p for p in text_files() if start in p.read_text(encoding="utf-8")]
    assert places == [settings.BASE_DIR / "exercises/models.py"]
    for path in (settings.BASE_DIR / "content/exercises").glob("*.toml"):
        assert "pain shoots down your leg" not in path.read_text(), path.name


def test_every_exercise_page_and_the_api_give_the_standard_text_then_the_exercises_own(
    client, seeded
):
    exercises = list(Exercise.objects.published())
    assert len(exercises) == 9
    for exercise in exercises:
        assert exercise.also_stop_if.startswith("Also stop if"), exercise.slug
        whole = f"{STOP_IF} {exercise.also_stop_if}"
        html = client.get(exercise.get_absolute_url()).content.decode()
        box = html[html.index('id="stop-heading"') :]
        assert box.index(STOP_IF) < box.index(exercise.also_stop_if) < box.index("</aside>")
        api = client.get(f"/api/exercises/{exercise.slug}/").json()
        assert api["stop_if"] == whole, exercise.slug


@pytest.mark.django_db
def test_an_exercise_with_nothing_extra_gives_the_standard_text(client, make_exercise):
    exercise = make_exercise()
    assert exercise.also_stop_if == ""
    html = client.get(exercise.get_absolute_url()).content.decode()
    assert f'<p>{STOP_IF} <a href="/articles/when-to-get-help/">When to get help</a></p>' in html
    assert client.get(f"/api/exercises/{exercise.slug}/").json()["stop_if"] == STOP_IF


def test_routine_pages_give_each_exercises_whole_text_before_the_timer(client, seeded):
    paths = [r.get_absolute_url() for r in Routine.objects.playable()] + ["/routines/today/"]
    for path in paths:
        response = client.get(path)
        html = response.content.decode()
        items = response.context["routine"].public_items
        for n, item in enumerate(items, start=1):
            box = html[html.index(f'id="stop-heading-{n}"') :]
            box = box[: box.index("</aside>")]
            assert f"<p>{STOP_IF} {item.exercise.also_stop_if} <a " in box, (path, n)
        assert html.index(f'id="stop-heading-{len(items)}"') < html.index('id="timer"'), path


def test_search_matches_the_text_an_exercise_shows(client, seeded):
    html = client.get("/search/?q=dizzy").content.decode()
    assert "/exercises/walking/" in html and "/exercises/bridge/" not in html
    html = client.get("/search/?q=tingling").content.decode()
    assert all(e.get_absolute_url() in html for e in Exercise.objects.all())


@pytest.mark.django_db
def test_the_admin_shows_editors_the_standard_text_beside_their_own(admin_client, make_exercise):
    exercise = make_exercise(also_stop_if="Also stop if it hurts.")
    html = admin_client.get(f"/admin/exercises/exercise/{exercise.pk}/change/").content.decode()
    assert STOP_IF in html
    assert "Also stop if:" in html and "Also stop if it hurts." in html
    assert "Add only what is extra for this exercise" in html
