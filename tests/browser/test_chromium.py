"""The Chromium the tests drive runs as Playwright sets it up, plus only what we add."""

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
    for pid in renderers:
        assert wanted <= _switch(pid, "--disable-features="), pid
