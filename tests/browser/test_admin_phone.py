"""The editors' admin on a phone (390 x 844): the save buttons stay in reach at the bottom of the
screen wherever she is in a long form, and the article body box is tall enough to write in."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse

from articles.models import Article
from exercises.models import Exercise, Routine
from tests.browser.conftest import PHONE


@pytest.fixture
def editor_page(server, changes_content, browser):
    """A phone-sized page signed in as an editor (a session made by the test client, handed to
    the browser as its cookie). The browser tests' database is flushed, which empties the
    groups the migrations made: the editor's group is made again, with the content
    permissions (tests/articles/test_admin.py checks the real group's)."""
    editors = Group.objects.create(name="Editors")
    editors.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["articles", "exercises"]).exclude(
            codename="sign_off_article"
        )
    )
    user = User.objects.create_user("maya", password="a long passphrase 42", is_staff=True)
    user.groups.add(editors)
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": server.url,
            }
        ]
    )
    page = context.new_page()
    yield page
    context.close()


def change_form(model):
    opts = model._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_change", args=[model.objects.first().pk]
    )


def assert_on_screen(page, locator, where):
    box = locator.bounding_box()
    assert box is not None, where
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (where, box)
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (where, box)


@pytest.mark.parametrize("model", [Article, Exercise, Routine], ids=lambda m: m.__name__)
def test_save_is_on_screen_without_scrolling_and_stays_there(server, editor_page, model):
    page = editor_page
    response = page.goto(server.url + change_form(model))
    assert response.status == 200
    assert page.locator("body.change-form").count() == 1  # signed in, on the form
    save = page.locator('.submit-row input[name="_save_draft"]')
    assert page.evaluate("document.documentElement.scrollHeight") > PHONE["height"] * 2
    assert_on_screen(page, save, "top of the form")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    assert_on_screen(page, save, "middle of the form")
    # It is the real button: a tap on it saves (a draft: the form comes back with a message).
    save.click()
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1


def test_the_article_body_box_is_tall_enough_to_edit(server, editor_page):
    page = editor_page
    page.goto(server.url + change_form(Article))
    body = page.locator("#id_body")
    assert body.bounding_box()["height"] >= 300
    assert body.bounding_box()["width"] >= PHONE["width"] * 0.8
