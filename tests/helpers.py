"""Small helpers shared by test modules."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(*args: str, timeout: int = 120, **env: str) -> subprocess.CompletedProcess:
    """Run our interpreter in the project folder with a clean Django environment: none of
    the caller's DJANGO_* variables or DATABASE_URL, plus the given ones."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.pop("DATABASE_URL", None)
    clean.update(DJANGO_SETTINGS_MODULE="sciatica.settings", **env)
    return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
