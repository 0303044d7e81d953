"""The clinical content pass (issue 15), pinned: safety wording a later edit of the shipped
content must not silently drop, one message where two pages used to disagree, honest words
about review, and the reading order.

The wording comes from ../shared/content-facts.md ("When to get help", "Warning signs after
birth"); a clinician editor reviews it. Change a test here only with the text it protects.
"""

import re
import tomllib

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from articles.models import Article
from core.warning_signs import WARNING_SIGNS
from exercises.models import STOP_IF, Exercise, Routine

CONTENT = settings.BASE_DIR / "content"
HELP = "/articles/when-to-get-help/"


def exercise_file(slug: str) -> dict:
    return tomllib.loads((CONTENT / f"exercises/{slug}.toml").read_text())


def article_file(slug: str) -> str:
    return (CONTENT / f"articles/{slug}.md").read_text()


# "Stop if": some bleeding is normal for weeks after birth; heavier bleeding is the sign.


def test_stop_if_says_bleeding_that_gets_heavier_not_any_bleeding():
    assert "your bleeding gets heavier" in STOP_IF
    assert "pain shoots down your leg" in STOP_IF
    assert "numbness or tingling gets worse" in STOP_IF
    assert "new pain in your pelvis" in STOP_IF
    assert not re.search(r"you have bleeding|bleeding or pelvic pain", STOP_IF)


def test_the_articles_say_the_same_when_to_stop():
    for slug in ["exercises-for-relief", "when-to-get-help"]:
        body = article_file(slug)
        assert "- your bleeding gets heavier, or you have new pain in your pelvis" in body, slug
        assert "you have bleeding or pelvic pain" not in body, slug


def test_every_exercise_page_says_when_to_stop(client, seeded):
    for exercise in Exercise.objects.published():
        html = client.get(exercise.get_absolute_url()).content.decode()
        assert "your bleeding gets heavier" in html, exercise.slug


# The emergency sign is a new loss of control, or numbness around the genitals or bottom; a
# little leaking is common after a birth and is a reason to see a GP or physio.


def test_the_999_signs_are_a_new_loss_of_control_and_numbness_not_leaking():
    signs = [str(sign) for sign in WARNING_SIGNS["red_flags"]]
    assert "numbness around your genitals or bottom" in signs
    assert any("new loss of control of your pee or poo" in sign for sign in signs)
    assert not any("leak" in sign for sign in signs)


@pytest.mark.parametrize("card", ["_red_flags.html", "_emergency_signs.html"])
def test_the_emergency_cards_send_a_little_leaking_to_the_gp_or_physio(card):
    html = render_to_string(f"_partials/{card}")
    assert "numbness around your genitals or bottom" in html
    assert "new loss of control of your pee or poo" in html
    note = re.search(r'<p class="care-card__note">([^<]*)</p>', html).group(1)
    assert "little leaking" in note and "not an emergency" in note
    assert "GP" in note and "physio" in note


def test_the_help_page_says_leaking_is_not_an_emergency(client, seeded):
    html = client.get(HELP).content.decode()
    assert "A little leaking of pee when you cough or laugh is common" in html
    assert "It is not an emergency." in html


# After a caesarean: a scar caution on each move that pulls on the tummy.

SCAR_CAUTION = "pain or pulling around a caesarean scar"


@pytest.mark.parametrize("slug", ["pelvic-tilt", "bridge", "piriformis-stretch"])
def test_moves_that_pull_on_the_tummy_carry_the_scar_caution(slug, client, seeded):
    data = exercise_file(slug)
    assert SCAR_CAUTION in data["also_stop_if"]
    exercise = Exercise.objects.get(slug=slug)
    html = client.get(exercise.get_absolute_url()).content.decode()
    box = html[html.index('id="stop-heading"') :]
    assert SCAR_CAUTION in box[: box.index("</aside>")]
    if slug != "pelvic-tilt":  # the tilt's "Take care" said so before; these two do now
        assert "After a caesarean, go gently" in data["precautions"]


def test_the_caesarean_article_names_the_moves_to_take_care_with():
    body = article_file("after-a-caesarean-or-difficult-birth")
    assert "The pelvic tilt, the bridge and the piriformis stretch" in body
    assert "stop if you feel pain or pulling around your scar" in body


# The hamstring stretch: a straight leg raise can pull on an irritated nerve.


def test_the_hamstring_stretch_keeps_the_knee_soft_and_stops_if_it_sets_off_the_leg_pain():
    data = exercise_file("hamstring-stretch")
    assert "Keep the knee soft" in " ".join(data["steps"])
    assert "Keep the knee soft" in data["precautions"]
    assert "sets off the pain in your leg" in data["also_stop_if"]


# The pelvic floor exercise follows the facts: hold up to 10 seconds and build up, quick
# squeezes, 3 times a day; the timer plays both parts.


def test_the_pelvic_floor_exercise_follows_the_facts(client, seeded):
    data = exercise_file("pelvic-floor-exercise")
    steps = " ".join(data["steps"])
    assert "up to 10 seconds" in steps and "quick squeezes" in steps
    assert "3 times a day" in steps and "3 times a day" in data["summary"]
    assert "Build up" in data["precautions"]
    assert (data["hold_seconds"], data["reps"], data["quick_squeezes"]) == (10, 10, 10)
    exercise = Exercise.objects.get(slug="pelvic-floor-exercise")
    assert exercise.dose_text == "Hold 10 seconds, 10 times, then 10 quick squeezes"
    labels = [step.label for step in exercise.plan().steps]
    assert labels.count("Hold") == 10 and "10 quick squeezes" in labels
    plan = client.get("/api/exercises/pelvic-floor-exercise/").json()["plan"]
    assert plan["steps"][-2]["label"] == "10 quick squeezes"
    # In a routine too: Strength basics plays both parts.
    routine = Routine.objects.with_items().get(slug="strength-basics")
    assert "10 quick squeezes" in [step.label for step in routine.plan().steps]


# One message: rest when the pain is bad, then gentle moves when it eases.


def test_the_flare_up_routine_is_named_for_what_it_is_and_agrees_with_the_articles():
    data = tomllib.loads((CONTENT / "routines/flare-up-relief.toml").read_text())
    assert data["name"] == "Gentle moves for a flare-up"
    assert "relief" not in data["name"].lower()
    assert "rest first" in data["description"]
    assert "rather than not at all" not in data["description"]
    for slug in ["treatment-options", "does-postpartum-sciatica-go-away"]:
        body = article_file(slug)
        assert "**Rest when the pain is bad.**" in body, slug
        assert "When the pain eases a little, gentle moves may help." in body, slug


def test_the_plank_sentence_of_strength_basics_is_whole():
    data = tomllib.loads((CONTENT / "routines/strength-basics.toml").read_text())
    assert "Skip the plank until your midwife, GP or physio says it is OK." in data["description"]
    assert "After a caesarean, always skip it until you are cleared." in data["description"]


# "Cleared" is explained where it first appears.


def test_cleared_is_explained_on_pages_that_need_it(client, seeded):
    explained = "Being cleared means a midwife, GP or physio has checked how you are healing"
    for path in ["/exercises/modified-plank/", "/routines/strength-basics/"]:
        html = client.get(path).content.decode()
        assert html.count(explained) == 1, path
        assert html.index(explained) < html.index('id="timer"'), path
    assert explained not in client.get("/exercises/walking/").content.decode()
    body = article_file("after-a-caesarean-or-difficult-birth")
    assert body.index("Being cleared means") < body.index("until you are cleared")


# Honest about review; the reminder once.


def test_the_home_page_promises_only_what_is_true(client, seeded):
    html = client.get("/").content.decode()
    assert "checked information" not in html
    assert "written from named health sources" in html


def test_an_unreviewed_article_says_what_its_date_means_and_the_reminder_once(client, seeded):
    html = client.get("/articles/treatment-options/").content.decode()
    assert "<strong>Not yet clinically reviewed.</strong>" in html
    assert "awaiting review by a clinician" in html
    assert "Content checked against sources on <time" in html
    assert "Page last reviewed" not in html
    assert html.count("does not replace medical advice") == 1
    assert "not a substitute" not in html


# Reading order.


def test_the_articles_list_follows_the_reading_order(client, seeded):
    html = client.get("/articles/").content.decode()
    titles = list(Article.objects.published().order_by("order").values_list("title", flat=True))
    assert titles[0] == "What is postpartum sciatica?" and titles[-1] == "When to get help"
    positions = [html.index(f">{title}</a>") for title in titles]
    assert positions == sorted(positions)


def test_start_here_includes_when_to_get_help(client, seeded):
    response = client.get("/")
    articles = response.context["articles"]
    assert len(articles) == 6
    assert articles[0].slug == "what-is-postpartum-sciatica"
    assert articles[-1].slug == settings.HELP_ARTICLE_SLUG
    assert [a.order for a in articles] == sorted(a.order for a in articles)
