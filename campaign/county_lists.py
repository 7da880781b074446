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


# A plan's activity kinds go into the county's list of kinds, which an app above this one
# keeps: it registers how to check and write them.
_plan_kinds: dict[str, Callable] = {}


def register_plan_kinds(*, check: Callable, write: Callable) -> None:
    """check(county, spec) -> messages; write(county, spec, workstreams by number) -> count."""
    _plan_kinds.update(check=check, write=write)


def plan_kinds_errors(county, spec) -> list[str]:
    check = _plan_kinds.get("check")
    return check(county, spec) if check else []


def plan_kinds_write(county, spec, workstreams) -> int:
    write = _plan_kinds.get("write")
    return write(county, spec, workstreams) if write else 0
