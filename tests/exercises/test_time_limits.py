"""How long an exercise and a routine may take (issue 11, bug 3): an exercise at most
30 minutes; a routine at most 90, checked again whenever one of its exercises changes."""

import pytest
from django.core.exceptions import ValidationError

from exercises.models import Exercise
from tests.exercises.test_admin import exercise_form

LONGEST = {
    "hold_seconds": 600,
    "reps": 50,
    "sets": 10,
    "rest_seconds": 600,
    "rest_between_sets_seconds": 600,
    "each_side": True,
}


def test_the_limit_is_30_minutes():
    from exercises.models import MAX_EXERCISE_SECONDS

    assert MAX_EXERCISE_SECONDS == 30 * 60


def test_an_exercise_over_30_minutes_is_refused_with_its_total(make_exercise):
    with pytest.raises(ValidationError) as raised:
        make_exercise(**LONGEST)
    message = " ".join(raised.value.messages)
    assert "about 19980 minutes" in message
    assert "at most 30 minutes" in message
    assert not Exercise.objects.exists()


def test_the_admin_refuses_it_and_saves_nothing(admin_client, make_exercise):
    exercise = make_exercise()
    before = Exercise.objects.values().get(pk=exercise.pk)
    form = exercise_form(exercise, **LONGEST)
    form["rest_between_sets_seconds"] = "600"
    response = admin_client.post(f"/admin/exercises/exercise/{exercise.pk}/change/", form)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "about 19980 minutes" in errors and "at most 30 minutes" in errors
    assert Exercise.objects.values().get(pk=exercise.pk) == before


def test_a_30_minute_activity_is_the_longest_allowed(make_exercise):
    make_exercise(dose_kind="activity", duration_minutes=30)  # the get-ready does not count
    with pytest.raises(ValidationError, match="about 31 minutes"):
        make_exercise(dose_kind="activity", duration_minutes=31)


def test_a_routine_pushed_over_90_minutes_by_an_exercise_change_is_named(
    admin_client, make_exercise, make_routine
):
    walking = make_exercise(dose_kind="activity", duration_minutes=29)
    make_routine([walking, walking, walking], name="Long walk")  # 3 x (5 s + 29 min) + 2 x 20 s
    make_routine([walking], name="Short walk")
    form = exercise_form(walking, duration_minutes="30")  # 3 x (5 s + 30 min) + 40 s: too long
    response = admin_client.post(f"/admin/exercises/exercise/{walking.pk}/change/", form)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "Long walk (about 91 minutes)" in errors and "90 minutes" in errors
    assert "Short walk" not in errors
    walking.refresh_from_db()
    assert walking.duration_minutes == 29
