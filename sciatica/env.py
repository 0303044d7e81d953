"""Small, strict readers for settings that come from environment variables.

Each helper returns a safe default when the variable is unset and raises
ImproperlyConfigured with a one-line reason when it is set to something
that cannot be understood: a typo in production must stop the app, not be
silently ignored.
"""

import os
import re

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean: use one of 1/0, true/false, yes/no, on/off."
    )


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={value} must be at least {minimum}.")
    return value


def env_slug(name: str, default: str) -> str:
    """A page address part such as an article's slug: letters, digits, hyphens, underscores."""
    value = env_str(name, default)
    if not re.fullmatch(r"[-a-zA-Z0-9_]+", value):
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a slug: use letters, digits, hyphens and underscores only."
        )
    return value


def env_phone(name: str, default: str, *, required: bool = True) -> str:
    """A telephone number as people read it: digits, spaces and hyphens, an optional leading
    "+" ("999", "+1 555-0100"). Empty is allowed only when the number is optional."""
    value = " ".join(env_str(name, default).split())
    if not value and not required:
        return ""
    if not re.fullmatch(r"\+?[0-9][0-9 -]{0,23}", value) or sum(c.isdigit() for c in value) < 2:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a telephone number: use digits, spaces and hyphens, "
            "with an optional leading +, e.g. 999 or +1 555-0100."
        )
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]
