"""The sweeps' entries for the survey app on a clerk's phone (see tests/sweeps/__init__.py)."""

from tests.roles import ROLES

# The app, its worklist and its sending: a township clerk's; everyone else signed in is refused.
_CLERKS = {role: 403 for role in ROLES if role != "anonymous"} | {"clerk_a": 200, "clerk_b": 200}
# The service worker and the manifest hold no one's data: served to anyone, even signed out.
_ANYONE = {role: 200 for role in ROLES}

EXPECTED: dict = {
    "outreach:survey": _CLERKS,
    "outreach:survey_worklist": _CLERKS,
    # Sending is a POST; a clerk's GET is refused as such (tests/outreach/test_fieldwork_send).
    "outreach:survey_send": _CLERKS | {"clerk_a": 405, "clerk_b": 405},
    "outreach:survey_worker": _ANYONE,
    "outreach:survey_manifest": _ANYONE,
}
OBJECT_URLS: dict = {}
ACTION_URLS: set = set()
READ_ONLY: set = set()
POST_ONLY_REFUSALS: dict = {}
LISTS: list = []


def make_rows(township_a, office, clerk_a) -> None:
    """The survey app has no paged list."""
