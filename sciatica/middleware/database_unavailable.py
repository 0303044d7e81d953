"""When the database cannot be reached, pages answer 503 "temporarily unavailable" with a
Retry-After, instead of a 500 "something went wrong": the site is down for a while, not
broken. One warning is logged per request, with its id (request_log adds it); static files,
the web app manifest and the service worker never touch the database and keep being served.

A phone that saved the page shows its saved copy instead (static/js/serviceworker.js treats
a 5xx like no network).
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("sciatica.database")

# Seconds a client (or a proxy) should wait before asking again.
RETRY_AFTER_SECONDS = 60


def unavailable_response() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning(
            "Database unavailable for %s %s: %s",
            request.method,
            request.path[:300],
            str(exception).splitlines()[0][:200] if str(exception) else type(exception).__name__,
        )
        response = unavailable_response()
        response._has_been_logged = True  # logged above: not again by django.request
        return response
