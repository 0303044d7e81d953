"""Who is asking: the reader's IP address behind the proxies we trust."""

import ipaddress

from django.conf import settings


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
