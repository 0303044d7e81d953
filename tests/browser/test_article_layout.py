"""An article on a phone (390 x 844): the review box and the contents list are compact, so the
article's own words start on the first screen, and a contents item that wraps keeps its
number beside its first line (issue 15)."""

import pytest

from tests.browser.conftest import PHONE

# The articles with the longest contents lists (7 and 6 sections) and the longest summaries.
ARTICLES = [
    "/articles/after-a-caesarean-or-difficult-birth/",
    "/articles/exercises-for-relief/",
    "/articles/what-is-postpartum-sciatica/",
]


@pytest.mark.parametrize("path", ARTICLES)
def test_the_first_paragraph_starts_on_the_first_screen(phone, path):
    page = phone
    page.goto(page.url_for(path))
    first = page.locator("main .prose > p").first.bounding_box()
    measured = page.evaluate(
        """() => ['.review-box', '.toc'].map((s) =>
            Math.round(document.querySelector('main ' + s).getBoundingClientRect().height))"""
    )
    # Its first line at least (about 30 px), below the review box and the contents list.
    assert first["y"] + 30 <= PHONE["height"], (first, measured)
    assert page.console.errors == []


def test_a_wrapped_contents_item_has_its_number_beside_its_first_line(phone):
    """A list item's number sits on the first line box of its content: the link is a block
    from the top of its item (an inline-block link put it beside the last line)."""
    page = phone
    page.goto(page.url_for(ARTICLES[0]))
    items = page.locator("main .toc li")
    wrapped = 0
    for index in range(items.count()):
        item, link = items.nth(index), items.nth(index).locator("a")
        assert link.evaluate("(a) => getComputedStyle(a).display") == "block"
        assert abs(link.bounding_box()["y"] - item.bounding_box()["y"]) < 1
        lines = link.evaluate(
            "(a) => { const r = document.createRange(); r.selectNodeContents(a);"
            " return new Set([...r.getClientRects()].map((c) => Math.round(c.top))).size; }"
        )
        wrapped += lines > 1
    assert items.count() >= 6 and wrapped >= 1, "no contents item wraps: the test shows nothing"
    # Tap targets stay 44 px high (tests/browser/test_accessibility.py measures them all).
    heights = [items.nth(i).locator("a").bounding_box()["height"] for i in range(items.count())]
    assert min(heights) >= 44
