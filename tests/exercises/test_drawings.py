"""An exercise's built-in drawing is picked from the drawings the app ships (issue 11, bug 1):
a typo in a path used to save and then break every page showing the exercise (500)."""

import logging
import shutil

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from exercises.models import Exercise
from tests.exercises.test_admin import exercise_form

DRAWINGS = sorted(
    f"img/exercises/{path.name}"
    for path in (settings.BASE_DIR / "static/img/exercises").glob("*.svg")
)
NOT_DRAWINGS = [
    "img/exercises/hamstring-strech.svg",
    "/static/img/exercises/hamstring-stretch.svg",
    "https://example.org/pic.png",
]


@pytest.mark.parametrize("value", NOT_DRAWINGS)
def test_the_admin_refuses_a_drawing_that_does_not_exist(admin_client, make_exercise, value):
    exercise = make_exercise(illustration_static="img/exercises/hamstring-stretch.svg")
    before = Exercise.objects.values().get(pk=exercise.pk)
    response = admin_client.post(
        f"/admin/exercises/exercise/{exercise.pk}/change/",
        exercise_form(exercise, illustration_static=value),
    )
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["illustration_static"])
    assert "is not one of the app's drawings" in errors
    assert Exercise.objects.values().get(pk=exercise.pk) == before


def test_the_admin_offers_every_shipped_drawing_with_a_preview(admin_client, make_exercise):
    exercise = make_exercise(illustration_static="img/exercises/bridge.svg")
    response = admin_client.get(f"/admin/exercises/exercise/{exercise.pk}/change/")
    field = response.context["adminform"].form.fields["illustration_static"]
    assert [value for value, _ in field.choices] == ["", *DRAWINGS]
    html = response.content.decode()
    assert '<select name="illustration_static"' in html
    assert '<option value="img/exercises/bridge.svg" selected>' in html
    # The preview shows the saved drawing (hashed static name) and knows every other one.
    assert 'id="drawing-preview"' in html
    assert 'src="/static/img/exercises/bridge.' in html
    assert "/static/js/admin/drawing-preview." in html


def test_the_admin_saves_a_shipped_drawing(admin_client, make_exercise):
    exercise = make_exercise()
    response = admin_client.post(
        f"/admin/exercises/exercise/{exercise.pk}/change/",
        exercise_form(exercise, illustration_static="img/exercises/walking.svg"),
    )
    assert response.status_code == 302
    exercise.refresh_from_db()
    assert exercise.illustration_static == "img/exercises/walking.svg"


@pytest.mark.parametrize("value", NOT_DRAWINGS)
def test_model_validation_refuses_a_drawing_that_does_not_exist(make_exercise, value):
    exercise = make_exercise()
    exercise.illustration_static = value
    with pytest.raises(ValidationError) as raised:
        exercise.full_clean()
    assert "is not one of the app's drawings" in " ".join(
        raised.value.message_dict["illustration_static"]
    )


def test_no_drawing_is_allowed(make_exercise):
    make_exercise(illustration_static="").full_clean()


@pytest.mark.django_db
def test_a_content_file_without_a_drawing_is_refused_before_loading(tmp_path):
    content = shutil.copytree(settings.BASE_DIR / "content", tmp_path / "content")
    shutil.copy(content / "exercises/bridge.toml", content / "exercises/bridge-on-a-ball.toml")
    with pytest.raises(CommandError) as raised:
        call_command("load_content", content_dir=content, verbosity=0)
    assert "exercises/bridge-on-a-ball.toml: illustration_static:" in str(raised.value)
    assert "img/exercises/bridge-on-a-ball.svg" in str(raised.value)
    assert not Exercise.objects.exists()


def test_a_bad_path_written_around_validation_never_breaks_a_page(client, seeded, caplog):
    """Defence in depth: a script's update() skips validation; the pages leave the drawing
    out (and log why) instead of answering 500."""
    Exercise.objects.filter(slug="hamstring-stretch").update(
        illustration_static="img/exercises/hamstring-strech.svg"
    )
    with caplog.at_level(logging.ERROR):
        for path in [
            "/exercises/hamstring-stretch/",
            "/exercises/",
            "/exercises/category/stretching/",
            "/search/?q=hamstring",
            "/offline-manifest.json",
            "/api/exercises/hamstring-stretch/",
        ]:
            assert client.get(path).status_code == 200, path
    assert "hamstring-strech.svg" in caplog.text
    manifest = client.get("/offline-manifest.json").json()
    assert not any("hamstring-strech" in asset for asset in manifest["assets"])
