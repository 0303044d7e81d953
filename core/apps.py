from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The leaf layer every app builds on: publishing, shared admin, API and template parts.

    It imports no app of this project (import-linter's contract in pyproject.toml)."""

    name = "core"
    verbose_name = "Core"
