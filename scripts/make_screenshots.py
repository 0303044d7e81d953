"""Make the narrow screenshots for the web app manifest's richer install sheet.

Usage (with the app running on 127.0.0.1:8000, e.g. `make run`):
    .venv/bin/python scripts/make_screenshots.py [base-url]
Writes static/icons/screenshot-narrow-{1,2}.png at 720x1480 (360x740 CSS px at 2x).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "static" / "icons"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
SHOTS = {
    "screenshot-narrow-1.png": "/exercises/hamstring-stretch/",
    "screenshot-narrow-2.png": "/articles/when-to-get-help/",
}


def main(base: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=2)
        for name, path in SHOTS.items():
            page.goto(base + path)
            start = page.get_by_role("button", name="Start", exact=True)
            if start.count():
                start.click()  # show the guided timer mid-hold
                page.wait_for_timeout(8000)
            page.screenshot(path=OUT / name)
            print("wrote", OUT / name)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
