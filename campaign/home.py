"""Panels on the home page. An app registers one in its AppConfig.ready() with the template
that draws it and a function giving its context, so the home page imports no app above it."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    order: int
    template: str
    context: Callable
    shown_to: Callable  # a question from an access module: (user) -> bool


_panels: list[Panel] = []


def register_panel(*, order: int, template: str, context: Callable, shown_to: Callable) -> None:
    _panels.append(Panel(order, template, context, shown_to))


def panels_for(user) -> list[dict]:
    """[{"template": …, **context}] for the panels shown to this user."""
    return [
        {"template": panel.template, **panel.context(user)}
        for panel in sorted(_panels, key=lambda p: p.order)
        if panel.shown_to(user)
    ]
