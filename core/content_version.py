"""The content version: one value that changes whenever anything a reader can see changes.

It keys the response cache (sciatica/middleware/response_cache.py), the ETags and
Last-Modified, and is made of three parts:

- a token in the database (`ContentVersion`, one row), replaced by a new random one in the
  same transaction as every save, deletion or many-to-many change of a model readers see
  (every model of the project's own apps but those marked `affects_readers = False`), and
  by `QuerySet.update()`/`bulk_create()`/`bulk_update()` on them (`ContentQuerySet`). A
  rolled-back change rolls the token back with it, and a token is never used twice, so no
  cached answer can outlive the content it was made from. The row also holds the next
  time content changes by itself (a scheduled page's publish time): the first request after
  it replaces the token, so no cron job is needed;
- the release: a hash of the templates, the project's Python code, the translations, the
  hashed static file names and the settings pages show, computed once per process (a new
  release is a new process);
- the day (in TIME_ZONE): pages such as "Today's routine" change at midnight.

Reading it is one query (`current()`), so several app servers sharing one database agree
on it with no other shared service.
"""

import hashlib
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils import timezone
from django.utils.dateparse import parse_datetime

logger = logging.getLogger(__name__)

ROW = 1  # the primary key of the one row
# Files of a release that shape what pages show (static files: their hashed names).
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".json", ".mo"}
# Settings that pages show; a change needs a restart, i.e. a new release fingerprint.
RELEASE_SETTINGS = [
    "DEBUG", "LANGUAGE_CODE", "LANGUAGES", "TIME_ZONE", "STATIC_URL", "MEDIA_URL", "ADMIN_URL",
    "HELP_ARTICLE_SLUG", "EMERGENCY_PHONE", "EMERGENCY_DEPARTMENT", "URGENT_PHONE",
    "URGENT_SERVICE",
]  # fmt: skip


@dataclass(frozen=True)
class Version:
    key: str  # changes with the token, the release and the day
    last_modified: datetime  # the token's change or midnight, whichever is later


def _own_app(app_config) -> bool:
    """An app of this project (a folder of BASE_DIR), not Django's or a package's."""
    return Path(app_config.path).resolve().parent == Path(settings.BASE_DIR).resolve()


def affects_readers(model) -> bool:
    """A model of the project's own apps whose rows readers can see: all of them unless the
    model says `affects_readers = False`."""
    return _own_app(model._meta.app_config) and getattr(model, "affects_readers", True)


@cache
def content_models() -> tuple:
    """Worked out once: the models are fixed once the app registry is ready, and every save
    of content asks (resolving each app's folder cost more than the save's own queries)."""
    return tuple(model for model in apps.get_models() if affects_readers(model))


def _row_model():
    return apps.get_model("core", "ContentVersion")


def next_scheduled(now: datetime, using: str = DEFAULT_DB_ALIAS) -> datetime | None:
    """The earliest publish time still to come of any published page (one query)."""
    from core.publishing import Publishable, Status

    scheduled = [
        model._base_manager.using(using)
        .filter(status=Status.PUBLISHED, published_at__gt=now)
        .order_by()
        .values("published_at")
        for model in content_models()
        if issubclass(model, Publishable)
    ]
    if not scheduled:
        return None
    union = scheduled[0].union(*scheduled[1:]) if len(scheduled) > 1 else scheduled[0]
    first = union.order_by("published_at")[:1]
    return next((row["published_at"] for row in first), None)


def bump(using: str = DEFAULT_DB_ALIAS) -> None:
    """A new token, now; the next scheduled change worked out again (two queries). Call it
    after changing content in a way that sends no signal (raw SQL)."""
    now = timezone.now()
    values = {
        "token": uuid.uuid4().hex,
        "changed_at": now,
        "next_change_at": next_scheduled(now, using),
    }
    row = _row_model()
    if not row.objects.using(using).filter(pk=ROW).update(**values):
        try:
            with transaction.atomic(using=using):
                row.objects.using(using).create(pk=ROW, **values)
        except IntegrityError:  # created meanwhile by another request
            row.objects.using(using).filter(pk=ROW).update(**values)


def _as_datetime(value) -> datetime | None:
    """A datetime column read with a plain cursor: SQLite gives text (UTC), PostgreSQL a
    datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


def _read(using: str) -> tuple | None:
    """(token, changed_at, next_change_at), by a plain cursor: building the query through
    the ORM cost more than running it, on every request."""
    connection = connections[using]
    table = connection.ops.quote_name(_row_model()._meta.db_table)
    sql = f"SELECT token, changed_at, next_change_at FROM {table} WHERE id = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [ROW])
        values = cursor.fetchone()
    if values is None:
        return None
    return values[0], _as_datetime(values[1]), _as_datetime(values[2])


def current(using: str = DEFAULT_DB_ALIAS) -> Version:
    """The version now: one query, unless a scheduled change has come due (then a few, once)."""
    values = _read(using)
    now = timezone.now()
    if values is None or (values[2] is not None and values[2] <= now):
        if values is None:
            bump(using)
        else:  # only one of the requests that see it due changes the token
            _row_model().objects.using(using).filter(pk=ROW, token=values[0]).update(
                token=uuid.uuid4().hex, changed_at=now, next_change_at=next_scheduled(now, using)
            )
        values = _read(using)
    token, changed_at, _next = values
    today = timezone.localdate()
    midnight = timezone.make_aware(datetime.combine(today, time.min))
    key = hashlib.sha256(f"{token}:{release_fingerprint()}:{today}".encode()).hexdigest()[:24]
    return Version(key=key, last_modified=max(changed_at, midnight))


def _release_files() -> list[Path]:
    folders = [Path(app.path) for app in apps.get_app_configs() if _own_app(app)]
    for engine in settings.TEMPLATES:
        folders += [Path(folder) for folder in engine.get("DIRS", [])]
    folders += [Path(folder) for folder in settings.LOCALE_PATHS]
    files = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.suffix in RELEASE_SUFFIXES and "__pycache__" not in path.parts:
                files.add(path.resolve())
    return sorted(files)


@cache
def _release_hash() -> str:
    from django.contrib.staticfiles.storage import staticfiles_storage

    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR).resolve()
    for path in _release_files():
        digest.update(str(path.relative_to(base) if path.is_relative_to(base) else path).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    hashed_names = getattr(staticfiles_storage, "hashed_files", None) or {}
    digest.update(json.dumps(sorted(hashed_names.items())).encode())
    shown = {name: getattr(settings, name, None) for name in RELEASE_SETTINGS}
    digest.update(json.dumps(shown, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


def release_fingerprint() -> str:
    """What this process serves, apart from the database: computed once per process. With
    DEBUG on (`make run`), the templates' modification times are added on each call, so an
    edited template shows without a restart."""
    if not settings.DEBUG:
        return _release_hash()
    times = [(str(path), path.stat().st_mtime_ns) for path in _release_files()]
    return hashlib.sha256(json.dumps([_release_hash(), times]).encode()).hexdigest()[:16]


def _forget_release(**kwargs):
    _release_hash.cache_clear()


class ContentQuerySet(models.QuerySet):
    """Querysets of the models readers see: updates that send no signal change the version
    too (a script's `.update()`, `bulk_create()`, `bulk_update()`)."""

    def update(self, **kwargs):
        with transaction.atomic(using=self.db, savepoint=False):
            rows = super().update(**kwargs)
            if rows:
                bump(self.db)
        return rows

    def bulk_create(self, objs, *args, **kwargs):
        with transaction.atomic(using=self.db, savepoint=False):
            created = super().bulk_create(objs, *args, **kwargs)
            if created:
                bump(self.db)
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        with transaction.atomic(using=self.db, savepoint=False):
            rows = super().bulk_update(objs, fields, *args, **kwargs)
            if rows:
                bump(self.db)
        return rows


def _content_changed(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if kwargs.get("action", "post_").startswith("post_"):  # m2m_changed: after, not before
        bump(using)


def _migrated(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """After every migrate (a release) and flush: a new token, and the row if it is missing."""
    if _row_model()._meta.db_table in connections[using].introspection.table_names():
        bump(using)


def connect(app_config) -> None:
    """Called once by CoreConfig.ready(): every model readers see changes the version."""
    for model in content_models():
        uid = f"core.content_version.{model._meta.label}"
        post_save.connect(_content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_content_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_content_changed, sender=through, dispatch_uid=f"{uid}.{field}")
    post_migrate.connect(_migrated, sender=app_config, dispatch_uid="core.content_version")
    setting_changed.connect(_forget_release, dispatch_uid="core.content_version.release")
