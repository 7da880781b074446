"""Bulk inserts for the demo builders, which write thousands of rows at a time."""

from django.db.models import Model
from simple_history.utils import bulk_create_with_history


def insert_with_history(rows: list, model: type[Model], *order_by: str) -> list:
    """Insert the rows with their history rows and return them with their ids."""
    rows = bulk_create_with_history(rows, model, batch_size=500)
    if not rows[0].pk:  # SQLite before 3.35 returns no ids from bulk inserts: read them back
        rows = list(model.objects.order_by(*(order_by or ["pk"])))
    return rows
