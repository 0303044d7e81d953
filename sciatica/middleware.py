"""Request plumbing for production: request ids, one log line per request, headers, hygiene.

- RequestIdMiddleware (first): takes a sane incoming X-Request-ID or makes one, puts it
  on the response and on every log line of the request (a contextvar read by
  RequestIdFilter), and logs one line per request: method, path, status, duration.
- SecurityHeadersMiddleware (before whitenoise, so static files get it too):
  Permissions-Policy on every response.
- PublicRequestHygieneMiddleware (before CSRF): the public site is read-only, so an unsafe
  method there is a 405 with `Allow` (not a CSRF 403), and a NUL character in the path or
  query string is a 400 (PostgreSQL refuses NUL in text, and no URL of ours has one).
- JsonLineFormatter: one JSON object per line on stdout, tracebacks included.
"""

import contextvars
import ipaddress
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.core.signals import request_finished
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

REQUEST_ID_HEADER = "X-Request-ID"
# An id from a proxy or load balancer is kept only if it is a plain token: no spaces,
# quotes or control characters can reach the logs through it.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")
_MAX_LOGGED_PATH = 300

request_logger = logging.getLogger("sciatica.request")

# Features the app does not use are denied; the guided timer keeps the screen on
# (screen wake lock) and may beep after a tap (autoplay, for Web Audio).
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "autoplay=(self)",
        "camera=()",
        "display-capture=()",
        "encrypted-media=()",
        "fullscreen=()",
        "geolocation=()",
        "gyroscope=()",
        "hid=()",
        "idle-detection=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "payment=()",
        "picture-in-picture=()",
        "publickey-credentials-get=()",
        "screen-wake-lock=(self)",
        "serial=()",
        "usb=()",
        "xr-spatial-tracking=()",
    ]
)

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def current_request_id() -> str:
    return request_id_var.get()


def _forget_request_id(**kwargs):
    # Not when the middleware returns: Django logs a 5xx after that, still for this request.
    request_id_var.set("-")


request_finished.connect(_forget_request_id, dispatch_uid="sciatica.forget_request_id")


def client_ip(request) -> str:
    """The reader's IP address, for axes' lockouts and the request log.

    REMOTE_ADDR unless DJANGO_CLIENT_IP_HEADER names a header that the proxy in front of
    the app sets. For X-Forwarded-For, each proxy appends the address it saw, so the
    client is the entry DJANGO_PROXY_COUNT places from the right: entries further left
    were sent by the client and cannot be trusted.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.CLIENT_IP_HEADER
    if not header:
        return remote
    raw = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    entries = [entry.strip() for entry in raw.split(",") if entry.strip()]
    if not entries:
        return remote
    count = settings.PROXY_COUNT
    candidate = entries[-count] if len(entries) >= count else entries[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every log record (`-` outside a request)."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class JsonLineFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, request id, message, extra fields."""

    # Extra fields that the request line carries (logger.info(..., extra={...})).
    FIELDS = ("method", "path", "status", "duration_ms", "client_ip")

    def format(self, record):
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", request_id_var.get()),
            "message": record.getMessage(),
        }
        for field in self.FIELDS:
            if hasattr(record, field):
                data[field] = getattr(record, field)
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            data["stack"] = self.formatStack(record.stack_info)
        return json.dumps(data, ensure_ascii=False, default=str)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.id = request_id
        request_id_var.set(request_id)  # cleared on request_finished
        started = time.perf_counter()
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        path = request.path[:_MAX_LOGGED_PATH]
        request_logger.info(
            "%s %s %s %.1fms",
            request.method,
            path,
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "client_ip": client_ip(request),
            },
        )
        return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class PublicRequestHygieneMiddleware:
    """A public view that must take a POST (a form, some day) says so by setting
    `view.accepts_unsafe_methods = True`; the admin and DRF views answer for themselves."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "Bad request: the address contains a NUL character.", content_type="text/plain"
            )
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS or request.path_info.startswith(self.admin_prefix):
            return None
        # DRF views answer 405 with their own Allow header (and are CSRF-exempt).
        if getattr(view_func, "cls", None) is not None:
            return None
        if getattr(view_func, "accepts_unsafe_methods", False):
            return None
        return HttpResponseNotAllowed(SAFE_METHODS)
