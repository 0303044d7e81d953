"""Routines: pages, API, validation and the plan over several exercises."""

import pytest

from core.publishing import Status
from exercises.models import Routine, RoutineItem


@pytest.fixture
def routine(make_routine, make_exercise):
    tilt = make_exercise(name="Tilt")
    walk = make_exercise(name="Walk", dose_kind="activity", duration_minutes=2)
    return make_routine(
        [(tilt, {"reps": 1}), walk],
        name="Morning",
        slug="morning",
        summary="Two moves.",
        rest_between_seconds=20,
    )


def test_seeded_routines_are_built_from_the_library(seeded):
    routines = Routine.objects.published().with_items()
    assert len(routines) >= 3
    for routine in routines:
        assert len(routine.public_items) >= 2
        assert routine.plan().total_seconds <= 90 * 60


def test_routine_page_lists_items_with_their_doses_and_plan(client, routine):
    response = client.get(routine.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'Tilt</a>: <span class="dose">Hold 30 seconds, once</span>' in html
    assert 'Walk</a>: <span class="dose">2 minutes</span>' in html
    assert 'id="exercise-plan"' in html
    assert 'data-kind="routine"' in html
    assert "/articles/when-to-get-help/" in html


def test_override_changes_only_that_field(routine):
    tilt = routine.items.first()
    assert tilt.dose.reps == 1
    assert tilt.dose.hold_seconds == 30


def test_routine_plan_total(routine):
    plan = Routine.objects.with_items().get(pk=routine.pk).plan()
    assert plan.total_seconds == (5 + 30) + 20 + (5 + 120)


def test_draft_exercise_is_left_out_of_a_public_routine(client, routine):
    walk = routine.items.last().exercise
    walk.status = Status.DRAFT
    walk.save()
    html = client.get(routine.get_absolute_url()).content.decode()
    assert "Walk" not in html
    data = client.get(f"/api/routines/{routine.slug}/").json()
    assert [item["name"] for item in data["items"]] == ["Tilt"]


def test_draft_routine_is_404_and_unlisted(client, routine):
    routine.status = Status.DRAFT
    routine.save()
    assert client.get(routine.get_absolute_url()).status_code == 404
    assert "Morning" not in client.get("/routines/").content.decode()
    assert client.get("/api/routines/").json()["count"] == 0
    assert client.get("/api/routines/morning/").status_code == 404


def test_api_routine_detail_has_the_plan(client, routine):
    data = client.get("/api/routines/morning/").json()
    assert data["plan"]["total_seconds"] == data["total_seconds"] == 180
    assert data["plan"]["steps"][-1]["kind"] == "done"


def test_api_exercise_category_filter(client, make_exercise, category):
    make_exercise(name="In stretching")
    assert client.get("/api/exercises/?category=stretching").json()["count"] == 1
    response = client.get("/api/exercises/?category=nope")
    assert response.status_code == 400
    assert response.json() == {"category": "There is no category 'nope'."}


def test_api_categories_list_only_those_with_public_exercises(client, make_exercise, category):
    assert client.get("/api/categories/").json()["count"] == 0
    make_exercise()
    assert client.get("/api/categories/").json()["results"][0]["slug"] == "stretching"


@pytest.mark.parametrize("path", ["/routines/", "/api/routines/", "/routines/morning/"])
def test_routine_pages_run_a_constant_number_of_queries(
    client, routine, make_exercise, django_assert_num_queries, queries_for, path
):
    few = queries_for(path)
    for _ in range(20):
        RoutineItem.objects.create(routine=routine, exercise=make_exercise(), order=5, reps=1)
    with django_assert_num_queries(few):
        client.get(path)


@pytest.mark.parametrize("path", ["/exercises/", "/api/exercises/", "/api/categories/"])
def test_exercise_lists_are_constant_from_3_to_40_exercises(
    client, make_exercise, django_assert_num_queries, queries_for, path
):
    for _ in range(3):
        make_exercise()
    few = queries_for(path)
    for _ in range(37):
        make_exercise()
    with django_assert_num_queries(few):
        client.get(path)


def test_todays_routine_takes_turns_by_day(
    client, routine, make_routine, make_exercise, monkeypatch
):
    import datetime

    from django.utils import timezone

    make_routine([make_exercise()], name="Evening", slug="evening", summary="One move.", order=2)
    seen = set()
    for day in (1, 2):
        monkeypatch.setattr(timezone, "localdate", lambda d=day: datetime.date(2027, 1, d))
        response = client.get("/routines/today/")
        assert response.status_code == 200
        assert "Today's routine" in response.content.decode()
        seen.add(response.context["routine"].slug)
    assert seen == {"morning", "evening"}


def test_todays_routine_is_404_when_there_are_none(client, db):
    assert client.get("/routines/today/").status_code == 404
