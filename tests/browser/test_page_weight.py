"""A first visit on a bad connection: every page kind, with everything it loads (HTML, CSS,
scripts, drawings, icons), is at most 50 KB over the wire, as a Lighthouse budget would
count it (the bytes transferred, compressed). The service worker's saving of the whole site
for offline use comes after the page is shown and is budgeted apart (test_pwa's precache)."""

import pytest

from tests.browser.test_accessibility import PAGES

FIRST_VISIT_BUDGET = 50 * 1024

# Bytes over the wire of the page and of everything it loaded. Chromium reports the
# compressed size with headers (transferSize); a file it took from its memory cache counts
# its size anyway (encodedBodySize), so a repeated file never makes the page look lighter.
TRANSFERRED = """() => {
  const entries = [...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource")];
  return entries.map((e) => [new URL(e.name).pathname, e.transferSize || e.encodedBodySize]);
}"""


@pytest.mark.parametrize("path", PAGES)
def test_a_first_visit_is_at_most_50_kb(server, reader, path, report_budget):
    page = reader
    page.goto(server.url + path)
    # Drawings load lazily, as she scrolls: count them all (the worst case).
    page.evaluate(
        "() => document.querySelectorAll('img').forEach((img) => (img.loading = 'eager'))"
    )
    page.wait_for_function(
        "() => [...document.images].every((img) => img.complete)", timeout=10_000
    )
    files = page.evaluate(TRANSFERRED)
    total = sum(size for _, size in files)
    assert all(size > 0 for _, size in files), files  # every file was measured
    assert total <= FIRST_VISIT_BUDGET, sorted(files, key=lambda f: -f[1])
    if path == "/exercises/bridge/":  # the heaviest kind: timer, drawings, steps
        report_budget(f"first visit of an exercise page: {total} bytes of {FIRST_VISIT_BUDGET}")
    assert page.console.errors == []
