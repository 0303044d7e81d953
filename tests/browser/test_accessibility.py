"""Accessibility in a real browser: axe-core, tap targets, labels, alt text, reduced motion."""

from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import SHOW_APP_BARS

PAGES = [
    "/",
    "/articles/",
    "/articles/what-is-postpartum-sciatica/",
    "/articles/when-to-get-help/",
    "/articles/tag/basics/",
    "/exercises/",
    "/exercises/category/stretching/",
    "/exercises/bridge/",
    "/routines/",
    "/routines/gentle-stretch/",
    "/search/?q=stretch",
    "/offline/",
    "/check-in/",
    "/progress/",
    "/progress/diary/",
    "/progress/summary/",
    "/progress/reminders/",
]

# Every standalone link and control must be at least 44 x 44 CSS px (WCAG 2.5.8's inline
# exception aside): a card's title link is measured as the card it covers, a radio as its
# label. Exempt: links inside a sentence (article bodies, references, a link after words
# such as "Stop if ... When to get help"); a link that starts its line (a breadcrumb
# "Routines · Today's routine", a routine's "Bridge: 10 times") stands alone.
SMALL_TARGETS = """() => {
  const targets = "a[href], button, summary, select, [role=button], .choice, .pain__opt, "
    + "input:not([type=radio]):not([type=checkbox]):not([type=hidden])";
  const inSentence = (el) => {
    if (el.tagName !== "A") return false;
    if (el.closest(".prose, .references")) return true;
    const block = el.closest("p, li, dd, td");
    return Boolean(block) && !block.textContent.trim().startsWith(el.textContent.trim());
  };
  return [...document.querySelectorAll(targets)]
    .filter((el) => el.checkVisibility() && !inSentence(el))
    .map((el) => ({ el, box: (el.closest(".card__title") ? el.closest(".card") : el)
      .getBoundingClientRect() }))
    .filter(({ box }) => box.width < 44 || box.height < 44)
    .map(({ el, box }) =>
      `${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}x${Math.round(box.height)}`);
}"""

UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea, button")]
  .filter((el) => el.type !== "hidden")
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")
                  && !el.textContent.trim())
  .map((el) => el.outerHTML.slice(0, 80))"""


def wait_until_drawn(page):
    """My progress and the summary draw from the phone's database after loading (and show
    what they draw only then): wait for it, so every part of them is checked."""
    page.wait_for_function("() => !document.querySelector('[data-state=loading]')")


def test_pages_have_big_targets_labels_and_alt_text(server, page):
    for path in PAGES:
        page.goto(server.url + path)
        wait_until_drawn(page)
        assert page.evaluate(SMALL_TARGETS) == [], path
        assert page.evaluate(SHOW_APP_BARS)
        assert page.evaluate(SMALL_TARGETS) == [], f"{path} with the app bars shown"
        assert page.evaluate(UNLABELLED) == [], path
        assert page.locator("img:not([alt])").count() == 0, path
        assert page.locator("h1").count() == 1, path
        assert page.evaluate("document.documentElement.lang") == "en-GB"
    assert page.console.errors == []


def test_keyboard_users_can_skip_to_the_content(server, page):
    page.goto(server.url + "/exercises/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("(el) => el === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # visible when focused
    outline = skip.evaluate("(el) => getComputedStyle(el).outlineStyle")
    assert outline != "none"


def test_reduced_motion_turns_off_animation(server, browser):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(server.url + "/exercises/bridge/")
    durations = page.evaluate(
        "() => [...document.querySelectorAll('*')].map((el) => getComputedStyle(el)"
        ".transitionDuration).filter((d) => d !== '0s')"
    )
    assert durations == []
    context.close()


def test_the_running_timer_and_its_safety_controls_are_big_and_labelled(server, page):
    page.goto(server.url + "/routines/gentle-stretch/")
    page.get_by_role("button", name="Start", exact=True).click()
    running = page.locator("#timer[data-state=running]")
    running.wait_for()
    assert page.evaluate(SMALL_TARGETS) == []
    assert page.evaluate(UNLABELLED) == []
    page.get_by_role("button", name="Stop, it hurts").click()
    page.get_by_role("heading", name="You stopped because it hurts").wait_for()
    assert page.evaluate(SMALL_TARGETS) == []
    assert page.evaluate(UNLABELLED) == []
    assert page.console.errors == []


AXE = Axe()


def axe_violations(page):
    """Every axe-core violation on the page, of any impact, as 'rule: target' lines."""
    results = AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {node['target']}"
        for v in results.response["violations"]
        for node in v["nodes"]
    ]


def test_axe_finds_no_violations_on_any_page_kind(server, page):
    found = {}
    for path in PAGES:
        page.goto(server.url + path)
        wait_until_drawn(page)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert not found, "\n".join(
        f"{path}: {line}" for path, lines in found.items() for line in lines
    )
    assert page.console.errors == []


def test_axe_finds_no_violations_with_the_app_bars_shown(server, page):
    """The install, update and offline bars are part of the page too."""
    page.goto(server.url + "/exercises/")
    page.evaluate(SHOW_APP_BARS)
    assert axe_violations(page) == []
