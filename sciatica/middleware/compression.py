"""Compressed HTML and JSON for public responses only (README "Compression and BREACH").

Brotli (quality 5: most of its gain for little CPU) when the browser accepts it, else gzip.
Never compressed, because compressing a secret next to text an attacker can choose (a
search query in the page) lets them read the secret from the sizes (BREACH):
- a response carrying a CSRF token (a form) or setting a cookie;
- anything for a request with a session cookie (a signed-in editor) or credentials;
- the admin and previews.
(`never_cache` marks public answers such as the offline manifest "private" too, so that
header is not the test: who asked and what the answer carries are.)
Streaming responses and responses already encoded (whitenoise's static files) are left
alone. Sits above whitenoise, so it sees every response after the session and CSRF
middleware have added their cookies.
"""

import gzip
import re

import brotli
from django.conf import settings
from django.utils.cache import patch_vary_headers

TYPES = {"text/html", "application/json"}
MIN_SIZE = 200  # smaller bodies grow or gain nothing
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
_CODING = re.compile(r"^\s*([a-z0-9*-]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$", re.I)


def accepted_codings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (q=0 means refused)."""
    codings = set()
    for part in header.split(","):
        match = _CODING.match(part)
        if not match:
            continue
        try:
            quality = float(match.group(2) or 1)
        except ValueError:
            continue
        if quality > 0:
            codings.add(match.group(1).lower())
    return codings


def chosen_coding(request) -> str:
    """The coding this middleware uses for the request's Accept-Encoding: "br", "gzip" or
    "identity" (the response cache keys answers by it)."""
    codings = accepted_codings(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    if "br" in codings:
        return "br"
    return "gzip" if "gzip" in codings else "identity"


def _compressible_type(response) -> bool:
    media_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return media_type in TYPES or media_type.endswith("+json")


def _carries_a_secret(request, response) -> bool:
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return True
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name == "preview":
        return True
    return request.path_info.startswith("/" + settings.ADMIN_URL)


class CompressionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or response.streaming
            or response.has_header("Content-Encoding")
            or not _compressible_type(response)
            or _carries_a_secret(request, response)
        ):
            return response
        # This answer may be compressed for one browser and not another: tell caches.
        patch_vary_headers(response, ("Accept-Encoding",))
        if len(response.content) < MIN_SIZE:
            return response
        coding = chosen_coding(request)
        if coding == "br":
            body = brotli.compress(response.content, quality=BROTLI_QUALITY)
        elif coding == "gzip":
            body = gzip.compress(response.content, GZIP_LEVEL, mtime=0)
        else:
            return response
        if len(body) >= len(response.content):
            return response
        response.content = body
        response.headers["Content-Length"] = str(len(body))
        response.headers["Content-Encoding"] = coding
        # The compressed bytes differ from the plain ones: a strong validator would lie.
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        return response
