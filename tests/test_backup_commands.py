"""`manage.py backup` and `manage.py restore` refuse what they cannot do with a reason a
person can act on, before anything is changed: a file that is not a backup, a backup for
the other database engine, a pictures archive that is not one, missing PostgreSQL tools.
(tests/test_restore_drill.py restores a real backup.)"""

import io
import sqlite3
import stat
import tarfile
from contextlib import closing
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from articles.models import Article
from sciatica.backup import (
    BackupError,
    backup_database,
    backup_media,
    pg_tool,
    restore_database,
    restore_media,
)

POSTGRES = {"ENGINE": "django.db.backends.postgresql", "NAME": "sciatica", "HOST": "db.internal"}
POSTGRES |= {"PORT": "5432", "USER": "sciatica", "PASSWORD": "s3cret pass"}


def not_a_backup(tmp_path) -> Path:
    path = tmp_path / "notes.sqlite3"
    path.write_text("my shopping list\n")
    return path


def other_engines_backup(tmp_path) -> Path:
    """A backup for the engine this run is not using."""
    if connection.vendor == "sqlite":
        path = tmp_path / "site.dump"
        path.write_bytes(b"PGDMP\x01\x0f\x00" + b"\x00" * 100)
    else:
        path = tmp_path / "site.sqlite3"
        with closing(sqlite3.connect(path)) as db:
            db.execute("CREATE TABLE django_migrations (id integer)")
            db.commit()
    return path


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (not_a_backup, "is not a database backup"),
        (other_engines_backup, "but the database to restore into is"),
        (lambda tmp_path: tmp_path / "missing.dump", "no such file"),
    ],
)
def test_restore_refuses_a_wrong_file_and_changes_nothing(seeded, tmp_path, make_file, message):
    before = Article.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(make_file(tmp_path)), "--noinput")
    assert Article.objects.count() == before


def test_restore_refuses_a_pictures_archive_that_is_not_one_before_the_database(seeded, tmp_path):
    call_command("backup", str(tmp_path), stdout=io.StringIO())
    [backup] = tmp_path.glob("sciatica-db-*")
    Article.objects.filter(slug="when-to-get-help").update(summary="Changed after the backup.")
    pictures = tmp_path / "media.tar.gz"
    pictures.write_text("not a tar")
    with pytest.raises(CommandError, match="is not a pictures archive"):
        call_command("restore", str(backup), "--media", str(pictures), "--noinput")
    assert Article.objects.get(slug="when-to-get-help").summary == "Changed after the backup."


def test_restore_asks_first_and_stops_unless_told_yes(seeded, tmp_path, monkeypatch):
    call_command("backup", str(tmp_path), stdout=io.StringIO())
    [backup] = tmp_path.glob("sciatica-db-*")
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "no")
    Article.objects.filter(slug="when-to-get-help").update(summary="Changed after the backup.")
    with pytest.raises(CommandError, match="Restore cancelled"):
        call_command("restore", str(backup))
    assert "replaces everything in the database" in asked[0]
    assert Article.objects.get(slug="when-to-get-help").summary == "Changed after the backup."


def test_a_sqlite_file_of_another_program_is_refused(tmp_path):
    other = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE notes (text)")
        db.commit()
    target = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "site.sqlite3")}
    with pytest.raises(BackupError, match="not a backup of this site"):
        restore_database(target, other)
    assert not (tmp_path / "site.sqlite3").exists()


def test_backing_up_a_missing_sqlite_database_says_so(tmp_path):
    missing = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db.sqlite3")}
    with pytest.raises(BackupError, match="does not exist"):
        backup_database(missing, tmp_path / "backup.sqlite3")
    assert list(tmp_path.iterdir()) == []


def test_other_database_engines_are_refused(tmp_path):
    mysql = {"ENGINE": "django.db.backends.mysql", "NAME": "sciatica"}
    with pytest.raises(
        BackupError, match=r"SQLite and PostgreSQL, not django\.db\.backends\.mysql"
    ):
        backup_database(mysql, tmp_path / "backup")


def test_missing_postgresql_tools_are_named_with_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("PG_BIN", str(tmp_path))
    with pytest.raises(BackupError, match=r"pg_dump is not in PG_BIN \("):
        backup_database(POSTGRES, tmp_path / "site.dump")
    monkeypatch.delenv("PG_BIN")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match=r"pg_restore was not found: install .*postgresql-client"):
        pg_tool("pg_restore")


def fake_tool(folder: Path, name: str, exit_code: int) -> Path:
    """A stand-in for a PostgreSQL tool: records its arguments and password, then fails or
    writes the file it was asked for."""
    script = folder / name
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{folder}/args"\n'
        f'printf "%s" "$PGPASSWORD" > "{folder}/password"\n'
        'for a in "$@"; do case "$a" in --file=*) printf PGDMP > "${a#--file=}";; esac; done\n'
        f'echo "connection to server failed" >&2; exit {exit_code}\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_pg_dump_gets_the_database_url_parts_and_the_password_out_of_its_arguments(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("PG_BIN", str(tmp_path))
    fake_tool(tmp_path, "pg_dump", 0)
    written = backup_database(POSTGRES, tmp_path / "site.dump")
    assert written.read_bytes() == b"PGDMP"
    args = (tmp_path / "args").read_text().splitlines()
    assert "--format=custom" in args
    assert {"--host=db.internal", "--port=5432", "--username=sciatica", "--dbname=sciatica"} <= (
        set(args)
    )
    assert not any("s3cret" in arg for arg in args)
    assert (tmp_path / "password").read_text() == "s3cret pass"


def test_a_failing_pg_tool_is_reported_with_its_message_and_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("PG_BIN", str(tmp_path))
    fake_tool(tmp_path, "pg_dump", 1)
    with pytest.raises(BackupError, match=r"pg_dump failed \(exit 1\): connection to server"):
        backup_database(POSTGRES, tmp_path / "site.dump")
    assert not list(tmp_path.glob("site.dump*"))
    fake_tool(tmp_path, "pg_restore", 1)
    dump = tmp_path / "old.dump"
    dump.write_bytes(b"PGDMP")
    with pytest.raises(BackupError, match=r"pg_restore failed \(exit 1\)"):
        restore_database(POSTGRES, dump)
    args = (tmp_path / "args").read_text().splitlines()
    assert {"--clean", "--if-exists", "--no-owner"} <= set(args)


def test_pictures_come_back_and_an_archive_cannot_write_outside_media_root(tmp_path):
    media = tmp_path / "media"
    (media / "exercises").mkdir(parents=True)
    (media / "exercises" / "a.png").write_bytes(b"\x89PNG picture")
    archive = backup_media(media, tmp_path / "media.tar.gz")
    assert restore_media(archive, tmp_path / "restored") == 1
    assert (tmp_path / "restored" / "exercises" / "a.png").read_bytes() == b"\x89PNG picture"

    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as tar:
        info = tarfile.TarInfo("../escaped.txt")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"bad"))
    with pytest.raises(BackupError, match="cannot be restored"):
        restore_media(evil, tmp_path / "restored")
    assert not (tmp_path / "escaped.txt").exists()
