"""An editor in the Editors group changes a live article without taking it down: she saves a
draft, previews it and sends it for review; a clinical reviewer (the Clinical reviewers
group) signs it off and publishes it, while a reader (another browser, not logged in) sees
the live version until then; then the editor reverts it from the history."""

from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, Contributor

PASSWORD = "a long and unguessable passphrase 42"
# The Editors group as the migrations make it (articles 0003, exercises 0003): the browser
# tests' database is flushed and reloaded, which keeps permissions but not groups.
EDITOR_MODELS = {
    "articles": ["article", "tag", "contributor", "articlereference"],
    "exercises": ["category", "exercise", "exercisestep", "exercisereference", "routine",
                  "routineitem"],
}  # fmt: skip


def editors_group():
    group, _ = Group.objects.get_or_create(name="Editors")
    for label, models in EDITOR_MODELS.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=label, content_type__model__in=models
            )
        )
    return group


def clinical_reviewers_group():
    """The Clinical reviewers group as articles 0009 makes it: the Editors' permissions and
    the sign-off."""
    group, _ = Group.objects.get_or_create(name="Clinical reviewers")
    group.permissions.set(editors_group().permissions.all())
    group.permissions.add(Permission.objects.get(codename="sign_off_article"))
    return group


def log_in(page, server, username):
    page.goto(server.url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(server.url + reverse("admin:index"))


NEW_SUMMARY = "A new summary, written by the editor in the browser."


def test_an_editor_changes_a_live_article_while_readers_keep_the_live_one(
    server, changes_content, browser, page
):
    editor = User.objects.create_user("maya", password=PASSWORD, is_staff=True)
    editor.groups.add(editors_group())
    article = Article.objects.published().get(slug="what-is-postpartum-sciatica")
    old_summary = article.summary
    public_url = server.url + article.get_absolute_url()
    change_url = server.url + reverse("admin:articles_article_change", args=[article.pk])

    reader_context = browser.new_context(service_workers="block")
    reader = reader_context.new_page()

    def reader_sees(summary):
        reader.goto(public_url)
        expect(reader.locator("p.lead")).to_have_text(summary)

    log_in(page, server, "maya")

    # A draft of the live page: stored apart, the reader still sees the live page.
    page.goto(change_url)
    page.fill("#id_summary", NEW_SUMMARY)
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".pending-notice")).to_contain_text("Unpublished changes by maya")
    expect(page.locator("#id_summary")).to_have_value(NEW_SUMMARY)
    reader_sees(old_summary)

    # The preview shows the change to her.
    page.get_by_role("link", name="Preview changes").click()
    expect(page.locator("p.lead")).to_have_text(NEW_SUMMARY)
    expect(page.locator(".preview-banner").last).to_contain_text("unpublished changes")

    # Sent for review: still not on the site.
    page.goto(change_url)
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator(".pending-notice")).to_contain_text("in review")
    reader_sees(old_summary)

    # A clinical reviewer signs it off (the date; she is named as the reviewer herself) and
    # publishes it: the reader sees it, signed.
    clinician = User.objects.create_user("dr-okafor", password=PASSWORD, is_staff=True)
    clinician.groups.add(clinical_reviewers_group())
    Contributor.objects.create(
        name="Dr Ada Okafor", slug="ada-okafor", credentials="Physiotherapist", user=clinician
    )
    clinician_context = browser.new_context(service_workers="block")
    signing = clinician_context.new_page()
    log_in(signing, server, "dr-okafor")
    signing.goto(change_url)
    expect(signing.locator("#id_summary")).to_have_value(NEW_SUMMARY)  # the change in review
    signing.fill("#id_last_reviewed", timezone.localdate().isoformat())
    signing.get_by_role("button", name="Publish now").click()
    expect(signing.locator("ul.messagelist:not(.markdown-warnings)")).to_contain_text("Published")
    expect(signing.locator(".pending-notice")).to_have_count(0)
    reader_sees(NEW_SUMMARY)
    expect(reader.locator(".review-box, body").first).to_contain_text(
        "Clinically reviewed by Dr Ada Okafor"
    )
    clinician_context.close()

    # Reverted from the history: the version before it was published.
    page.goto(server.url + reverse("admin:articles_article_history", args=[article.pk]))
    row = page.locator("#change-history tbody tr", has_text="Sent unpublished changes").first
    row.locator("a").first.click()
    expect(page.locator("#id_summary")).to_have_value(old_summary)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("ul.messagelist:not(.markdown-warnings)")).to_contain_text(
        "changed successfully"
    )
    reader_sees(old_summary)
    reader_context.close()
