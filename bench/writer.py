"""Writing generated rows fast: PostgreSQL COPY through psycopg's cursor.copy, or batched
multi-row INSERTs elsewhere (SQLite, for the smoke test). Rows are tuples in the order of the
attnames given; every other concrete field gets its model default, so a column added later
with a default does not break the generator."""

from collections.abc import Iterable
from itertools import islice

from django.core.management.color import no_style
from django.db import connection, models

from campaign.crypto import encrypt
from campaign.fields import EncryptedCharField, HashField, hash_of

BATCH = 2000


class Writer:
    def __init__(self, using=connection):
        self.connection = using
        self.postgres = using.vendor == "postgresql"
        self.counts: dict[str, int] = {}

    def next_id(self, model) -> int:
        last = model._base_manager.aggregate(last=models.Max("pk"))["last"]
        return (last or 0) + 1

    def write(self, model, fields: list[str], rows: Iterable[tuple]) -> int:
        concrete = {f.attname: f for f in model._meta.concrete_fields}
        unknown = set(fields) - set(concrete)
        if unknown:
            raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
        rest = [f for name, f in concrete.items() if name not in fields]
        defaults = tuple(_default(f) for f in rest)
        order = [concrete[name] for name in fields] + rest
        columns = ", ".join(self.connection.ops.quote_name(f.column) for f in order)
        table = self.connection.ops.quote_name(model._meta.db_table)
        rows = _with_numbers_sealed(order, (row + defaults for row in rows), self.postgres)
        if self.postgres:
            count = self._copy(table, columns, order, rows, ())
        else:
            count = self._insert(table, columns, order, rows, ())
        self.counts[model._meta.db_table] = self.counts.get(model._meta.db_table, 0) + count
        return count

    def _copy(self, table, columns, order, rows, defaults) -> int:
        from psycopg.types.json import Jsonb

        json_at = [i for i, f in enumerate(order) if isinstance(f, models.JSONField)]
        count = 0
        with self.connection.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    row = row + defaults
                    if json_at:
                        row = list(row)
                        for i in json_at:
                            row[i] = Jsonb(row[i])
                    copy.write_row(row)
                    count += 1
        return count

    def _insert(self, table, columns, order, rows, defaults) -> int:
        marks = ", ".join(["%s"] * len(order))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        prep = [f.get_db_prep_save for f in order]
        count = 0
        rows = iter(rows)
        with self.connection.cursor() as cursor:
            while batch := list(islice(rows, BATCH)):
                cursor.executemany(
                    sql,
                    [
                        [p(v, self.connection) for p, v in zip(prep, row + defaults, strict=True)]
                        for row in batch
                    ],
                )
                count += len(batch)
        return count

    def reset_sequences(self, models_written) -> None:
        statements = self.connection.ops.sequence_reset_sql(no_style(), list(models_written))
        with self.connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _with_numbers_sealed(order, rows, copying: bool):
    """Rows as the database stores them: each hash column filled from its clear number, and,
    for COPY (which bypasses the fields), each encrypted column encrypted. INSERT goes through
    the fields' get_db_prep_save, which encrypts."""
    position = {f.name: i for i, f in enumerate(order)}
    hashes = [(i, position[f.of]) for i, f in enumerate(order) if isinstance(f, HashField)]
    sealed = [i for i, f in enumerate(order) if isinstance(f, EncryptedCharField)]
    if not hashes and not (copying and sealed):
        yield from rows
        return
    for row in rows:
        row = list(row)
        for at, source in hashes:
            row[at] = hash_of(row[source])
        if copying:
            for at in sealed:
                row[at] = encrypt(row[at])
        yield tuple(row)


def _default(field):
    if field.has_default() or field.null or field.empty_strings_allowed:
        return field.get_default()
    raise ValueError(f"{field.model.__name__}.{field.name} needs a value: it has no default")
