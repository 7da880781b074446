"""The change history of an import's rows, copied from the rows just written by one INSERT …
SELECT per batch: the records simple_history's bulk_history_create would make, without building
a second Python object for every row (bench/FINDINGS.md §8: the history cost more than the
rows themselves)."""

from django.db import connection

BATCH = 500


def _quoted(names) -> str:
    return ", ".join(connection.ops.quote_name(name) for name in names)


def _batches(pks: list[int]):
    for start in range(0, len(pks), BATCH):
        yield pks[start : start + BATCH]


def record_created(model, pks: list[int], *, user, reason: str, when) -> None:
    """A "created" (+) history record for each of the rows `pks` of `model`, as they stand."""
    history = model.history.model
    columns = [field.column for field in history.tracked_fields]
    date = history._meta.get_field("history_date").get_db_prep_value(when, connection)
    target = connection.ops.quote_name(history._meta.db_table)
    source = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    extra = ["history_date", "history_change_reason", "history_type", "history_user_id"]
    with connection.cursor() as cursor:
        for batch in _batches(pks):
            cursor.execute(
                f"INSERT INTO {target} ({_quoted(columns + extra)}) "
                f"SELECT {_quoted(columns)}, %s, %s, '+', %s FROM {source} "
                f"WHERE {pk} IN ({', '.join(['%s'] * len(batch))})",
                [date, reason, user.pk if user else None, *batch],
            )


def record_links(model, pks: list[int], *, when) -> None:
    """The many-to-many rows the history tracks, for the records of `pks` made at `when`, as
    simple_history adds them after each save."""
    history = model.history.model
    date = history._meta.get_field("history_date").get_db_prep_value(when, connection)
    records = connection.ops.quote_name(history._meta.db_table)
    owner_pk = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        for field in getattr(history, "_history_m2m_fields", []):
            through = field.remote_field.through
            owner = connection.ops.quote_name(
                through._meta.get_field(field.m2m_field_name()).column
            )
            columns = [f.column for f in through._meta.concrete_fields]
            target = getattr(history, field.name).model._meta.db_table
            links = ", ".join(f"l.{connection.ops.quote_name(c)}" for c in columns)
            for batch in _batches(pks):
                cursor.execute(
                    f"INSERT INTO {connection.ops.quote_name(target)} "
                    f"({_quoted([*columns, 'history_id'])}) "
                    f"SELECT {links}, h.history_id "
                    f"FROM {connection.ops.quote_name(through._meta.db_table)} l "
                    f"JOIN {records} h ON h.{owner_pk} = l.{owner} "
                    f"WHERE h.history_date = %s "
                    f"AND l.{owner} IN ({', '.join(['%s'] * len(batch))})",
                    [date, *batch],
                )
