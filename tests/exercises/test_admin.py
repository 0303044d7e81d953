"""Editing exercises and routines in the admin: clear form errors, nothing half-saved."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from core.admin import edit_token
from core.publishing import Status
from exercises.models import Exercise, RoutineItem
from exercises.suitability import Rules


def exercise_form(exercise, **changes):
    data = {
        "name": exercise.name,
        "slug": exercise.slug,
        "category": exercise.category_id,
        "order": exercise.order,
        "summary": exercise.summary,
        "difficulty": exercise.difficulty,
        "dose_kind": exercise.dose_kind,
        "hold_seconds": exercise.hold_seconds or "",
        "reps": exercise.reps or "",
        "sets": exercise.sets or "",
        "rest_seconds": exercise.rest_seconds if exercise.rest_seconds is not None else "",
        "rest_between_sets_seconds": "",
        "duration_minutes": exercise.duration_minutes or "",
        "why_it_helps": "",
        "precautions": exercise.precautions,
        "also_stop_if": exercise.also_stop_if,
        "earliest_week": exercise.earliest_week,
        "illustration_static": "",
        "illustration_alt": "",
        "status": exercise.status,
        "published_at_0": exercise.published_at.date().isoformat(),
        "published_at_1": exercise.published_at.strftime("%H:%M:%S"),
        "edit_token": edit_token(exercise),
    }
    for prefix in ("steps", "references"):
        data.update({
            f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
        })  # fmt: skip
    data.update(changes)
    return data


def png(size=(2000, 1000), fmt="PNG"):
    out = BytesIO()
    Image.new("RGB", size, "#1f5f5b").save(out, format=fmt)
    return out.getvalue()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"hold_seconds": "0"}, "hold_seconds", "between 1 and 600"),
        ({"hold_seconds": "601"}, "hold_seconds", "between 1 and 600"),
        ({"reps": "51"}, "reps", "between 1 and 50"),
        ({"sets": "11"}, "sets", "between 1 and 10"),
        ({"rest_seconds": "601"}, "rest_seconds", "between 0 and 600"),
        ({"duration_minutes": "10"}, "duration_minutes", "Leave empty for a timed hold"),
        (
            {"dose_kind": "activity", "duration_minutes": "10"},
            "reps",
            "Leave empty for an activity",
        ),
        (
            {
                "dose_kind": "activity",
                "hold_seconds": "",
                "reps": "",
                "sets": "",
                "rest_seconds": "",
                "duration_minutes": "121",
            },
            "duration_minutes",
            "between 1 and 120",
        ),
    ],
)
def test_dose_errors_are_shown_on_the_field(admin_client, make_exercise, changes, field, message):
    exercise = make_exercise()
    before = Exercise.objects.values().get(pk=exercise.pk)
    response = admin_client.post(
        f"/admin/exercises/exercise/{exercise.pk}/change/", exercise_form(exercise, **changes)
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors[field])
    assert Exercise.objects.values().get(pk=exercise.pk) == before


def test_change_form_previews_the_plan(admin_client, make_exercise):
    exercise = make_exercise(each_side=True)
    html = admin_client.get(f"/admin/exercises/exercise/{exercise.pk}/change/").content.decode()
    assert "Total: about 4 minutes (235 seconds)" in html
    assert "Switch to your right side." in html


def test_uploaded_picture_is_shrunk_and_replaces_the_drawing(
    admin_client, make_exercise, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    exercise = make_exercise(illustration_static="img/exercises/bridge.svg")
    upload = SimpleUploadedFile("photo.png", png(), content_type="image/png")
    response = admin_client.post(
        f"/admin/exercises/exercise/{exercise.pk}/change/",
        exercise_form(exercise, picture=upload),
    )
    assert response.status_code == 302
    exercise.refresh_from_db()
    with Image.open(exercise.picture.path) as saved:
        assert max(saved.size) == 1200
    assert exercise.illustration_url.startswith("/media/exercises/")
    served = admin_client.get(exercise.illustration_url)
    assert served.status_code == 200


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.png", b"just text, not a picture", "not a picture we can read"),
        ("anim.gif", None, "GIF pictures are not accepted"),
        ("huge.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1), "the limit is 2 MB"),
    ],
)
def test_bad_pictures_are_refused_with_a_reason(
    admin_client, make_exercise, settings, tmp_path, name, content, message
):
    settings.MEDIA_ROOT = tmp_path
    if content is None:
        content = png((10, 10), fmt="GIF")
    exercise = make_exercise()
    response = admin_client.post(
        f"/admin/exercises/exercise/{exercise.pk}/change/",
        exercise_form(exercise, picture=SimpleUploadedFile(name, content)),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors["picture"])
    exercise.refresh_from_db()
    assert not exercise.picture
    assert list(tmp_path.iterdir()) == []


def routine_form(routine, items, **changes):
    data = {
        "name": routine.name, "slug": routine.slug, "summary": routine.summary,
        "description": "", "order": 0, "rest_between_seconds": routine.rest_between_seconds,
        "status": Status.DRAFT, "published_at_0": "", "published_at_1": "",
        "items-TOTAL_FORMS": str(len(items)), "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0", "items-MAX_NUM_FORMS": "1000",
        "edit_token": edit_token(routine),
    }  # fmt: skip
    for index, item in enumerate(items):
        for key, value in item.items():
            data[f"items-{index}-{key}"] = value
    data.update(changes)
    return data


def test_a_routine_over_90_minutes_is_refused(admin_client, make_exercise, make_routine):
    walking = make_exercise(dose_kind="activity", duration_minutes=30)  # an exercise's most
    routine = make_routine(status=Status.DRAFT)
    items = [{"exercise": walking.pk, "order": n} for n in (1, 2, 3)]  # 3 x (5 s + 30 min)
    response = admin_client.post(
        f"/admin/exercises/routine/{routine.pk}/change/", routine_form(routine, items)
    )
    assert response.status_code == 200
    errors = " ".join(str(f.non_form_errors()) for f in response.context["inline_admin_formsets"])
    assert "the limit is 90 minutes" in errors
    assert RoutineItem.objects.count() == 0


def test_a_routine_item_override_that_does_not_fit_is_refused(
    admin_client, make_exercise, make_routine
):
    walking = make_exercise(dose_kind="activity", duration_minutes=10)
    routine = make_routine(status=Status.DRAFT)
    items = [{"exercise": walking.pk, "order": 1, "reps": "3"}]
    response = admin_client.post(
        f"/admin/exercises/routine/{routine.pk}/change/", routine_form(routine, items)
    )
    assert response.status_code == 200
    assert "Leave empty for an activity" in response.content.decode()
    assert RoutineItem.objects.count() == 0


def test_a_valid_routine_saves_with_its_items(admin_client, make_exercise, make_routine):
    tilt = make_exercise(hold_seconds=5, reps=2, sets=1, rest_seconds=5)
    routine = make_routine(status=Status.DRAFT)
    items = [{"exercise": tilt.pk, "order": 1}, {"exercise": tilt.pk, "order": 2, "reps": "1"}]
    response = admin_client.post(
        f"/admin/exercises/routine/{routine.pk}/change/", routine_form(routine, items)
    )
    assert response.status_code == 302
    assert [i.dose.reps for i in routine.items.all()] == [2, 1]


# Suitability rules: an editor sets an exercise's; a routine's are computed from them.


def test_an_editor_sets_an_exercises_rules(admin_client, make_exercise):
    exercise = make_exercise()
    form = exercise_form(
        exercise,
        earliest_week="12",
        clearance_after_assisted="on",
        clearance_for_everyone="",
    )
    response = admin_client.post(f"/admin/exercises/exercise/{exercise.pk}/change/", form)
    assert response.status_code == 302
    exercise.refresh_from_db()
    assert exercise.rules == Rules(earliest_week=12, after_assisted=True)
    html = admin_client.get(f"/admin/exercises/exercise/{exercise.pk}/change/").content.decode()
    assert "Not in the first 12 weeks after birth." in html
    assert "After an assisted birth (forceps or ventouse), wait until" in html
    assert "counted from the birth date. 0 = from birth" in html  # help text for editors
    listing = admin_client.get("/admin/exercises/exercise/").content.decode()
    assert "Not in the first 12 weeks after birth." in listing


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("53", "a whole number from 0 (from birth) to 52, not 53"),
        ("-1", "greater than or equal to 0"),
        ("six", "Enter a whole number."),
    ],
)
def test_an_earliest_week_out_of_range_is_refused(admin_client, make_exercise, week, message):
    exercise = make_exercise()
    response = admin_client.post(
        f"/admin/exercises/exercise/{exercise.pk}/change/",
        exercise_form(exercise, earliest_week=week),
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["earliest_week"])
    exercise.refresh_from_db()
    assert exercise.earliest_week == 0


def test_an_exercise_without_rules_says_so(admin_client, make_exercise):
    exercise = make_exercise()
    html = admin_client.get(f"/admin/exercises/exercise/{exercise.pk}/change/").content.decode()
    assert "None: suitable from birth, whatever the birth." in html


def test_a_routine_shows_the_strictest_rules_of_its_published_exercises(
    admin_client, make_exercise, make_routine
):
    plank = make_exercise(name="Plank", earliest_week=6, clearance_after_caesarean=True)
    tilt = make_exercise(name="Tilt", clearance_after_assisted=True)
    draft = make_exercise(name="Draft one", earliest_week=20, status=Status.DRAFT)
    routine = make_routine([plank, tilt, draft], name="Strength")
    assert routine.rules == Rules(earliest_week=6, after_caesarean=True, after_assisted=True)

    html = admin_client.get(f"/admin/exercises/routine/{routine.pk}/change/").content.decode()
    shown = html[html.index("Computed from its published exercises") :]
    for note in [
        "Not in the first 6 weeks after birth.",
        "After a caesarean, wait until a health professional has cleared you.",
        "After an assisted birth (forceps or ventouse), wait until",
    ]:
        assert note in shown
    assert "Not in the first 20 weeks" not in html  # a draft exercise does not count
    assert "Not published: not counted." in html
    assert "<td>Tilt</td>" in html  # each exercise's own rules too
    # No form field: it cannot be typed, only computed.
    assert 'name="earliest_week"' not in html

    # Publishing the draft makes the routine's rules stricter, with nothing typed twice.
    draft.status = Status.PUBLISHED
    draft.save()
    html = admin_client.get(f"/admin/exercises/routine/{routine.pk}/change/").content.decode()
    assert "Not in the first 20 weeks after birth." in html


def test_the_routine_list_shows_each_routines_rules_in_constant_queries(
    admin_client, make_exercise, make_routine, django_assert_num_queries
):
    make_routine([make_exercise(earliest_week=6)], name="Early")
    admin_client.get("/admin/exercises/routine/")  # warm up (session, content types)
    with CaptureQueriesContext(connection) as few:
        admin_client.get("/admin/exercises/routine/")
    for _ in range(10):
        make_routine([make_exercise(), make_exercise(clearance_for_everyone=True)])
    with django_assert_num_queries(len(few)):
        listing = admin_client.get("/admin/exercises/routine/").content.decode()
    assert "Not in the first 6 weeks after birth." in listing
    assert listing.count("Wait until a health professional has cleared you for exercise.") == 10


def test_the_plan_box_shows_the_saved_dose_not_the_refused_one(admin_client, make_exercise):
    exercise = make_exercise(hold_seconds=30, reps=3, sets=1, rest_seconds=10)
    response = admin_client.post(
        f"/admin/exercises/exercise/{exercise.pk}/change/",
        exercise_form(exercise, dose_kind="activity", duration_minutes="10"),
    )
    assert response.status_code == 200  # refused: an activity has no repetitions
    html = response.content.decode()
    assert "Total: about 2 minutes (115 seconds)" in html  # the saved plan: 5 + 3 x 30 + 2 x 10
    assert "The dose cannot be played" not in html


def test_a_dose_that_cannot_be_played_is_explained_with_the_fields_labels(
    admin_client, make_exercise
):
    exercise = make_exercise()
    Exercise.objects.filter(pk=exercise.pk).update(reps=None)  # as a script might
    html = admin_client.get(f"/admin/exercises/exercise/{exercise.pk}/change/").content.decode()
    assert "The dose cannot be played: Repetitions: Needed for a timed hold." in html
    assert "played: reps" not in html
