from django.contrib import admin
from django.urls import include, path

from sciatica.api import router
from sciatica.views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("articles/", include("articles.urls")),
    path("exercises/", include("exercises.urls")),
    path("api/", include((router.urls, "api"))),
    path("admin/", admin.site.urls),
    # django-pwa: /manifest.json, /serviceworker.js (root scope) and /offline/
    path("", include("pwa.urls")),
]
