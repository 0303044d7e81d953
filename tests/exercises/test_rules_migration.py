"""Migrating the two old flags to suitability rules (0006) carries every value both ways and
keeps the loader's rule: a row it wrote and nobody changed is still brought up to date by
the next load, and an edited row is still left alone."""

import shutil

import pytest
from django.conf import settings

from core.publishing import seed_fingerprint
from exercises.models import Exercise
from exercises.suitability import Rules
from sciatica.management.commands.load_content import _stored_exercise_values
from tests.exercises.migration_steps import load, migrate

OLD_LAYOUT = [("exercises", "0005_search_columns")]
RULE_FIELDS = [
    "earliest_week",
    "clearance_after_caesarean",
    "clearance_after_assisted",
    "clearance_for_everyone",
]


def as_the_old_loader_wrote_it(exercise) -> str:
    """The fingerprint the loader gave a row before this change (the two old flags)."""
    values = _stored_exercise_values(exercise)
    for name in RULE_FIELDS:
        values.pop(name)
    values["needs_caesarean_clearance"] = exercise.clearance_after_caesarean
    values["not_first_six_weeks"] = exercise.earliest_week == 6
    return seed_fingerprint(values)


@pytest.mark.django_db(transaction=True)
def test_the_rules_migrate_both_ways_keeping_untouched_rows_updatable(tmp_path):
    load()
    written_before = {e.slug: as_the_old_loader_wrote_it(e) for e in Exercise.objects.all()}
    # An editor's changes in the new layout: stricter rules the old one cannot hold exactly.
    Exercise.objects.filter(slug="walking").update(earliest_week=3)
    Exercise.objects.filter(slug="pelvic-tilt").update(clearance_for_everyone=True)
    try:
        old_apps = migrate(OLD_LAYOUT)
        OldExercise = old_apps.get_model("exercises", "Exercise")
        old = {e.slug: e for e in OldExercise.objects.all()}
        # Back: the shipped values, and the fingerprint exactly as the old loader wrote it.
        for slug in ["modified-plank", "swimming"]:
            assert old[slug].not_first_six_weeks and old[slug].needs_caesarean_clearance
            assert old[slug].seed_hash == written_before[slug]
        assert old["elliptical-trainer"].needs_caesarean_clearance
        assert not old["elliptical-trainer"].not_first_six_weeks
        assert old["elliptical-trainer"].seed_hash == written_before["elliptical-trainer"]
        assert not old["bridge"].not_first_six_weeks
        assert not old["bridge"].needs_caesarean_clearance
        assert old["bridge"].seed_hash == written_before["bridge"]
        # Edited rows: kept as strict as the old flags allow, and still edited.
        assert old["walking"].not_first_six_weeks
        assert old["walking"].seed_hash != written_before["walking"]
        assert old["pelvic-tilt"].needs_caesarean_clearance
        assert old["pelvic-tilt"].seed_hash != written_before["pelvic-tilt"]

        # An editor's change made while the old layout was live.
        OldExercise.objects.filter(slug="swimming").update(not_first_six_weeks=False)
    finally:
        migrate()

    rules = {e.slug: e.rules for e in Exercise.objects.all()}
    assert rules["modified-plank"] == Rules(earliest_week=6, after_caesarean=True)
    assert rules["elliptical-trainer"] == Rules(after_caesarean=True)
    assert rules["bridge"] == Rules()
    assert rules["walking"] == Rules(earliest_week=6)  # the old layout only knew "6 weeks"
    assert rules["pelvic-tilt"] == Rules(after_caesarean=True)
    assert rules["swimming"] == Rules(after_caesarean=True)

    # The next load takes nothing back from an editor and finds the untouched rows current.
    assert "Exercises: 0 created, 0 updated, 9 unchanged" in load()
    assert Exercise.objects.get(slug="swimming").rules == Rules(after_caesarean=True)
    # A shipped change still reaches an untouched row, and still not an edited one.
    content = shutil.copytree(settings.BASE_DIR / "content", tmp_path / "content")
    for slug in ["modified-plank", "swimming"]:
        path = content / f"exercises/{slug}.toml"
        path.write_text(path.read_text().replace("earliest_week = 6", "earliest_week = 8"))
    assert "Exercises: 0 created, 1 updated" in load(content)
    assert Exercise.objects.get(slug="modified-plank").earliest_week == 8
    assert Exercise.objects.get(slug="swimming").earliest_week == 0


@pytest.mark.django_db(transaction=True)
def test_an_exercise_an_editor_made_keeps_its_flags_and_no_fingerprint(make_exercise):
    exercise = make_exercise(slug="own", earliest_week=6, clearance_after_caesarean=True)
    try:
        old_apps = migrate(OLD_LAYOUT)
        own = old_apps.get_model("exercises", "Exercise").objects.get(slug="own")
        assert own.not_first_six_weeks and own.needs_caesarean_clearance
        assert own.seed_hash == ""
    finally:
        migrate()
    exercise.refresh_from_db()
    assert exercise.rules == Rules(earliest_week=6, after_caesarean=True)
    assert exercise.seed_hash == ""
