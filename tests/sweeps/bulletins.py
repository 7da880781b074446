"""The sweeps' entries for this piece (see tests/sweeps/__init__.py). Every signed-in user reads
published bulletins; drafts are the county office's (404 for the rest, leaders and the city
included); the office's writers draft, edit, publish and withdraw (403 for readers)."""

from tests.roles import EVERYONE_SIGNED_IN, OFFICE_AND_LEADER, ROLES  # noqa: F401

READERS = ["leader", "clerk_a", "clerk_b", "member", "liaison", "city"]

EXPECTED: dict = {
    "bulletins:bulletins": EVERYONE_SIGNED_IN,
    "bulletins:bulletin_add": {"office": 200} | dict.fromkeys(READERS, 403),
}
OBJECT_URLS: dict = {
    "bulletins:bulletin": ("bulletin_published", "pk", EVERYONE_SIGNED_IN),
    "bulletins:bulletin_print": ("bulletin_published", "pk", EVERYONE_SIGNED_IN),
    "bulletins:bulletin_edit": ("bulletin_draft", "pk", {"office": 200}),
    "bulletins:bulletin_publish": ("bulletin_draft", "pk", {"office": 405}),
    "bulletins:bulletin_withdraw": (
        "bulletin_published",
        "pk",
        {"office": 405} | dict.fromkeys(READERS, 403),
    ),
    "bulletins:attachment_add": ("bulletin_draft", "pk", {"office": 405}),
    "bulletins:attachment": ("bulletin_attachment", "pk", EVERYONE_SIGNED_IN),
}
ACTION_URLS: set = set()
READ_ONLY: set = {"bulletins:bulletin", "bulletins:bulletin_print", "bulletins:attachment"}
POST_ONLY_REFUSALS: dict = {}
LISTS: list = [("bulletins:bulletins", {}, "bulletins.views.BulletinListView")]


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of each list in LISTS."""
    from tests.fixtures.bulletins import make_bulletin

    make_bulletin(office, title="清单简报")
