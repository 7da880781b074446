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
    simple_history adds them after each save. (Joined in one INSERT … SELECT, PostgreSQL's
    planner, blind to the rows just written, scanned the history table once per batch.)"""
    history = model.history.model
    m2m_fields = getattr(history, "_history_m2m_fields", [])
    if not (pks and m2m_fields):
        return
    records = dict(
        history.objects.filter(history_date=when, id__in=pks).values_list("id", "history_id")
    )
    with connection.cursor() as cursor:
        for field in m2m_fields:
            through = field.remote_field.through
            owner = field.m2m_field_name() + "_id"
            names = [f.attname for f in through._meta.concrete_fields]
            at = names.index(owner)
            links = through.objects.filter(**{f"{owner}__in": pks}).values_list(*names)
            target = connection.ops.quote_name(getattr(history, field.name).model._meta.db_table)
            columns = [f.column for f in through._meta.concrete_fields] + ["history_id"]
            cursor.executemany(
                f"INSERT INTO {target} ({_quoted(columns)}) "
                f"VALUES ({', '.join(['%s'] * len(columns))})",
                [(*link, records[link[at]]) for link in links.iterator(chunk_size=2000)],
            )
