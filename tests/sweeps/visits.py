"""The sweeps' entries for this piece (see tests/sweeps/__init__.py)."""

from tests.roles import EVERYONE_SIGNED_IN, OFFICE_AND_LEADER, ROLES  # noqa: F401

# The look-up is a member unit's (an enterprise's too); the needs are a garrison liaison's.
_MEMBER_ONLY = {role: 403 for role in ROLES if role != "anonymous"} | {"member": 200}
_LIAISON_ONLY = {role: 403 for role in ROLES if role != "anonymous"} | {"liaison": 200}

EXPECTED: dict = {
    "outreach:visit_lookup": _MEMBER_ONLY,
    "outreach:needs": _LIAISON_ONLY | {"office": 200, "leader": 200},
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
LISTS: list = [("outreach:needs", {}, "outreach.field_unit_views.NeedsListView")]


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of each list in LISTS."""
    from campaign.models import Topic, Unit
    from outreach.field_units import needs_report
    from tests.factories import UnitFactory, UserFactory

    garrison = UnitFactory(area=township_a.area, kind=Unit.Kind.GARRISON)
    liaison = UserFactory(unit=garrison)
    topic = Topic.objects.filter(campaign__county=township_a.area, number=1).latest("pk")
    needs_report(user=liaison, findings=[{"topic": topic, "text": "训练器材不足"}])
