"""The starting content: loaded once, never duplicated, never overwriting an editor."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleReference, Tag
from articles.seed_content import ARTICLES
from core.publishing import Status
from exercises.models import Category, Exercise, ExerciseStep
from exercises.seed_content import EXERCISES
from sciatica.management.commands import load_content


def load():
    out = StringIO()
    call_command("load_content", stdout=out)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Tag, ArticleReference, Category, Exercise, ExerciseStep)
    }


@pytest.mark.django_db
def test_loads_the_articles_and_nine_exercises_in_three_categories():
    load()
    assert Article.objects.published().count() == len(ARTICLES) >= 1
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


@pytest.mark.django_db
def test_running_twice_gives_the_same_rows():
    load()
    first = counts()
    output = load()
    assert counts() == first
    assert "0 created, 0 updated" in output


@pytest.mark.django_db
def test_an_editors_change_is_never_overwritten():
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

    load()
    assert Article.objects.get(pk=article.pk).title == "Edited by a physiotherapist"
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
def test_untouched_content_is_updated_when_the_shipped_text_changes(monkeypatch):
    load()
    changed = [dict(ARTICLES[0], summary="A new, clearer summary."), *ARTICLES[1:]]
    monkeypatch.setattr(load_content, "ARTICLES", changed)
    output = load()
    assert "1 updated" in output
    assert Article.objects.get(slug=ARTICLES[0]["slug"]).summary == "A new, clearer summary."


@pytest.mark.django_db
def test_a_deleted_record_is_created_again():
    load()
    Exercise.objects.filter(slug="walking").delete()
    assert "Exercises: 1 created" in load()


def test_every_exercise_has_steps_a_stop_warning_and_an_illustration():
    from django.conf import settings

    for data in EXERCISES:
        assert data["steps"], data["slug"]
        assert data["stop_if"].startswith("Stop"), data["slug"]
        assert (settings.BASE_DIR / "static/img/exercises" / f"{data['slug']}.svg").exists()
        assert data["illustration_alt"]


def test_every_article_points_readers_to_help():
    for data in ARTICLES:
        if data["slug"] != "when-to-get-help":
            assert "/articles/when-to-get-help/" in data["body"], data["slug"]
        assert "cure" not in data["body"].lower(), data["slug"]


def test_no_exercise_promises_a_cure_and_each_says_who_to_check_with():
    for data in EXERCISES:
        text = " ".join(
            [data["summary"], data["why_it_helps"], data["precautions"], data["stop_if"],
             *data["steps"]]
        ).lower()  # fmt: skip
        assert "cure" not in text, data["slug"]
        assert "physiotherapist" in data["precautions"].lower(), data["slug"]
