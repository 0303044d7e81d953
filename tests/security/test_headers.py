"""Security headers on every response, and the strict Content-Security-Policy on every page."""

import re

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client

from tests.security.public_urls import real_urls, write_media_sample

STRICT_DIRECTIVES = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
    "worker-src": {"'self'"},
    "manifest-src": {"'self'"},
}
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "serial", "hid"]


def parse_csp(header: str) -> dict[str, set[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = set(values)
    return directives


def parse_permissions(header: str) -> dict[str, str]:
    return dict(re.findall(r"([a-z-]+)=(\([^)]*\))", header))


@pytest.fixture
def site(seeded, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    write_media_sample(tmp_path)
    found, missing = real_urls(Client())
    assert not missing
    return found


def assert_common_headers(response, url):
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
    features = parse_permissions(response["Permissions-Policy"])
    assert features["screen-wake-lock"] == "(self)", url
    for feature in DENIED_FEATURES:
        assert features[feature] == "()", (url, feature)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"]), url


def assert_strict_csp(response, url):
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header, url
    assert "unsafe-eval" not in header, url
    directives = parse_csp(header)
    for name, values in STRICT_DIRECTIVES.items():
        assert directives.get(name) == values, (url, name, directives.get(name))


def test_every_public_url_has_the_headers_and_a_strict_csp(site):
    client = Client()
    for url in site.values():
        response = client.get(url)
        assert_common_headers(response, url)
        assert_strict_csp(response, url)


@pytest.mark.parametrize("path", ["/no-such-page/", "/api/articles/no-such-article/"])
def test_error_pages_have_them_too(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert_common_headers(response, path)
    assert_strict_csp(response, path)


def test_hashed_static_files_have_the_headers(client, db):
    url = staticfiles_storage.url("css/site.css")
    assert re.search(r"site\.[0-9a-f]{12}\.css$", url)
    response = client.get(url)
    assert response.status_code == 200
    assert_common_headers(response, url)


def test_the_service_worker_is_not_restricted_by_a_header_it_does_not_need(client, db):
    response = client.get("/serviceworker.js")
    assert response.status_code == 200
    assert_common_headers(response, "/serviceworker.js")
    assert "Service-Worker-Allowed" not in response  # root scope: not needed


def test_admin_pages_have_the_headers_and_the_same_strict_csp(admin_client):
    # Django 5.2's admin has no inline script or style: it runs under the strict policy
    # (tests/browser/test_csp.py proves it in Chromium), so no looser admin policy exists.
    for url in ["/admin/login/", "/admin/", "/admin/articles/article/add/"]:
        response = admin_client.get(url)
        assert response.status_code in (200, 302), url
        assert_common_headers(response, url)
        assert_strict_csp(response, url)
        assert response["X-Frame-Options"] == "DENY"


def test_pages_cannot_be_framed(client, db):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert parse_csp(response["Content-Security-Policy"])["frame-ancestors"] == {"'none'"}


def test_static_files_are_compressed_except_source_maps(settings):
    """Readers' scripts, styles and icons are sent gzip/brotli; source maps (only for
    developers' tools) and already-compressed formats are not worth compressing."""
    compressor = staticfiles_storage.create_compressor(
        extensions=settings.WHITENOISE_SKIP_COMPRESS_EXTENSIONS, quiet=True
    )
    for name in ["js/timer.js", "css/site.css", "icons/icon.svg", "manifest.webmanifest"]:
        assert compressor.should_compress(name), name
    for name in ["swagger-ui/swagger-ui-bundle.js.map", "img/photo.jpg", "icons/icon-192.png"]:
        assert not compressor.should_compress(name), name


def test_hashed_files_and_our_own_are_compressed_not_the_packages_unhashed_copies():
    """Pages link static files by their hashed names; only our own files (the manifest's icons)
    are also fetched by a fixed name, so the packages' unhashed copies are not compressed."""
    storage = staticfiles_storage
    hashed = list(storage.hashed_files.values())
    unhashed_own = ["js/timer.js", "css/site.css", "icons/icon-192.png"]
    unhashed_packages = [
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "admin/css/base.css",
    ]
    chosen = storage.worth_compressing([*hashed, *unhashed_own, *unhashed_packages])
    assert chosen == [*hashed, *unhashed_own]
    assert any(name.startswith("admin/css/base.") for name in chosen)
