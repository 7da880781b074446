"""Where each figure leads: the list of the records it counts."""

import functools
from urllib.parse import quote_plus

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def _query(params: dict) -> str:
    """The query string of the params that have a value. The keys are this module's own
    identifiers, so only the values need quoting (urlencode quotes both, and a progress table
    asks for hundreds of links)."""
    return "&".join(
        f"{key}={value if type(value) is int else quote_plus(str(value))}"
        for key, value in params.items()
        if value not in (None, "")
    )


@functools.lru_cache(maxsize=256)
def _reversed(name: str, prefix: str, urlconf: str) -> str:  # prefix: part of the key
    return reverse(name, urlconf=urlconf)


def _base(name: str) -> str:
    """reverse(name), once per list, script prefix and URLconf: a table or a dashboard asks
    for hundreds of links to a handful of lists, and Django's reverse costs as much as the
    rest of such a link. Keyed on everything reverse reads, so nothing goes stale."""
    return _reversed(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


def _url(name: str, params: dict) -> str:
    query = _query(params)
    return _base(name) + (f"?{query}" if query else "")


def cases(year: int, **params) -> str:
    """params: among (registered, the default; carried_in; in_hand), measure, lead_unit, led,
    topic, township, status, registered, closed."""
    return _url("reports:cases", {"year": year, **params})


def findings(year: int, **params) -> str:
    return _url("reports:findings", {"year": year, **params})


def activities(year: int, **params) -> str:
    return _url("reports:activities", {"year": year, **params})


def five_ones(**params) -> str:
    return _url("reports:five_ones", params)


def inspections(year: int, **params) -> str:
    return _url("reports:inspections", {"year": year, **params})


def households(*, township=None, visited=None) -> str:
    """The registry's own list (outreach), which filters by township and by visited."""
    return _url("outreach:households", {"township": township, "visited": visited})


def progress_links(year: int, row: dict, *, total: bool = False) -> dict:
    unit = None if total else row.get("unit_id")
    township = unit if (total or row.get("kind") == "township") else None
    scope = {"led": "yes"} if total else {"lead_unit": unit}
    result = {
        "cases": cases(year, **scope),
        "carried_in": cases(year, among="carried_in", **scope),
        "in_hand": cases(year, among="in_hand", **scope),
        "closed": cases(year, among="in_hand", measure="closed", **scope),
        "overdue": cases(year, among="in_hand", measure="overdue", **scope),
        "on_time": cases(year, among="in_hand", measure="on_time", **scope),
        "activities": activities(year, unit=unit, led="yes" if total else None),
        "five_ones": five_ones(unit=unit, status="done"),
    }
    if township or total:
        result["households"] = households(township=township)
        result["visited"] = households(township=township, visited="yes")
    return result


def reverse_with(name: str, **params) -> str:
    return _url(name, params)
