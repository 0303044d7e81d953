"""Exercise pages: grouped list, category, detail with the dose in plain words."""

import json

import pytest

from core.publishing import Status
from exercises.models import Category


def test_list_groups_published_exercises_by_category(client, make_exercise, category):
    strength = Category.objects.create(name="Strengthening", slug="strengthening", order=2)
    make_exercise(name="Hamstring stretch")
    make_exercise(name="Bridge", category=strength)
    make_exercise(name="Hidden draft", status=Status.DRAFT)
    html = client.get("/exercises/").content.decode()
    assert html.index("Stretching") < html.index("Hamstring stretch") < html.index("Strengthening")
    assert html.index("Strengthening") < html.index("Bridge")
    assert "Hidden draft" not in html


def test_empty_category_is_not_listed(client, make_exercise):
    Category.objects.create(name="Empty one", slug="empty", order=5)
    make_exercise()
    assert "Empty one" not in client.get("/exercises/").content.decode()


def test_detail_shows_dose_in_plain_words_and_when_to_stop(client, make_exercise):
    exercise = make_exercise(name="Piriformis stretch", each_side=True)
    exercise.steps.create(order=1, text="Lie on your back.")
    response = client.get(exercise.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hold 30 seconds, 3 times, each side" in html
    assert "Takes about 4 minutes" in html
    assert "Lie on your back." in html
    assert "Stop if pain shoots down your leg, numbness or tingling gets worse" in html


def test_detail_hands_the_plan_to_the_page_as_json(client, make_exercise):
    exercise = make_exercise(hold_seconds=5, reps=1, sets=1)
    response = client.get(exercise.get_absolute_url())
    plan = json.loads(
        response.content.decode()
        .split('<script id="exercise-plan" type="application/json">')[1]
        .split("</script>")[0]
    )
    assert plan["total_seconds"] == 10
    assert [step["kind"] for step in plan["steps"]] == ["ready", "hold", "done"]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW])
def test_unpublished_exercise_is_404(client, make_exercise, status):
    assert client.get(make_exercise(status=status).get_absolute_url()).status_code == 404


def test_unknown_exercise_and_category_are_404(client, db):
    assert client.get("/exercises/nope/").status_code == 404
    assert client.get("/exercises/category/nope/").status_code == 404


def test_category_page_lists_its_published_exercises(client, make_exercise, category):
    make_exercise(name="Shown")
    make_exercise(name="Not shown", status=Status.DRAFT)
    html = client.get(category.get_absolute_url()).content.decode()
    assert "Shown" in html
    assert "Not shown" not in html


@pytest.mark.parametrize("path", ["/exercises/", "/exercises/category/stretching/", "/"])
def test_exercise_lists_run_a_constant_number_of_queries(
    client, make_exercise, make_article, django_assert_num_queries, queries_for, path
):
    make_exercise()
    make_article()
    few = queries_for(path)
    for _ in range(15):
        make_exercise()
        make_article()
    with django_assert_num_queries(few):
        client.get(path)
