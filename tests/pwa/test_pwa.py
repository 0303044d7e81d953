"""PWA wiring: manifest and worker at the root, and no inline script anywhere."""

import re

import pytest


def test_manifest_names_the_app(client, db):
    response = client.get("/manifest.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    manifest = response.json()
    assert manifest["name"] == "Postpartum Sciatica Relief"
    assert manifest["short_name"] == "Sciatica Relief"
    assert manifest["theme_color"] == "#1f5f5b"
    assert manifest["background_color"] == "#fbf8f4"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}


def test_icons_in_the_manifest_exist(client, db):
    from django.contrib.staticfiles import finders

    for icon in client.get("/manifest.json").json()["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_service_worker_is_served_at_the_root(client, db):
    response = client.get("/serviceworker.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript"
    assert 'addEventListener("fetch"' in response.content.decode()


# Data blocks (JSON, JSON-LD) are never executed; any other script must come from a file.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>")
STYLE_ATTR = re.compile(r"<[^>]+\sstyle=", re.IGNORECASE)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles/",
        "/articles/what-is-postpartum-sciatica/",
        "/articles/tag/basics/",
        "/exercises/",
        "/exercises/category/stretching/",
        "/exercises/hamstring-stretch/",
        "/exercises/walking/",
        "/offline/",
        "/no-such-page/",
    ],
)
def test_no_page_has_inline_script_or_style(client, seeded, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code in (200, 404)
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not STYLE_ATTR.search(html)
    assert "<style" not in html
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
