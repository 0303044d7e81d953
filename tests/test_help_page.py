"""The "When to get help" article: one setting names it, every template links to it through
`help_url`, and a database system check makes sure it exists and is published."""

import datetime

import pytest
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.utils import timezone

from core.publishing import Status
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
