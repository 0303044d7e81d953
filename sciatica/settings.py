"""Settings for the postpartum sciatica app: one file, configured by the environment.

Local use needs no configuration at all (debug on, SQLite in the project
folder). Production sets DJANGO_DEBUG=0 and must then provide a secret key
and allowed hosts; see README.md "Configuration" for every variable.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from core.i18n import language_tag
from sciatica.env import env_bool, env_int, env_list, env_phone, env_slug, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=True)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    # Local development only: never used with debug off.
    SECRET_KEY = "django-insecure-local-development-key-not-for-production"  # noqa: S105

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must list the site's host names when DJANGO_DEBUG is off."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# Where the admin lives: "admin/" by default; a less guessable path keeps bots away.
ADMIN_URL = env_str("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"
if ADMIN_URL == "/":
    raise ImproperlyConfigured("DJANGO_ADMIN_URL must not be empty, e.g. 'admin/'.")

INSTALLED_APPS = [
    "sciatica.apps.SiteAdminConfig",  # django.contrib.admin with the editors' site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "reversion",
    "pwa",
    "csp",
    "axes",
    "core",
    "sciatica",
    "articles",
    "exercises",
]

MIDDLEWARE = [
    # First: the request id is on every log line and response, static files included.
    "sciatica.middleware.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sciatica.middleware.security_headers.SecurityHeadersMiddleware",
    # Anonymous GET/HEAD of public answers from the cache, keyed by the content version (one
    # query) and the coding: above compression, so a hit is not compressed again; below the
    # request log and the security headers, which every answer still gets. Static files
    # pass through untouched (whitenoise below answers them, with no query).
    "sciatica.middleware.response_cache.ResponseCacheMiddleware",
    # Public HTML and JSON, gzip or brotli; never a response with a secret (BREACH). Above
    # the session and CSRF middleware, so it sees their cookies; whitenoise's static files
    # come already compressed and are left alone.
    "sciatica.middleware.compression.CompressionMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: activates the reader's language for the request.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF: an unsafe method on the read-only public site is a 405, not a 403.
    "sciatica.middleware.request_hygiene.PublicRequestHygieneMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A database that cannot be reached: 503 "temporarily unavailable" with Retry-After.
    "sciatica.middleware.database_unavailable.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Refuses any login for a locked-out username + IP before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "sciatica.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sciatica.context_processors.site",
                "sciatica.js_catalog.context",
            ],
        },
    },
]

WSGI_APPLICATION = "sciatica.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The response cache (sciatica/middleware/response_cache.py; README "Caching"): each
# process's memory by default (correct with several app servers: every process keys by the
# content version it reads from the database); REDIS_URL shares one Redis between them
# (then `pip install redis`). DJANGO_RESPONSE_CACHE=0 turns it off.
RESPONSE_CACHE = env_bool("DJANGO_RESPONSE_CACHE", default=True)
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "sciatica",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Pages, API answers and each one's three codings: a few MB per process.
            "OPTIONS": {"MAX_ENTRIES": 3000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Every string is translatable (gettext in Python and templates, a catalogue for the scripts:
# sciatica/js_catalog.py); English is the only language so far. locale/README.md: add one.
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("DJANGO_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

# Static files: hashed names, gzip + brotli, served by whitenoise in one process.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "sciatica.storage.StaticStorage"},
}
# Hashed static names are cached for ever (whitenoise spots the hash). This is for files
# named without a hash, such as the web app manifest's icons: a day, so a new icon
# reaches phones. The service worker is served from the site root (django-pwa).
WHITENOISE_MAX_AGE = 60 * 60 * 24 if not DEBUG else 0
# Source maps are only for developers' tools: compressing them took most of collectstatic.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

# The "When to get help" article that the header, the footer, every exercise and every other
# article link to (templates get its address as `help_url`). `manage.py check --database
# default` fails when it does not exist or is not published (sciatica/checks.py).
HELP_ARTICLE_SLUG = env_slug("DJANGO_HELP_ARTICLE_SLUG", "when-to-get-help")

# Who to call about a warning sign (the check-in's care cards, with tap-to-call links, and
# the red-flags card): the UK's by default. A site in another country sets its own, e.g.
# DJANGO_EMERGENCY_PHONE=911, DJANGO_EMERGENCY_DEPARTMENT="the emergency room"; an empty
# DJANGO_URGENT_PHONE leaves out the urgent advice line (core/warning_signs.py).
EMERGENCY_PHONE = env_phone("DJANGO_EMERGENCY_PHONE", "999")
EMERGENCY_DEPARTMENT = env_str("DJANGO_EMERGENCY_DEPARTMENT", "A&E")
URGENT_PHONE = env_phone("DJANGO_URGENT_PHONE", "111", required=False)
URGENT_SERVICE = env_str("DJANGO_URGENT_SERVICE", "NHS 111")
if not EMERGENCY_DEPARTMENT or (URGENT_PHONE and not URGENT_SERVICE):
    raise ImproperlyConfigured(
        "DJANGO_EMERGENCY_DEPARTMENT must not be empty, nor DJANGO_URGENT_SERVICE when "
        "DJANGO_URGENT_PHONE is set."
    )

# --- Security -------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script of ours reads it: forms carry the token
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe /healthz over plain HTTP inside the network: no redirect for it.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
# The preload flag only consents to preloading; the domain joins browsers' lists only when
# its owner submits it at hstspreload.org. Set DJANGO_HSTS_PRELOAD=0 to withhold consent.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=not DEBUG)
if env_bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    # Only trust this header when a proxy you control sets it (and strips it from clients).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The reader's IP (axes lockouts, request log): REMOTE_ADDR unless a proxy you control sets
# this header, e.g. X-Forwarded-For (then the entry DJANGO_PROXY_COUNT from the right).
CLIENT_IP_HEADER = env_str("DJANGO_CLIENT_IP_HEADER")
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 1, minimum=1)

# Admin login brute-force protection (django-axes): 5 failures for one username from one
# IP lock that pair out for DJANGO_AXES_COOLOFF_MINUTES; a success resets the count.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_RESET_ON_SUCCESS = True
# Each try while locked starts the cool-off again (django-axes' default), so the lockout page
# can say when it unlocks: that long after this try (sciatica/accounts.py).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_LOCKOUT_CALLABLE = "sciatica.accounts.lockout"
AXES_CLIENT_IP_CALLABLE = "sciatica.middleware.client_ip.client_ip"
AXES_VERBOSE = False  # axes' own start-up banner; failures are still logged

# Email, for editors' password resets (sciatica/accounts.py): through DJANGO_EMAIL_HOST when
# one is set and debug is off; otherwise each email is printed to the log, never sent.
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 10  # seconds: a mail server that does not answer must not hang a worker
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
# A password reset link works once, for a day (Django's default is three).
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST and not DEBUG
    else "django.core.mail.backends.console.EmailBackend"
)

# Strict Content-Security-Policy: no inline script or style anywhere. The admin runs under
# the same policy: Django 5.2's admin needs nothing looser (tests/browser/test_csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "worker-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- API ------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Postpartum Sciatica Relief API",
    "DESCRIPTION": "Read-only access to the published articles and exercises.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files (drf-spectacular-sidecar): no CDN, strict CSP.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
}

# --- PWA (django-pwa) -----------------------------------------------------
PWA_APP_NAME = _("Postpartum Sciatica Relief")
PWA_APP_SHORT_NAME = _("Sciatica Relief")
PWA_APP_DESCRIPTION = _(
    "Trustworthy articles and guided exercise timers for sciatica after having a baby. "
    "Works offline."
)
PWA_APP_THEME_COLOR = "#1f5f5b"
PWA_APP_BACKGROUND_COLOR = "#fbf8f4"
PWA_APP_DISPLAY = "standalone"
PWA_APP_SCOPE = "/"
PWA_APP_START_URL = "/?source=pwa"
PWA_APP_ORIENTATION = "portrait"
PWA_APP_STATUS_BAR_COLOR = "default"
# The manifest's language is the active one (LocaleMiddleware), as a BCP 47 tag.
PWA_APP_LANG = lazy(language_tag, str)()
PWA_APP_DIR = "ltr"
PWA_APP_DEBUG_MODE = False
PWA_APP_ICONS = [
    {"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
    {"src": "/static/icons/icon-512.png", "sizes": "512x512", "type": "image/png"},
    {
        "src": "/static/icons/icon-maskable-512.png",
        "sizes": "512x512",
        "type": "image/png",
        "purpose": "maskable",
    },
]
PWA_APP_ICONS_APPLE = [
    {"src": "/static/icons/apple-touch-icon-180.png", "sizes": "180x180"},
]
PWA_APP_SPLASH_SCREEN = []
PWA_APP_SHORTCUTS = [
    {
        "name": _("Exercises"),
        "short_name": _("Exercises"),
        "description": _("Stretches, strengthening and gentle activity with a guided timer"),
        "url": "/exercises/?source=shortcut",
        "icons": [{"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png"}],
    },
    {
        "name": _("Today's routine"),
        "short_name": _("Today"),
        "description": _("A short routine for today, talked through step by step"),
        "url": "/routines/today/?source=shortcut",
        "icons": [{"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png"}],
    },
    {
        "name": _("When to get help"),
        "short_name": _("Get help"),
        "description": _("Warning signs that need a doctor now"),
        "url": f"/articles/{HELP_ARTICLE_SLUG}/?source=shortcut",
        "icons": [{"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png"}],
    },
]
PWA_APP_SCREENSHOTS = [
    {
        "src": "/static/icons/screenshot-narrow-1.png",
        "sizes": "720x1480",
        "type": "image/png",
        "form_factor": "narrow",
        "label": _("Exercise page with its dose and guided timer"),
    },
    {
        "src": "/static/icons/screenshot-narrow-2.png",
        "sizes": "720x1480",
        "type": "image/png",
        "form_factor": "narrow",
        "label": _("Article with review dates and a when-to-get-help card"),
    },
]
PWA_SERVICE_WORKER_PATH = BASE_DIR / "static" / "js" / "serviceworker.js"

# --- Logging: one JSON line per event on stdout, with the request id -------
# Every request logs one line (logger "sciatica.request": method, path, status,
# duration_ms, client_ip); every line of that request carries its request_id.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "sciatica.middleware.request_log.RequestIdFilter"}},
    "formatters": {"json": {"()": "sciatica.middleware.request_log.JsonLineFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["stdout"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # runserver's own access line would repeat sciatica.request's.
        "django.server": {"handlers": [], "level": "WARNING", "propagate": True},
        # Its 4xx/5xx warnings repeat the request line too; errors (with tracebacks) stay.
        "django.request": {"level": "ERROR"},
    },
}
