"""A signal for writes that send no save or delete signals of their own (bulk_create,
queryset.update(), raw SQL): whoever makes one sends `rows_written` with the county whose
records it changed, so what is kept from those records (reports.kept_signals) knows."""

from django.dispatch import Signal

# Sent with sender=<the model written> and county_id=<the county's Area pk>.
rows_written = Signal()
