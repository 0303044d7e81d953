"""A change to an exercise must not break the routines that use it (issue 11, bug 2), and no
public page ever answers 500 because one routine item's dose cannot be played."""

import logging

import pytest
from django.core.exceptions import ValidationError

from core.publishing import Status
from exercises.models import Exercise, Routine
from tests.exercises.test_admin import exercise_form

AS_ACTIVITY = {
    "dose_kind": "activity",
    "duration_minutes": 2,
    "hold_seconds": None,
    "reps": None,
    "sets": None,
    "rest_seconds": None,
    "rest_between_sets_seconds": None,
    "each_side": False,
}


def as_form_values(changes):
    return {name: "" if value is None else value for name, value in changes.items()}


@pytest.fixture
def tilt_in_routines(make_exercise, make_routine):
    tilt = make_exercise(name="Pelvic tilt", hold_seconds=5, reps=10, sets=2)
    other = make_exercise(name="Knee hug")
    overriding = make_routine([(tilt, {"reps": 5, "sets": 1}), other], name="Flare-up relief")
    draft = make_routine([(tilt, {"hold_seconds": 10})], name="Draft one", status=Status.DRAFT)
    plain = make_routine([tilt], name="Plain tilt")
    return tilt, overriding, draft, plain


def test_the_admin_refuses_a_dose_change_that_breaks_routines(admin_client, tilt_in_routines):
    tilt = tilt_in_routines[0]
    before = Exercise.objects.values().get(pk=tilt.pk)
    response = admin_client.post(
        f"/admin/exercises/exercise/{tilt.pk}/change/",
        exercise_form(tilt, **as_form_values(AS_ACTIVITY)),
    )
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "Flare-up relief" in errors
    assert "Draft one" in errors  # a draft routine would break too
    assert "Plain tilt" not in errors  # it uses the exercise's own dose: fine as an activity
    assert "repetitions" in errors and "sets" in errors  # field labels, not field names
    assert Exercise.objects.values().get(pk=tilt.pk) == before


def test_model_validation_refuses_it_too(tilt_in_routines):
    tilt = tilt_in_routines[0]
    for name, value in AS_ACTIVITY.items():
        setattr(tilt, name, value)
    with pytest.raises(ValidationError) as raised:
        tilt.full_clean()
    assert "Flare-up relief" in " ".join(raised.value.messages)


def test_a_change_every_routine_can_play_is_saved(admin_client, tilt_in_routines):
    tilt = tilt_in_routines[0]
    response = admin_client.post(
        f"/admin/exercises/exercise/{tilt.pk}/change/", exercise_form(tilt, hold_seconds="8")
    )
    assert response.status_code == 302
    tilt.refresh_from_db()
    assert tilt.hold_seconds == 8


PUBLIC = [
    "/",
    "/routines/",
    "/routines/today/",
    "/api/routines/",
    "/offline-manifest.json",
    "/offline/",
    "/sitemap.xml",
    "/search/?q=pelvic",
    "/api/exercises/pelvic-tilt/",
    "/exercises/pelvic-tilt/",
]


def test_an_item_broken_around_validation_is_left_out_and_logged(client, seeded, caplog):
    """A script's update() skips validation. The routine still plays its other exercises
    (leaving one out is better than taking a reader's routine away); the error is logged."""
    Exercise.objects.filter(slug="pelvic-tilt").update(**AS_ACTIVITY)
    responses = {}
    with caplog.at_level(logging.ERROR):
        for path in [*PUBLIC, "/routines/flare-up-relief/", "/api/routines/flare-up-relief/"]:
            responses[path] = client.get(path)
            assert responses[path].status_code == 200, path
    assert "flare-up-relief" in caplog.text and "Pelvic tilt" in caplog.text
    # As rendered (asked again, the page comes from the response cache, with no context).
    page = responses["/routines/flare-up-relief/"]
    names = [item.exercise.name for item in page.context["routine"].public_items]
    assert names == ["Piriformis stretch"]
    plan = client.get("/api/routines/flare-up-relief/").json()["plan"]
    assert {step["exercise"] for step in plan["steps"]} == {"Piriformis stretch", None}


def test_a_routine_with_nothing_left_to_play_is_404_and_unlisted(
    client, make_exercise, make_routine, caplog
):
    tilt = make_exercise(name="Pelvic tilt")
    routine = make_routine([(tilt, {"reps": 5})], slug="only-tilt")
    make_routine([make_exercise()], slug="another")
    Exercise.objects.filter(pk=tilt.pk).update(**AS_ACTIVITY)
    with caplog.at_level(logging.ERROR):
        for path in PUBLIC[:-2]:
            response = client.get(path)
            assert response.status_code == 200, path
            assert b"only-tilt" not in response.content, path
        assert client.get(routine.get_absolute_url()).status_code == 404
        assert client.get("/api/routines/only-tilt/").status_code == 404
    assert "only-tilt" in caplog.text
    assert [r.slug for r in Routine.objects.playable_with_items()] == ["another"]


def test_an_exercise_whose_own_dose_is_broken_is_404_not_500(client, make_exercise, caplog):
    exercise = make_exercise(slug="broken")
    Exercise.objects.filter(pk=exercise.pk).update(reps=None)
    with caplog.at_level(logging.ERROR):
        assert client.get("/exercises/broken/").status_code == 404
        assert client.get("/api/exercises/broken/").status_code == 404
        assert client.get("/exercises/").status_code == 200
    assert "broken" in caplog.text
