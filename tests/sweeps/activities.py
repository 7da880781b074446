"""The sweeps' entries for this piece (see tests/sweeps/__init__.py)."""

from tests.roles import EVERYONE_SIGNED_IN, OFFICE_AND_LEADER, ROLES  # noqa: F401

EXPECTED: dict = {}
OBJECT_URLS: dict = {}
ACTION_URLS: set = set()
READ_ONLY: set = set()
POST_ONLY_REFUSALS: dict = {}
LISTS: list = []


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of each list in LISTS."""
