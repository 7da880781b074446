"""The workbench (工作台): what waits for this user, each count a link to the list that holds
exactly those rows. An app registers a source in its AppConfig.ready(): a function giving the
user's items (counted in as few queries as it can) and the question deciding who gets them, so
the home page imports no app above it."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    count: int
    url: str
    urgent: bool = False  # drawn in red when there is anything in it


@dataclass(frozen=True)
class Source:
    order: int
    items: Callable  # (user) -> list[Item]
    shown_to: Callable  # a question from an access module: (user) -> bool


_sources: list[Source] = []


def register(*, order: int, items: Callable, shown_to: Callable) -> None:
    _sources.append(Source(order, items, shown_to))


def items_for(user) -> list[Item]:
    return [
        item
        for source in sorted(_sources, key=lambda s: s.order)
        if source.shown_to(user)
        for item in source.items(user)
    ]
