"""Load the app's starting content: articles, exercise categories and exercises.

Idempotent and respectful of editors:
- a missing record is created (and published);
- a record still exactly as this command last wrote it is brought up to date
  with the shipped content;
- a record an editor has changed is left alone, whatever the shipped content says.

"As this command last wrote it" is a fingerprint of the seeded fields, stored
on the row (`seed_hash`) when it is written.
"""

import datetime
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from articles.models import Article, Tag
from articles.seed_content import ARTICLES
from core.publishing import Status, seed_fingerprint
from exercises.models import Category, Exercise, Routine, RoutineItem
from exercises.seed_content import CATEGORIES, EXERCISES, ROUTINES

# The day the shipped content was written and checked against its sources.
CONTENT_REVIEWED = datetime.date(2026, 11, 29)
NEXT_REVIEW = datetime.date(2027, 11, 29)

EXERCISE_FIELDS = [
    "name", "order", "summary", "difficulty", "why_it_helps", "precautions", "stop_if",
    "dose_kind", "hold_seconds", "reps", "sets", "rest_seconds", "rest_between_sets_seconds",
    "each_side", "duration_minutes", "needs_caesarean_clearance", "not_first_six_weeks",
    "illustration_alt",
]  # fmt: skip


def _references(items) -> list[dict]:
    return [
        {
            "title": ref["title"],
            "publisher": ref["publisher"],
            "url": ref["url"],
            "accessed": str(ref["accessed"]),
        }
        for ref in items
    ]


def _stored_references(obj) -> list[dict]:
    return _references(obj.references.values("title", "publisher", "url", "accessed"))


def _article_values(data: dict) -> dict:
    return {
        "title": data["title"],
        "summary": data["summary"],
        "body": data["body"],
        "order": data["order"],
        "tags": sorted(data["tags"]),
        "references": _references(data["references"]),
    }


def _stored_article_values(article: Article) -> dict:
    return {
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "order": article.order,
        "tags": sorted(article.tags.values_list("name", flat=True)),
        "references": _stored_references(article),
    }


def _exercise_values(data: dict) -> dict:
    values = {name: data[name] for name in EXERCISE_FIELDS}
    values.update(
        category=data["category"],
        illustration_static=f"img/exercises/{data['slug']}.svg",
        steps=list(data["steps"]),
        references=_references(data["references"]),
    )
    return values


def _stored_exercise_values(exercise: Exercise) -> dict:
    values = {name: getattr(exercise, name) for name in EXERCISE_FIELDS}
    values.update(
        category=exercise.category.slug,
        illustration_static=exercise.illustration_static,
        steps=list(exercise.steps.values_list("text", flat=True)),
        references=_stored_references(exercise),
    )
    return values


ROUTINE_FIELDS = ["name", "order", "summary", "description", "rest_between_seconds"]


def _routine_values(data: dict) -> dict:
    values = {name: data[name] for name in ROUTINE_FIELDS}
    values["items"] = [
        {name: item.get(name) for name in ("exercise", *RoutineItem.OVERRIDES)}
        for item in data["items"]
    ]
    return values


def _stored_routine_values(routine: Routine) -> dict:
    values = {name: getattr(routine, name) for name in ROUTINE_FIELDS}
    values["items"] = [
        {"exercise": item.exercise.slug, **{name: getattr(item, name) for name in item.OVERRIDES}}
        for item in routine.items.select_related("exercise")
    ]
    return values


@dataclass
class Tally:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def line(self, label: str) -> str:
        return (
            f"{label}: {len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.kept)} unchanged or edited by an editor (left alone)"
        )


class Command(BaseCommand):
    help = "Load the starting articles and exercises. Safe to run again: never overwrites edits."

    @transaction.atomic
    def handle(self, *args, **options):
        categories = self._load_categories()
        articles = self._load(
            Article, ARTICLES, _article_values, _stored_article_values, self._write_article
        )
        exercises = self._load(
            Exercise,
            EXERCISES,
            _exercise_values,
            _stored_exercise_values,
            lambda obj, values: self._write_exercise(obj, values, categories),
        )
        routines = self._load(
            Routine, ROUTINES, _routine_values, _stored_routine_values, self._write_routine
        )
        self.stdout.write(articles.line("Articles"))
        self.stdout.write(exercises.line("Exercises"))
        self.stdout.write(routines.line("Routines"))

    def _load_categories(self) -> dict[str, Category]:
        categories = {}
        for data in CATEGORIES:
            category, _ = Category.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "description": data["description"],
                    "order": data["order"],
                },
            )
            categories[category.slug] = category
        return categories

    def _load(self, model, items, seed_values, stored_values, write) -> Tally:
        tally = Tally()
        existing = {
            obj.slug: obj for obj in model.objects.filter(slug__in=[i["slug"] for i in items])
        }
        for data in items:
            values = seed_values(data)
            wanted = seed_fingerprint(values)
            obj = existing.get(data["slug"])
            if obj is None:
                obj = model(slug=data["slug"], status=Status.PUBLISHED)
                write(obj, values)
                tally.created.append(obj.slug)
            elif obj.seed_hash == wanted or seed_fingerprint(stored_values(obj)) != obj.seed_hash:
                # Already current, or changed by an editor since we wrote it: leave it alone.
                tally.kept.append(obj.slug)
                continue
            else:
                write(obj, values)
                tally.updated.append(obj.slug)
            obj.seed_hash = wanted
            obj.save(update_fields=["seed_hash"])
        return tally

    def _write_article(self, article: Article, values: dict) -> None:
        article.title = values["title"]
        article.summary = values["summary"]
        article.body = values["body"]
        article.order = values["order"]
        article.last_reviewed = article.last_reviewed or CONTENT_REVIEWED
        article.next_review_due = article.next_review_due or NEXT_REVIEW
        article.full_clean()
        article.save()
        tags = [
            Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in values["tags"]
        ]
        article.tags.set(tags)
        article.references.all().delete()
        for order, ref in enumerate(values["references"], start=1):
            article.references.create(order=order, **ref)

    def _write_exercise(self, exercise: Exercise, values: dict, categories) -> None:
        for name in EXERCISE_FIELDS:
            setattr(exercise, name, values[name])
        exercise.category = categories[values["category"]]
        exercise.illustration_static = values["illustration_static"]
        exercise.full_clean()
        exercise.save()
        exercise.steps.all().delete()
        for order, text in enumerate(values["steps"], start=1):
            exercise.steps.create(order=order, text=text)
        exercise.references.all().delete()
        for order, ref in enumerate(values["references"], start=1):
            exercise.references.create(order=order, **ref)

    def _write_routine(self, routine: Routine, values: dict) -> None:
        for name in ROUTINE_FIELDS:
            setattr(routine, name, values[name])
        routine.full_clean()
        routine.save()
        routine.items.all().delete()
        exercises = Exercise.objects.in_bulk(
            [i["exercise"] for i in values["items"]], field_name="slug"
        )
        for order, item in enumerate(values["items"], start=1):
            overrides = {name: item[name] for name in RoutineItem.OVERRIDES}
            routine_item = RoutineItem(
                routine=routine, exercise=exercises[item["exercise"]], order=order, **overrides
            )
            routine_item.full_clean()
            routine_item.save()
