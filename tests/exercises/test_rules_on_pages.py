"""The suitability rules travel with the content, in the shape
static/js/suitability-core.js reads."""

import pytest

from core.publishing import Status
from exercises.suitability import Rules

PLANK = Rules(earliest_week=6, after_caesarean=True)
NONE = Rules().as_dict()


@pytest.fixture
def library(make_exercise, make_routine):
    plank = make_exercise(
        name="Plank", slug="plank", earliest_week=6, clearance_after_caesarean=True
    )
    tilt = make_exercise(name="Tilt", slug="tilt")
    assisted = make_exercise(name="Squat", slug="squat", clearance_after_assisted=True)
    draft = make_exercise(
        name="Draft", slug="draft", clearance_for_everyone=True, status=Status.DRAFT
    )
    make_routine([tilt, plank, draft], name="Strength", slug="strength")
    make_routine([tilt, assisted], name="Gentle", slug="gentle")
    return {e.slug: e for e in (plank, tilt, assisted)}


def test_the_api_gives_the_rules_of_exercises_and_routines(client, library):
    listing = client.get("/api/exercises/").json()["results"]
    by_slug = {item["slug"]: item for item in listing}
    assert by_slug["plank"]["suitability"] == PLANK.as_dict()
    assert by_slug["tilt"]["suitability"] == NONE
    detail = client.get("/api/exercises/plank/").json()
    assert detail["suitability"] == PLANK.as_dict()
    for gone in ("needs_caesarean_clearance", "not_first_six_weeks"):
        assert gone not in detail
    routines = {r["slug"]: r for r in client.get("/api/routines/").json()["results"]}
    assert routines["strength"]["suitability"] == PLANK.as_dict()
    assert routines["gentle"]["suitability"] == {**NONE, "after_assisted": True}
    assert client.get("/api/routines/strength/").json()["suitability"] == PLANK.as_dict()


def test_the_api_schema_describes_the_rules(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    components = schema["components"]["schemas"]
    assert set(components["Suitability"]["required"]) == set(NONE)
    assert components["Suitability"]["properties"]["earliest_week"]["maximum"] == 52
    for name in ("ExerciseList", "ExerciseDetail", "RoutineList", "RoutineDetail"):
        assert "suitability" in components[name]["properties"], name
