"""The editor's side: the Editors group, publishing, validation and history."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from core.admin import edit_token
from core.publishing import Status


def form_data(article, **changes):
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "order": article.order,
        "status": article.status,
        "published_at_0": "",
        "published_at_1": "",
        "last_reviewed": article.last_reviewed.isoformat() if article.last_reviewed else "",
        "next_review_due": article.next_review_due.isoformat() if article.next_review_due else "",
        "references-TOTAL_FORMS": "0",
        "references-INITIAL_FORMS": "0",
        "references-MIN_NUM_FORMS": "0",
        "references-MAX_NUM_FORMS": "1000",
        "edit_token": edit_token(article),
    }
    data.update(changes)
    return data


def test_editors_group_has_content_permissions_only(db):
    group = Group.objects.get(name="Editors")
    labels = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert labels == {"articles", "exercises"}
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_article", "add_exercise", "change_tag", "add_contributor"} <= codenames
    assert not {c for c in codenames if c.endswith(("_user", "_group", "_permission"))}


def test_editor_can_publish_a_draft_with_the_action(editor_client, make_article):
    draft = make_article(status=Status.DRAFT)
    response = editor_client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.is_public


def test_editor_can_send_to_review(editor_client, make_article):
    draft = make_article(status=Status.DRAFT)
    editor_client.post(
        "/admin/articles/article/", {"action": "send_to_review", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW


def test_editor_cannot_manage_users_or_groups(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403
    assert editor_client.get("/admin/auth/user/add/").status_code == 403


def test_editor_can_edit_through_the_form(editor_client, make_article):
    article = make_article()
    response = editor_client.post(
        f"/admin/articles/article/{article.pk}/change/",
        form_data(
            article,
            title="Better title",
            status=Status.PUBLISHED,
            published_at_0=article.published_at.date().isoformat(),
            published_at_1=article.published_at.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.title == "Better title"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"summary": "x" * 161}, "summary", "at most 160 characters"),
        ({"slug": "taken"}, "slug", "already exists"),
        ({"next_review_due": "2026-10-01"}, "next_review_due", "after the last review"),
        (
            {"status": Status.DRAFT, "published_at_0": "2020-01-01", "published_at_1": "09:00"},
            "published_at",
            "must be in the future",
        ),
    ],
)
def test_bad_input_gives_a_form_error_and_changes_nothing(
    editor_client, make_article, changes, field, message
):
    make_article(slug="taken")
    article = make_article(status=Status.DRAFT)
    before = Article.objects.values().get(pk=article.pk)
    response = editor_client.post(
        f"/admin/articles/article/{article.pk}/change/", form_data(article, **changes)
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert Article.objects.values().get(pk=article.pk) == before


def test_a_future_schedule_is_accepted(editor_client, make_article):
    article = make_article(status=Status.DRAFT)
    when = timezone.localtime() + datetime.timedelta(days=3)
    response = editor_client.post(
        f"/admin/articles/article/{article.pk}/change/",
        form_data(
            article,
            status=Status.PUBLISHED,
            published_at_0=when.date().isoformat(),
            published_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert not article.is_public  # scheduled


def test_history_records_who_changed_what_and_can_revert(editor_client, editor, make_article):
    article = make_article(body="First version.")
    url = f"/admin/articles/article/{article.pk}/change/"
    published = {
        "published_at_0": article.published_at.date().isoformat(),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
    }
    editor_client.post(url, form_data(article, body="Second version.", **published))
    article.refresh_from_db()
    editor_client.post(url, form_data(article, body="Third version, a mistake.", **published))

    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    assert versions.first().revision.user == editor
    history = editor_client.get(f"/admin/articles/article/{article.pk}/history/")
    assert history.status_code == 200
    assert "editor" in history.content.decode()

    oldest = versions.last()
    revert_url = f"/admin/articles/article/{article.pk}/history/{oldest.pk}/"
    form = editor_client.get(revert_url)
    assert form.status_code == 200
    article.refresh_from_db()
    token = form.context["adminform"].form["edit_token"].value()  # as the revert form sends it
    editor_client.post(
        revert_url, form_data(article, body="Second version.", edit_token=token, **published)
    )
    article.refresh_from_db()
    assert article.body == "Second version."
    assert "Second version." in article.body_html


def test_overdue_and_awaiting_review_filters(admin_client, make_article):
    make_article(
        title="Overdue one",
        last_reviewed=datetime.date(2020, 1, 1),
        next_review_due=datetime.date(2021, 1, 1),
    )
    make_article(title="Fresh one")
    html = admin_client.get("/admin/articles/article/?review=overdue").content.decode()
    assert "Overdue one" in html
    assert "Fresh one" not in html
    html = admin_client.get("/admin/articles/article/?review=awaiting-clinical").content.decode()
    assert "Overdue one" in html and "Fresh one" in html


def test_view_on_site_opens_the_preview_for_a_draft(admin_client, make_article):
    draft = make_article(status=Status.DRAFT)
    html = admin_client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
    assert f'href="{draft.get_preview_url()}"' in html
