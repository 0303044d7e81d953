"""Small helpers shared by test modules."""

import json
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


def run_node(*args: str, stdin: str | None = None, timeout: int = 60):
    """Run Node (on the machine, no npm packages) and return what it printed, read as JSON.
    `run_node("--input-type=module", "-e", source)` runs an ES module given as text."""
    completed = subprocess.run(  # noqa: S603 (our own scripts and modules)
        ["node", *args],  # noqa: S607
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)
