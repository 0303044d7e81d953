"""Suitability rules editors own (exercises/suitability.py), from the two old flags:

    needs_caesarean_clearance  -> clearance_after_caesarean (renamed, same value)
    not_first_six_weeks        -> earliest_week (6 when it was set, else 0)
    (new)                      -> clearance_after_assisted, clearance_for_everyone (off)

Back: not_first_six_weeks is set for any earliest week, needs_caesarean_clearance for a
caesarean or an everyone clearance (the old layout has no assisted-birth rule: it is lost).

Rows the content loader wrote and nobody has changed since stay "untouched": their
fingerprint (seed_hash) is computed again over the new fields exactly as load_content
computes it, so the next load keeps updating them, and an edited row stays edited.
"""

import hashlib
import json

import django.core.validators
from django.db import migrations, models

# Frozen copies, as they were when this migration was written (never import them here).
COMMON_FIELDS = [
    "name", "order", "summary", "difficulty", "why_it_helps", "precautions", "also_stop_if",
    "dose_kind", "hold_seconds", "reps", "sets", "rest_seconds", "rest_between_sets_seconds",
    "each_side", "duration_minutes", "illustration_alt",
]  # fmt: skip
WEEK_RANGE_MESSAGE = (
    "Weeks after birth: a whole number from 0 (from birth) to 52, not %(show_value)s."
)


def fingerprint(exercise, rules: dict) -> str:
    """load_content's seed_fingerprint of the row's seeded values, with these rule fields."""
    values = {name: getattr(exercise, name) for name in COMMON_FIELDS}
    values.update(rules)
    values.update(
        category=exercise.category.slug,
        illustration_static=exercise.illustration_static,
        steps=list(exercise.steps.order_by("order", "pk").values_list("text", flat=True)),
        references=[
            {**ref, "accessed": str(ref["accessed"])}
            for ref in exercise.references.order_by("order", "pk").values(
                "title", "publisher", "url", "accessed"
            )
        ],
    )
    payload = json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def old_rules(exercise) -> dict:
    return {
        "needs_caesarean_clearance": exercise.clearance_after_caesarean,
        "not_first_six_weeks": exercise.not_first_six_weeks,
    }


def new_rules(exercise) -> dict:
    return {
        "earliest_week": exercise.earliest_week,
        "clearance_after_caesarean": exercise.clearance_after_caesarean,
        "clearance_after_assisted": exercise.clearance_after_assisted,
        "clearance_for_everyone": exercise.clearance_for_everyone,
    }


def convert(apps, before, after, change):
    """Apply `change` to every exercise; an untouched row gets its fingerprint again."""
    Exercise = apps.get_model("exercises", "Exercise")
    for exercise in Exercise.objects.select_related("category"):
        untouched = exercise.seed_hash == fingerprint(exercise, before(exercise))
        fields = change(exercise)
        if untouched:
            exercise.seed_hash = fingerprint(exercise, after(exercise))
            fields.append("seed_hash")
        exercise.save(update_fields=fields)


def to_rules(apps, schema_editor):
    def change(exercise):
        exercise.earliest_week = 6 if exercise.not_first_six_weeks else 0
        return ["earliest_week"]

    convert(apps, old_rules, new_rules, change)


def to_flags(apps, schema_editor):
    def change(exercise):
        exercise.not_first_six_weeks = exercise.earliest_week > 0
        exercise.clearance_after_caesarean = (
            exercise.clearance_after_caesarean or exercise.clearance_for_everyone
        )
        return ["not_first_six_weeks", "clearance_after_caesarean"]

    convert(apps, new_rules, old_rules, change)


class Migration(migrations.Migration):
    dependencies = [
        ("exercises", "0005_search_columns"),
    ]

    operations = [
        migrations.RenameField(
            model_name="exercise",
            old_name="needs_caesarean_clearance",
            new_name="clearance_after_caesarean",
        ),
        migrations.AlterField(
            model_name="exercise",
            name="clearance_after_caesarean",
            field=models.BooleanField(
                default=False,
                help_text="After a caesarean birth, offered only once a health professional "
                "(midwife, GP or physiotherapist) has cleared her for exercise, e.g. at the "
                "6-week check.",
                verbose_name="clearance needed after a caesarean",
            ),
        ),
        migrations.AddField(
            model_name="exercise",
            name="earliest_week",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text="The first week after birth when this exercise may be offered, "
                "counted from the birth date. 0 = from birth; 6 = not in the first 6 weeks "
                "(from the 6-week check). At most 52.",
                validators=[
                    django.core.validators.MinValueValidator(0, message=WEEK_RANGE_MESSAGE),
                    django.core.validators.MaxValueValidator(52, message=WEEK_RANGE_MESSAGE),
                ],
                verbose_name="earliest week after birth",
            ),
        ),
        migrations.AddField(
            model_name="exercise",
            name="clearance_after_assisted",
            field=models.BooleanField(
                default=False,
                help_text="After a vaginal birth assisted with forceps or ventouse, offered "
                "only once a health professional has cleared her for exercise.",
                verbose_name="clearance needed after an assisted birth",
            ),
        ),
        migrations.AddField(
            model_name="exercise",
            name="clearance_for_everyone",
            field=models.BooleanField(
                default=False,
                help_text="Whatever the birth, offered only once a health professional has "
                "cleared her for exercise. Includes the two clearances above.",
                verbose_name="clearance needed for everyone",
            ),
        ),
        migrations.RunPython(to_rules, to_flags),
        migrations.RemoveField(
            model_name="exercise",
            name="not_first_six_weeks",
        ),
    ]
