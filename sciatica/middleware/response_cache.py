"""Public answers served from a cache keyed by the content version (README "Caching").

An anonymous GET or HEAD of a public page, the API, the sitemap or the offline manifest is
answered from Django's cache (CACHES "default": each process's memory, or Redis with
REDIS_URL) under a key made of the content version (core.content_version: one query per
request), the scheme, host, path and query, the coding the compression middleware chose
(br, gzip or none), the language and any other header the answer varies on. A change
readers can see changes the version, and so every key: nothing is ever invalidated by
hand, and several app servers sharing one database agree.

Each cached answer carries a weak ETag made from its key and Last-Modified (the version's
change); `If-None-Match` (or `If-Modified-Since`) answers 304 with no body, from the cache.
Pages get `Cache-Control: no-cache` when they say nothing else: browsers and the service
worker keep them but ask again each time (a few bytes when nothing changed).

Never cached, nor answered from the cache:
- a request with a session or messages cookie (a signed-in editor) or credentials;
- the admin, static and media files (whitenoise and the media view answer for themselves),
  the health check and the API schema;
- an answer that is not a 200, is streamed, sets a cookie, used the CSRF token (a form),
  says `private` or `no-store`, varies on `*`, or is a staff preview.
If the version cannot be read (the database is down), the request goes on uncached, so
the database_unavailable middleware still answers 503.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.functional import cached_property
from django.utils.http import http_date, parse_http_date_safe

from core import content_version
from sciatica.middleware.compression import chosen_coding

CACHE_ALIAS = "default"
TIMEOUT = 60 * 60 * 24  # a day: old versions' answers go with it (or are culled sooner)
MAX_BODY = 512 * 1024  # bigger answers are not worth a cache slot
# Vary headers the key already accounts for: the coding, the language, and the cookies
# (a request with a session cookie is never served from the cache).
KEYED_VARY = {"accept-encoding", "accept-language", "cookie"}
MESSAGES_COOKIE = "messages"
# Answers that are not content and must not read the version: the health check (it tests
# the database itself) and the API schema and its docs (the same for a whole release).
SKIPPED_URL_NAMES = ("healthz", "api-schema", "api-docs")
HIT, MISS = "hit", "miss"
HEADER = "X-Response-Cache"


def _digest(*parts) -> str:
    return hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()[:32]


class ResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(
            prefix
            for prefix in ("/" + settings.ADMIN_URL, settings.STATIC_URL, settings.MEDIA_URL)
            if prefix and prefix.startswith("/")
        )

    @cached_property
    def skipped_paths(self) -> frozenset:
        return frozenset(reverse(name) for name in SKIPPED_URL_NAMES)

    def __call__(self, request):
        version = self.version(request) if self.eligible(request) else None
        if version is None:
            return self.get_response(request)
        base = _digest(version.key, request.scheme, request.get_host(), request.get_full_path())
        cache = caches[CACHE_ALIAS]
        variant = (chosen_coding(request), translation.get_language_from_request(request))
        extra = cache.get("vary:" + base)
        if extra is not None:
            entry = cache.get(self.key(request, base, variant, extra))
            if entry is not None:
                return self.conditional(request, self.rebuild(entry), HIT)
        response = self.get_response(request)
        if request.method == "GET" and self.cacheable(request, response):
            extra = self.extra_vary(response)
            key = self.key(request, base, variant, extra)
            response["ETag"] = f'W/"{key}"'
            response["Last-Modified"] = http_date(version.last_modified.timestamp())
            response.headers.setdefault("Cache-Control", "no-cache")
            cache.set_many({"vary:" + base: extra, key: self.entry(response)}, TIMEOUT)
            return self.conditional(request, response, MISS)
        return response

    def eligible(self, request) -> bool:
        return (
            settings.RESPONSE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith(self.prefixes)
            and request.path_info not in self.skipped_paths
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and MESSAGES_COOKIE not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    @staticmethod
    def version(request) -> content_version.Version | None:
        try:
            request.get_host()
            return content_version.current()
        except DisallowedHost:  # Django answers it as usual (400)
            return None
        except DatabaseError:  # the database is down: the views answer (503)
            return None

    @staticmethod
    def key(request, base, variant, extra) -> str:
        return _digest(
            base, *variant, *(f"{name}:{request.headers.get(name, '')}" for name in extra)
        )

    @staticmethod
    def extra_vary(response) -> list[str]:
        vary = cc_delim_re.split(response.get("Vary", "")) if response.has_header("Vary") else []
        return sorted({name.strip().lower() for name in vary if name.strip()} - KEYED_VARY)

    @staticmethod
    def cacheable(request, response) -> bool:
        cache_control = {
            part.strip().split("=")[0].lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        match = getattr(request, "resolver_match", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not cache_control & {"private", "no-store"}
            and "*" not in response.get("Vary", "")
            and match is not None
            and match.url_name != "preview"
            and len(response.content) <= MAX_BODY
        )

    @staticmethod
    def entry(response) -> tuple:
        return response.content, list(response.items())

    @staticmethod
    def rebuild(entry) -> HttpResponse:
        content, headers = entry
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response

    @staticmethod
    def conditional(request, response, how) -> HttpResponse:
        response[HEADER] = how
        answer = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=response,
        )
        if answer is not response:
            answer[HEADER] = how
        return answer
