"""The sweeps' entries for this piece (see tests/sweeps/__init__.py)."""

from tests.roles import EVERYONE_SIGNED_IN, OFFICE_AND_LEADER, ROLES  # noqa: F401

# A leader reads his own cases, the county office (and the city above) every leader's; the
# units have no such list.
EXPECTED: dict = {"grievances:cases_led": OFFICE_AND_LEADER}
OBJECT_URLS: dict = {}
ACTION_URLS: set = set()
READ_ONLY: set = set()
POST_ONLY_REFUSALS: dict = {}
LISTS: list = [("grievances:cases_led", {}, "grievances.leader_views.CasesLedView")]


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of each list in LISTS."""
    from campaign.models import User
    from tests.factories import CaseFactory, UserFactory

    leader = User.objects.filter(username="lists-leader").first() or UserFactory(
        username="lists-leader", unit=office.unit, read_only=True, last_name="钱"
    )
    CaseFactory(leader=leader)
