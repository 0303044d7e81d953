"""Changing a live page without taking it down: an editor saves a draft of her changes,
previews it, sends it for review and publishes it; readers see the live version until then.
And the change form's buttons (Save draft, Send for review, Publish now, Schedule, Unpublish)
say what they do."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from core.models import PendingChange
from core.publishing import Status
from tests.articles.test_admin import form_data
from tests.exercises.test_admin import exercise_form, routine_form

CHANGELIST = "/admin/articles/article/"


@pytest.fixture
def reader():
    return Client()


def change_url(article):
    return f"{CHANGELIST}{article.pk}/change/"


def live_form(article, **changes):
    return form_data(
        article,
        published_at_0=article.published_at.date().isoformat(),
        published_at_1=article.published_at.strftime("%H:%M:%S"),
        **changes,
    )


def what_readers_get(reader, article):
    urls = [
        article.get_absolute_url(),
        f"/api/articles/{article.slug}/",
        "/api/articles/",
        "/search/?q=sleeping",
        "/offline-manifest.json",
        "/sitemap.xml",
    ]
    responses = {url: reader.get(url) for url in urls}
    assert all(r.status_code == 200 for r in responses.values()), responses
    return {url: r.content for url, r in responses.items()}


@pytest.fixture
def live_article(make_article):
    return make_article(
        title="Sleeping positions", summary="The old summary.", body="The old body text."
    )


def save_draft(client, article, button="_save_draft", **changes):
    changes.setdefault("summary", "The new summary.")
    return client.post(change_url(article), live_form(article, **{button: "1"}, **changes))


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


# A draft of a live page: stored apart, the live page untouched.


def test_save_draft_of_a_live_article_changes_nothing_readers_see(
    editor_client, editor, reader, live_article
):
    before = what_readers_get(reader, live_article)
    response = save_draft(editor_client, live_article, body="The new body text.")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert what_readers_get(reader, live_article) == before
    live_article.refresh_from_db()
    assert (live_article.summary, live_article.body) == ("The old summary.", "The old body text.")
    assert live_article.status == Status.PUBLISHED
    pending = PendingChange.objects.get()
    assert (pending.content_object, pending.author, pending.state) == (
        live_article,
        editor,
        PendingChange.State.DRAFT,
    )
    assert pending.data["summary"] == ["The new summary."]
    entry = LogEntry.objects.filter(object_id=str(live_article.pk)).latest("action_time")
    assert entry.user == editor
    assert "readers still see the live version" in entry.get_change_message()


def test_the_change_form_shows_the_pending_change(editor_client, live_article):
    save_draft(editor_client, live_article)
    html = editor_client.get(change_url(live_article)).content.decode()
    assert "Unpublished changes by editor on" in html
    assert "readers see the live version" in html
    assert "The new summary." in html
    assert "The old summary." not in html.split("Unpublished changes", 1)[1]


def test_a_draft_is_validated_like_a_save(editor_client, live_article):
    response = save_draft(editor_client, live_article, summary="x" * 161)
    assert response.status_code == 200
    assert "summary" in response.context["adminform"].form.errors
    assert not PendingChange.objects.exists()


def test_send_for_review_keeps_a_live_page_live(editor_client, reader, live_article):
    response = save_draft(editor_client, live_article, button="_send_review")
    assert response.status_code == 302
    assert PendingChange.objects.get().state == PendingChange.State.REVIEW
    live_article.refresh_from_db()
    assert live_article.status == Status.PUBLISHED
    assert b"The old summary." in reader.get(live_article.get_absolute_url()).content


def test_preview_shows_the_pending_change_to_staff_only(editor_client, reader, live_article):
    save_draft(editor_client, live_article, body="The new body text.")
    html = editor_client.get(live_article.get_preview_url()).content.decode()
    assert "The new body text." in html
    assert "The old body text." not in html
    assert "unpublished changes" in html.lower()
    anonymous = reader.get(live_article.get_preview_url())
    assert anonymous.status_code in (302, 404)
    assert b"The new body text." not in anonymous.content
    assert b"The new body text." not in reader.get(live_article.get_absolute_url()).content


def test_publish_now_applies_the_pending_change(editor_client, editor, reader, live_article):
    save_draft(editor_client, live_article, button="_send_review")
    response = save_draft(editor_client, live_article, button="_publish")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not PendingChange.objects.exists()
    live_article.refresh_from_db()
    assert live_article.summary == "The new summary."
    assert live_article.is_public
    assert b"The new summary." in reader.get(live_article.get_absolute_url()).content
    version = Version.objects.get_for_object(live_article).first()
    assert version.revision.user == editor
    assert "Published" in version.revision.comment


def test_discard_removes_the_pending_change(editor_client, editor, live_article):
    save_draft(editor_client, live_article)
    response = editor_client.post(change_url(live_article), live_form(live_article, _discard="1"))
    assert response.status_code == 302
    assert not PendingChange.objects.exists()
    live_article.refresh_from_db()
    assert live_article.summary == "The old summary."
    entry = LogEntry.objects.filter(object_id=str(live_article.pk)).latest("action_time")
    assert (entry.user, entry.get_change_message()) == (
        editor,
        "Discarded the unpublished changes.",
    )


def test_a_stale_pending_change_is_refused(editor_client, reader, live_article):
    save_draft(editor_client, live_article)
    pending = PendingChange.objects.get()
    # Someone changes the live page after the draft was made.
    live_article.refresh_from_db()
    live_article.body = "A newer live body."
    live_article.save()
    opened = editor_client.get(change_url(live_article)).content.decode()
    assert "changed after these changes were saved" in opened
    stale = {k: v[0] if len(v) == 1 else v for k, v in pending.data.items()}
    response = editor_client.post(change_url(live_article), {**stale, "_publish": "1"})
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "after you opened it" in errors
    live_article.refresh_from_db()
    assert (live_article.summary, live_article.body) == ("The old summary.", "A newer live body.")
    assert PendingChange.objects.exists()


def test_saving_a_draft_again_updates_the_one_pending_change(editor_client, live_article):
    save_draft(editor_client, live_article)
    save_draft(editor_client, live_article, summary="Second try.")
    assert PendingChange.objects.get().data["summary"] == ["Second try."]


def test_deleting_a_page_deletes_its_pending_change(admin_client, live_article):
    save_draft(admin_client, live_article)
    response = admin_client.post(f"{CHANGELIST}{live_article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not PendingChange.objects.exists()


# The buttons set the status of a page that is not live.


@pytest.mark.parametrize(
    ("start", "button", "status", "public"),
    [
        (Status.REVIEW, "_save_draft", Status.DRAFT, False),
        (Status.DRAFT, "_send_review", Status.REVIEW, False),
        (Status.DRAFT, "_publish", Status.PUBLISHED, True),
        (Status.REVIEW, "_publish", Status.PUBLISHED, True),
    ],
)
def test_each_button_sets_the_status(editor_client, make_article, start, button, status, public):
    article = make_article(status=start)
    response = editor_client.post(
        change_url(article), form_data(article, title="Changed", **{button: "1"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert (article.title, article.status, article.is_public) == ("Changed", status, public)
    assert not PendingChange.objects.exists()  # not live: saved in place


def test_schedule_publishes_at_the_time_given(editor_client, make_article):
    article = make_article(status=Status.DRAFT)
    when = timezone.localtime() + datetime.timedelta(days=2)
    response = editor_client.post(
        change_url(article),
        form_data(
            article,
            _schedule="1",
            published_at_0=when.date().isoformat(),
            published_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and not article.is_public


@pytest.mark.parametrize(
    ("date", "time", "message"),
    [
        ("", "", "Fill in “Publish from”"),
        ("2020-01-01", "09:00", "is in the past"),
    ],
)
def test_schedule_without_a_future_time_is_refused(
    editor_client, make_article, date, time, message
):
    article = make_article(status=Status.DRAFT)
    response = editor_client.post(
        change_url(article),
        form_data(article, _schedule="1", published_at_0=date, published_at_1=time),
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["published_at"])
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_the_status_field_is_not_edited_on_the_form(editor_client, make_article):
    article = make_article(status=Status.DRAFT)
    html = editor_client.get(change_url(article)).content.decode()
    assert '<select name="status"' not in html
    for label in ("Save draft", "Send for review", "Publish now", "Schedule"):
        assert label in html


def test_a_live_page_offers_unpublish_and_no_schedule(editor_client, live_article):
    html = editor_client.get(change_url(live_article)).content.decode()
    assert f"{change_url(live_article).removesuffix('change/')}unpublish/" in html
    assert 'name="_schedule"' not in html


# Unpublish asks first.


def test_unpublish_asks_first_then_takes_the_page_down(editor_client, editor, reader, live_article):
    url = f"{CHANGELIST}{live_article.pk}/unpublish/"
    page = editor_client.get(url)
    assert page.status_code == 200
    assert "Yes, take it off the site" in page.content.decode()
    crumbs = f'<a href="{change_url(live_article)}">{live_article.title}</a>\n&rsaquo; Unpublish'
    assert crumbs in page.content.decode()
    editor_client.post(url, {})  # not confirmed
    live_article.refresh_from_db()
    assert live_article.is_public
    response = editor_client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    live_article.refresh_from_db()
    assert live_article.status == Status.DRAFT
    assert reader.get(live_article.get_absolute_url()).status_code == 404
    version = Version.objects.get_for_object(live_article).first()
    assert (version.revision.user, version.revision.comment) == (editor, "Unpublished.")


# Exercises and routines work the same way.


def test_a_draft_of_a_live_exercise(editor_client, reader, make_exercise):
    exercise = make_exercise(summary="Old exercise summary.")
    url = f"/admin/exercises/exercise/{exercise.pk}/change/"
    before = reader.get(exercise.get_absolute_url()).content
    response = editor_client.post(
        url, exercise_form(exercise, summary="New exercise summary.", _save_draft="1")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert reader.get(exercise.get_absolute_url()).content == before
    preview = editor_client.get(f"/exercises/{exercise.slug}/preview/").content.decode()
    assert "New exercise summary." in preview
    assert reader.get(f"/exercises/{exercise.slug}/preview/").status_code in (302, 404)
    editor_client.post(url, exercise_form(exercise, summary="New exercise summary.", _publish="1"))
    assert b"New exercise summary." in reader.get(exercise.get_absolute_url()).content
    assert not PendingChange.objects.exists()


def test_a_draft_of_a_live_routine(editor_client, reader, make_exercise, make_routine):
    tilt = make_exercise(hold_seconds=5, reps=2, sets=1, rest_seconds=5)
    routine = make_routine([tilt], summary="Old routine summary.")
    url = f"/admin/exercises/routine/{routine.pk}/change/"
    item = routine.items.get()
    items = [{"id": item.pk, "routine": routine.pk, "exercise": tilt.pk, "order": 1}]
    published = {
        "published_at_0": routine.published_at.date().isoformat(),
        "published_at_1": routine.published_at.strftime("%H:%M:%S"),
        "status": Status.PUBLISHED,
        "items-INITIAL_FORMS": "1",
    }
    data = routine_form(routine, items, summary="New routine summary.", **published)
    before = reader.get(routine.get_absolute_url()).content
    assert editor_client.post(url, {**data, "_save_draft": "1"}).status_code == 302
    assert reader.get(routine.get_absolute_url()).content == before
    preview = editor_client.get(f"/routines/{routine.slug}/preview/").content.decode()
    assert "New routine summary." in preview
    editor_client.post(url, {**data, "_publish": "1"})
    assert b"New routine summary." in reader.get(routine.get_absolute_url()).content
