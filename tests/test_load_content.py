"""The starting content: loaded from content/, never duplicated, never overwriting an editor,
and a bad file stops everything with a message naming the file and the field."""

import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, ArticleReference, Tag
from core.publishing import Status
from exercises.models import Category, Exercise, ExerciseStep, Routine, RoutineItem
from exercises.suitability import Rules
from sciatica.content_files import read_content

CONTENT = settings.BASE_DIR / "content"


def load(content_dir=None):
    out = StringIO()
    options = {"content_dir": content_dir} if content_dir else {}
    call_command("load_content", stdout=out, **options)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Article, Tag, ArticleReference, Category, Exercise, ExerciseStep, Routine, RoutineItem
        )
    }  # fmt: skip


def snapshot():
    """Every seeded row's fingerprint and a few visible fields: any write changes it."""
    return (
        counts(),
        sorted(Article.objects.values_list("slug", "seed_hash", "summary", "status")),
        sorted(Exercise.objects.values_list("slug", "seed_hash", "reps", "summary")),
        sorted(Routine.objects.values_list("slug", "seed_hash", "name")),
    )


@pytest.fixture
def content(tmp_path):
    """A copy of the shipped content folder, to change."""
    return shutil.copytree(CONTENT, tmp_path / "content")


def edit(path, old, new):
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


@pytest.mark.django_db
def test_loads_the_articles_and_nine_exercises_in_three_categories():
    load()
    assert Article.objects.published().count() == len(list(CONTENT.glob("articles/*.md"))) >= 7
    assert Article.objects.filter(slug="what-is-postpartum-sciatica").exists()
    assert Exercise.objects.published().count() == 9
    assert set(Category.objects.values_list("slug", flat=True)) == {
        "stretching",
        "strengthening",
        "low-impact",
    }
    walking = Exercise.objects.get(slug="walking")
    assert walking.dose_text == "10 minutes"
    assert Exercise.objects.get(slug="piriformis-stretch").dose_text == (
        "Hold 30 seconds, 3 times, each side"
    )
    assert Routine.objects.published().count() == 3


@pytest.mark.django_db
def test_shared_references_are_copied_to_each_page_in_the_order_it_lists_them():
    load()
    article = Article.objects.get(slug="what-is-postpartum-sciatica")
    assert list(article.references.values_list("publisher", flat=True)) == [
        "Lancaster General Health",
        "PubMed, US National Library of Medicine",
        "NHS 111 Wales",
    ]
    nhs = article.references.get(publisher="NHS 111 Wales")
    assert str(nhs.accessed) == "2026-11-29"
    assert nhs.url == "http://111.wales.nhs.uk/encyclopaedia/s/article/sciatica/"
    bridge = Exercise.objects.get(slug="bridge")
    assert [ref.title for ref in bridge.references.all()] == ["Sciatica exercises"]
    assert bridge.steps.count() == 6


@pytest.mark.django_db
def test_an_article_body_is_the_markdown_after_the_front_matter():
    load()
    body = Article.objects.get(slug="treatment-options").body
    assert body.startswith("There are several ways to ease postpartum sciatica.")
    assert body.endswith("so you know what they are.\n")
    assert "+++" not in body and "title =" not in body


@pytest.mark.django_db
def test_running_twice_gives_the_same_rows():
    load()
    first = snapshot()
    output = load()
    assert snapshot() == first
    assert "0 created, 0 updated" in output


@pytest.mark.django_db
def test_an_editors_change_is_never_overwritten(content):
    load()
    article = Article.objects.get(slug="what-is-postpartum-sciatica")
    article.title = "Edited by a physiotherapist"
    article.save()
    exercise = Exercise.objects.get(slug="bridge")
    exercise.reps = 8
    exercise.save()
    step = exercise.steps.first()
    step.text = "A clearer first step."
    step.save()
    # The shipped files change too: the editor's version still wins.
    edit(content / "exercises/bridge.toml", "reps = 5", "reps = 6")
    edit(content / "articles/what-is-postpartum-sciatica.md", "order = 1", "order = 11")

    assert "Exercises: 0 created, 0 updated" in load(content)
    article.refresh_from_db()
    assert (article.title, article.order) == ("Edited by a physiotherapist", 1)
    exercise.refresh_from_db()
    assert exercise.reps == 8
    assert exercise.steps.first().text == "A clearer first step."


@pytest.mark.django_db
def test_an_unpublished_seed_article_stays_unpublished():
    load()
    Article.objects.filter(slug="treatment-options").update(status=Status.DRAFT)
    load()
    assert Article.objects.get(slug="treatment-options").status == Status.DRAFT


@pytest.mark.django_db
def test_untouched_content_is_updated_when_a_shipped_file_changes(content):
    load()
    path = content / "articles/what-is-postpartum-sciatica.md"
    edit(path, 'summary = "Sciatica', 'summary = "A new, clearer summary. Sciatica')
    edit(content / "references.toml", 'title = "Sciatica"\n', 'title = "Sciatica (NHS)"\n')
    output = load(content)
    assert "Articles: 0 created, 5 updated" in output  # five articles cite that reference
    article = Article.objects.get(slug="what-is-postpartum-sciatica")
    assert article.summary.startswith("A new, clearer summary.")
    assert article.references.filter(title="Sciatica (NHS)").exists()
    assert "0 created, 0 updated" in load(content)


@pytest.mark.django_db
def test_a_row_loaded_before_quick_squeezes_existed_is_still_brought_up_to_date(content):
    """A field added later (quick_squeezes) joins the fingerprint only when set: a row written
    before it existed, untouched since, is still ours to update; an edited one is not."""
    path = content / "exercises/pelvic-floor-exercise.toml"
    edit(path, "quick_squeezes = 10\n", "")
    load(content)  # the fingerprint the loader wrote before the field existed
    exercise = Exercise.objects.get(slug="pelvic-floor-exercise")
    assert exercise.quick_squeezes is None
    Exercise.objects.filter(slug="bridge").update(reps=8)  # an editor's change
    output = load()
    assert "Exercises: 0 created, 1 updated" in output
    exercise.refresh_from_db()
    assert exercise.quick_squeezes == 10
    assert exercise.dose_text == "Hold 10 seconds, 10 times, then 10 quick squeezes"
    assert Exercise.objects.get(slug="bridge").reps == 8
    assert "0 created, 0 updated" in load()


@pytest.mark.django_db
def test_the_shipped_suitability_rules_are_loaded():
    load()
    rules = {exercise.slug: exercise.rules for exercise in Exercise.objects.all()}
    six_weeks_and_caesarean = Rules(earliest_week=6, after_caesarean=True)
    assert rules.pop("modified-plank") == six_weeks_and_caesarean
    assert rules.pop("swimming") == six_weeks_and_caesarean
    assert rules.pop("elliptical-trainer") == Rules(after_caesarean=True)
    assert set(rules.values()) == {Rules()}, "the others suit everyone from birth"
    strength = Routine.objects.with_items().get(slug="strength-basics")
    assert strength.rules == six_weeks_and_caesarean  # it includes the plank


@pytest.mark.django_db
def test_a_rule_left_out_of_a_file_means_no_such_rule(content):
    path = content / "exercises/swimming.toml"
    edit(path, "earliest_week = 6\n", "")
    edit(path, "clearance_after_assisted = false\n", "")
    load(content)
    assert Exercise.objects.get(slug="swimming").rules == Rules(after_caesarean=True)


@pytest.mark.django_db
def test_a_deleted_record_is_created_again():
    load()
    Exercise.objects.filter(slug="walking").delete()
    assert "Exercises: 1 created" in load()


BAD_FILES = [
    # (file, text to replace, replacement, what the message must say)
    pytest.param(
        "exercises/bridge.toml", "reps = 5", "reps = = 5",
        "content/exercises/bridge.toml: not valid TOML: Invalid value (at line 22, column 8)",
        id="toml-syntax",
    ),
    pytest.param(
        "articles/treatment-options.md", "order = 4", "order = = 4",
        "content/articles/treatment-options.md: not valid TOML: Invalid value (at line 4,",
        id="front-matter-syntax-line-in-the-file",
    ),
    pytest.param(
        "articles/treatment-options.md", "+++\ntitle", "title",
        "content/articles/treatment-options.md: must start with a line +++",
        id="no-front-matter",
    ),
    pytest.param(
        "articles/treatment-options.md", "order = 4\n", "",
        "content/articles/treatment-options.md: order: missing (a whole number, e.g. 3)",
        id="missing-field",
    ),
    pytest.param(
        "exercises/bridge.toml", "reps = 5", 'reps = 5\ncolour = "red"',
        "content/exercises/bridge.toml: unknown field 'colour' (known fields: name, category,",
        id="unknown-field",
    ),
    pytest.param(
        "exercises/bridge.toml", "precautions =", "precaution =",
        "content/exercises/bridge.toml: unknown field 'precaution' (did you mean 'precautions'?)",
        id="misspelt-field",
    ),
    pytest.param(
        "exercises/bridge.toml", "reps = 5", 'reps = "five"',
        "content/exercises/bridge.toml: reps: must be a whole number, e.g. 3, not the text 'five'",
        id="wrong-type",
    ),
    pytest.param(
        "exercises/bridge.toml", "each_side = false", "each_side = 0",
        "content/exercises/bridge.toml: each_side: must be true or false, not 0",
        id="number-for-true-or-false",
    ),
    pytest.param(
        "articles/treatment-options.md", '"harvard-sciatica-self-care"', '"harvard"',
        "content/articles/treatment-options.md: references: unknown reference id 'harvard'",
        id="unknown-reference",
    ),
    pytest.param(
        "exercises/bridge.toml", 'references = ["sports-injury-clinic-sciatica-exercises"]',
        'references = "sports-injury-clinic-sciatica-exercises"',
        "content/exercises/bridge.toml: references: must be a list of reference ids",
        id="text-for-a-list",
    ),
    pytest.param(
        "references.toml", "accessed = 2026-11-29", 'accessed = "2026-13-01"',
        "accessed: must be a date written as YYYY-MM-DD, e.g. 2026-11-29, not the text "
        "'2026-13-01', which is not a real date",
        id="impossible-date-text",
    ),
    pytest.param(
        "exercises/bridge.toml", 'category = "strengthening"', 'category = "strength"',
        "content/exercises/bridge.toml: category: unknown category 'strength'",
        id="unknown-category",
    ),
    pytest.param(
        "routines/gentle-stretch.toml", 'exercise = "pelvic-tilt"', 'exercise = "pelvic-tit"',
        "content/routines/gentle-stretch.toml: [[items]] number 1: exercise: unknown exercise "
        "'pelvic-tit'",
        id="unknown-exercise",
    ),
    pytest.param(
        "references.toml", "accessed = 2026-11-29", 'accessed = "29/11/2026"',
        "content/references.toml [nhs-111-wales-sciatica]: accessed: must be a date written as "
        "YYYY-MM-DD",
        id="bad-date-text",
    ),
    pytest.param(
        "references.toml", "accessed = 2026-11-29", "accessed = 2026-02-30",
        "content/references.toml: not valid TOML: Invalid date or datetime (at line 8,",
        id="impossible-date",
    ),
    pytest.param(
        "categories.toml", 'name = "Stretching"\n', "",
        "content/categories.toml [stretching]: name: missing",
        id="category-missing-field",
    ),
    pytest.param(
        "exercises/bridge.toml", 'difficulty = "gentle"', 'difficulty = "hard"',
        "content/exercises/bridge.toml: difficulty: Value 'hard' is not a valid choice.",
        id="model-choice",
    ),
    pytest.param(
        "exercises/bridge.toml", "hold_seconds = 5\n", "",
        "content/exercises/bridge.toml: hold_seconds: Needed for a timed hold.",
        id="dose-rule",
    ),
    pytest.param(
        "routines/flare-up-relief.toml", "reps = 2", "reps = 99",
        "content/routines/flare-up-relief.toml: [[items]] number 2: reps: Must be between",
        id="routine-override",
    ),
    pytest.param(
        "exercises/modified-plank.toml", "earliest_week = 6", "earliest_week = 99",
        "content/exercises/modified-plank.toml: earliest_week: Weeks after birth: a whole number "
        "from 0 (from birth) to 52, not 99.",
        id="rule-week-too-late",
    ),
    pytest.param(
        "exercises/modified-plank.toml", "earliest_week = 6", "earliest_week = -6",
        "content/exercises/modified-plank.toml: earliest_week: Weeks after birth: a whole number "
        "from 0 (from birth) to 52, not -6.",
        id="rule-week-negative",
    ),
    pytest.param(
        "exercises/modified-plank.toml", "earliest_week = 6", 'earliest_week = "6 weeks"',
        "content/exercises/modified-plank.toml: earliest_week: must be a whole number, e.g. 3, "
        "not the text '6 weeks'",
        id="rule-week-text",
    ),
    pytest.param(
        "exercises/modified-plank.toml", "earliest_week = 6", "earliest_week = 6.5",
        "content/exercises/modified-plank.toml: earliest_week: must be a whole number, e.g. 3, "
        "not 6.5",
        id="rule-week-fraction",
    ),
    pytest.param(
        "exercises/swimming.toml", "clearance_after_caesarean = true",
        'clearance_after_caesarean = "yes"',
        "content/exercises/swimming.toml: clearance_after_caesarean: must be true or false, not "
        "the text 'yes'",
        id="rule-clearance-text",
    ),
    pytest.param(
        "exercises/swimming.toml", "earliest_week = 6", "not_first_six_weeks = true",
        "content/exercises/swimming.toml: unknown field 'not_first_six_weeks' (renamed: write "
        "earliest_week = 6 where it was true)",
        id="rule-old-name",
    ),
    pytest.param(
        "references.toml", 'url = "https://pubmed', 'url = "pubmed',
        "content/references.toml [pubmed-pelvic-floor-dysfunction]: url: Enter a valid URL.",
        id="reference-url",
    ),
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "old", "new", "message"), BAD_FILES)
def test_a_bad_file_names_the_file_and_field_and_loads_nothing(content, name, old, new, message):
    edit(content / name, old, new)
    with pytest.raises(CommandError) as raised:
        load(content)
    assert message in str(raised.value)
    assert str(raised.value).startswith("Content not loaded (")
    assert "nothing was changed" in str(raised.value)
    assert set(counts().values()) == {0}


@pytest.mark.django_db
def test_a_bad_file_leaves_a_loaded_database_exactly_as_it_was(content):
    load()
    before = snapshot()
    edit(content / "articles/treatment-options.md", 'summary = "Ways', 'summary = "New. Ways')
    (content / "exercises/walking.toml").unlink()  # would be fine on its own...
    (content / "articles/new-article.md").write_text("+++\ntitle = 1\n+++\nText.\n")
    with pytest.raises(CommandError) as raised:
        load(content)
    assert "articles/new-article.md: title: must be text" in str(raised.value)
    assert snapshot() == before


@pytest.mark.django_db
def test_every_problem_is_listed_at_once(content):
    edit(content / "exercises/bridge.toml", "reps = 5", 'reps = "5"')
    edit(content / "exercises/walking.toml", 'name = "Walking"\n', "")
    with pytest.raises(CommandError) as raised:
        load(content)
    message = str(raised.value)
    assert message.startswith("Content not loaded (2 problems; nothing was changed):")
    assert "content/exercises/bridge.toml: reps:" in message
    assert "content/exercises/walking.toml: name: missing" in message


@pytest.mark.django_db
def test_a_missing_file_or_folder_is_named(content, tmp_path):
    (content / "references.toml").unlink()
    with pytest.raises(CommandError, match=r"content/references.toml: file not found"):
        load(content)
    with pytest.raises(CommandError, match="content folder not found"):
        load(tmp_path / "nowhere")
    assert set(counts().values()) == {0}


@pytest.mark.django_db
def test_a_clash_with_an_editors_change_rolls_back_the_whole_load():
    """Checked before writing, a routine can still clash with an edited exercise's dose."""
    load()
    Routine.objects.filter(slug="flare-up-relief").delete()
    Exercise.objects.filter(slug="walking").delete()
    Exercise.objects.filter(slug="pelvic-tilt").update(
        dose_kind="activity", hold_seconds=None, reps=None, sets=None, rest_seconds=None,
        rest_between_sets_seconds=None, duration_minutes=5,
    )  # fmt: skip
    before = snapshot()
    with pytest.raises(CommandError) as raised:
        load()
    assert "content/routines/flare-up-relief.toml: reps: Leave empty for an activity" in str(
        raised.value
    )
    assert snapshot() == before  # walking was not created again either


def test_every_exercise_has_steps_and_an_illustration_with_a_description():
    for item in read_content(CONTENT).exercises:
        assert item.data["steps"], item.slug
        assert (settings.BASE_DIR / "static/img/exercises" / f"{item.slug}.svg").exists()
        assert item.data["illustration_alt"], item.slug


def test_every_article_points_readers_to_help():
    for item in read_content(CONTENT).articles:
        if item.slug != "when-to-get-help":
            assert "/articles/when-to-get-help/" in item.data["body"], item.slug
        assert "cure" not in item.data["body"].lower(), item.slug


def test_no_exercise_promises_a_cure_and_each_says_who_to_check_with():
    for item in read_content(CONTENT).exercises:
        data = item.data
        text = " ".join(
            [data["summary"], data["why_it_helps"], data["precautions"], data["also_stop_if"],
             *data["steps"]]
        ).lower()  # fmt: skip
        assert "cure" not in text, item.slug
        assert "physiotherapist" in data["precautions"].lower(), item.slug
