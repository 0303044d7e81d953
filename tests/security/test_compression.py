"""Compressed HTML and JSON for public responses only (issue 13, item 4).

Public pages and API answers go out gzip- or brotli-compressed when the browser accepts it.
A response carrying a secret (a CSRF token in a form, a cookie, anything for a signed-in
editor, the admin, a preview) is never compressed: compressing a secret next to text an
attacker can choose lets them guess it from the sizes (BREACH)."""

import gzip
import json

import brotli
import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from django.urls import reverse

from sciatica.middleware.compression import CompressionMiddleware

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate"}
BROTLI = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}
PUBLIC = [
    "/",
    "/articles/",
    "/articles/what-is-postpartum-sciatica/",
    "/exercises/bridge/",
    "/search/?q=stretch",
    "/api/articles/",
    "/api/exercises/bridge/",
    "/offline-manifest.json",
]


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def decoded(response) -> bytes:
    encoding = response.get("Content-Encoding")
    body = response.content
    return {"gzip": gzip.decompress, "br": brotli.decompress}.get(encoding, lambda b: b)(body)


@pytest.mark.parametrize("path", PUBLIC)
def test_public_html_and_json_are_compressed_when_the_browser_accepts_it(client, seeded, path):
    plain = client.get(path)
    zipped = client.get(path, **GZIP)
    squeezed = client.get(path, **BROTLI)
    assert plain.status_code == zipped.status_code == squeezed.status_code == 200
    assert "Content-Encoding" not in plain
    assert zipped["Content-Encoding"] == "gzip"
    assert squeezed["Content-Encoding"] == "br"
    for response in (plain, zipped, squeezed):
        assert "accept-encoding" in vary(response), path
    assert decoded(zipped) == decoded(squeezed) == plain.content
    assert int(zipped["Content-Length"]) == len(zipped.content) < len(plain.content)
    assert len(squeezed.content) < len(plain.content)


def test_head_gets_the_same_headers_as_get(client, seeded):
    get = client.get("/articles/", **BROTLI)
    head = client.head("/articles/", **BROTLI)
    assert head["Content-Encoding"] == get["Content-Encoding"] == "br"
    assert head["Vary"] == get["Vary"]


@pytest.mark.parametrize(
    "accept",
    ["", "identity", "gzip;q=0", "br;q=0, gzip;q=0", "compress"],
)
def test_nothing_is_compressed_for_a_browser_that_refuses_it(client, seeded, accept):
    response = client.get("/articles/", HTTP_ACCEPT_ENCODING=accept)
    assert "Content-Encoding" not in response
    assert "accept-encoding" in vary(response)


def test_gzip_is_used_when_brotli_is_refused(client, seeded):
    response = client.get("/articles/", HTTP_ACCEPT_ENCODING="br;q=0, gzip")
    assert response["Content-Encoding"] == "gzip"


def test_the_admin_login_page_and_its_form_token_stay_uncompressed(client, db, settings):
    login = client.get("/" + settings.ADMIN_URL + "login/", **BROTLI)
    assert login.status_code == 200
    assert b"csrfmiddlewaretoken" in login.content
    assert "Content-Encoding" not in login


def test_every_page_with_a_form_token_stays_uncompressed(client, db, settings):
    reset = client.get(reverse("admin_password_reset"), **BROTLI)
    assert reset.status_code == 200
    assert b"csrfmiddlewaretoken" in reset.content
    assert "Content-Encoding" not in reset


def test_a_signed_in_editor_gets_nothing_compressed(client, seeded, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(editor)
    previews = ["/articles/when-to-get-help/preview/", "/exercises/bridge/preview/"]
    for path in ["/articles/", "/api/articles/", *previews, "/routines/gentle-stretch/preview/"]:
        response = client.get(path, **BROTLI)
        assert response.status_code == 200, path
        assert "Content-Encoding" not in response, path


def _middleware_response(response, path="/articles/", **headers):
    request = RequestFactory().get(path, **(headers or BROTLI))
    return CompressionMiddleware(lambda request: response)(request)


def test_a_response_that_sets_a_cookie_or_uses_a_csrf_token_stays_uncompressed():
    body = "<p>" + "words " * 200 + "</p>"
    cookie = HttpResponse(body)
    cookie.set_cookie("anything", "1")
    assert "Content-Encoding" not in _middleware_response(cookie)
    token = HttpResponse(body)
    request = RequestFactory().get("/articles/", **BROTLI)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # what get_token() leaves behind
    assert "Content-Encoding" not in CompressionMiddleware(lambda r: token)(request)
    for secret in ({"HTTP_COOKIE": "sessionid=abc"}, {"HTTP_AUTHORIZATION": "Basic eDp5"}):
        request = RequestFactory().get("/articles/", **BROTLI, **secret)
        assert "Content-Encoding" not in CompressionMiddleware(lambda r: HttpResponse(body))(
            request
        )


def test_streaming_encoded_and_other_types_are_left_alone():
    words = "words " * 200
    streaming = StreamingHttpResponse(iter([words]), content_type="text/html")
    assert "Content-Encoding" not in _middleware_response(streaming)
    encoded = HttpResponse(gzip.compress(words.encode()), headers={"Content-Encoding": "gzip"})
    assert _middleware_response(encoded)["Content-Encoding"] == "gzip"
    picture = HttpResponse(words, content_type="image/svg+xml")
    assert "Content-Encoding" not in _middleware_response(picture)
    tiny = HttpResponse("<p>hi</p>")
    assert "Content-Encoding" not in _middleware_response(tiny)


def test_a_strong_etag_is_weakened_when_the_body_is_compressed():
    response = HttpResponse("<p>" + "words " * 200 + "</p>", headers={"ETag": '"v1"'})
    compressed = _middleware_response(response)
    assert compressed["Content-Encoding"] == "br"
    assert compressed["ETag"] == 'W/"v1"'


def test_static_files_keep_whitenoise_s_own_compression(client):
    url = staticfiles_storage.url("css/site.css")
    response = client.get(url, **BROTLI)
    body = b"".join(response.streaming_content)
    assert response["Content-Encoding"] == "br"
    assert brotli.decompress(body).startswith(b"/* Postpartum")


def test_the_json_is_the_same_once_decompressed(client, seeded):
    plain = client.get("/api/articles/").json()
    assert json.loads(decoded(client.get("/api/articles/", **BROTLI))) == plain
