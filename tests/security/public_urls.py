"""Every public URL pattern of the project, and a real URL for each one.

The patterns are read from the URLconf itself (the admin excluded), so a new route is
covered by the header and bad-input tests the day it is added. `real_urls()` finds a
working URL for each pattern from the seeded content (sitemap, API lists, a media file)
and reports the patterns it cannot fill, so none is silently left out.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse


@dataclass(frozen=True)
class PublicPattern:
    route: str  # as Django's ResolverMatch.route spells it
    name: str  # namespaced URL name
    keys: frozenset  # the URL's keyword arguments

    def __str__(self):
        return self.route or "(root)"


def _join(route1, route2):
    # Same as django.urls.resolvers.URLResolver._join_route.
    return route2 if not route1 else route1 + route2.removeprefix("^")


def public_patterns() -> list[PublicPattern]:
    found = {}

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if str(pattern.pattern) == settings.ADMIN_URL:
                    continue
                spaces = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, _join(prefix, str(pattern.pattern)), spaces)
            elif isinstance(pattern, URLPattern):
                route = _join(prefix, str(pattern.pattern))
                name = ":".join([*namespaces, pattern.name or "?"])
                keys = frozenset(pattern.pattern.regex.groupindex)
                # A later pattern with the same route is shadowed by the first one.
                found.setdefault(route, PublicPattern(route, name, keys))

    walk(get_resolver().url_patterns, "", [])
    return list(found.values())


MEDIA_SAMPLE = "checks/tiny.png"
# The smallest valid PNG (1x1, transparent).
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082"
)


def write_media_sample(media_root: Path):
    target = media_root / MEDIA_SAMPLE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(TINY_PNG)


def _slugs_by_name(client) -> dict[str, str]:
    """A real slug for every URL name that takes one: from the sitemap and the API lists."""
    slugs = {}
    sitemap = client.get(reverse("sitemap")).content.decode()
    for loc in re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap):
        match = resolve(loc)
        if "slug" in match.kwargs:
            slugs.setdefault(match.view_name, match.kwargs["slug"])
    root = client.get("/api/", HTTP_ACCEPT="application/json").json()
    for url in root.values():
        path = re.sub(r"^https?://[^/]+", "", url)
        results = client.get(path).json()["results"]
        if results:
            list_name = resolve(path).view_name
            slugs[list_name.removesuffix("-list") + "-detail"] = results[0]["slug"]
    for app in ("articles", "exercises", "routines"):  # the staff previews
        if f"{app}:detail" in slugs:
            slugs[f"{app}:preview"] = slugs[f"{app}:detail"]
    return slugs


def url_for(pattern: PublicPattern, **values) -> str:
    kwargs = {key: values[key] for key in pattern.keys}
    return reverse(pattern.name, kwargs=kwargs)


def real_urls(client) -> tuple[dict[PublicPattern, str], list[PublicPattern]]:
    """(a working URL for each public pattern, the patterns no URL could be found for)."""
    slugs = _slugs_by_name(client)
    found, missing = {}, []
    for pattern in public_patterns():
        values = {"format": "json", "path": MEDIA_SAMPLE}
        if "slug" in pattern.keys:
            if pattern.name not in slugs:
                missing.append(pattern)
                continue
            values["slug"] = slugs[pattern.name]
        if pattern.keys - {"slug", "format", "path"}:
            missing.append(pattern)
            continue
        found[pattern] = url_for(pattern, **values)
    return found, missing
