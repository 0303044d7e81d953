from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """The leaf layer every app builds on: publishing, shared admin, API and template parts.

    It imports no app of this project (import-linter's contract in pyproject.toml)."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import content_version
        from core.search import refresh_search_columns

        # Every change readers can see changes the content version (the response cache's key).
        content_version.connect(self)

        # Stored search text follows a release's change of the rule or of shared text.
        post_migrate.connect(refresh_search_columns, dispatch_uid="core.refresh_search_columns")
