"""An editor who forgot her password sets a new one by email (Django's password reset views,
under the admin's address), with no way to learn which addresses have an account."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import Group, User
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from tests.helpers import run_python
from tests.security.test_admin_lockout import ATTACKER, assert_locked, fail, log_in
from tests.security.test_headers import assert_common_headers, assert_strict_csp
from tests.test_i18n import pseudo, untranslated, untranslated_in, w  # noqa: F401 (a fixture)

OLD_PASSWORD = "a long and unguessable passphrase 42"
NEW_PASSWORD = "another long passphrase for spring 7"
EMAIL = "maya@example.org"
# What editors must never read (the "plain words").
NOT_PLAIN = ["staff", "Django administration", "Django site admin"]


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", EMAIL, OLD_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def request_reset(client, email):
    return client.post(reverse("admin_password_reset"), {"email": email}, follow=True)


def link_in(message) -> str:
    match = re.search(r"https?://testserver(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def assert_plain(html, url):
    for words in NOT_PLAIN:
        assert words.lower() not in html.lower(), (url, words)


def test_the_login_page_offers_a_password_reset(client, db):
    html = client.get(reverse("admin:login")).content.decode()
    assert "Forgot your password?" in html
    assert f'href="{reverse("admin_password_reset")}"' in html
    assert reverse("admin_password_reset") == "/admin/password_reset/"


def test_an_editor_resets_her_password_by_email_and_logs_in(client, editor, mailoutbox):
    response = request_reset(client, EMAIL)
    assert response.redirect_chain[-1][0] == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [EMAIL]
    assert "Postpartum Sciatica Relief" in message.subject
    assert "editor" in message.body  # her username, in case she forgot that too
    assert_plain(message.body, "email")

    form = client.get(link_in(message), follow=True)
    assert form.status_code == 200
    set_password_url = form.redirect_chain[-1][0]
    assert "set-password" in set_password_url
    assert form.context["validlink"]
    done = client.post(
        set_password_url,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert done.redirect_chain[-1][0] == reverse("password_reset_complete")

    assert log_in(password=OLD_PASSWORD)[1].status_code == 200  # the old one is refused
    client, response = log_in(password=NEW_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    # The link works once.
    assert not Client().get(link_in(message), follow=True).context["validlink"]


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, editor, mailoutbox):
    known = request_reset(Client(), EMAIL)
    unknown = request_reset(Client(), "nobody@example.org")
    assert unknown.redirect_chain == known.redirect_chain
    assert unknown.content == known.content
    assert len(mailoutbox) == 1  # only the editor's


def test_an_inactive_account_gets_no_email(client, editor, mailoutbox):
    editor.is_active = False
    editor.save()
    request_reset(client, EMAIL)
    assert mailoutbox == []


def test_a_new_password_lifts_her_lockout(editor, mailoutbox):
    """Locked out after forgetting her password, she proves she owns the address: the lock on
    her username goes, so she can sign in with the new one at once."""
    fail(5)
    assert_locked(log_in()[1])
    client = Client(REMOTE_ADDR=ATTACKER)
    request_reset(client, EMAIL)
    form = client.get(link_in(mailoutbox[0]), follow=True)
    client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert log_in(password=NEW_PASSWORD)[1].status_code == 302


def test_the_reset_pages_are_plain_and_strict(client, editor, mailoutbox):
    pages = [reverse("admin_password_reset"), reverse("password_reset_done")]
    request_reset(client, EMAIL)
    form = client.get(link_in(mailoutbox[0]), follow=True)
    pages.append(form.redirect_chain[-1][0])
    pages += ["/admin/reset/MQ/bad-token/", reverse("password_reset_complete")]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_common_headers(response, url)
        assert_strict_csp(response, url)
        assert_plain(html, url)
        assert "Postpartum Sciatica Relief: editors" in html, url  # the editors' site header
        assert "<script>" not in html and " style=" not in html, url


READ_EMAIL_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps([s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER,
                  s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL]))
"""
SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"
PRODUCTION = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "a.org"}
MAIL = {
    "DJANGO_EMAIL_HOST": "smtp.example.org",
    "DJANGO_EMAIL_PORT": "2525",
    "DJANGO_EMAIL_HOST_USER": "postmaster",
    "DJANGO_EMAIL_HOST_PASSWORD": "s3cret",
    "DJANGO_EMAIL_USE_TLS": "0",
    "DJANGO_DEFAULT_FROM_EMAIL": "Sciatica Relief <editors@example.org>",
}


def email_settings(**env):
    result = run_python("-c", READ_EMAIL_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_email_goes_out_through_the_configured_server():
    assert email_settings(**PRODUCTION, **MAIL) == [
        SMTP,
        "smtp.example.org",
        2525,
        "postmaster",
        "s3cret",
        False,
        "Sciatica Relief <editors@example.org>",
    ]


def test_without_a_mail_server_or_in_debug_emails_are_printed():
    backend, host, port, *_, use_tls, sender = email_settings(**PRODUCTION)
    assert (backend, host, port, use_tls) == (CONSOLE, "", 587, True)
    assert sender
    assert email_settings(DJANGO_DEBUG="1", **MAIL)[0] == CONSOLE


def test_a_bad_port_stops_the_app():
    result = run_python("manage.py", "check", **PRODUCTION, DJANGO_EMAIL_PORT="smtp")
    assert result.returncode != 0
    assert "DJANGO_EMAIL_PORT='smtp' is not a whole number" in result.stderr


@pytest.mark.usefixtures("pseudo")
def test_the_lockout_and_reset_words_are_translatable(client, editor, mailoutbox):
    """Every word of the new pages and the email goes through the translation machinery (the
    pseudo-language of tests/test_i18n.py wraps each translated string)."""
    request = RequestFactory().get("/")
    now = timezone.localtime()
    for unlocks_at, today in [(now, True), (now + datetime.timedelta(days=2), False)]:
        context = {
            "failure_limit": 5,
            "username": w("editor"),
            "cooloff_timedelta": datetime.timedelta(minutes=15),
            "unlocks_at": unlocks_at,
            "unlocks_today": today,
        }
        assert untranslated_in(render_to_string("axes/lockout.html", context, request)) == []
    html = client.get(reverse("admin:login")).content.decode()
    assert untranslated_in(html.split('<div id="content-main">')[1]) == []
    request_reset(client, EMAIL)
    body = mailoutbox[0].body
    assert untranslated(re.sub(r"https?://\S+|editor", "", body)) == ""
