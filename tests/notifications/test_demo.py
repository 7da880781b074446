"""The demo county on its day (2016-03-15): every user's and unit's digest goes out once by each
channel it has, with the counts that user's workbench showed that day; a second run sends
nothing."""

from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from campaign.models import Unit, User
from notifications.models import Channel, Delivery, Notification, Robot
from tests.notifications.test_reminders import workbench_on

pytestmark = pytest.mark.django_db

DAY = date(2016, 3, 15)


@pytest.fixture
def demo(settings):
    settings.SHUANGYONG_TODAY = DAY
    call_command("load_plan", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())


def send(*args) -> str:
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_each_digest_goes_once_by_every_channel_with_the_workbench_counts(
    demo, smtp_inbox, robot_server
):
    users = list(User.objects.filter(is_active=True, unit__isnull=False).order_by("pk"))
    assert len(users) > 20
    for user in users:
        User.objects.filter(pk=user.pk).update(email=f"{user.username}@demo.example.cn")
    units = Unit.objects.filter(users__in=users).distinct().order_by("pk")
    for number, unit in enumerate(units):
        kind = Channel.WECOM if number % 2 else Channel.DINGTALK
        Robot.objects.create(unit=unit, kind=kind, url=robot_server.url(f"/hook/{unit.pk}"))

    first = send("--date", "2016-03-15")

    notified = {n.recipient_id: n for n in Notification.objects.filter(day=DAY)}
    expected_mail = 0
    for user in users:
        counts = workbench_on(user, DAY)
        if not counts:
            assert user.pk not in notified, user.username
            continue
        expected_mail += 1
        shown = {
            line["label"]: line["count"]
            for line in notified[user.pk].lines
            if line["count"] is not None
        }
        assert sorted(shown.values()) == sorted(counts.values()), user.username
        for channel in (Channel.APP, Channel.EMAIL):
            delivery = Delivery.objects.get(day=DAY, channel=channel, user=user)
            assert (delivery.status, delivery.attempts) == ("sent", 1)
            assert delivery.counts == counts, user.username
    assert len(notified) > 10
    assert len(smtp_inbox.messages) == expected_mail == len(notified)
    assert Counter(tuple(mail["to"]) for mail in smtp_inbox.messages).most_common(1)[0][1] == 1

    robots = Delivery.objects.filter(day=DAY, unit__isnull=False)
    assert robots.count() == len(robot_server.posts) > 5
    for delivery in robots.select_related("unit"):
        assert delivery.status == "sent"
        voice = (
            User.objects.filter(unit=delivery.unit, is_active=True, read_only=False)
            .order_by("pk")
            .first()
        )
        assert delivery.counts == workbench_on(voice, DAY), delivery.unit.name
    assert f"app: sent {len(notified)}\n" in first
    assert f"email: sent {expected_mail}\n" in first

    second = send("--date", "2016-03-15")
    assert "2016-03-15: sent 0 digest(s)." in second
    assert len(smtp_inbox.messages) == expected_mail
    assert len(robot_server.posts) == robots.count()
    assert Notification.objects.count() == len(notified)
