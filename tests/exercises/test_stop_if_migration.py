"""Migrating "stop if" to "also stop if" keeps the loader's rule: a row it wrote and nobody
changed is still brought up to date by the next load, and an edited row is still left alone."""

import importlib
import shutil

import pytest
from django.conf import settings

from core.publishing import seed_fingerprint
from exercises.models import Exercise
from sciatica.management.commands.load_content import _stored_exercise_values
from tests.exercises.migration_steps import load, migrate

OLD_LAYOUT = [("exercises", "0003_editors_manage_routines")]
# The standard text as the old layout stored it, frozen in the migration (exercises.models.
# STOP_IF has changed since: "bleeding gets heavier", issue 15; it is never stored).
OLD_STOP_IF = importlib.import_module("exercises.migrations.0004_also_stop_if").STANDARD
# The bridge's own "Also stop if" (content/exercises/bridge.toml).
BRIDGE = (
    "Also stop if your lower back hurts as you lift. Stop too if you feel pain or pulling "
    "around a caesarean scar."
)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_untouched_rows_updatable_and_edited_rows_edited(tmp_path):
    load()
    Exercise.objects.filter(slug="walking").update(also_stop_if="Also stop if you feel faint.")
    # What the loader wrote before this change: the whole text under "stop_if".
    written_before = {}
    for exercise in Exercise.objects.all():
        values = _stored_exercise_values(exercise)
        values["stop_if"] = f"{OLD_STOP_IF} {values.pop('also_stop_if')}"
        # and, before 0006, the two old rule flags (tests/exercises/test_rules_migration.py)
        values["not_first_six_weeks"] = values.pop("earliest_week") == 6
        values["needs_caesarean_clearance"] = values.pop("clearance_after_caesarean")
        del values["clearance_after_assisted"], values["clearance_for_everyone"]
        written_before[exercise.slug] = seed_fingerprint(values)
    try:
        old_apps = migrate(OLD_LAYOUT)
        OldExercise = old_apps.get_model("exercises", "Exercise")
        hashes = dict(OldExercise.objects.values_list("slug", "seed_hash"))
        assert hashes["bridge"] == written_before["bridge"]  # as the old loader wrote it
        assert hashes["walking"] != written_before["walking"]  # edited: stays edited
        assert OldExercise.objects.get(slug="bridge").stop_if == f"{OLD_STOP_IF} {BRIDGE}"
        assert OldExercise.objects.get(slug="walking").stop_if == (
            f"{OLD_STOP_IF} Also stop if you feel faint."
        )
    finally:
        migrate()

    assert Exercise.objects.get(slug="bridge").also_stop_if == BRIDGE
    assert "Exercises: 0 created, 0 updated" in load()
    content = shutil.copytree(settings.BASE_DIR / "content", tmp_path / "content")
    for slug in ["bridge", "walking"]:
        path = content / f"exercises/{slug}.toml"
        path.write_text(path.read_text().replace('precautions = """\n', 'precautions = """\nNew. '))
    assert "Exercises: 0 created, 1 updated" in load(content)
    assert Exercise.objects.get(slug="bridge").precautions.startswith("New. ")
    walking = Exercise.objects.get(slug="walking")
    assert walking.also_stop_if == "Also stop if you feel faint."
    assert not walking.precautions.startswith("New. ")
