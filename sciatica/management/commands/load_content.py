"""Load the app's starting content (content/: Markdown + TOML files) into the database.

Every file is read and checked first (sciatica/content_files.py, then the models'
own validation); one bad file stops the command with a message naming the file and
the field, and nothing at all is written.

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
from pathlib import Path

import reversion
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from articles.models import Article, ArticleReference, Tag
from core.publishing import Status, seed_fingerprint
from exercises.models import Category, Exercise, ExerciseStep, Routine, RoutineItem
from exercises.plan import DoseError
from sciatica.content_files import Content, ContentError, Item, read_content

# The day the shipped content was written and checked against its sources.
CONTENT_REVIEWED = datetime.date(2026, 11, 29)
NEXT_REVIEW = datetime.date(2027, 11, 29)

ARTICLE_FIELDS = ["title", "summary", "body", "order"]
EXERCISE_FIELDS = [
    "name", "order", "summary", "difficulty", "why_it_helps", "precautions", "also_stop_if",
    "dose_kind", "hold_seconds", "reps", "sets", "rest_seconds", "rest_between_sets_seconds",
    "each_side", "duration_minutes", "earliest_week", "clearance_after_caesarean",
    "clearance_after_assisted", "clearance_for_everyone", "illustration_alt", "quick_squeezes",
]  # fmt: skip
# Fields added after rows were first written: in the fingerprint only when set, so a row
# written before they existed, and left untouched since, is still recognised as ours.
LATER_FIELDS = ["quick_squeezes"]


def _without_unset_later_fields(values: dict) -> dict:
    return {k: v for k, v in values.items() if not (k in LATER_FIELDS and v is None)}


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


def _article_values(item: Item) -> dict:
    data = item.data
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


def _exercise_values(item: Item) -> dict:
    values = _without_unset_later_fields({name: item.data[name] for name in EXERCISE_FIELDS})
    values.update(
        category=item.data["category"],
        illustration_static=f"img/exercises/{item.slug}.svg",
        steps=list(item.data["steps"]),
        references=_references(item.data["references"]),
    )
    return values


def _stored_exercise_values(exercise: Exercise) -> dict:
    values = _without_unset_later_fields(
        {name: getattr(exercise, name) for name in EXERCISE_FIELDS}
    )
    values.update(
        category=exercise.category.slug,
        illustration_static=exercise.illustration_static,
        steps=list(exercise.steps.values_list("text", flat=True)),
        references=_stored_references(exercise),
    )
    return values


ROUTINE_FIELDS = ["name", "order", "summary", "description", "rest_between_seconds"]


def _routine_values(item: Item) -> dict:
    values = {name: item.data[name] for name in ROUTINE_FIELDS}
    values["items"] = [
        {name: entry.get(name) for name in ("exercise", *RoutineItem.OVERRIDES)}
        for entry in item.data["items"]
    ]
    return values


def _stored_routine_values(routine: Routine) -> dict:
    values = {name: getattr(routine, name) for name in ROUTINE_FIELDS}
    values["items"] = [
        {"exercise": item.exercise.slug, **{name: getattr(item, name) for name in item.OVERRIDES}}
        for item in routine.items.select_related("exercise")
    ]
    return values


def _messages(error: ValidationError) -> list[str]:
    """ "field: message" for each message of a model's ValidationError."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [
        message if name == NON_FIELD_ERRORS else f"{name}: {message}"
        for name, messages in error.message_dict.items()
        for message in messages
    ]


def _model_problems(source: str, obj, exclude=(), prefix: str = "") -> list[str]:
    """What the model's own validation says about an unsaved object built from a file."""
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        return [f"{source}: {prefix}{message}" for message in _messages(error)]
    return []


def check_against_models(content: Content) -> list[str]:
    """Every problem the models would find (lengths, choices, dose rules), before writing."""
    problems = []
    for ref in content.references.values():
        reference = ArticleReference(order=1, **ref.data)
        problems += _model_problems(ref.source, reference, exclude=["article"])
    for item in content.categories:
        problems += _model_problems(item.source, Category(slug=item.slug, **item.data))
    for item in content.articles:
        values = _article_values(item)
        article = Article(slug=item.slug, **{k: values[k] for k in ARTICLE_FIELDS})
        problems += _model_problems(item.source, article)
        for name in values["tags"]:
            tag = Tag(name=name, slug=slugify(name))
            problems += _model_problems(item.source, tag, prefix=f"tags: {name!r}: ")
    exercises = {}
    for item in content.exercises:
        exercise = Exercise(
            slug=item.slug,
            illustration_static=_exercise_values(item)["illustration_static"],
            **{name: item.data[name] for name in EXERCISE_FIELDS},
        )
        found = _model_problems(item.source, exercise, exclude=["category"])
        if not found:  # a routine's overrides are checked against a valid dose only
            exercises[item.slug] = exercise
        problems += found
        for n, text in enumerate(item.data["steps"], start=1):
            step = ExerciseStep(order=n, text=text)
            problems += _model_problems(item.source, step, ["exercise"], f"steps: step {n}: ")
    for item in content.routines:
        routine = Routine(slug=item.slug, **{name: item.data[name] for name in ROUTINE_FIELDS})
        problems += _model_problems(item.source, routine)
        for n, entry in enumerate(item.data["items"], start=1):
            overrides = {name: entry[name] for name in RoutineItem.OVERRIDES}
            routine_item = RoutineItem(order=n, **overrides)
            prefix = f"[[items]] number {n}: "
            problems += _model_problems(item.source, routine_item, ["routine", "exercise"], prefix)
            if entry["exercise"] in exercises:
                routine_item.exercise = exercises[entry["exercise"]]
                try:
                    routine_item.dose.validate()
                except DoseError as error:
                    problems += [
                        f"{item.source}: {prefix}{name}: {message}"
                        for name, message in error.by_field.items()
                    ]
    return problems


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


def _write_references(page, references: list[dict]) -> None:
    page.references.all().delete()
    for order, ref in enumerate(references, start=1):
        accessed = datetime.date.fromisoformat(ref["accessed"])  # a string in the fingerprint
        page.references.create(order=order, **{**ref, "accessed": accessed})


class Command(BaseCommand):
    help = (
        "Load the starting articles, exercises and routines from the content files. "
        "Safe to run again: never overwrites an editor's change."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--content-dir",
            type=Path,
            default=settings.BASE_DIR / "content",
            help="The folder of content files (default: content/ in the project).",
        )

    def handle(self, *args, content_dir: Path, **options):
        try:
            content = read_content(content_dir)
        except ContentError as error:
            raise CommandError(str(error)) from None
        problems = check_against_models(content)
        if problems:
            raise CommandError(str(ContentError(problems)))
        with transaction.atomic():
            tallies = self._load_all(content)
        for label, tally in tallies.items():
            self.stdout.write(tally.line(label))

    def _load_all(self, content: Content) -> dict[str, Tally]:
        categories = self._load_categories(content.categories)
        return {
            "Articles": self._load(
                Article,
                content.articles,
                _article_values,
                _stored_article_values,
                self._write_article,
            ),
            "Exercises": self._load(
                Exercise,
                content.exercises,
                _exercise_values,
                _stored_exercise_values,
                lambda obj, values: self._write_exercise(obj, values, categories),
            ),
            "Routines": self._load(
                Routine,
                content.routines,
                _routine_values,
                _stored_routine_values,
                self._write_routine,
            ),
        }

    def _load_categories(self, items: list[Item]) -> dict[str, Category]:
        categories = {}
        for item in items:
            category, _ = Category.objects.get_or_create(slug=item.slug, defaults=item.data)
            categories[category.slug] = category
        return categories

    def _load(self, model, items: list[Item], seed_values, stored_values, write) -> Tally:
        tally = Tally()
        existing = {obj.slug: obj for obj in model.objects.filter(slug__in=[i.slug for i in items])}
        for item in items:
            values = seed_values(item)
            wanted = seed_fingerprint(values)
            obj = existing.get(item.slug)
            if obj is None:
                obj = model(slug=item.slug, status=Status.PUBLISHED)
                tally.created.append(obj.slug)
            elif obj.seed_hash == wanted or seed_fingerprint(stored_values(obj)) != obj.seed_hash:
                # Already current, or changed by an editor since we wrote it: leave it alone.
                tally.kept.append(obj.slug)
                continue
            else:
                tally.updated.append(obj.slug)
            obj.seed_hash = wanted
            try:
                # A step of the page's history (the first, for a new page), so an editor's
                # first change can be undone in the admin like any later one.
                with reversion.create_revision():
                    write(obj, values)
                    reversion.set_comment(f"Starting content, loaded from {item.source}.")
            except ValidationError as error:
                # Checked before writing, so only a clash with an editor's change gets here
                # (e.g. a routine's override against an exercise's edited dose). The whole
                # load is rolled back.
                raise CommandError(
                    str(ContentError([f"{item.source}: {m}" for m in _messages(error)]))
                ) from None
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
        _write_references(article, values["references"])

    def _write_exercise(self, exercise: Exercise, values: dict, categories) -> None:
        for name in EXERCISE_FIELDS:
            setattr(exercise, name, values.get(name))  # a later field left out is unset
        exercise.category = categories[values["category"]]
        exercise.illustration_static = values["illustration_static"]
        exercise.last_reviewed = exercise.last_reviewed or CONTENT_REVIEWED
        exercise.next_review_due = exercise.next_review_due or NEXT_REVIEW
        exercise.full_clean()
        exercise.save()
        exercise.steps.all().delete()
        for order, text in enumerate(values["steps"], start=1):
            exercise.steps.create(order=order, text=text)
        _write_references(exercise, values["references"])

    def _write_routine(self, routine: Routine, values: dict) -> None:
        for name in ROUTINE_FIELDS:
            setattr(routine, name, values[name])
        routine.last_reviewed = routine.last_reviewed or CONTENT_REVIEWED
        routine.next_review_due = routine.next_review_due or NEXT_REVIEW
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
