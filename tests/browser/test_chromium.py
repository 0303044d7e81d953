"""The Chromium the tests drive: set up as Playwright sets it up plus only what we add, and
the tab shared by the tests that only read pages emptied between them."""

from pathlib import Path

from tests.browser.conftest import UNSEEN_FEATURES, playwright_disabled_features


def _switch(pid: int, name: str) -> set[str]:
    # Chromium rewrites its processes' titles: the arguments are joined by spaces, not NULs.
    arguments = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ").split()
    values = [argument.split("=", 1)[1] for argument in arguments if argument.startswith(name)]
    return set(",".join(values).split(","))


def test_our_disabled_features_add_to_playwrights_instead_of_replacing_them(browser, page):
    """Chromium keeps the last `--disable-features` only: ours must not turn Playwright's
    (HTTPS upgrades, third-party storage partitioning, requests to Google) back on. A
    renderer is started with the browser's whole list of disabled features."""
    page.goto("about:blank")
    session = browser.new_browser_cdp_session()
    processes = session.send("SystemInfo.getProcessInfo")["processInfo"]
    renderers = [process["id"] for process in processes if process["type"] == "renderer"]
    assert renderers
    wanted = {*playwright_disabled_features(), *UNSEEN_FEATURES}
    assert {"HttpsUpgrades", "ThirdPartyStoragePartitioning"} < wanted
    checked = 0
    for pid in renderers:
        try:
            disabled = _switch(pid, "--disable-features=")
        except FileNotFoundError:  # the renderer of a context closed a moment ago
            continue
        assert wanted <= disabled, pid
        checked += 1
    assert checked  # this page's own renderer at least


LEAVE_TRACES = """async () => {
  localStorage.setItem("probe", "1");
  sessionStorage.setItem("probe", "1");
  document.cookie = "probe=1; path=/";
  await caches.open("probe");
  await new Promise((resolve, reject) => {
    const opening = indexedDB.open("probe");
    opening.onupgradeneeded = () => opening.result.createObjectStore("records");
    opening.onsuccess = () => resolve(opening.result.close());
    opening.onerror = () => reject(opening.error);
  });
}"""

TRACES = """async () => ({
  local: localStorage.getItem("probe"),
  session: sessionStorage.getItem("probe"),
  cookie: document.cookie,
  caches: await caches.keys(),
  databases: (await indexedDB.databases()).map((database) => database.name),
  cached: performance.getEntriesByType("resource")
    .filter((entry) => entry.transferSize === 0).map((entry) => entry.name),
})"""


def test_a_reading_tab_is_emptied_before_each_test_like_a_new_profile(server, _reading_tab):
    """What one test leaves in the shared tab (storage, cookies, saved pages, the HTTP
    cache) is gone for the next: each test still sees a first visit."""
    page = _reading_tab.fresh(server)
    page.goto(server.url + "/exercises/bridge/")
    page.evaluate(LEAVE_TRACES)
    assert page.evaluate(TRACES)["local"] == "1"
    page = _reading_tab.fresh(server)
    page.goto(server.url + "/exercises/bridge/")
    assert page.evaluate(TRACES) == {
        "local": None, "session": None, "cookie": "", "caches": [], "databases": [], "cached": []
    }  # fmt: skip
    _reading_tab.check_left_alone()
