"""The sweeps' entries for this piece (see tests/sweeps/__init__.py)."""

from tests.roles import EVERYONE_SIGNED_IN, ROLES

# A digest is everyone's own; the robots and how the deliveries went are the county office's
# (a unit's administrator sets its own unit's robot: tests/notifications).
OFFICE_ONLY = {role: 404 for role in ROLES if role != "anonymous"} | {"office": 200}

EXPECTED: dict = {
    "notifications:list": EVERYONE_SIGNED_IN,
    "notifications:unread": EVERYONE_SIGNED_IN,
    "notifications:preferences": EVERYONE_SIGNED_IN | {"city": 403},
    "notifications:robots": OFFICE_ONLY,
    "notifications:deliveries": OFFICE_ONLY,
}
OBJECT_URLS: dict = {"notifications:robot": ("township_a", "pk", {"office": 200})}
ACTION_URLS: set = set()
READ_ONLY: set = set()
POST_ONLY_REFUSALS: dict = {}
LISTS: list = [
    ("notifications:list", {}, "notifications.views.NotificationListView"),
    ("notifications:robots", {}, "notifications.views.RobotListView"),
    ("notifications:deliveries", {}, "notifications.views.DeliveryListView"),
]


def make_rows(township_a, office, clerk_a) -> None:
    """One more row of each list: a digest the office got and its delivery, one day later than
    the last (the robots' list grows with the units the sweeps make)."""
    from datetime import date, timedelta

    from notifications.models import Channel, Delivery, Notification

    day = date(2015, 6, 1) + timedelta(days=Notification.objects.filter(recipient=office).count())
    Notification.objects.create(recipient=office, day=day, title=f"{day} 提醒", lines=[])
    Delivery.objects.create(
        county=office.unit.area, day=day, channel=Channel.APP, user=office, status="sent"
    )
