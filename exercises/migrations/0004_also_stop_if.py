""" "Stop if" becomes one standard text (exercises.models.STOP_IF) that every exercise shows,
plus the exercise's own extra sentences: stop_if -> also_stop_if, keeping only what follows
the standard text (an edited text that does not start with it is kept whole).

Rows the content loader wrote and nobody has changed since stay "untouched": their
fingerprint (seed_hash) is computed again over the new field exactly as load_content
computes it, so the next load keeps updating them, and an edited row stays edited.
"""

import hashlib
import json

from django.db import migrations, models

# Frozen copies, as they were when this migration was written (never import them here).
STANDARD = (
    "Stop if pain shoots down your leg, numbness or tingling gets worse, or you have bleeding "
    "or pelvic pain."
)
SEEDED_FIELDS = [
    "name", "order", "summary", "difficulty", "why_it_helps", "precautions",
    "dose_kind", "hold_seconds", "reps", "sets", "rest_seconds", "rest_between_sets_seconds",
    "each_side", "duration_minutes", "needs_caesarean_clearance", "not_first_six_weeks",
    "illustration_alt",
]  # fmt: skip


def fingerprint(exercise, stop_field: str, stop_text: str) -> str:
    """load_content's seed_fingerprint of the row's seeded values."""
    values = {name: getattr(exercise, name) for name in SEEDED_FIELDS}
    values[stop_field] = stop_text
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


def convert(apps, old_field, new_field, change):
    Exercise = apps.get_model("exercises", "Exercise")
    for exercise in Exercise.objects.select_related("category"):
        # The field is called also_stop_if while this runs, both ways: it holds the old text.
        old = exercise.also_stop_if
        new = change(old)
        untouched = exercise.seed_hash == fingerprint(exercise, old_field, old)
        exercise.also_stop_if = new
        fields = ["also_stop_if"]
        if untouched:
            exercise.seed_hash = fingerprint(exercise, new_field, new)
            fields.append("seed_hash")
        exercise.save(update_fields=fields)


def keep_only_the_extra(apps, schema_editor):
    def change(text):
        text = text.strip()
        return text[len(STANDARD) :].strip() if text.startswith(STANDARD) else text

    convert(apps, "stop_if", "also_stop_if", change)


def put_the_standard_text_back(apps, schema_editor):
    convert(apps, "also_stop_if", "stop_if", lambda extra: f"{STANDARD} {extra.strip()}".strip())


class Migration(migrations.Migration):
    dependencies = [
        ("exercises", "0003_editors_manage_routines"),
    ]

    operations = [
        migrations.RenameField(
            model_name="exercise",
            old_name="stop_if",
            new_name="also_stop_if",
        ),
        migrations.AlterField(
            model_name="exercise",
            name="also_stop_if",
            field=models.TextField(
                blank=True,
                help_text="Every exercise's warning box starts with the standard “Stop if” text "
                "shown above. Add only what is extra for this exercise, as whole sentences, e.g. "
                "“Also stop if the stretch starts to hurt.” Leave empty if there is nothing extra.",
                verbose_name="also stop if",
            ),
        ),
        migrations.RunPython(keep_only_the_extra, put_the_standard_text_back),
    ]
