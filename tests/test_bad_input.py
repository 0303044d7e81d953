"""Bad input over every public URL pattern: never a 500, never a traceback.

For each pattern of the URLconf (the admin excluded; see tests/security/public_urls.py):
unknown slugs, absurd page numbers, 2,000-character query strings, percent-encoded
garbage and invalid UTF-8 in the path, unsupported methods (405 with `Allow`) and HEAD.
The client does not raise the view's exceptions: a crash is seen as the 500 a reader
would get. Each test walks every pattern and reports every URL that misbehaved at once.
"""

import pytest
from django.test import Client

from tests.security.public_urls import public_patterns, real_urls, url_for, write_media_sample

PATTERNS = public_patterns()
SLUG_PATTERNS = [p for p in PATTERNS if "slug" in p.keys]
ARGUMENT_PATTERNS = [p for p in PATTERNS if p.keys - {"format"}]

PAGE_NUMBERS = ["0", "-1", "1.5", "abc", "last", "", "9" * 30, "1e308", "99999999", "9" * 5000]
LONG_QUERIES = [
    "q=" + "a" * 2000,
    "q=" + "sciatica " * 222,
    "search=" + "%F0%9F%98%80" * 200,
    "tag=" + "x" * 2000,
    "category=" + "-" * 2000,
    "page=" + "1" * 2000,
    "&".join(f"k{n}=v" for n in range(300)),
    "q=" + "%FF%FE" * 333,
    "q=%E2%80%AE" + "%" * 1990,
]
# Stands in for a slug or a media path: percent-encoded garbage and invalid UTF-8.
GARBAGE = [
    "%FF%FE",
    "%C0%AF",
    "%ED%A0%80",
    "%E2%80%AE%E2%80%8B",
    "%25%25%25",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%5c..%5cwindows",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "a%20b%09c",
    "%F0%9F%98%80",
    "x" * 2000,
]
NUL_INPUTS = ["%00", "a%00b"]
UNSAFE_METHODS = ["POST", "PUT", "PATCH", "DELETE"]
BAD_METHODS = ["TRACE", "CONNECT", "PROPFIND", "BREW"]


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.fixture
def site(seeded, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    write_media_sample(tmp_path)
    found, missing = real_urls(client)
    assert not missing, f"no working URL for {[str(p) for p in missing]}"
    return found


class Problems(list):
    """Collects what went wrong over many URLs, for one readable failure."""

    def check(self, response, label, allowed=None):
        body = b"".join(response) if response.streaming else response.content
        if response.status_code >= 500:
            self.append(f"{label} -> {response.status_code}")
        elif allowed and response.status_code not in allowed:
            self.append(f"{label} -> {response.status_code}, expected one of {sorted(allowed)}")
        elif b"Traceback" in body or b'File "' in body:
            self.append(f"{label} -> a traceback in the body")
        return response


@pytest.fixture
def problems():
    found = Problems()
    yield found
    assert not found, "\n".join(label[:300] for label in found)


def staff_only(client, url):
    """A staff preview sends a reader to the login before looking at the slug."""
    return client.get(url).status_code == 302


def test_every_public_pattern_is_covered(site):
    assert set(site) == set(PATTERNS)
    assert len(PATTERNS) > 20


def test_unknown_slug_is_404(site, client, problems):
    for pattern in SLUG_PATTERNS:
        expected = {302} if staff_only(client, site[pattern]) else {404}
        for slug in ["no-such-page", "0", "a" * 300, "nope_nope"]:
            url = url_for(pattern, slug=slug, format="json")
            problems.check(client.get(url), url, expected)


def test_absurd_page_numbers(site, client, problems):
    for url in site.values():
        for number in PAGE_NUMBERS:
            # A list answers 404 for a page it does not have; other pages ignore `page`.
            response = client.get(url, {"page": number})
            problems.check(response, f"{url}?page={number}", {200, 302, 404})


def test_long_query_strings(site, client, problems):
    for url in site.values():
        for query in LONG_QUERIES:
            problems.check(client.get(f"{url}?{query}"), f"{url}?{query}", {200, 302, 400, 404})


def test_garbage_in_the_path(site, client, problems):
    for pattern in ARGUMENT_PATTERNS:
        real = site[pattern]
        expected = {302, 400, 404} if staff_only(client, real) else {400, 404}
        for garbage in GARBAGE:
            url = url_for(pattern, slug="PLACEHOLDER", path="PLACEHOLDER", format="json")
            url = url.replace("PLACEHOLDER", garbage)
            problems.check(client.get(url), url, expected)
        # Garbage appended to a real URL, and invalid UTF-8 where a slug may stand.
        for suffix in ["%FF/", "%00/", "%C3%28/", "..%2F..%2F"]:
            problems.check(client.get(real + suffix), real + suffix, {301, 302, 400, 404})


GARBAGE_PATHS = [
    "/%FF",
    "/%FF%FE/%C0%AF/",
    "/articles/%FF/",
    "/exercises/%ED%A0%80/",
    "/api/articles/%FF%FE/",
    "/api/%00/",
    "/static/%FF.css",
    "/static/../sciatica/settings.py",
    "/static/css/%2e%2e/%2e%2e/manage.py",
    "/media/..%2F..%2Fmanage.py",
    "/media/%2Fetc%2Fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/" + "a/" * 700,
    "/search/%00/",
    "/healthz/%FF",
]


def test_garbage_paths_anywhere(site, client, problems):
    for path in GARBAGE_PATHS:
        problems.check(client.get(path), path, {400, 404})


def test_nul_characters_are_a_400(site, client, problems):
    for url in site.values():
        for key in ["q", "search", "tag", "category", "page"]:
            for value in NUL_INPUTS:
                problems.check(client.get(f"{url}?{key}={value}"), f"{url}?{key}={value}", {400})


def test_unsupported_methods_are_405_with_allow(site, client, problems):
    for url in site.values():
        for method in [*UNSAFE_METHODS, *BAD_METHODS]:
            response = client.generic(method, url, b"x=1", "text/plain")
            problems.check(response, f"{method} {url}", {405})
            allow = {m.strip() for m in response.get("Allow", "").split(",")}
            if "GET" not in allow or method in allow:
                problems.append(f"{method} {url}: Allow: {response.get('Allow')!r}")


def test_unsupported_methods_are_405_even_with_csrf_checks(site, problems):
    """A real browser or curl gets the 405, not the CSRF failure page (403)."""
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    for url in site.values():
        response = problems.check(strict.post(url, {"x": "1"}), f"POST {url}", {405})
        if "GET" not in response.get("Allow", ""):
            problems.append(f"POST {url}: Allow: {response.get('Allow')!r}")


def test_head_answers_like_get_without_a_body(site, client, problems):
    for url in site.values():
        get, head = client.get(url), client.head(url)
        problems.check(head, f"HEAD {url}", {get.status_code})
        body = b"".join(head) if head.streaming else head.content
        if body or head["Content-Type"] != get["Content-Type"]:
            problems.append(f"HEAD {url}: a body, or not GET's content type")
