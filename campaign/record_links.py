"""Links that an app above offers on a record of an app below: the ledger puts "on the ledger
2015-0007" beside an inspection finding, and "Register a problem" on a household. The page
below asks for the links of its records and draws them, so it imports nothing from above.

An app registers a provider in its AppConfig.ready(): a function (user, records) returning
{record.pk: [RecordLink, …]} in a fixed number of queries however many records there are."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RecordLink:
    label: str
    url: str
    kind: str = "action"  # "action" draws a button; "state" a badge saying where the record is


_providers: dict[str, list[Callable]] = {}


def provide(model_label: str, provider: Callable) -> None:
    _providers.setdefault(model_label, []).append(provider)


def attach(user, records) -> list:
    """Set `record_links` on each record (a list, empty when nothing is offered)."""
    records = list(records)
    for record in records:
        record.record_links = []
    if not records:
        return records
    for provider in _providers.get(records[0]._meta.label, []):
        offered = provider(user, records)
        for record in records:
            record.record_links.extend(offered.get(record.pk, []))
    return records
