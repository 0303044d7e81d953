"""`manage.py backup FOLDER`: the database and the uploaded pictures, as README "Backups"
says (sciatica/backup.py does the work)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from sciatica.backup import BackupError, backup_database, backup_media, database_suffix


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite: the online backup API; PostgreSQL: pg_dump "
        "--format=custom) and the uploaded pictures (a tar.gz of MEDIA_ROOT) into FOLDER."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="Where to write the two files.")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default)."
        )

    def handle(self, folder: Path, database: str, **options):
        settings_dict = connections[database].settings_dict
        stamp = timezone.now().strftime("%Y-%m-%dT%H%M%SZ")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db_file = backup_database(
                settings_dict, folder / f"sciatica-db-{stamp}{database_suffix(settings_dict)}"
            )
            media_file = backup_media(
                Path(settings.MEDIA_ROOT), folder / f"sciatica-media-{stamp}.tar.gz"
            )
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Database: {db_file}")
        self.stdout.write(f"Pictures: {media_file}")
