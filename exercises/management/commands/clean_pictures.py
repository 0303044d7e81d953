"""Delete uploaded exercise pictures that nothing refers to any more.

A replaced picture's file stays on disk while a saved revision (django-reversion's history,
which can bring it back) or an exercise refers to it. Once none does (the picture was
replaced by a script, or its revisions were deleted with `manage.py deleterevisions`), the
file is an orphan: this command lists them (--dry-run) or deletes them. Files younger than
--min-age-minutes are left alone: an upload being saved right now has no row yet.
"""

import datetime
import json

from django.core.management.base import BaseCommand
from django.utils import timezone
from reversion.models import Version

from exercises.models import Exercise


def stored_files(storage, folder: str) -> list[str]:
    """Every file's name under `folder` of the storage, sub-folders included."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{name}" for name in files]
    for sub in folders:
        names += stored_files(storage, f"{folder}/{sub}")
    return names


def pictures_in_revisions() -> set[str]:
    """The picture of every saved revision of every exercise (deleted ones included)."""
    names = set()
    for version in Version.objects.get_for_model(Exercise).only("format", "serialized_data"):
        if version.format == "json":  # reversion's default: read it as it was stored
            fields = json.loads(version.serialized_data)[0]["fields"]
        else:
            fields = version.field_dict
        if fields.get("picture"):
            names.add(str(fields["picture"]))
    return names


class Command(BaseCommand):
    help = (
        "Delete uploaded exercise pictures that no exercise and no saved revision refers to "
        "(--dry-run lists them)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the files; delete nothing."
        )
        parser.add_argument(
            "--min-age-minutes",
            type=int,
            default=60,
            help="Leave files younger than this alone (default 60): an upload under way.",
        )

    def handle(self, *args, dry_run: bool, min_age_minutes: int, **options):
        field = Exercise._meta.get_field("picture")
        storage, folder = field.storage, field.upload_to.rstrip("/")
        referenced = set(Exercise.objects.exclude(picture="").values_list("picture", flat=True))
        referenced |= pictures_in_revisions()
        cutoff = timezone.now() - datetime.timedelta(minutes=min_age_minutes)
        orphans = [
            name
            for name in sorted(stored_files(storage, folder))
            if name not in referenced and storage.get_modified_time(name) <= cutoff
        ]
        for name in orphans:
            self.stdout.write(name)
            if not dry_run:
                storage.delete(name)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {len(orphans)} files no exercise or revision refers to.")
