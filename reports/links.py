"""Where each figure leads: the list of the records it counts."""

from urllib.parse import quote_plus

from campaign.reversing import url_of


def _query(params: dict) -> str:
    """The query string of the params that have a value. The keys are this module's own
    identifiers, so only the values need quoting (urlencode quotes both, and a progress table
    asks for hundreds of links)."""
    return "&".join(
        f"{key}={value if type(value) is int else quote_plus(str(value))}"
        for key, value in params.items()
        if value not in (None, "")
    )


def _url(name: str, params: dict) -> str:
    query = _query(params)
    return url_of(name) + (f"?{query}" if query else "")


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
