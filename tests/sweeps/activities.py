"""The sweeps' entries for this piece (see tests/sweeps/__init__.py)."""

from datetime import date

from tests.roles import REGISTRY

EXPECTED: dict = {"outreach:merit_notices": REGISTRY}
OBJECT_URLS: dict = {
    "outreach:coverage_add": (
        "activity_a",
        "pk",
        {"office": 200, "leader": 403, "clerk_a": 200, "city": 403},
    ),
    "outreach:coverage_file": (
        "coverage_a",
        "pk",
        {"office": 200, "leader": 200, "clerk_a": 200, "city": 200},
    ),
    "outreach:merit_notice_add": (
        "merit_activity_a",
        "pk",
        {"office": 200, "leader": 403, "clerk_a": 200, "city": 403},
    ),
}
ACTION_URLS: set = set()
READ_ONLY: set = {"outreach:coverage_file"}
POST_ONLY_REFUSALS: dict = {}
LISTS: list = [
    ("outreach:merit_notices", {}, "outreach.detail_views.MeritNoticeListView"),
]


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of each list in LISTS."""
    from outreach.activity_details import merit_notice_add
    from tests.fixtures.activities import merit_activity_in

    merit_notice_add(
        user=clerk_a,
        activity=merit_activity_in(township_a, clerk_a),
        soldier_name="王嘉奖",
        level="commendation",
        sent_on=date(2015, 5, 4),
        serving_unit="某部",
    )
