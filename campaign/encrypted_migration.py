"""The data step of the migrations that encrypt numbers already stored (campaign 0009,
outreach 0007, grievances 0006): every row and every history row, in raw SQL so that neither
the migration state's field nor a later model's field interferes.

Forward: each clear value becomes a token under the first key, and each hash column named is
filled from its clear value. Values that are already tokens are left alone, so running it on a
half-converted table finishes the job. Backward: tokens are decrypted in place."""

from campaign import crypto

BATCH = 2000


def _convert(apps, schema_editor, specs, forward: bool):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    for label, columns, hashes in specs:
        model = apps.get_model(label)
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        for column in columns:
            hash_column = hashes.get(column)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT {pk}, {quote(column)} FROM {table} ORDER BY {pk}")
                rows = cursor.fetchall()
            updates = []
            for key, value in rows:
                if forward:
                    clear = crypto.decrypt(value) if crypto.is_token(value) else value or ""
                    stored = value if crypto.is_token(value) or not clear else crypto.encrypt(clear)
                    new = [stored, crypto.hash_of(clear)] if hash_column else [stored]
                else:
                    new = [crypto.decrypt(value) if crypto.is_token(value) else value]
                    if hash_column:
                        new.append("")
                updates.append([*new, key])
            sets = f"{quote(column)} = %s"
            if hash_column:
                sets += f", {quote(hash_column)} = %s"
            with connection.cursor() as cursor:
                for start in range(0, len(updates), BATCH):
                    cursor.executemany(
                        f"UPDATE {table} SET {sets} WHERE {pk} = %s",
                        updates[start : start + BATCH],
                    )
    _settle(connection)


def _settle(connection):
    """PostgreSQL queues deferred foreign-key checks for the updated rows; it refuses to build an
    index on the table (the migration's deferred index on the hash) until they have run."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def encrypting(specs):
    """A RunPython pair for specs: [(app.Model, [columns], {column: hash column})]."""

    def forward(apps, schema_editor):
        _convert(apps, schema_editor, specs, forward=True)

    def backward(apps, schema_editor):
        _convert(apps, schema_editor, specs, forward=False)

    return forward, backward
