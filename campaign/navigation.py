"""The navigation bar. Each app registers its entries in its AppConfig.ready(), so this module
needs to know nothing of the apps above it. Entries of one group share a dropdown."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from campaign.reversing import url_of

# group key -> (label, order); entries without a group stand on the bar themselves.
GROUPS = {
    "field": (_("Registry and survey"), 10),
    "ledger": (_("Ledger"), 30),
    "work": (_("Work"), 40),
    "reports": (_("Reports"), 60),
    "more": (_("More"), 90),
    "admin": (_("System administration"), 95),
}


@dataclass(frozen=True)
class NavEntry:
    order: int
    label: str
    url_name: str
    shown_to: Callable  # a question from an access module: (user) -> bool
    group: str | None = None

    def url(self):
        return url_of(self.url_name)


@dataclass
class NavItem:
    """One place on the bar: an entry, or a group of entries shown as a dropdown."""

    label: str
    order: int
    entries: list = field(default_factory=list)

    @property
    def is_group(self):
        return len(self.entries) > 1

    @property
    def url_names(self):
        return {entry.url_name for entry in self.entries}


_entries: dict[str, NavEntry] = {}


def register(
    *, order: int, label, url_name: str, shown_to: Callable, group: str | None = None
) -> None:
    if group is not None and group not in GROUPS:
        raise ValueError(f"unknown navigation group {group!r}")
    _entries[url_name] = NavEntry(order, label, url_name, shown_to, group)


def entries_for(user) -> list[NavEntry]:
    if not user.is_authenticated:
        return []
    return sorted((e for e in _entries.values() if e.shown_to(user)), key=lambda e: e.order)


def bar_for(user) -> list[NavItem]:
    items: dict[str, NavItem] = {}
    for entry in entries_for(user):
        if entry.group is None:
            items[entry.url_name] = NavItem(entry.label, entry.order, [entry])
        else:
            label, order = GROUPS[entry.group]
            items.setdefault(entry.group, NavItem(label, order)).entries.append(entry)
    return sorted(items.values(), key=lambda item: item.order)
