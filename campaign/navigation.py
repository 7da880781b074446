"""The navigation bar. Each app registers its entries in its AppConfig.ready(), so this module
needs to know nothing of the apps above it."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    order: int
    label: str
    url_name: str
    roles: frozenset

    def url(self):
        return reverse(self.url_name)


_entries: dict[str, NavEntry] = {}


def register(*, order: int, label, url_name: str, roles) -> None:
    _entries[url_name] = NavEntry(order, label, url_name, frozenset(roles))


def entries_for(user) -> list[NavEntry]:
    if not user.is_authenticated:
        return []
    return sorted((e for e in _entries.values() if user.role in e.roles), key=lambda e: e.order)
