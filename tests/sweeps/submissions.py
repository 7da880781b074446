"""The sweeps' entries for this piece (see tests/sweeps/__init__.py)."""

from tests.roles import EVERYONE_SIGNED_IN, KEEPERS, OFFICE_AND_LEADER, ROLES  # noqa: F401

# The county's readers see every request; a unit those addressed to it (township A and the
# member unit here); only the county office changes or reviews; only an addressed unit submits.
READERS = {"office": 200, "leader": 200, "city": 200}
ASKED = READERS | {"clerk_a": 200, "member": 200}
CHANGERS = {"office": 200, "leader": 403, "clerk_a": 403, "member": 403, "city": 403}

EXPECTED: dict = {
    "submissions:requests": EVERYONE_SIGNED_IN,
    "submissions:submissions": EVERYONE_SIGNED_IN,
    "submissions:request_add": KEEPERS,
}
OBJECT_URLS: dict = {
    "submissions:request": ("report_request_a", "pk", ASKED),
    "submissions:template": ("report_request_a", "pk", ASKED),
    "submissions:request_edit": ("report_request_a", "pk", CHANGERS),
    "submissions:request_withdraw": ("report_request_a", "pk", CHANGERS | {"office": 405}),
    "submissions:submit": (
        "report_request_a",
        "pk",
        {"office": 403, "leader": 403, "city": 403, "clerk_a": 200, "member": 200},
    ),
    "submissions:submission": ("submission_a", "pk", READERS | {"clerk_a": 200}),
    "submissions:attachment": ("attachment_a", "pk", READERS | {"clerk_a": 200}),
    "submissions:submission_return": (
        "submission_a",
        "pk",
        {"office": 405, "leader": 403, "clerk_a": 403, "city": 403},
    ),
    "submissions:submission_accept": (
        "submission_a",
        "pk",
        {"office": 405, "leader": 403, "clerk_a": 403, "city": 403},
    ),
}
ACTION_URLS: set = set()
READ_ONLY: set = {
    "submissions:request",
    "submissions:template",
    "submissions:submission",
    "submissions:attachment",
}
POST_ONLY_REFUSALS: dict = {}
LISTS: list = [
    ("submissions:requests", {}, "submissions.views.RequestListView"),
    ("submissions:submissions", {}, "submissions.views.SubmissionListView"),
]


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of each list in LISTS: a request to township A, which it answers."""
    from datetime import date

    from submissions.models import ReportRequest
    from submissions.services import request_save, submission_submit

    asked = request_save(
        user=office,
        request=ReportRequest(title="行", period="2015年", due_on=date(2015, 6, 30)),
        units=[township_a],
    )
    submission_submit(user=clerk_a, request=asked, text="报送")
