"""Basic accessibility in a real browser: tap targets, labels, alt text, reduced motion."""

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
]

SMALL_TARGETS = """() => {
  const selectors = "button, .button, .site-nav a, .brand, .toc a, .pagination a, .tags a, "
    + ".card, input:not([type=radio]):not([type=checkbox]), .link-list a, .pain__opt, .toggle, "
    + ".choice";
  return [...document.querySelectorAll(selectors)]
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({ el: el.outerHTML.slice(0, 80), box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 44 || box.height < 44)
    .map(({ el, box }) => `${el} ${Math.round(box.width)}x${Math.round(box.height)}`);
}"""

UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea, button")]
  .filter((el) => el.type !== "hidden")
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")
                  && !el.textContent.trim())
  .map((el) => el.outerHTML.slice(0, 80))"""


def test_pages_have_big_targets_labels_and_alt_text(server, page):
    for path in PAGES:
        page.goto(server.url + path)
        assert page.evaluate(SMALL_TARGETS) == [], path
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
    targets = SMALL_TARGETS.replace('"button, ', '"button, summary, .timer__help-link, ')
    assert page.evaluate(targets) == []
    assert page.evaluate(UNLABELLED) == []
    page.get_by_role("button", name="Stop, it hurts").click()
    page.get_by_role("heading", name="You stopped because it hurts").wait_for()
    assert page.evaluate(targets) == []
    assert page.evaluate(UNLABELLED) == []
    assert page.console.errors == []
