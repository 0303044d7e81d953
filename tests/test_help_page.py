"""The "When to get help" article: one setting names it, every template links to it through
`help_url`, and a database system check makes sure it exists and is published."""

import datetime
import tomllib

import pytest
from django.conf import settings
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape

from articles.models import Article
from core.publishing import Status
from core.warning_signs import WARNING_SIGNS
from exercises.models import Routine, RoutineItem
from sciatica.checks import help_article_is_published
from sciatica.env import env_slug
from tests.helpers import run_python


def run_check():
    return help_article_is_published(databases=["default"])


@pytest.mark.django_db
def test_the_check_passes_when_the_help_article_is_published(make_article):
    make_article(slug="when-to-get-help")
    assert run_check() == []
    call_command("check", "--database", "default", verbosity=0)


@pytest.mark.django_db
def test_the_check_fails_when_the_help_article_is_missing(make_article):
    make_article(slug="something-else")
    errors = run_check()
    assert [(type(e), e.id) for e in errors] == [(Error, "sciatica.E001")]
    assert "'when-to-get-help' does not exist" in errors[0].msg
    assert "load_content" in errors[0].hint
    with pytest.raises(SystemCheckError, match=r"sciatica\.E001"):
        call_command("check", "--database", "default", verbosity=0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "hours_from_now", "state"),
    [
        (Status.DRAFT, None, "status: draft"),
        (Status.REVIEW, None, "status: in review"),
        (Status.PUBLISHED, 24, "scheduled for"),
    ],
)
def test_the_check_fails_when_the_help_article_is_not_published(
    make_article, status, hours_from_now, state
):
    fields = {}
    if hours_from_now:
        fields["published_at"] = timezone.now() + datetime.timedelta(hours=hours_from_now)
    make_article(slug="when-to-get-help", status=status, **fields)
    errors = run_check()
    assert [e.id for e in errors] == ["sciatica.E002"]
    assert state in errors[0].msg
    with pytest.raises(SystemCheckError, match=r"sciatica\.E002"):
        call_command("check", "--database", "default", verbosity=0)


@pytest.mark.django_db
@override_settings(HELP_ARTICLE_SLUG="get-help-now")
def test_the_check_follows_the_setting(make_article):
    make_article(slug="when-to-get-help")
    assert [e.id for e in run_check()] == ["sciatica.E001"]
    make_article(slug="get-help-now")
    assert run_check() == []


def test_a_plain_check_without_the_database_does_not_run_it():
    assert help_article_is_published(databases=None) == []
    call_command("check", verbosity=0)  # no database touched, nothing reported


def test_the_shipped_content_passes_the_check(seeded):
    assert run_check() == []


def test_the_setting_must_be_a_slug(monkeypatch):
    monkeypatch.setenv("X_SLUG", "get help")
    with pytest.raises(ImproperlyConfigured, match="X_SLUG='get help' is not a slug"):
        env_slug("X_SLUG", "when-to-get-help")
    monkeypatch.setenv("X_SLUG", "get-help-now")
    assert env_slug("X_SLUG", "when-to-get-help") == "get-help-now"


@pytest.mark.django_db
@override_settings(HELP_ARTICLE_SLUG="get-help-now")
def test_every_template_links_to_the_help_article_the_setting_names(
    client, make_article, make_exercise
):
    help_article = make_article(slug="get-help-now", title="Get help now")
    article = make_article(slug="about-sciatica")
    exercise = make_exercise(slug="tilt")
    routine = Routine.objects.create(
        name="Morning", slug="morning", summary="One move.", status=Status.PUBLISHED
    )
    RoutineItem.objects.create(routine=routine, exercise=exercise, order=1)
    link = 'href="/articles/get-help-now/"'
    for path in [
        "/",
        article.get_absolute_url(),
        exercise.get_absolute_url(),
        routine.get_absolute_url(),
        "/exercises/",
        "/no-such-page/",
    ]:
        html = client.get(path).content.decode()
        assert link in html, path
        assert "when-to-get-help" not in html, path
    # The article page's own "When to get help" button, and "Get help" in the header.
    assert (
        f'class="button button--secondary" {link}'
        in client.get(article.get_absolute_url()).content.decode()
    )
    html = client.get(help_article.get_absolute_url()).content.decode()
    assert f'class="nav-help" {link} aria-current="page"' in html
    assert "help-link" not in html  # no button to the page itself


def test_the_environment_variable_sets_it_and_the_app_shortcut_follows():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.HELP_ARTICLE_SLUG, [x['url'] for x in s.PWA_APP_SHORTCUTS][-1])"
    )
    result = run_python("-c", code, DJANGO_HELP_ARTICLE_SLUG="get-help-now")
    assert result.stdout.split() == ["get-help-now", "/articles/get-help-now/?source=shortcut"]


# The page itself: who to call comes first (issue 10, section 5).

HELP = "/articles/when-to-get-help/"
EMERGENCY_CARD = '<aside aria-label="Emergency: Call 999 or go to A&amp;E" class="care-card'
URGENT_CARD = '<aside aria-label="Urgent: Speak to a doctor or midwife today"'


def help_page(client) -> str:
    return client.get(HELP).content.decode()


def main_of(html: str) -> str:
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_the_emergency_card_comes_first_then_the_urgent_card_then_the_rest(client, seeded):
    main = main_of(help_page(client))
    first_tag = main[main.index(">") + 1 :].lstrip()
    assert first_tag.startswith('<article class="article article--help">')
    order = [
        main.index(EMERGENCY_CARD),
        main.index(URGENT_CARD),
        main.index("<h1>When to get help</h1>"),
        main.index('class="review-box"'),
        main.index('class="toc"'),
        main.index('<div class="prose">'),
    ]
    assert order == sorted(order)
    # Nothing to read or tap before the emergency card.
    before = main[: main.index(EMERGENCY_CARD)]
    assert "<a " not in before and "<p" not in before and "<h" not in before


def test_the_cards_list_every_warning_sign_with_numbers_to_call(client, seeded):
    main = main_of(help_page(client))
    emergency = main[main.index(EMERGENCY_CARD) : main.index(URGENT_CARD)]
    urgent = main[main.index(URGENT_CARD) : main.index("<h1>")]
    for sign in [*WARNING_SIGNS["red_flags"], *WARNING_SIGNS["after_birth_emergencies"]]:
        assert f"<li>{escape(sign)}</li>" in emergency, sign
    for sign in [*WARNING_SIGNS["after_birth_same_day"], *WARNING_SIGNS["see_a_gp"]]:
        assert f"<li>{escape(sign)}</li>" in urgent, sign
    assert '<a class="button button--call" href="tel:999">Call 999</a>' in emergency
    assert 'href="tel:111">Call NHS 111</a>' in urgent
    assert 'href="tel:999">' in urgent  # if it gets worse


@override_settings(EMERGENCY_PHONE="911", EMERGENCY_DEPARTMENT="the ER", URGENT_PHONE="")
def test_the_cards_take_the_numbers_from_settings(client, seeded):
    main = main_of(help_page(client))
    assert 'aria-label="Emergency: Call 911 or go to the ER"' in main
    assert 'href="tel:911">Call 911</a>' in main
    cards = main[: main.index("<h1>")]
    assert "tel:111" not in cards and "NHS 111" not in cards


def test_other_articles_keep_their_usual_order(client, seeded):
    main = main_of(client.get("/articles/symptoms-of-postpartum-sciatica/").content.decode())
    assert "article--help" not in main
    assert main.index("<h1>") < main.index('class="review-box"') < main.index('class="prose"')
    assert URGENT_CARD not in main


def test_the_help_article_is_still_the_help_article_when_the_setting_names_another(
    client, seeded, make_article
):
    with override_settings(HELP_ARTICLE_SLUG="get-help-now"):
        make_article(slug="get-help-now", title="Get help now")
        assert "article--help" in client.get("/articles/get-help-now/").content.decode()
        assert "article--help" not in help_page(client)


# Every warning sign has its source, cited by the help page (content/references.toml).


def content_references() -> dict:
    with (settings.BASE_DIR / "content/references.toml").open("rb") as file:
        return tomllib.load(file)


def help_article_file() -> dict:
    text = (settings.BASE_DIR / "content/articles/when-to-get-help.md").read_text()
    return tomllib.loads(text.split("+++")[1])


@pytest.mark.parametrize("group", sorted(WARNING_SIGNS))
def test_every_warning_sign_names_its_sources_and_the_help_page_cites_them(group):
    references = content_references()
    cited = help_article_file()["references"]
    for sign in WARNING_SIGNS[group]:
        assert sign.sources, str(sign)
        for source in sign.sources:
            assert source in references, (str(sign), source)
            assert source in cited, (str(sign), source)


def test_the_postnatal_signs_cite_the_nhs_pages_content_facts_names():
    references = content_references()
    urls = {
        source: references[source]["url"]
        for group in ("after_birth_emergencies", "after_birth_same_day")
        for sign in WARNING_SIGNS[group]
        for source in sign.sources
    }
    assert {
        "https://www.therotherhamft.nhs.uk/patients-and-visitors/patient-information/postnatal-information-for-parents",
        "https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/",
        "https://flipbooks.gs-cdn.co.uk/snee-maternity-transformation-program/after-birth/14",
        "https://www.ncbi.nlm.nih.gov/pubmedhealth/PMH0015537/table/ch5.t1/",
        "https://www.mkuh.nhs.uk/maternity-services/your-pregnancy-journey/postnatal-care/important-symptoms",
    } == set(urls.values())


def test_the_help_page_lists_the_sources_and_editors_see_them_in_the_admin(
    client, admin_client, seeded
):
    article = Article.objects.get(slug="when-to-get-help")
    references = content_references()
    cited = help_article_file()["references"]
    assert [ref.url for ref in article.references.all()] == [references[r]["url"] for r in cited]
    html = help_page(client)
    refs = html[html.index('id="refs-heading"') :]
    for ref in cited:
        assert references[ref]["url"] in refs, ref
    change = admin_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "The Rotherham NHS Foundation Trust" in change
    assert "[[emergency-signs]]" in change and "[[urgent-signs]]" in change


def test_search_finds_the_help_page_by_a_postnatal_sign(client, seeded):
    for word in ["breathlessness", "calf", "wound", "shivering"]:
        html = client.get(f"/search/?q={word}").content.decode()
        results = html[html.index('id="search-results"') : html.index("</main>")]
        assert f'href="{HELP}"' in results, word
