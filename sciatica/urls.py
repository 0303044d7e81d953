from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from sciatica.accounts import password_reset_urls
from sciatica.api import router
from sciatica.health import healthz
from sciatica.offline import offline_manifest_view, search_index_view
from sciatica.sitemaps import SITEMAPS
from sciatica.views import (
    CheckinView,
    HomeView,
    ProgressView,
    RemindersView,
    favicon,
    media,
    offline_view,
    robots_txt,
    search_view,
)

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("articles/", include("articles.urls")),
    path("check-in/", CheckinView.as_view(), name="checkin"),
    path("progress/", ProgressView.page("progress"), name="progress"),
    path("progress/diary/", ProgressView.page("diary"), name="diary"),
    path("progress/summary/", ProgressView.page("summary"), name="progress-summary"),
    path("progress/reminders/", RemindersView.as_view(), name="reminders"),
    path("search/", search_view, name="search"),
    path("search-index.json", search_index_view, name="search-index"),
    path("offline-manifest.json", offline_manifest_view, name="offline-manifest"),
    path("offline/", offline_view, name="offline"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("exercises/", include("exercises.urls")),
    path("routines/", include("exercises.routine_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/", include((router.urls, "api"))),
    # "Forgot your password?" for editors, at the admin's address (sciatica/accounts.py).
    path(settings.ADMIN_URL, include(password_reset_urls)),
    path(settings.ADMIN_URL, admin.site.urls),
    # For load balancers: a database round-trip, never cached, not in the sitemap.
    path("healthz", healthz, name="healthz"),
    # Editors' uploaded pictures, served by the app itself (debug or not): one process,
    # no separate file server to run. Behind a CDN or proxy they cache like any response.
    re_path(r"^media/(?P<path>.+)$", media, name="media"),
    # django-pwa: /manifest.json, /serviceworker.js (root scope) and /offline/
    path("", include("pwa.urls")),
]
