"""Steps the data-migration tests share: move the schema, and run the content loader."""

from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


def load(content_dir=settings.BASE_DIR / "content"):
    out = StringIO()
    call_command("load_content", content_dir=content_dir, stdout=out)
    return out.getvalue()
