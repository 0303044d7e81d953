"""Routines and categories are shown only when a reader can use them, and then everywhere.

The rules are queryset methods (`Routine.objects.playable()`, `Category.objects.in_use()`):
a published routine whose exercises are all drafts, a draft routine and a category with
only draft exercises are hidden on every public surface, as drafts are.
"""

import json

import pytest

from core.publishing import Status
from exercises.models import Category


@pytest.fixture
def world(make_exercise, make_routine, category):
    """One of each: what readers may see (`shown`) and what they must not (`hidden`)."""
    empty = Category.objects.create(name="Hollowcat", slug="hollowcat", order=2)
    public = make_exercise(name="Public tilt", slug="public-tilt")
    draft = make_exercise(
        name="Draft squeeze", slug="draft-squeeze", category=empty, status=Status.DRAFT
    )
    shown = make_routine([public], name="Shown routine", slug="shown-routine")
    hollow = make_routine([draft], name="Hollow routine", slug="hollow-routine")
    unpublished = make_routine(
        [public], name="Unpublished routine", slug="unpublished-routine", status=Status.DRAFT
    )
    return {"shown": [shown, category], "hidden": [hollow, unpublished, empty]}


HIDDEN_NAMES = ["Hollow routine", "Unpublished routine", "Hollowcat"]
HIDDEN_PATHS = ["/routines/hollow-routine/", "/routines/unpublished-routine/"]
HIDDEN_PATHS += ["/exercises/category/hollowcat/"]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/exercises/",
        "/routines/",
        "/routines/today/",
        "/offline/",
        "/offline-manifest.json",
        "/sitemap.xml",
        "/search/?q=routine",
        "/api/routines/",
        "/api/categories/",
    ],
)
def test_unusable_routines_and_empty_categories_appear_nowhere(client, world, path):
    response = client.get(path)
    assert response.status_code == 200
    text = response.content.decode()
    for name in HIDDEN_NAMES:
        assert name not in text
    for hidden in HIDDEN_PATHS:
        assert hidden not in text


@pytest.mark.parametrize(
    "path",
    [
        *HIDDEN_PATHS,
        "/api/routines/hollow-routine/",
        "/api/routines/unpublished-routine/",
        "/api/categories/hollowcat/",
    ],
)
def test_unusable_routines_and_empty_categories_are_404(client, world, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/routines/", "/offline/", "/sitemap.xml", "/api/routines/", "/offline-manifest.json"],
)
def test_a_playable_routine_is_listed_everywhere(client, world, path):
    assert "/routines/shown-routine/" in client.get(path).content.decode()


@pytest.mark.parametrize("path", ["/", "/exercises/", "/sitemap.xml", "/offline-manifest.json"])
def test_a_category_in_use_is_linked_everywhere(client, world, path):
    assert "/exercises/category/stretching/" in client.get(path).content.decode()


def test_the_api_and_pages_agree_on_routines_and_categories(client, world):
    manifest = json.loads(client.get("/offline-manifest.json").content)["pages"]
    api_routines = [r["slug"] for r in client.get("/api/routines/").json()["results"]]
    api_categories = [c["slug"] for c in client.get("/api/categories/").json()["results"]]
    assert api_routines == ["shown-routine"]
    assert api_categories == ["stretching"]
    routine_pages = {p for p in manifest if p.startswith("/routines/")}
    assert routine_pages == {"/routines/", "/routines/today/", "/routines/shown-routine/"}
    assert [p for p in manifest if p.startswith("/exercises/category/")] == [
        "/exercises/category/stretching/"
    ]


def test_a_routine_becomes_visible_when_one_of_its_exercises_is_published(client, world):
    hollow = world["hidden"][0]
    assert client.get(hollow.get_absolute_url()).status_code == 404
    exercise = hollow.items.get().exercise
    exercise.status = Status.PUBLISHED
    exercise.save()
    assert client.get(hollow.get_absolute_url()).status_code == 200
    assert client.get("/exercises/category/hollowcat/").status_code == 200
    assert "/routines/hollow-routine/" in client.get("/routines/").content.decode()
