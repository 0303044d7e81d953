"""Production settings (debug off): `check --deploy` is clean, and each knob is configurable.

Each case starts a fresh interpreter with only the given DJANGO_* variables, as a server
would, so the settings module is read exactly as in production.
"""

import json
import secrets

import pytest

from tests.helpers import run_python

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "example.org",
}
READ_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
from django.urls import reverse
print(json.dumps({
    "DEBUG": s.DEBUG,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": s.SECURE_HSTS_INCLUDE_SUBDOMAINS,
    "SECURE_HSTS_PRELOAD": s.SECURE_HSTS_PRELOAD,
    "SECURE_PROXY_SSL_HEADER": s.SECURE_PROXY_SSL_HEADER,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "SESSION_COOKIE_HTTPONLY": s.SESSION_COOKIE_HTTPONLY,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "CSRF_COOKIE_HTTPONLY": s.CSRF_COOKIE_HTTPONLY,
    "AXES_COOLOFF_MINUTES": s.AXES_COOLOFF_TIME.total_seconds() / 60,
    "CLIENT_IP_HEADER": s.CLIENT_IP_HEADER,
    "admin": reverse("admin:index"),
    "SILENCED_SYSTEM_CHECKS": s.SILENCED_SYSTEM_CHECKS,
}))
"""


def run(args, **env):
    return run_python(*args, **env)


def production_settings(**env):
    result = run(["-c", READ_SETTINGS], **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"DJANGO_BEHIND_TLS_PROXY": "1"},
        {"DJANGO_CLIENT_IP_HEADER": "X-Forwarded-For"},
        {"DJANGO_EMAIL_HOST": "smtp.example.org", "DJANGO_EMAIL_HOST_PASSWORD": "s3cret"},
    ],
)
def test_check_deploy_has_zero_warnings(extra):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION, **extra
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_check_deploy_is_not_silenced():
    """No deploy check is switched off to reach zero warnings."""
    values = production_settings()
    assert values.get("SILENCED_SYSTEM_CHECKS", []) == []


def test_check_deploy_still_warns_about_a_weak_setting():
    """The check is real: turning HSTS off in production is reported."""
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        **PRODUCTION,
        DJANGO_HSTS_SECONDS="0",
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout


def test_production_defaults_are_secure():
    values = production_settings()
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_HTTPONLY"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] is None
    assert values["AXES_COOLOFF_MINUTES"] == 15
    assert values["admin"] == "/admin/"


def test_every_knob_is_configurable():
    values = production_settings(
        DJANGO_HSTS_SECONDS="600",
        DJANGO_HSTS_INCLUDE_SUBDOMAINS="0",
        DJANGO_HSTS_PRELOAD="0",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_BEHIND_TLS_PROXY="1",
        DJANGO_AXES_COOLOFF_MINUTES="45",
        DJANGO_CLIENT_IP_HEADER="X-Forwarded-For",
        DJANGO_ADMIN_URL="backstage-7f3a/",
    )
    assert values["SECURE_HSTS_SECONDS"] == 600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["AXES_COOLOFF_MINUTES"] == 45
    assert values["CLIENT_IP_HEADER"] == "X-Forwarded-For"
    assert values["admin"] == "/backstage-7f3a/"


def test_admin_url_moves_the_admin():
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(HTTP_HOST='localhost')\n"
        "print(c.get('/backstage/').status_code, c.get('/admin/').status_code)\n"
    )
    result = run(["-c", script], DJANGO_ADMIN_URL="/backstage/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "302 404"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_AXES_COOLOFF_MINUTES": "soon"}, "not a whole number"),
        ({"DJANGO_AXES_COOLOFF_MINUTES": "0"}, "must be at least 1"),
        ({"DJANGO_PROXY_COUNT": "0"}, "must be at least 1"),
        ({"DJANGO_ADMIN_URL": "/"}, "DJANGO_ADMIN_URL must not be empty"),
    ],
)
def test_bad_values_stop_the_app(env, message):
    result = run(["manage.py", "check"], **{**PRODUCTION, **env})
    assert result.returncode != 0
    assert message in result.stderr


STATIC_CACHE = """
import django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
client = Client()
for url in ("/static/icons/icon-192.png", staticfiles_storage.url("css/site.css")):
    response = client.get(url, secure=True)
    print(response.status_code, response["Cache-Control"])
"""


def test_only_hashed_static_files_are_cached_for_a_year():
    """The manifest's icons are named without a hash: a year's cache would keep an old icon
    on phones; hashed names change with their content and are cached for ever."""
    result = run_python("-c", STATIC_CACHE, **{**PRODUCTION, "DJANGO_ALLOWED_HOSTS": "testserver"})
    assert result.returncode == 0, result.stderr
    unhashed, hashed = [line for line in result.stdout.splitlines() if line[:3].isdigit()]
    assert unhashed == "200 max-age=86400, public"
    assert hashed.startswith("200 max-age=315360000")
    assert "immutable" in hashed
