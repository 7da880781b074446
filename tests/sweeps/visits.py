"""The sweeps' entries for this piece (see tests/sweeps/__init__.py)."""

from tests.roles import EVERYONE_SIGNED_IN, OFFICE_AND_LEADER, ROLES  # noqa: F401

# The look-up is a member unit's (an enterprise's too); the needs are a garrison liaison's.
_MEMBER_ONLY = {role: 403 for role in ROLES if role != "anonymous"} | {"member": 200}
_LIAISON_ONLY = {role: 403 for role in ROLES if role != "anonymous"} | {"liaison": 200}

EXPECTED: dict = {
    "outreach:visit_lookup": _MEMBER_ONLY,
    "outreach:needs": _LIAISON_ONLY,
    "outreach:needs_add": _LIAISON_ONLY,
}
OBJECT_URLS: dict = {
    # Member units visit garrison units now.
    "outreach:visit_garrison": (
        "garrison_unit",
        "garrison_pk",
        {
            "office": 200,
            "leader": 403,
            "clerk_a": 200,
            "clerk_b": 200,
            "member": 200,
            "liaison": 403,
            "city": 403,
        },
    ),
}
ACTION_URLS: set = set()
READ_ONLY: set = set()
POST_ONLY_REFUSALS: dict = {}
LISTS: list = []


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of each list in LISTS."""
