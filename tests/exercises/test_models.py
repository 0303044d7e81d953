import pytest
from django.core.exceptions import ValidationError

from core.publishing import Status
from exercises.models import Exercise


def test_str_is_the_name(make_exercise, category):
    assert str(make_exercise(name="Bridge")) == "Bridge"
    assert str(category) == "Stretching"


def test_published_excludes_drafts(make_exercise):
    visible = make_exercise()
    make_exercise(status=Status.DRAFT)
    make_exercise(status=Status.REVIEW)
    assert list(Exercise.objects.published()) == [visible]


def test_dose_text_for_hold_and_activity(make_exercise):
    assert make_exercise(each_side=True).dose_text == "Hold 30 seconds, 3 times, each side"
    walking = make_exercise(dose_kind="activity", duration_minutes=10)
    assert walking.dose_text == "10 minutes"


def test_model_validation_names_the_field(make_exercise):
    exercise = make_exercise()
    exercise.reps = 0
    with pytest.raises(ValidationError) as caught:
        exercise.full_clean()
    assert "reps" in caught.value.message_dict


def test_activity_with_hold_fields_is_refused(make_exercise):
    exercise = make_exercise(dose_kind="activity", duration_minutes=10)
    exercise.sets = 2
    with pytest.raises(ValidationError) as caught:
        exercise.full_clean()
    assert caught.value.message_dict["sets"] == [
        "Leave empty for an activity: it only uses minutes."
    ]
