"""My progress, the diary, the summary and reminders must stay small for a cheap phone, and
their modules must load from the hashed names the service worker saved."""

import json
import re

from django.conf import settings

from tests.budgets import gzip_total

# The scripts of /progress/ and its pages, but those the timer's budget already counts
# (sessions.js, pain-core.js, i18n.js) and suitability-core.js (the check-in's).
PROGRESS_FILES = [
    "js/progress.js",
    "js/progress-view.js",
    "js/progress-core.js",
    "js/records.js",
    "js/records-core.js",
    "js/diary.js",
    "js/summary.js",
    "js/reminders.js",
    "js/ics-core.js",
]
BUDGET = 12 * 1024


def test_progress_diary_and_reminders_js_is_at_most_12_kb_compressed(report_budget):
    total = gzip_total("progress, diary, reminders", PROGRESS_FILES, BUDGET, report_budget)
    assert total <= BUDGET


def test_every_collected_module_imports_files_that_exist():
    """Django's import rewriting also matches the words "import"/"export" in a comment above
    an import, and then hashes the name twice: a module that would 404 offline and online."""
    manifest = settings.STATIC_ROOT / "staticfiles.json"
    paths = json.loads(manifest.read_text())["paths"]
    hashed = set(paths.values())
    for name, collected in paths.items():
        if not (name.startswith("js/") and name.endswith(".js")) or "/" in name[3:]:
            continue
        source = (settings.STATIC_ROOT / collected).read_text()
        for target in re.findall(r'\bfrom\s*"\./([^"]+)"', source):
            assert f"js/{target}" in hashed, f"{name} imports ./{target}, which does not exist"
