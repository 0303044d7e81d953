"""The "When to get help" page and the header's "Get help" link on a phone (390 x 844):
who to call is the first thing she sees, and help is one tap away on every page, however
far she has scrolled."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE

HELP = "/articles/when-to-get-help/"
LONG_PAGES = [HELP, "/exercises/modified-plank/", "/routines/strength-basics/", "/"]

# WCAG contrast of an element's text against its own background colour (both opaque).
CONTRAST = """(el) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const style = getComputedStyle(el);
  const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def test_the_emergency_card_is_first_and_whole_above_the_fold(phone):
    page = phone
    page.goto(page.url_for(HELP))
    emergency = page.get_by_role("complementary", name="Emergency: Call 999 or go to A&E").first
    urgent = page.get_by_role("complementary", name="Urgent: Speak to a doctor or midwife today")
    box = emergency.bounding_box()
    header = page.locator(".site-header").bounding_box()
    assert box["y"] >= header["y"] + header["height"]
    assert box["y"] + box["height"] <= PHONE["height"], box  # entirely above the fold
    call = emergency.get_by_role("link", name="Call 999")
    expect(call).to_have_attribute("href", "tel:999")
    call_box = call.bounding_box()
    assert call_box["height"] >= 44 and call_box["width"] >= 44
    expect(urgent.get_by_role("link", name="Call NHS 111")).to_have_attribute("href", "tel:111")
    # Then the urgent card; the title, review box and contents come after.
    order = [
        emergency,
        urgent,
        page.get_by_role("heading", level=1, name="When to get help"),
        page.locator("main .review-box"),
        page.get_by_role("navigation", name="On this page"),
    ]
    tops = [part.bounding_box()["y"] for part in order]
    assert tops == sorted(tops)
    # The first thing in the content, for a screen reader too.
    first = page.evaluate(
        "() => document.querySelector('main').querySelector('aside, p, h1, h2, a')"
        ".getAttribute('aria-label')"
    )
    assert first == "Emergency: Call 999 or go to A&E"
    assert page.console.errors == []


@pytest.mark.parametrize("path", LONG_PAGES)
def test_get_help_stands_out_and_stays_in_reach_after_scrolling(phone, path):
    page = phone
    page.goto(page.url_for(path))
    get_help = page.locator(".site-header").get_by_role("link", name="Get help")
    assert get_help.evaluate(CONTRAST) >= 4.5  # WCAG AA, on its own urgent colour
    colours = get_help.evaluate(
        "(el) => [getComputedStyle(el).backgroundColor,"
        " getComputedStyle(el.closest('.site-header')).backgroundColor]"
    )
    assert colours[0] != colours[1]  # it stands out from the other tabs
    main_top = page.locator("main").bounding_box()["y"]

    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function("() => window.scrollY > 0")
    box = get_help.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert box["width"] >= 44 and box["height"] >= 44
    expect(get_help).to_be_visible()
    # Nothing moved to make room for it (no layout shift) ...
    page.evaluate("() => window.scrollTo(0, 0)")
    assert page.locator("main").bounding_box()["y"] == main_top
    assert page.evaluate(LAYOUT_SHIFT) == 0
    get_help.click()
    expect(page).to_have_url(page.url_for(HELP))
    assert page.console.errors == []


LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) total += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(total), 100);
})"""


def test_the_header_never_hides_what_has_the_focus(phone):
    """Tabbing back up a long page, the focused link scrolls into view below the header."""
    page = phone
    page.goto(page.url_for(HELP))
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    links = page.locator("main .prose a, main .toc a")
    for index in range(links.count()):
        link = links.nth(index)
        link.focus()
        header = page.locator(".site-header").bounding_box()
        box = link.bounding_box()
        assert box["y"] >= header["y"] + header["height"] - 1, link.inner_text()
    # A link of the contents list lands its heading below the header too.
    page.evaluate("() => window.scrollTo(0, 0)")
    page.get_by_role("navigation", name="On this page").get_by_role("link").last.click()
    heading = page.get_by_role("heading", level=2, name="If you are not sure")
    header = page.locator(".site-header").bounding_box()
    assert heading.bounding_box()["y"] >= header["y"] + header["height"]
