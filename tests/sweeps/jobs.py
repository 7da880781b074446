"""The sweeps' entries for this piece (see tests/sweeps/__init__.py)."""

from tests.roles import EVERYONE_SIGNED_IN

# A job, its progress and its file: whoever asked for it, and the county office; nobody else
# learns that it exists (404).
ASKER_AND_OFFICE = {"office": 200, "clerk_a": 200}

EXPECTED: dict = {"jobs:jobs": EVERYONE_SIGNED_IN}
OBJECT_URLS: dict = {
    "jobs:job": ("job_of_clerk_a", "pk", ASKER_AND_OFFICE),
    "jobs:job_state": ("job_of_clerk_a", "pk", ASKER_AND_OFFICE),
    "jobs:download": ("job_of_clerk_a", "pk", ASKER_AND_OFFICE),
}
ACTION_URLS: set = set()
READ_ONLY: set = {"jobs:job", "jobs:job_state", "jobs:download"}
POST_ONLY_REFUSALS: dict = {}
LISTS: list = [("jobs:jobs", {}, "jobs.views.JobListView")]


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of the list: a job the office asked for."""
    from tests.fixtures.jobs import make_job

    make_job(office, title="行")
