"""Inserting many rows at once without building a model instance for each: what large imports use.

`bulk_create` builds a model instance per row and prepares every field of it one by one; for the
tens of thousands of rows a large import writes (actions, their owners, sources, progress updates
and the history record of each) that costs several times the reading of the file. `RowInserter`
writes plain tuples instead: the columns are the model's own (from `_meta`), the fields a caller
does not give take their model default (worked out once), and only date, time and decimal values
are prepared for the database (once per distinct value). Rows that must return their new ids are
inserted in multi-row INSERT … RETURNING batches (SQLite 3.35+, PostgreSQL), the others with one
prepared statement (executemany). No signals are sent, as with bulk_create: callers write the
history records themselves.
"""

import contextlib
import enum
import gc

from django.db import connections, models, router

_PREPARED = (models.DateField, models.TimeField, models.DecimalField, models.JSONField, models.UUIDField)


class RowInserter:
    """Insert rows of `fields` (attribute names, in order: "theme_id" for a foreign key) into `model`."""

    def __init__(self, model, fields, *, using=None):
        self.model = model
        self.using = using or router.db_for_write(model)
        self.connection = connections[self.using]
        meta = model._meta
        by_name = {field.attname: field for field in meta.concrete_fields}
        self.fields = [by_name[name] for name in fields]
        given = set(fields)
        rest = [field for field in meta.concrete_fields if field.attname not in given and field is not meta.pk]
        self.defaults = tuple(self._prepare(field, field.get_default()) for field in rest)
        quote = self.connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in [*self.fields, *rest])
        self.width = len(self.fields) + len(rest)
        self.prefix = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES "  # noqa: S608 - table and column names from the model, quoted; values are parameters
        self.row_sql = "(" + ", ".join(["%s"] * self.width) + ")"
        self.returning = f" RETURNING {quote(meta.pk.column)}"
        self.prepared = [
            (index, field, {})
            for index, field in enumerate(self.fields)
            if isinstance(field, _PREPARED) or field.choices
        ]
        limit = self.connection.features.max_query_params or 65535
        self.batch = max(1, min(limit // self.width, 2000))

    def _prepare(self, field, value):
        if isinstance(value, enum.Enum):  # a choice (ActionStatus.OPEN) is saved as its value
            value = value.value
        return field.get_db_prep_save(value, connection=self.connection) if isinstance(field, _PREPARED) else value

    def _rows(self, rows):
        defaults = self.defaults
        if not self.prepared:
            for row in rows:
                yield (*row, *defaults)
            return
        for row in rows:
            row = list(row)
            for index, field, cache in self.prepared:
                value = row[index]
                if value is not None:
                    try:
                        row[index] = cache[value]
                    except KeyError:
                        row[index] = cache[value] = self._prepare(field, value)
            yield (*row, *defaults)

    def insert(self, rows):
        """Insert `rows` (an iterable of tuples); return nothing."""
        sql = self.prefix + self.row_sql
        with self.connection.cursor() as cursor:
            batch = []
            for row in self._rows(rows):
                batch.append(row)
                if len(batch) >= 5000:
                    cursor.executemany(sql, batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)

    def insert_returning(self, rows):
        """Insert `rows` (a list of tuples); return their new primary keys, in the same order."""
        if not self.connection.features.can_return_rows_from_bulk_insert:
            return self._insert_one_by_one(rows)
        ids = []
        prepared = list(self._rows(rows))
        with self.connection.cursor() as cursor:
            for start in range(0, len(prepared), self.batch):
                chunk = prepared[start : start + self.batch]
                sql = self.prefix + ", ".join([self.row_sql] * len(chunk)) + self.returning
                cursor.execute(sql, [value for row in chunk for value in row])
                ids += [row[0] for row in cursor.fetchall()]
        return ids

    def _insert_one_by_one(self, rows):
        ids = []
        sql = self.prefix + self.row_sql
        with self.connection.cursor() as cursor:
            for row in self._rows(rows):
                cursor.execute(sql, row)
                ids.append(
                    self.connection.ops.last_insert_id(cursor, self.model._meta.db_table, self.model._meta.pk.column)
                )
        return ids


@contextlib.contextmanager
def cycles_collected_after():
    """Run the block with Python's cycle collector paused, then collect the young objects once.

    A large import makes tens of thousands of objects that live until it ends (the rows read, the
    actions to write); the collector, set off every 700 new objects, would walk them again and
    again (a fifth of the import's time at 5,000 rows) to find almost no garbage. Paused, they
    are walked once at the end (`gc.collect(1)`, timed with the import). Nested blocks leave the
    collector as the outer one set it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(1)
