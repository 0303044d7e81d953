"""An article carrying every hostile input runs no script in a real browser."""

from playwright.sync_api import expect

from articles.models import Article
from core.publishing import Status
from tests.articles.test_sanitizer import HOSTILE

WATCH = """
window.__ran = [];
window.alert = (...a) => window.__ran.push(["alert", ...a]);
window.confirm = window.prompt = window.alert;
"""


def test_hostile_article_runs_nothing(server, changes_content, page):
    body = "Intro.\n\n" + "\n\n".join(HOSTILE) + "\n\n## End\n\nOutro."
    article = Article.objects.create(
        title="Hostile", slug="hostile", summary="Every trick.", body=body, status=Status.PUBLISHED
    )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(WATCH)
    page.goto(server.url + article.get_absolute_url())
    expect(page.locator("h1")).to_have_text("Hostile")

    # Hover and click everything in the body, as a curious reader would.
    for element in page.locator(".prose *").all():
        if element.is_visible():
            element.hover()
    for link in page.locator(".prose a").all():
        href = link.get_attribute("href") or ""
        assert not href.lower().strip().startswith(("javascript:", "data:", "vbscript:")), href
    assert page.locator(".prose script, .prose iframe, .prose object, .prose embed, .prose svg, "
                        ".prose img, .prose form, .prose style").count() == 0  # fmt: skip
    assert page.evaluate("window.__ran") == []
    assert dialogs == []
    assert page.console.errors == []
