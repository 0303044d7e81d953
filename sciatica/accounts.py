"""Help for editors who cannot sign in: the lockout page and the password reset.

- The lockout page (django-axes' AXES_LOCKOUT_CALLABLE) says when signing in works again:
  each try while locked starts the cool-off again, so that is the cool-off after this try.
- "Forgot your password?": Django's own password reset views, under the admin's address
  (the admin's login page links to the URL named `admin_password_reset` when it exists),
  shown with the editors' site header. Setting a new password through the emailed link also
  lifts a lockout on that username: she has proved she owns the address.
"""

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import path
from django.utils import timezone


def lockout(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
        "cooloff_timedelta": cool_off,
    }
    if cool_off:
        tried = getattr(request, "axes_attempt_time", None) or timezone.now()
        unlocks_at = timezone.localtime(tried + cool_off)
        context["unlocks_at"] = unlocks_at
        context["unlocks_today"] = unlocks_at.date() == timezone.localdate()
    return render(request, "axes/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


class EditorsSitePage:
    """The admin site's context (its header and title, not "Django administration")."""

    def get_context_data(self, **kwargs):
        return {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}


class PasswordResetView(EditorsSitePage, auth_views.PasswordResetView):
    extra_email_context = {
        "site_name": settings.PWA_APP_NAME,
        "link_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }


class PasswordResetDoneView(EditorsSitePage, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(EditorsSitePage, auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=form.user.get_username())
        return response


class PasswordResetCompleteView(EditorsSitePage, auth_views.PasswordResetCompleteView):
    pass


# Included at the admin's address, before the admin's own URLs (whose catch-all would answer
# them with a 404). Django's views and the admin's login page look these names up unprefixed.
password_reset_urls = [
    path("password_reset/", PasswordResetView.as_view(), name="admin_password_reset"),
    path("password_reset/done/", PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("reset/done/", PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
