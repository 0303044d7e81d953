"""/healthz for load balancers: 200 when the app can reach its database, 503 when not."""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache  # a health answer must never be stored by a proxy, CDN or service worker
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            row = cursor.fetchone()
        if row is None or row[0] != 1:
            raise DatabaseError(f"SELECT 1 answered {row!r}")
    except DatabaseError as exc:
        # The details (host names, credentials in messages) stay in the log.
        logger.error("health check failed: database unavailable: %s", exc)
        response = JsonResponse(
            {"status": "error", "reason": f"database unavailable ({type(exc).__name__})"},
            status=503,
        )
    else:
        response = JsonResponse({"status": "ok", "database": "ok"})
    return response
