"""The sweeps' entries for this piece (see tests/sweeps/__init__.py)."""

from tests.roles import EVERYONE_SIGNED_IN, OFFICE_AND_LEADER, ROLES  # noqa: F401

# The office and the county leaders read every action, the city's office too; the lead unit
# (甲镇, clerk_a) reads its own; other units have nothing there (404). The office frames it and
# the lead unit reports on it; those who read but may not change it get 403.
READERS = {"office": 200, "leader": 200, "city": 200, "clerk_a": 200}
WRITERS = {"office": 200, "clerk_a": 200, "leader": 403, "city": 403}

EXPECTED: dict = {
    # Reached from the navigation of the county's own units; the garrison and the city's office
    # have no entry (404).
    "reports:special_action_list": {role: 200 for role in ROLES if role != "anonymous"}
    | {"liaison": 404, "city": 404},
}
OBJECT_URLS: dict = {
    "reports:special_action": ("special_action_a", "pk", READERS),
    "reports:special_action_edit": ("special_action_a", "pk", WRITERS),
    "reports:special_action_note_add": ("special_action_a", "pk", WRITERS),
}
ACTION_URLS: set = set()
READ_ONLY: set = {"reports:special_action"}
POST_ONLY_REFUSALS: dict = {}
LISTS: list = [
    (
        "reports:special_action_list",
        {},
        "reports.special_action_views.SpecialActionListView",
    ),
]


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of each list in LISTS: the list holds one action per topic of the
    campaign, so each call adds a topic and its action."""
    from campaign.models import SpecialAction, Topic

    campaign = township_a.area.campaigns.get()
    number = campaign.topics.count() + 1
    topic = Topic.objects.create(
        campaign=campaign,
        number=number,
        name=f"专题{number}",
        about=Topic.About.BENEFICIARY,
        workstream=campaign.workstreams.first(),
    )
    SpecialAction.objects.create(topic=topic, lead_unit=township_a)
