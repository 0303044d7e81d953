"""The timer player must stay small for a cheap phone on a slow connection."""

import gzip

from django.conf import settings

PLAYER_FILES = [
    "js/timer.js",
    "js/timer-core.js",
    "js/cues.js",
    "js/sessions.js",
    "js/pain-core.js",
    "js/i18n.js",
    "css/timer.css",
]
BUDGET = 20 * 1024


def test_player_js_and_css_are_under_20_kb_compressed(report_budget):
    sizes = {
        name: len(gzip.compress((settings.BASE_DIR / "static" / name).read_bytes(), 9))
        for name in PLAYER_FILES
    }
    total = sum(sizes.values())
    detail = ", ".join(f"{name} {size}" for name, size in sizes.items())
    report_budget(f"timer player: {total} bytes gzip of {BUDGET} ({detail})")
    assert total < BUDGET
