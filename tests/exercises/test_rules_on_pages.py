"""The suitability rules travel with the content: on exercise and routine pages (a data
block), on every exercise and routine card of every list (a data-rules attribute), in the
API and in the offline manifest, always in the shape static/js/suitability-core.js reads.
On exercise and routine pages the clearance notes and "Stop if" come before the timer."""

import json
from html.parser import HTMLParser

import pytest

from core.publishing import Status
from exercises.models import Exercise, Routine
from exercises.suitability import Rules

PLANK = Rules(earliest_week=6, after_caesarean=True)
NONE = Rules().as_dict()


class Cards(HTMLParser):
    """{link of the card: its data-rules, read as JSON} for every element with data-rules."""

    def __init__(self, html):
        super().__init__()
        self.cards, self.open = {}, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-rules" in attrs:
            self.open = json.loads(attrs["data-rules"])
        elif tag == "a" and self.open is not None:
            self.cards[attrs["href"]] = self.open
            self.open = None


def cards(html: str) -> dict:
    return Cards(html).cards


def data_block(html: str, name: str = "rules"):
    start = f'<script id="{name}" type="application/json">'
    return json.loads(html.split(start)[1].split("</script>")[0])


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


def test_the_exercise_page_carries_its_rules_as_data_and_in_words(client, library):
    html = client.get("/exercises/plank/").content.decode()
    assert data_block(html) == PLANK.as_dict()
    assert "Not in the first 6 weeks after birth." in html
    assert "After a caesarean, wait until a health professional has cleared you." in html


def test_an_exercise_without_rules_says_nothing_and_sends_none(client, library):
    html = client.get("/exercises/tilt/").content.decode()
    assert data_block(html) == NONE
    assert 'class="flags"' not in html


def test_on_the_exercise_page_the_notes_and_stop_if_come_before_the_start(client, library):
    html = client.get("/exercises/plank/").content.decode()
    notes = html.index("Not in the first 6 weeks after birth.")
    stop = html.index('id="stop-heading"')
    timer = html.index('id="timer"')
    start = html.index('data-el="start"')
    assert notes < stop < timer < start
    assert timer < html.index('id="steps-heading"')  # the steps still follow


def test_the_routine_page_carries_the_strictest_rules_of_its_published_exercises(client, library):
    html = client.get("/routines/strength/").content.decode()
    assert data_block(html) == PLANK.as_dict()  # the draft's "everyone" does not count
    items = cards(html)
    assert items == {"/exercises/tilt/": NONE, "/exercises/plank/": PLANK.as_dict()}
    assert data_block(client.get("/routines/gentle/").content.decode()) == {
        **NONE,
        "after_assisted": True,
    }


def test_the_routine_page_shows_each_exercises_notes_and_stop_if_before_the_start(client, library):
    html = client.get("/routines/strength/").content.decode()
    tilt, plank = html.index("/exercises/tilt/"), html.index("/exercises/plank/")
    notes = html.index("Not in the first 6 weeks after birth.")
    assert tilt < html.index('id="stop-heading-1"') < plank < notes
    assert notes < html.index('id="stop-heading-2"') < html.index('data-el="start"')
    assert html.count("Not in the first 6 weeks after birth.") == 1  # the plank's, once
    assert 'id="stop-heading-3"' not in html  # the draft is not shown


@pytest.mark.parametrize(
    "path",
    ["/exercises/", "/exercises/category/stretching/", "/search/?q=plank", "/offline/"],
)
def test_every_exercise_card_in_a_list_carries_its_rules(client, library, path):
    found = cards(client.get(path).content.decode())
    exercises = {url: rules for url, rules in found.items() if url.startswith("/exercises/")}
    expected = {e.get_absolute_url(): e.rules.as_dict() for e in library.values()}
    if path.startswith("/search/"):
        expected = {"/exercises/plank/": PLANK.as_dict()}
    assert exercises == expected


@pytest.mark.parametrize("path", ["/routines/", "/offline/"])
def test_every_routine_card_carries_its_rules(client, library, path):
    found = cards(client.get(path).content.decode())
    assert found["/routines/strength/"] == PLANK.as_dict()
    assert found["/routines/gentle/"] == {**NONE, "after_assisted": True}


@pytest.mark.parametrize("path", ["/offline/", "/search/?q=exercise", "/offline-manifest.json"])
def test_lists_with_rules_run_a_constant_number_of_queries(
    client, make_exercise, make_routine, django_assert_num_queries, queries_for, path
):
    make_routine([make_exercise(earliest_week=6), make_exercise()])
    few = queries_for(path)
    for n in range(10):
        make_routine([make_exercise(clearance_for_everyone=True), make_exercise(earliest_week=n)])
    with django_assert_num_queries(few):
        client.get(path)


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


def test_the_offline_manifest_gives_the_rules_of_every_exercise_and_routine_page(client, seeded):
    data = client.get("/offline-manifest.json").json()
    pages = set(data["pages"])
    expected = {
        obj.get_absolute_url(): obj.rules.as_dict()
        for obj in [*Exercise.objects.published(), *Routine.objects.playable().with_items()]
    }
    assert data["rules"] == expected
    assert set(data["rules"]) <= pages
    assert data["rules"]["/exercises/modified-plank/"] == PLANK.as_dict()
    assert data["rules"]["/routines/strength-basics/"] == PLANK.as_dict()
    assert data["rules"]["/exercises/walking/"] == NONE


def test_a_change_of_rules_gives_a_new_offline_version(client, seeded):
    before = client.get("/offline-manifest.json").json()
    # Even a change that leaves updated_at alone (a bulk update) is a new version.
    Exercise.objects.filter(slug="bridge").update(clearance_after_assisted=True)
    after = client.get("/offline-manifest.json").json()
    assert after["version"] != before["version"]
    assert after["rules"]["/exercises/bridge/"]["after_assisted"] is True
    assert after["rules"]["/routines/strength-basics/"]["after_assisted"] is True
