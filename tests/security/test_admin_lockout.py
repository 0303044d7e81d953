"""Admin login brute-force protection (django-axes): 5 failures lock a username + IP pair."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

PASSWORD = "a long and unguessable passphrase 42"
ATTACKER = "203.0.113.7"
LOCKED_MESSAGE = "Too many failed sign-in attempts"


@pytest.fixture
def editor(db):
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def log_in(username="editor", password=PASSWORD, ip=ATTACKER, **headers):
    client = Client(REMOTE_ADDR=ip, **headers)
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
    )
    return client, response


def logged_in(client):
    return "_auth_user_id" in client.session


def fail(times, **kwargs):
    """`times` wrong passwords; the 5th failure is answered with the lockout page itself."""
    for attempt in range(1, times + 1):
        client, response = log_in(password="wrong password", **kwargs)
        # The login form again with its error, until the failure that locks.
        assert response.status_code == (429 if attempt >= 5 else 200)
        assert not logged_in(client)


def assert_locked(response):
    assert response.status_code == 429
    text = response.content.decode()
    assert LOCKED_MESSAGE in text
    assert "locked for" in text
    assert "15 minutes" in text
    # The lockout page is a page of the site: headers and strict CSP included.
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_five_failures_lock_the_pair_even_with_the_right_password(editor):
    assert settings.AXES_FAILURE_LIMIT == 5
    fail(5)
    client, response = log_in()
    assert_locked(response)
    assert not logged_in(client)


def page_text(response) -> str:
    return " ".join(strip_tags(response.content.decode()).split())


def test_the_lockout_page_says_when_it_unlocks_and_who_can_unlock_it(editor):
    fail(4)
    earliest = timezone.localtime() + settings.AXES_COOLOFF_TIME
    _, response = log_in(password="wrong password")
    latest = timezone.localtime() + settings.AXES_COOLOFF_TIME
    assert_locked(response)
    text = page_text(response)
    assert any(
        f"You can try again in 15 minutes, at {t:%H:%M}." in text for t in {earliest, latest}
    )
    assert "An administrator can unlock it at once" in text
    assert "axes_reset" not in text  # the command is for the administrator: in the README
    assert f'href="{reverse("admin_password_reset")}"' in response.content.decode()


def test_trying_again_while_locked_starts_the_wait_again(editor, settings):
    """Each try while locked counts from then (django-axes' default, set in the settings): the
    page's time moves on with it."""
    assert settings.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is True
    fail(5)
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=10)
    )
    earliest = timezone.localtime() + settings.AXES_COOLOFF_TIME
    _, response = log_in()
    latest = timezone.localtime() + settings.AXES_COOLOFF_TIME
    assert_locked(response)
    assert any(f"at {t:%H:%M}." in page_text(response) for t in {earliest, latest})


def test_a_long_lock_names_the_day(editor, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(days=2)
    fail(5)
    unlock = timezone.localtime() + settings.AXES_COOLOFF_TIME
    text = page_text(log_in()[1])
    assert f"on {unlock.day} {unlock:%B} at {unlock:%H:%M}" in text


def test_four_failures_do_not_lock(editor):
    fail(4)
    client, response = log_in()
    assert response.status_code == 302
    assert logged_in(client)


def test_a_success_resets_the_count(editor):
    fail(4)
    assert log_in()[1].status_code == 302
    fail(4)
    assert log_in()[1].status_code == 302


def test_the_lock_is_for_that_username_from_that_ip_only(editor):
    User.objects.create_user("other", password=PASSWORD, is_staff=True)
    fail(5)
    assert_locked(log_in()[1])
    # The editor from her own connection, and another user from the attacker's, still work.
    assert log_in(ip="198.51.100.20")[1].status_code == 302
    assert log_in(username="other")[1].status_code == 302


def test_the_lock_lifts_after_the_cool_off(editor):
    fail(5)
    assert_locked(log_in()[1])
    # As if the cool-off had passed: the failures are older than AXES_COOLOFF_TIME.
    past = datetime.datetime.now(datetime.UTC) - settings.AXES_COOLOFF_TIME
    AccessAttempt.objects.update(attempt_time=past - datetime.timedelta(seconds=1))
    client, response = log_in()
    assert response.status_code == 302
    assert logged_in(client)


def test_a_short_cool_off_really_expires(editor, settings):
    # A minute, not a second: on a busy machine a second can pass before the next request.
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=1)
    fail(5)
    assert log_in()[1].status_code == 429
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=2)
    )
    assert log_in()[1].status_code == 302


def test_axes_reset_unlocks_at_once(editor):
    fail(5)
    assert_locked(log_in()[1])
    call_command("axes_reset", verbosity=0)
    assert log_in()[1].status_code == 302


def test_the_readmes_command_unlocks_one_editor_at_once(editor):
    User.objects.create_user("other", password=PASSWORD, is_staff=True)
    fail(5)
    fail(5, username="other")
    call_command("axes_reset_username", "editor", verbosity=0)
    assert log_in()[1].status_code == 302
    assert_locked(log_in(username="other")[1])


def test_behind_a_proxy_the_client_ip_comes_from_the_configured_header(editor, settings):
    """With X-Forwarded-For, the entry our proxy added counts, not what the client sent."""
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.PROXY_COUNT = 1
    proxy = "10.0.0.5"
    for n in range(1, 6):
        # An attacker varies a spoofed first entry; the proxy appends the real address.
        forwarded = f"192.0.2.{n}, {ATTACKER}"
        _, response = log_in(password="wrong", ip=proxy, HTTP_X_FORWARDED_FOR=forwarded)
        assert response.status_code == (429 if n == 5 else 200)
    _, response = log_in(ip=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.99, {ATTACKER}")
    assert_locked(response)
    assert AccessAttempt.objects.get().ip_address == ATTACKER
    # Another reader behind the same proxy is not locked out.
    _, response = log_in(ip=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert response.status_code == 302
