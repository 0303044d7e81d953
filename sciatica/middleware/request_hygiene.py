"""Request hygiene for the read-only public site (runs before CSRF).

An unsafe method on a public page is a 405 with `Allow` (not a CSRF 403), and a NUL
character in the path or query string is a 400 (PostgreSQL refuses NUL in text, and no
URL of ours has one).
"""

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils.translation import gettext

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


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
                gettext("Bad request: the address contains a NUL character."),
                content_type="text/plain",
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
