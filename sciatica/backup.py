"""Backups of what editors make: the database (content, history, users) and the uploaded
pictures (MEDIA_ROOT). README "Backups" gives the commands; `manage.py backup` and
`manage.py restore` run them, and tests/test_restore_drill.py restores one on every run.

- SQLite: Python's sqlite3 backup API, which copies a consistent snapshot while the site
  runs (what `sqlite3 db.sqlite3 ".backup 'file'"` does, without needing that tool).
- PostgreSQL: `pg_dump --format=custom`, restored with
  `pg_restore --clean --if-exists --no-owner`. The tools are taken from `PG_BIN` when set
  (a folder, e.g. /usr/lib/postgresql/15/bin: use the server's major version or newer),
  else from PATH. The password goes in PGPASSWORD, never on a command line.
- Pictures: a gzipped tar of MEDIA_ROOT's contents, extracted with tarfile's "data" filter
  (no absolute paths, no `..`, no links out of the folder).
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
from contextlib import closing  # sqlite3's own `with` commits but does not close
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
ENGINES = {"django.db.backends.sqlite3": "sqlite", "django.db.backends.postgresql": "postgresql"}


class BackupError(Exception):
    """A backup or restore that cannot be done, with a reason a person can act on."""


def engine_of(database: dict) -> str:
    engine = ENGINES.get(database["ENGINE"])
    if engine is None:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {database['ENGINE']}.")
    return engine


def database_suffix(database: dict) -> str:
    return ".sqlite3" if engine_of(database) == "sqlite" else ".dump"


def kind_of_file(path: Path) -> str:
    """What a backup file holds, from its first bytes: "sqlite" or "postgresql"."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise BackupError(
        f"{path} is not a database backup: expected a SQLite database or a PostgreSQL "
        "dump made with pg_dump --format=custom."
    )


def _private_file(destination: Path) -> Path:
    """An empty file, readable by its owner only (a backup holds password hashes and
    editors' e-mail addresses), under a temporary name: a backup cut short never looks
    complete. The tools write into it, keeping its mode."""
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return partial


# The database.


def backup_database(database: dict, destination: Path) -> Path:
    """Write a consistent copy of the database to `destination` (written to a temporary
    name first: a backup cut short never looks complete)."""
    engine = engine_of(database)
    partial = _private_file(destination)
    try:
        if engine == "sqlite":
            _sqlite_backup(Path(database["NAME"]), partial)
        else:
            _run_pg(database, "pg_dump", "--format=custom", f"--file={partial}", "--no-password")
        partial.replace(destination)
    finally:
        partial.unlink(missing_ok=True)
    return destination


def check_backup_file(database: dict, source: Path) -> str:
    """Refuse a file that cannot be restored into this database, before anything changes."""
    engine, kind = engine_of(database), kind_of_file(source)
    if kind != engine:
        names = {"sqlite": "a SQLite database", "postgresql": "a PostgreSQL dump"}
        raise BackupError(
            f"{source} is {names[kind]}, but the database to restore into is "
            f"{'SQLite' if engine == 'sqlite' else 'PostgreSQL'} (check DATABASE_URL)."
        )
    return engine


def restore_database(database: dict, source: Path) -> None:
    """Replace the database's contents with the backup's."""
    if check_backup_file(database, source) == "sqlite":
        _sqlite_restore(source, Path(database["NAME"]))
    else:
        _run_pg(
            database,
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--no-password",
            str(source),
        )


def _sqlite_backup(source: Path, destination: Path) -> None:
    if not source.is_file():
        raise BackupError(f"The SQLite database {source} does not exist.")
    with _read_only(source) as src, closing(sqlite3.connect(destination)) as copy:
        src.backup(copy)
        _sqlite_check(copy, destination)


def _sqlite_restore(source: Path, destination: Path) -> None:
    with _read_only(source) as src:
        _sqlite_check(src, source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(destination)) as target:
            src.backup(target)


def _read_only(path: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))


def _sqlite_check(db: sqlite3.Connection, path: Path) -> None:
    try:
        (result,) = db.execute("PRAGMA quick_check").fetchone()
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a readable SQLite database ({error}).") from None
    if result != "ok":
        raise BackupError(f"{path} is damaged: {result}")
    if "django_migrations" not in tables:
        raise BackupError(f"{path} is not a backup of this site (no django_migrations table).")


def pg_tool(name: str) -> str:
    """The path of pg_dump or pg_restore: in PG_BIN when set, else on PATH."""
    folder = os.environ.get("PG_BIN")
    if folder:
        path = Path(folder) / name
        if os.access(path, os.X_OK):
            return str(path)
        raise BackupError(
            f"{name} is not in PG_BIN ({folder}): set PG_BIN to the folder that has it."
        )
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} was not found: install PostgreSQL's client tools (Debian: apt-get install "
            "postgresql-client, the server's major version or newer) or set PG_BIN to their "
            "folder, e.g. PG_BIN=/usr/lib/postgresql/15/bin."
        )
    return found


def _run_pg(database: dict, tool: str, *args: str) -> None:
    command = [pg_tool(tool), *args]
    for option, key in [("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")]:
        if database.get(key):
            command.append(f"{option}={database[key]}")
    command.append(f"--dbname={database['NAME']}")
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    completed = subprocess.run(  # noqa: S603 (the PostgreSQL tools with our own arguments)
        command, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise BackupError(
            f"{tool} failed (exit {completed.returncode}): {completed.stderr.strip()}"
        )


# The uploaded pictures.


def backup_media(root: Path, destination: Path) -> Path:
    """A gzipped tar of everything under `root` (names relative to it)."""
    partial = _private_file(destination)
    try:
        with tarfile.open(partial, "w:gz") as archive:
            if root.is_dir():
                for path in sorted(root.iterdir()):
                    archive.add(path, arcname=path.name)
        partial.replace(destination)
    finally:
        partial.unlink(missing_ok=True)
    return destination


def check_media_archive(source: Path) -> None:
    """Refuse what is not a pictures archive before anything is restored."""
    if not source.is_file():
        raise BackupError(f"{source}: no such file.")
    if not tarfile.is_tarfile(source):
        raise BackupError(f"{source} is not a pictures archive (a .tar.gz made by backup).")


def restore_media(source: Path, root: Path) -> int:
    """Extract a pictures archive into `root` (files of the same name are replaced, others
    are left); returns how many files it held."""
    check_media_archive(source)
    try:
        with tarfile.open(source, "r:*") as archive:
            members = archive.getmembers()
            root.mkdir(parents=True, exist_ok=True)
            archive.extractall(root, filter="data")
    except tarfile.TarError as error:
        raise BackupError(f"{source} cannot be restored: {error}") from None
    return sum(member.isfile() for member in members)
