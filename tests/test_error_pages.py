"""Error pages in the site's style, never a bare server page."""

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views import defaults


def test_500_page_renders_without_a_request_or_database():
    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert "call 999" in html


def test_400_and_403_pages_are_in_the_site_style(db):
    request = RequestFactory().get("/")
    bad = defaults.bad_request(request, Exception("bad"))
    assert bad.status_code == 400
    assert "That request did not work" in bad.content.decode()
    assert "css/site." in bad.content.decode()
    denied = defaults.permission_denied(request, Exception("no"))
    assert denied.status_code == 403
    assert "only for the app's editors" in denied.content.decode()
    assert "site-header" in denied.content.decode()
