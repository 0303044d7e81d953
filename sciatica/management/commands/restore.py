"""`manage.py restore BACKUP [--media ARCHIVE]`: put a backup made by `manage.py backup`
(or by the README's pg_dump command) back into the database DATABASE_URL names, and the
pictures into MEDIA_ROOT. Restore into a fresh database and point the site at it."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from sciatica.backup import (
    BackupError,
    check_backup_file,
    check_media_archive,
    restore_database,
    restore_media,
)


class Command(BaseCommand):
    help = (
        "Replace the database's contents with a backup (SQLite: the backup API; PostgreSQL: "
        "pg_restore --clean --if-exists --no-owner), and extract a pictures archive into "
        "MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="The database backup file.")
        parser.add_argument("--media", type=Path, help="The pictures archive (.tar.gz).")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default)."
        )
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="Do not ask for confirmation.",
        )  # fmt: skip

    def handle(self, backup: Path, media: Path | None, database: str, interactive, **options):
        connection = connections[database]
        target = connection.settings_dict["NAME"]
        # A wrong file is refused before anything is asked or changed.
        try:
            check_backup_file(connection.settings_dict, backup)
            if media is not None:
                check_media_archive(media)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if interactive:
            answer = input(
                f"This replaces everything in the database {target} with {backup}"
                + (f" and extracts {media} into {settings.MEDIA_ROOT}" if media else "")
                + ". Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        connection.close()  # the restore replaces what this connection would see
        try:
            restore_database(connection.settings_dict, backup)
            self.stdout.write(f"Database {target} restored from {backup}")
            if media is not None:
                count = restore_media(media, Path(settings.MEDIA_ROOT))
                self.stdout.write(f"{count} pictures restored into {settings.MEDIA_ROOT}")
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
