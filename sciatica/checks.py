"""System checks that need the database: run by `manage.py check --database default`.

Django runs database checks only when it is given databases (`check --database`, and
`migrate` before it migrates); a plain `manage.py check` skips them. While migrations are
pending (a fresh database, or a release being migrated) there is nothing to check yet: the
content is loaded after migrating, so `make check` and the release steps run this check
after `load_content`.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import connections
from django.db.migrations.executor import MigrationExecutor

from articles.models import Article
from core.publishing import Status


def _migrations_pending(alias: str) -> bool:
    executor = MigrationExecutor(connections[alias])
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


@register(Tags.database)
def help_article_is_published(app_configs=None, databases=None, **kwargs):
    """Every page links to the help article: it must exist and be published."""
    slug = settings.HELP_ARTICLE_SLUG
    errors = []
    for alias in databases or []:
        if _migrations_pending(alias):
            continue
        article = Article.objects.using(alias).filter(slug=slug).first()
        if article is None:
            errors.append(
                Error(
                    f"The help article {slug!r} does not exist: every page's "
                    '"Get help" link leads nowhere.',
                    hint="Run `manage.py load_content`, or create and publish it in the admin, "
                    "or set DJANGO_HELP_ARTICLE_SLUG (HELP_ARTICLE_SLUG) to the slug of a "
                    "published article.",
                    id="sciatica.E001",
                )
            )
        elif not article.is_public:
            state = (
                f"scheduled for {article.published_at:%Y-%m-%d %H:%M}"
                if article.status == Status.PUBLISHED
                else f"status: {article.get_status_display().lower()}"
            )
            errors.append(
                Error(
                    f"The help article {slug!r} is not published ({state}): every page's "
                    '"Get help" link leads to a missing page.',
                    hint="Publish it in the admin, with a 'publish from' time that has passed.",
                    id="sciatica.E002",
                )
            )
    return errors
