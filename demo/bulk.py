"""Bulk inserts for the demo builders, which write thousands of rows at a time."""

from django.db.models import Model
from simple_history.utils import bulk_create_with_history


def insert_with_history(rows: list, model: type[Model]) -> list:
    """Insert the rows with their history rows and return them with their ids."""
    rows = bulk_create_with_history(rows, model, batch_size=500)
    if not rows[0].pk:  # SQLite before 3.35 returns no ids from bulk inserts: read them back,
        # the last ones inserted, in the order they were given
        rows = list(model.objects.order_by("-pk")[: len(rows)])[::-1]
    return rows
