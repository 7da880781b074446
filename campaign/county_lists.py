"""The reference lists a new county starts with. The apps that keep such lists register a
function here (in their AppConfig.ready); adding a county calls each in the same transaction,
so a county never exists without its lists. The campaign app cannot import the apps above it,
hence the registry."""

from collections.abc import Callable

_starters: dict[str, Callable] = {}


def register(key: str, create: Callable) -> None:
    """create(county) makes the county's starter values of one app's lists."""
    _starters[key] = create


def county_lists_create(county) -> None:
    for create in _starters.values():
        create(county)
