"""One log line per request, and the request id on every log line and response.

- RequestIdMiddleware (first): takes a sane incoming X-Request-ID or makes one, puts it
  on the response and on every log line of the request (a contextvar read by
  RequestIdFilter), and logs one line per request: method, path, status, duration.
- JsonLineFormatter: one JSON object per line on stdout, tracebacks included.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.core.signals import request_finished

from sciatica.middleware.client_ip import client_ip

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

REQUEST_ID_HEADER = "X-Request-ID"
# An id from a proxy or load balancer is kept only if it is a plain token: no spaces,
# quotes or control characters can reach the logs through it.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")
_MAX_LOGGED_PATH = 300

request_logger = logging.getLogger("sciatica.request")


def current_request_id() -> str:
    return request_id_var.get()


def _forget_request_id(**kwargs):
    # Not when the middleware returns: Django logs a 5xx after that, still for this request.
    request_id_var.set("-")


request_finished.connect(_forget_request_id, dispatch_uid="sciatica.forget_request_id")


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
