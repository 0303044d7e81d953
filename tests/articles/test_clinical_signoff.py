"""Clinical sign-off is a role: only the "Clinical reviewers" group can name an article's clinical
reviewer and its review date; an editor sees them read-only and a forged POST changes nothing."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Contributor
from tests.articles.test_admin import form_data

PASSWORD = "a long passphrase 42"


def make_user(name, group):
    user = User.objects.create_user(name, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return make_user("maya", "Editors")


@pytest.fixture
def clinician(db):
    return make_user("dr-okafor", "Clinical reviewers")


@pytest.fixture
def physio(db):
    return Contributor.objects.create(name="Sam Physio", slug="sam-physio")


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def save(client, article, **changes):
    """The change form as the browser sends it (published as it is), with `changes`."""
    published = {
        "published_at_0": article.published_at.date().isoformat(),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
    }
    return client.post(change_url(article), form_data(article, **{**published, **changes}))


def yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def test_clinical_reviewers_group_has_the_editors_permissions_and_sign_off(db):
    reviewers = set(Group.objects.get(name="Clinical reviewers").permissions.all())
    editors = set(Group.objects.get(name="Editors").permissions.all())
    assert editors < reviewers
    extra = {(p.content_type.app_label, p.codename) for p in reviewers - editors}
    assert extra == {("articles", "sign_off_article")}
    sign_off = next(p for p in reviewers if p.codename == "sign_off_article")
    assert sign_off.name == "Can mark content clinically reviewed"


def test_editor_sees_reviewer_and_review_date_read_only(client, editor, make_article):
    client.force_login(editor)
    for url in [change_url(make_article()), "/admin/articles/article/add/"]:
        response = client.get(url)
        assert response.status_code == 200
        form = response.context["adminform"].form
        assert "reviewer" not in form.fields, url
        assert "last_reviewed" not in form.fields, url
        assert {"reviewer", "last_reviewed"} <= set(response.context["adminform"].readonly_fields)


def test_editor_cannot_name_a_reviewer_by_a_forged_post(client, editor, physio, make_article):
    article = make_article(last_reviewed=datetime.date(2026, 1, 5))
    client.force_login(editor)
    response = save(
        client,
        article,
        title="Edited by an editor",
        reviewer=physio.pk,
        last_reviewed=yesterday().isoformat(),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.title == "Edited by an editor"  # her edit is saved...
    assert article.reviewer is None  # ...but not the forged sign-off
    assert article.last_reviewed == datetime.date(2026, 1, 5)


def test_clinical_reviewer_names_the_reviewer_and_history_records_it(
    client, clinician, physio, make_article
):
    article = make_article()
    client.force_login(clinician)
    response = client.get(change_url(article))
    assert {"reviewer", "last_reviewed"} <= set(response.context["adminform"].form.fields)

    response = save(client, article, reviewer=physio.pk, last_reviewed=yesterday().isoformat())
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.reviewer == physio
    assert article.last_reviewed == yesterday()

    version = Version.objects.get_for_object(article).first()
    assert version.revision.user == clinician
    assert version.field_dict["reviewer_id"] == physio.pk
    assert version.field_dict["last_reviewed"] == yesterday()
    entry = LogEntry.objects.filter(object_id=str(article.pk)).latest("action_time")
    assert entry.user == clinician
    assert "Clinical reviewer" in entry.get_change_message()


def test_signing_off_makes_her_the_reviewer_when_her_account_is_linked(
    client, clinician, make_article
):
    herself = Contributor.objects.create(name="Dr Ada Okafor", slug="ada-okafor", user=clinician)
    article = make_article()
    client.force_login(clinician)
    response = client.get(change_url(article))
    assert "Dr Ada Okafor" in str(response.context["adminform"].form.fields["reviewer"].help_text)

    response = save(client, article, last_reviewed=yesterday().isoformat())
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.reviewer == herself
    assert article.last_reviewed == yesterday()
    version = Version.objects.get_for_object(article).first()
    assert version.field_dict["reviewer_id"] == herself.pk
    assert version.revision.user == clinician
    entry = LogEntry.objects.filter(object_id=str(article.pk)).latest("action_time")
    assert "Clinical reviewer" in entry.get_change_message()


def test_her_name_in_the_help_text_is_escaped(client, clinician, make_article):
    Contributor.objects.create(name="<b>Ada</b>", slug="ada", user=clinician)
    client.force_login(clinician)
    html = client.get(change_url(make_article())).content.decode()
    assert "&lt;b&gt;Ada&lt;/b&gt;" in html
    assert "<b>Ada</b>" not in html


def test_her_choice_of_another_reviewer_is_kept(client, clinician, physio, make_article):
    Contributor.objects.create(name="Dr Ada Okafor", slug="ada-okafor", user=clinician)
    article = make_article()
    client.force_login(clinician)
    save(client, article, reviewer=physio.pk, last_reviewed=yesterday().isoformat())
    article.refresh_from_db()
    assert article.reviewer == physio


def test_without_a_linked_contributor_the_reviewer_stays_empty(client, clinician, make_article):
    article = make_article()
    client.force_login(clinician)
    save(client, article, last_reviewed=yesterday().isoformat())
    article.refresh_from_db()
    assert article.reviewer is None
    assert article.last_reviewed == yesterday()


def test_an_editors_edit_does_not_sign_off(client, editor, make_article):
    """Saving without the permission never fills the reviewer, whatever the links."""
    Contributor.objects.create(name="Maya", slug="maya", user=editor)
    article = make_article()
    client.force_login(editor)
    save(client, article, summary="A new summary.")
    article.refresh_from_db()
    assert article.summary == "A new summary."
    assert article.reviewer is None


def test_only_account_managers_link_a_contributor_to_an_account(
    client, admin_client, editor, physio
):
    url = f"/admin/articles/contributor/{physio.pk}/change/"
    data = {"name": physio.name, "slug": physio.slug, "credentials": "", "bio": ""}
    client.force_login(editor)
    assert "user" not in client.get(url).context["adminform"].form.fields
    assert client.post(url, {**data, "user": editor.pk}).status_code == 302
    physio.refresh_from_db()
    assert physio.user is None

    assert admin_client.post(url, {**data, "user": editor.pk}).status_code == 302
    physio.refresh_from_db()
    assert physio.user == editor


def test_the_public_page_is_unchanged_by_the_link(client, clinician, make_article):
    """Linking an account changes nothing readers see: the reviewer's name and credentials."""
    herself = Contributor.objects.create(
        name="Dr Ada Okafor", slug="ada-okafor", credentials="GP", user=clinician
    )
    article = make_article(reviewer=herself)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Dr Ada Okafor" in html
    assert "dr-okafor" not in html  # never the account's username
    assert Article.objects.get(pk=article.pk).reviewer == herself
