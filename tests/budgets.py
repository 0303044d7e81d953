"""What a feature's static files weigh as a phone downloads them (gzip), for the budget tests
(tests/test_progress_budget.py, tests/exercises/test_player_budget.py)."""

import gzip

from django.conf import settings


def gzip_total(label, names, budget, report_budget):
    """The files' total size gzipped (level 9), reported with each one's in the run's summary
    of budgets as "label: total bytes gzip of budget (name size, ...)"."""
    sizes = {
        name: len(gzip.compress((settings.BASE_DIR / "static" / name).read_bytes(), 9))
        for name in names
    }
    total = sum(sizes.values())
    detail = ", ".join(f"{name} {size}" for name, size in sizes.items())
    report_budget(f"{label}: {total} bytes gzip of {budget} ({detail})")
    return total
