"""The editors' workflow does what it says: actions recorded in history, "now" means now, a
live page is not taken down without asking, two editors cannot overwrite each other."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from reversion.models import Revision, Version

from articles.models import Article
from core.admin import edit_token
from core.publishing import Status
from core.reviewing import review_due_after
from exercises.models import Exercise, Routine
from tests.articles.test_admin import form_data

CHANGELIST = "/admin/articles/article/"


def run_action(client, action, *pages, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [p.pk for p in pages], **extra},
        follow=True,
    )


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


# "Publish selected now" means now.


def test_publish_now_publishes_a_scheduled_page_now(editor_client, make_article):
    scheduled = make_article(published_at=timezone.now() + datetime.timedelta(days=3))
    assert not scheduled.is_public
    response = run_action(editor_client, "publish", scheduled)
    assert messages_of(response) == ["1 published."]
    scheduled.refresh_from_db()
    assert scheduled.is_public
    assert editor_client.get(scheduled.get_absolute_url()).status_code == 200


def test_publish_now_ignores_a_future_time_on_a_draft(editor_client, make_article):
    draft = make_article(
        status=Status.DRAFT, published_at=timezone.now() + datetime.timedelta(days=3)
    )
    response = run_action(editor_client, "publish", draft)
    assert messages_of(response) == ["1 published."]
    draft.refresh_from_db()
    assert draft.is_public


def test_publish_now_keeps_the_first_publication_date_and_skips_live_pages(
    editor_client, make_article
):
    live = make_article()
    before = live.published_at
    response = run_action(editor_client, "publish", live)
    assert messages_of(response) == ["0 published."]
    live.refresh_from_db()
    assert live.published_at == before


# Every workflow action is in the page's history and the admin log.


def test_publish_is_recorded_with_who_when_and_what(editor_client, editor, make_article):
    draft = make_article(status=Status.DRAFT)
    run_action(editor_client, "publish", draft)
    version = Version.objects.get_for_object(draft).get()
    assert version.revision.user == editor
    assert version.revision.comment == "Published."
    entry = LogEntry.objects.get(object_id=str(draft.pk))
    assert (entry.user, entry.get_change_message()) == (editor, "Published.")
    history = editor_client.get(f"{CHANGELIST}{draft.pk}/history/").content.decode()
    assert "Published." in history


def test_send_to_review_is_recorded(editor_client, editor, make_article):
    draft = make_article(status=Status.DRAFT)
    response = run_action(editor_client, "send_to_review", draft)
    assert messages_of(response) == ["1 sent to review."]
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    version = Version.objects.get_for_object(draft).get()
    assert (version.revision.user, version.revision.comment) == (editor, "Sent to review.")
    assert LogEntry.objects.get(object_id=str(draft.pk)).get_change_message() == "Sent to review."


def test_sending_a_live_page_to_review_asks_first(editor_client, make_article):
    live = make_article(title="Live one")
    draft = make_article(status=Status.DRAFT, title="Draft one")
    response = run_action(editor_client, "send_to_review", live, draft)
    html = response.content.decode()
    assert "takes them off the site" not in html  # one live page: the singular wording
    assert "takes it off the site at once" in html
    assert "Live one" in html
    # Where she is: the list it came from, then this step.
    assert 'href="/admin/articles/article/">Articles</a>\n&rsaquo; Send to review' in html
    live.refresh_from_db()
    draft.refresh_from_db()
    assert (live.status, draft.status) == (Status.PUBLISHED, Status.DRAFT)  # nothing changed yet
    assert not Version.objects.get_for_object(live).exists()

    response = run_action(editor_client, "send_to_review", live, draft, confirm="yes")
    assert messages_of(response) == ["2 sent to review."]
    live.refresh_from_db()
    assert live.status == Status.REVIEW
    assert editor_client.get(live.get_absolute_url()).status_code == 404


def test_the_actions_work_for_exercises_and_routines(admin_client, make_exercise, make_routine):
    exercise = make_exercise(status=Status.DRAFT)
    routine = make_routine([exercise], status=Status.DRAFT)
    for model, page in (("exercise", exercise), ("routine", routine)):
        response = admin_client.post(
            f"/admin/exercises/{model}/",
            {"action": "publish", "_selected_action": [page.pk]},
            follow=True,
        )
        assert messages_of(response) == ["1 published."]
        page.refresh_from_db()
        assert page.is_public
        assert Version.objects.get_for_object(page).get().revision.comment == "Published."


# The shipped content starts its history, so an editor's first change can be undone.


def test_load_content_records_a_first_version_of_every_page(db):
    call_command("load_content", verbosity=0)
    for model in (Article, Exercise, Routine):
        for page in model.objects.all():
            versions = Version.objects.get_for_object(page)
            assert versions.count() == 1, page
            assert versions.get().revision.comment.startswith("Starting content")
    call_command("load_content", verbosity=0)  # nothing changed: no new version
    pages = sum(model.objects.count() for model in (Article, Exercise, Routine))
    assert Revision.objects.count() == pages


def test_an_editors_first_change_to_shipped_content_can_be_undone(editor_client, seeded):
    article = Article.objects.get(slug="what-is-postpartum-sciatica")
    shipped_summary = article.summary
    url = f"{CHANGELIST}{article.pk}/change/"
    published = {
        "published_at_0": article.published_at.date().isoformat(),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
    }
    response = editor_client.post(url, form_data(article, summary="A mistake.", **published))
    assert response.status_code == 302
    shipped = Version.objects.get_for_object(article).last()
    revert_url = f"{CHANGELIST}{article.pk}/history/{shipped.pk}/"
    form = editor_client.get(revert_url)
    assert form.status_code == 200
    fields = form.context["adminform"].form
    data = form_data(article, summary=fields["summary"].value(), **published)
    data["edit_token"] = fields["edit_token"].value()
    assert editor_client.post(revert_url, data).status_code == 302
    article.refresh_from_db()
    assert article.summary == shipped_summary


# Two editors: the second save of a stale form is refused, and nothing is lost.


def test_a_stale_form_is_refused_naming_who_changed_the_page(client, make_article, make_editor):
    first, second = make_editor("ayesha"), make_editor("ben")
    first.first_name, first.last_name = "Ayesha", "Khan"
    first.save()
    article = make_article(summary="Old summary.", body="Old body.")
    url = f"{CHANGELIST}{article.pk}/change/"
    published = {
        "published_at_0": article.published_at.date().isoformat(),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
    }
    opened_by_second = form_data(article, body="Ben's new body.", **published)

    client.force_login(first)
    response = client.post(url, form_data(article, summary="Ayesha's summary.", **published))
    assert response.status_code == 302

    client.force_login(second)
    response = client.post(url, opened_by_second)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "Ayesha Khan changed this page on" in errors
    assert "Your changes are not saved yet" in errors
    assert "Ben&#x27;s new body." in response.content.decode()  # her text is still in the form
    article.refresh_from_db()
    assert (article.summary, article.body) == ("Ayesha's summary.", "Old body.")


def test_the_same_editor_saving_twice_in_a_row_is_not_refused(editor_client, make_article):
    article = make_article()
    url = f"{CHANGELIST}{article.pk}/change/"
    published = {
        "published_at_0": article.published_at.date().isoformat(),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
    }
    assert editor_client.post(url, form_data(article, title="One", **published)).status_code == 302
    article.refresh_from_db()
    assert editor_client.post(url, form_data(article, title="Two", **published)).status_code == 302


def test_the_change_form_carries_the_edit_token(editor_client, make_article):
    article = make_article()
    html = editor_client.get(f"{CHANGELIST}{article.pk}/change/").content.decode()
    assert f'name="edit_token" value="{edit_token(article)}"' in html


# What editors read says what is true.


def test_the_preview_of_a_scheduled_page_says_when_it_goes_live(admin_client, make_article):
    when = timezone.localtime().replace(microsecond=0) + datetime.timedelta(days=3)
    scheduled = make_article(published_at=when)
    html = admin_client.get(scheduled.get_preview_url()).content.decode()
    assert "scheduled for" in html
    assert when.strftime("%-d %B %Y, %H:%M") in html
    assert "this page is <strong>published</strong>" not in html


def test_the_web_address_field_shows_the_real_address(editor_client, make_article):
    article = make_article(slug="back-pain-basics")
    html = editor_client.get(f"{CHANGELIST}{article.pk}/change/").content.decode()
    assert "Web address" in html
    assert "http://testserver/articles/back-pain-basics/" in html
    assert "/articles//" not in html
    add = editor_client.get(f"{CHANGELIST}add/").content.decode()
    assert "Web address" in add and "/articles//" not in add


def test_a_future_review_date_is_refused(client, make_article, make_editor):
    # Only a clinical reviewer can set the review date (tests/articles/test_clinical_signoff.py).
    clinician = make_editor("ada", group="Clinical reviewers")
    client.force_login(clinician)
    article = make_article()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        f"{CHANGELIST}{article.pk}/change/",
        form_data(
            article,
            last_reviewed=tomorrow.isoformat(),
            next_review_due="",
            published_at_0=article.published_at.date().isoformat(),
            published_at_1=article.published_at.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["last_reviewed"]
    assert "cannot be in the future" in " ".join(errors)


@pytest.mark.parametrize(
    ("last_reviewed", "due"),
    [
        (datetime.date(2026, 3, 15), datetime.date(2027, 3, 15)),
        (datetime.date(2024, 2, 29), datetime.date(2025, 2, 28)),
    ],
)
def test_the_next_review_defaults_to_twelve_months_later(make_article, last_reviewed, due):
    article = make_article(last_reviewed=last_reviewed, next_review_due=None)
    assert article.next_review_due == due


def test_a_new_article_without_a_review_date_still_gets_one(make_article):
    article = make_article(last_reviewed=None, next_review_due=None)
    today = timezone.localdate()
    assert article.next_review_due.year == today.year + 1


# Reference links: only web addresses are ever links, whatever is stored.


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,hi", "vbscript:x"]
)
def test_a_stored_non_web_link_is_never_a_link(client, make_article, url):
    article = make_article()
    reference = article.references.create(
        title="A source", publisher="NHS", url=url, accessed=datetime.date(2026, 11, 1)
    )  # create() skips the form's validation, as a script would
    html = client.get(article.get_absolute_url()).content.decode()
    assert "A source" in html
    assert url.strip() not in html
    api = client.get(f"/api/articles/{article.slug}/").json()
    assert api["references"] == [
        {"title": "A source", "publisher": "NHS", "url": "", "accessed": "2026-11-01"}
    ]
    reference.url = "https://www.nhs.uk/conditions/sciatica/"
    reference.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="https://www.nhs.uk/conditions/sciatica/"' in html


# The admin speaks to editors: the site's name, plain words, what needs attention first.


def test_the_admin_home_starts_with_what_needs_attention(
    editor_client, make_article, make_exercise
):
    make_article(last_reviewed=datetime.date(2024, 1, 1), next_review_due=datetime.date(2025, 1, 1))
    make_article(published_at=timezone.now() + datetime.timedelta(days=2))
    make_article(status=Status.REVIEW)
    make_exercise(status=Status.DRAFT)
    make_exercise(status=Status.DRAFT)
    html = editor_client.get("/admin/").content.decode()
    assert "Postpartum Sciatica Relief: editors" in html
    assert "Django administration" not in html
    attention = html[html.index("What needs attention") : html.index("</section>")]
    assert 'href="/admin/articles/article/?review=overdue">1 article is overdue' in attention
    # Only the overdue one is on the site, and no article here has a clinical reviewer.
    assert '?review=awaiting-clinical">1 published article awaits clinical review' in attention
    assert 'href="/admin/articles/article/?publication=review">Articles in review: 1' in attention
    assert '?publication=scheduled">Articles scheduled: 1' in attention
    assert 'href="/admin/exercises/exercise/?publication=draft">Exercises in draft: 2' in attention
    assert "Routines" not in attention  # nothing to do there


def test_lists_tell_scheduled_pages_from_live_ones(editor_client, make_article):
    when = timezone.localtime().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
    make_article(title="Coming soon", published_at=when)
    make_article(title="Out now")
    html = editor_client.get(f"{CHANGELIST}?publication=scheduled").content.decode()
    assert "Coming soon" in html and "Out now" not in html
    assert f"Scheduled for {when.strftime('%-d %b, %H:%M')}" in html
    html = editor_client.get(f"{CHANGELIST}?publication=live").content.decode()
    assert "Out now" in html and "Coming soon" not in html
    assert "On the site since" in html


def test_the_login_page_speaks_plainly(client, db):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "nobody", "password": "wrong password"}
    )
    html = response.content.decode()
    assert "do not match an editor&#x27;s account" in html
    assert "staff" not in html.lower()
    assert "Django administration" not in html


def test_no_slug_in_what_editors_read(editor_client, make_article, category):
    for url in (
        f"{CHANGELIST}{make_article().pk}/change/",
        f"{CHANGELIST}add/",
        "/admin/articles/tag/add/",
        f"/admin/exercises/category/{category.pk}/change/",
        "/admin/exercises/exercise/add/",
        "/admin/exercises/routine/add/",
    ):
        html = editor_client.get(url).content.decode()
        assert ">Slug" not in html and "Slug:" not in html, url
        assert "Web address" in html, url


# Exercises and routines have review dates too.


def test_exercises_and_routines_have_review_dates(
    editor_client, make_exercise, make_routine, seeded
):
    fresh = make_exercise()
    assert fresh.next_review_due == review_due_after(timezone.localdate())
    stale = make_exercise(
        name="Old stretch",
        last_reviewed=datetime.date(2024, 1, 1),
        next_review_due=datetime.date(2025, 1, 1),
    )
    routine = make_routine([stale], next_review_due=datetime.date(2025, 6, 1))
    html = editor_client.get("/admin/").content.decode()
    attention = html[html.index("What needs attention") : html.index("</section>")]
    assert '/admin/exercises/exercise/?review=overdue">Exercises overdue for review: 1' in attention
    assert '/admin/exercises/routine/?review=overdue">Routines overdue for review: 1' in attention
    listing = editor_client.get("/admin/exercises/exercise/?review=overdue").content.decode()
    assert "Old stretch" in listing and fresh.name not in listing
    form = editor_client.get(f"/admin/exercises/routine/{routine.pk}/change/").content.decode()
    assert 'name="last_reviewed"' in form and 'name="next_review_due"' in form
    shipped = Exercise.objects.get(slug="piriformis-stretch")
    assert shipped.last_reviewed is not None and shipped.next_review_due > shipped.last_reviewed


def test_an_exercise_review_in_the_future_is_refused(make_exercise):
    exercise = make_exercise()
    exercise.last_reviewed = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        exercise.full_clean()
    assert "cannot be in the future" in str(error.value.message_dict["last_reviewed"])
