"""The starting content as rows: `load_content` runs once per test process, and each test that
asks for `seeded` gets the same rows back with a few bulk inserts instead of parsing,
rendering, validating and versioning every file again (about 1 s a test otherwise).

`capture()` runs the real command inside a transaction that is rolled back and keeps every
row it added or changed, in every table (revisions, search entries and many-to-many tables
included). `restore()` writes them back, parents before children. It is only valid on the
database state it was captured from: the freshly migrated test database, which is what each
`db` test starts from (its transaction is rolled back after it); `fits()` says whether it
still is.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass
class Snapshot:
    added: dict = field(default_factory=dict)  # model -> [instances], in insert order
    changed: dict = field(default_factory=dict)  # model -> {pk: {field: value}}
    counts: dict = field(default_factory=dict)  # model -> rows before the load

    def fits(self) -> bool:
        """Whether the database is still as captured (a test's fixtures may have added an
        exercise or a category first: the command then runs, as it would for real)."""
        return all(model._base_manager.count() == count for model, count in self.counts.items())


def _models():
    return apps.get_models(include_auto_created=True)


def _rows(model):
    """Every row's column values by primary key."""
    columns = [f.attname for f in model._meta.concrete_fields]
    return {
        row[0]: dict(zip(columns, row[1:], strict=True))
        for row in model._base_manager.values_list("pk", *columns)
    }


def _in_dependency_order(models):
    """Parents first: a model comes after the models its foreign keys point to."""
    pending, ordered = list(models), []
    while pending:
        for model in pending:
            parents = {
                f.related_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model is not model
            }
            if not parents & set(pending):
                ordered.append(model)
                pending.remove(model)
                break
        else:  # a cycle: deferred foreign key checks let the rest go in any order
            ordered.extend(pending)
            break
    return ordered


def capture() -> Snapshot:
    snapshot = Snapshot()
    with transaction.atomic():
        before = {model: _rows(model) for model in _models()}
        call_command("load_content", verbosity=0)
        for model in _models():
            after = _rows(model)
            gone = before[model].keys() - after.keys()
            assert not gone, f"load_content deleted {model._meta.label} rows {sorted(gone)}"
            new = [pk for pk in after if pk not in before[model]]
            if new:
                snapshot.added[model] = [model(**after[pk]) for pk in new]
                snapshot.counts[model] = len(before[model])
            changed = {
                pk: values
                for pk, values in after.items()
                if before[model].get(pk, values) != values
            }
            if changed:
                snapshot.changed[model] = changed
                snapshot.counts[model] = len(before[model])
        transaction.set_rollback(True)
    return snapshot


def restore(snapshot: Snapshot) -> None:
    with transaction.atomic():
        for model in _in_dependency_order(snapshot.added):
            model._base_manager.bulk_create(snapshot.added[model])
        for model, rows in snapshot.changed.items():
            for pk, values in rows.items():
                model._base_manager.filter(pk=pk).update(**values)
        # The rows keep their ids: move PostgreSQL's sequences past them (SQLite needs none).
        statements = connection.ops.sequence_reset_sql(no_style(), list(snapshot.added))
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
