"""The restore drill (issue 14, item 5): a backup taken the documented way (README
"Backups": `manage.py backup`, i.e. SQLite's online backup API or `pg_dump --format=custom`,
plus a tar of MEDIA_ROOT) restored into a fresh database (`manage.py restore`, i.e. the
backup API or `pg_restore --clean --if-exists --no-owner`) gives back every published page,
the API, every row and the editors' history exactly, and the uploaded picture byte for byte.

It runs on the database of the run: SQLite in `make test` (and `make restore-drill`),
PostgreSQL in `make test-postgres`, where the fresh database is a new one on the same
throwaway cluster and the tools are the cluster's own (`PG_BIN`, set by
scripts/test-postgres.sh). The data is committed (pg_dump reads through its own
connection), so the test is transactional; it needs no migrated rows (an earlier
transactional test may have emptied the tables): its editor is a superuser.
Django's settings and the connection are put back afterwards (each pytest-xdist worker has
its own test database, and so its own fresh one)."""

import contextlib
import stat
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from reversion.models import Revision, Version

from articles.models import Article
from exercises.models import Exercise
from tests.articles.test_admin import form_data
from tests.conftest import EDITOR_PASSWORD
from tests.exercises.test_admin import exercise_form, png

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor(transactional_db):
    """An editor (the Editors group's rights are tested in tests/articles/test_admin.py)."""
    return User.objects.create_superuser("maya", password=EDITOR_PASSWORD)


API_LISTS = ["/api/articles/", "/api/tags/", "/api/exercises/", "/api/categories/"]
API_LISTS += ["/api/routines/"]
# Besides the pages: what the phone downloads to work offline, and the sitemap.
EXTRA = ["/offline-manifest.json", "/search-index.json", "/sitemap.xml", "/api/"]


def published_responses(client) -> dict[str, tuple]:
    """Every published page (the offline manifest's list) and API list, with each published
    object's API detail: status, content type, ETag and the exact bytes."""
    manifest = client.get("/offline-manifest.json").json()
    urls = [*EXTRA, *manifest["pages"], *API_LISTS]
    for kind, model in [
        ("articles", Article),
        ("exercises", Exercise),
    ]:
        urls += [
            f"/api/{kind}/{slug}/"
            for slug in model.objects.published().values_list("slug", flat=True)
        ]
    urls += [f"/api/routines/{r['slug']}/" for r in client.get("/api/routines/").json()["results"]]
    answers = {}
    for url in urls:
        response = client.get(url)
        answers[url] = (
            response.status_code,
            response["Content-Type"],
            response.get("ETag"),
            response.content,
        )
    assert len(manifest["pages"]) > 20  # the starting content, not an empty site
    assert all(status == 200 for status, *_ in answers.values()), [
        url for url, (status, *_) in answers.items() if status != 200
    ]
    return answers


def history() -> dict[str, list[dict]]:
    """The editors' history as django-reversion keeps it, and who made it."""
    return {
        "revisions": list(Revision.objects.order_by("pk").values()),
        "versions": list(Version.objects.order_by("pk").values()),
        "users": list(User.objects.order_by("pk").values()),
    }


def every_row() -> dict[str, list[dict]]:
    """Every row of every table Django knows, in primary key order."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
    }


@contextlib.contextmanager
def fresh_database(tmp_path: Path):
    """Point the default connection at a new, empty database (a file on SQLite, a database
    on the same cluster on PostgreSQL), as an operator does with DATABASE_URL; put the
    test database back afterwards."""
    settings_dict = connection.settings_dict
    original = settings_dict["NAME"]
    if connection.vendor == "sqlite":
        fresh = str(tmp_path / "restored.sqlite3")
    else:
        fresh = f"{original}_restored"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
            cursor.execute(f'CREATE DATABASE "{fresh}"')
    connection.close()
    settings_dict["NAME"] = fresh
    try:
        yield fresh
    finally:
        connection.close()
        settings_dict["NAME"] = original
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


def test_a_backup_restores_every_page_its_history_and_the_pictures(
    seeded, editor, editor_client, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    # An editor's work, through the admin: history (reversion) with who, when and what.
    exercise = Exercise.objects.get(slug="piriformis-stretch")
    upload = SimpleUploadedFile("stretch.png", png((1600, 900)), content_type="image/png")
    response = editor_client.post(
        f"/admin/exercises/exercise/{exercise.pk}/change/",
        exercise_form(exercise, summary="A gentle stretch for the buttock.", picture=upload),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="when-to-get-help")
    response = editor_client.post(
        f"/admin/articles/article/{article.pk}/change/",
        form_data(article, summary="Who to call, and when."),
    )
    assert response.status_code == 302
    exercise.refresh_from_db()
    picture = Path(exercise.picture.path)
    picture_bytes = picture.read_bytes()
    assert Version.objects.filter(revision__user=editor).count() >= 2
    assert exercise.picture.url in client.get(exercise.get_absolute_url()).content.decode()

    pages, rows, edits = published_responses(client), every_row(), history()
    media_url = exercise.picture.url
    pages[media_url] = client.get(media_url).getvalue()

    out = StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=out)
    written = {p.name: p for p in (tmp_path / "backups").iterdir()}
    [database_file] = [p for name, p in written.items() if name.startswith("sciatica-db-")]
    [media_file] = [p for name, p in written.items() if name.startswith("sciatica-media-")]
    assert str(database_file) in out.getvalue() and str(media_file) in out.getvalue()
    expected_suffix = ".sqlite3" if connection.vendor == "sqlite" else ".dump"
    assert database_file.suffix == expected_suffix
    # Only the owner can read them: they hold password hashes and e-mail addresses.
    assert {stat.S_IMODE(p.stat().st_mode) for p in written.values()} == {0o600}

    settings.MEDIA_ROOT = tmp_path / "restored-media"
    with fresh_database(tmp_path):
        assert "reversion_version" not in connection.introspection.table_names()
        call_command(
            "restore", str(database_file), "--media", str(media_file), "--noinput", stdout=out
        )
        assert every_row() == rows
        assert history() == edits
        restored = published_responses(client)
        restored[media_url] = client.get(media_url).getvalue()
        assert restored.keys() == pages.keys()
        for url, answer in pages.items():
            assert restored[url] == answer, url
        restored_picture = settings.MEDIA_ROOT / picture.relative_to(tmp_path / "media")
        assert restored_picture.read_bytes() == picture_bytes

        # The restored site takes the next edit (its id sequences came back too).
        exercise.refresh_from_db()
        response = editor_client.post(
            f"/admin/exercises/exercise/{exercise.pk}/change/",
            exercise_form(exercise, summary="Edited after the restore."),
        )
        assert response.status_code == 302
        newest = Revision.objects.latest("pk")
        assert newest.pk > max(r["id"] for r in edits["revisions"])
        assert newest.user == editor
