"""The timer player must stay small for a cheap phone on a slow connection."""

from tests.budgets import gzip_total

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
    total = gzip_total("timer player", PLAYER_FILES, BUDGET, report_budget)
    assert total < BUDGET
