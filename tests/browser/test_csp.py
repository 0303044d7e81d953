"""The strict Content-Security-Policy in a real browser: no violation on any kind of page.

Chromium reports a blocked inline script or style, an eval, a worker or a manifest from a
disallowed source both as a console error and as a `securitypolicyviolation` event; this
test listens for both, on a public page of each kind, the API docs (Swagger UI from our
own static files) and the admin (login, index, change lists and change forms with
inlines). A console error of any other kind (an unknown Permissions-Policy feature, a
failed request) fails the test too.
"""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article, Tag
from exercises.models import Category, Exercise, Routine

# Installed before any page script runs, so even a violation during parsing is seen.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""
# The worker's registration and requests are under the policy too.
pytestmark = pytest.mark.service_worker

PASSWORD = "a long and unguessable passphrase 42"
READY_TIMEOUT = 60_000  # the first visit saves the whole site for offline use


@pytest.fixture
def watched(page):
    page.add_init_script(RECORD_VIOLATIONS)
    return page


def visit(page, url):
    """Open a page and wait until its scripts have done their work: the service worker has
    answered (every public page registers it), the timer is ready, Swagger UI has drawn
    the API from the schema, the admin's date widgets are drawn."""
    response = page.goto(url)
    assert response.status in (200, 404), f"{url} -> {response.status}"
    if page.locator("script[data-scope]").count():
        expect(page.locator("html")).to_have_attribute(
            "data-offline-version", re.compile(r"\w+"), timeout=READY_TIMEOUT
        )
    if page.locator("#timer").count():
        expect(start_button(page)).to_be_visible()
    if page.locator("#swagger-ui").count():
        expect(page.locator("#swagger-ui .opblock").first).to_be_visible()
    if page.locator("input.vDateField").count():
        expect(page.locator(".datetimeshortcuts").first).to_be_attached()
    return response


def start_button(page):
    return page.get_by_role("button", name="Start", exact=True)


def assert_no_violation(page, url, status=200):
    violations = page.evaluate("window.__csp")
    assert violations == [], f"{url}: {violations}"
    csp_console = [e for e in page.console.errors if "Content Security Policy" in e]
    assert csp_console == [], f"{url}: {csp_console}"
    errors = page.console.errors
    if status == 404:  # the browser reports the page's own status
        errors = [e for e in errors if "status of 404" not in e]
    assert errors == [], f"{url}: {errors}"
    page.console.errors.clear()


def public_pages():
    article = Article.objects.published().first()
    exercise = Exercise.objects.published().get(slug="hamstring-stretch")
    routine = Routine.objects.published().first()
    tag = Tag.objects.filter(articles__in=Article.objects.published()).first()
    category = Category.objects.filter(exercises__in=Exercise.objects.published()).first()
    return [
        reverse("home"),
        reverse("articles:list"),
        article.get_absolute_url(),
        reverse("articles:tag", kwargs={"slug": tag.slug}),
        reverse("exercises:list"),
        reverse("exercises:category", kwargs={"slug": category.slug}),
        exercise.get_absolute_url(),
        reverse("routines:list"),
        routine.get_absolute_url(),
        reverse("search") + "?q=stretch",
        reverse("offline"),
        reverse("checkin"),
        reverse("progress"),
        reverse("diary"),
        reverse("progress-summary"),
        reverse("reminders"),
        "/no-such-page/",  # the 404 page
        reverse("api-docs"),
        reverse("api:article-list"),
    ]


def test_public_pages_have_no_csp_violation(server, watched):
    for path in public_pages():
        url = server.url + path
        response = visit(watched, url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert_no_violation(watched, url, response.status)


def test_csp_header_reaches_the_browser_strict(server, page):
    response = page.goto(server.url + "/")
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "screen-wake-lock=(self)" in response.headers["permissions-policy"]


def test_timer_runs_under_the_policy(server, watched):
    url = server.url + "/exercises/hamstring-stretch/"
    watched.clock.install()
    visit(watched, url)
    start_button(watched).click()
    # Through the 3-2-1 into the first hold: beeps, speech, vibration, the screen redrawn.
    watched.clock.run_for(6_000)
    expect(watched.locator('#timer [data-el="display"]')).to_have_attribute("data-kind", "hold")
    assert_no_violation(watched, url)


def test_admin_login_and_change_forms_have_no_csp_violation(server, changes_content, watched):
    User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    login = server.url + reverse("admin:login")
    visit(watched, login)
    assert_no_violation(watched, login)
    watched.fill("#id_username", "editor")
    watched.fill("#id_password", PASSWORD)
    watched.get_by_role("button", name="Log in").click()
    watched.wait_for_url(server.url + reverse("admin:index"))

    article = Article.objects.first()
    exercise = Exercise.objects.first()
    routine = Routine.objects.first()
    for path in [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_article_add"),
        reverse("admin:exercises_exercise_change", args=[exercise.pk]),
        reverse("admin:exercises_routine_change", args=[routine.pk]),
        reverse("admin:articles_article_history", args=[article.pk]),
    ]:
        url = server.url + path
        visit(watched, url)
        assert_no_violation(watched, url)

    # The admin's own scripts work under the policy: an inline can be added.
    visit(watched, server.url + reverse("admin:exercises_exercise_change", args=[exercise.pk]))
    rows = watched.locator(".dynamic-steps, .dynamic-exercisestep_set, tr.form-row")
    before = rows.count()
    watched.locator(".add-row a").first.click()
    assert rows.count() > before
    assert_no_violation(watched, "admin inline")

    # The drawing's preview follows the choice before saving (drawing-preview.js).
    preview = watched.locator("#drawing-preview")
    watched.select_option("#id_illustration_static", "img/exercises/walking.svg")
    expect(preview).to_have_attribute(
        "src", re.compile(r"/static/img/exercises/walking\.\w+\.svg$")
    )
    expect(preview).to_be_visible()
    watched.select_option("#id_illustration_static", "")
    expect(preview).to_be_hidden()
    assert_no_violation(watched, "drawing preview")

    # The article form's live preview: rendered by the server as the editor types, under the
    # same policy.
    visit(watched, server.url + reverse("admin:articles_article_change", args=[article.pk]))
    watched.fill("#id_body", "# A second title\n\nSee www.nhs.uk for more.")
    warnings = watched.locator(".markdown-warnings li")
    expect(warnings).to_have_count(1)
    expect(warnings).to_contain_text("Use “## ” for a section heading")
    expect(watched.locator('.markdown-preview__page a[href="https://www.nhs.uk"]')).to_have_count(1)
    assert_no_violation(watched, "article preview")


def test_password_reset_pages_have_no_csp_violation(server, changes_content, watched, mailoutbox):
    """From "Forgot your password?" on the login page to a new password, under the policy."""
    User.objects.create_user("maya", "maya@example.org", PASSWORD, is_staff=True)
    visit(watched, server.url + reverse("admin:login"))
    watched.get_by_role("link", name="Forgot your password?").click()
    watched.wait_for_url(server.url + reverse("admin_password_reset"))
    assert_no_violation(watched, "password reset form")
    watched.fill("#id_email", "maya@example.org")
    watched.get_by_role("button", name="Reset my password").click()
    watched.wait_for_url(server.url + reverse("password_reset_done"))
    assert_no_violation(watched, "password reset sent")

    link = re.search(r"https?://\S+/reset/\S+/", mailoutbox[0].body).group(0)
    visit(watched, link)
    assert "set-password" in watched.url
    assert_no_violation(watched, "new password form")
    watched.fill("#id_new_password1", "another long passphrase for spring 7")
    watched.fill("#id_new_password2", "another long passphrase for spring 7")
    watched.get_by_role("button", name="Change my password").click()
    watched.wait_for_url(server.url + reverse("password_reset_complete"))
    assert_no_violation(watched, "password reset complete")
