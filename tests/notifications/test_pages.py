"""The reminder pages: the user's digests (the bell's count drops once they are shown), the
choice of channels, the units' robots, and the office's record of every delivery."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from notifications.models import Channel, Delivery, Notification, Preference, Robot

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")
UNREAD = reverse("notifications:unread")
DELIVERIES = reverse("notifications:deliveries")
ROBOTS = reverse("notifications:robots")
WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"


@pytest.fixture(autouse=True)
def _robot_hosts_as_deployed(settings):
    settings.ROBOT_HOSTS = ["qyapi.weixin.qq.com", "oapi.dingtalk.com"]


def digest(user, number: int) -> Notification:
    day = date(2015, 7, 1) + timedelta(days=number)
    return Notification.objects.create(
        recipient=user,
        day=day,
        title=f"{day} 提醒",
        lines=[{"label": f"事项{number}", "count": number + 1, "url": "/ledger/inbox/"}],
    )


def total(response) -> int:
    return response.context["page_obj"].paginator.count


@pytest.mark.parametrize("rows", [1, 3])
def test_the_list_keeps_its_queries_whatever_its_rows(
    rows, client_for, clerk_a, clerk_b, django_assert_max_num_queries
):
    for number in range(rows):
        digest(clerk_a, number)
    digest(clerk_b, 9)  # another user's: not on the page
    client = client_for(clerk_a)
    with django_assert_max_num_queries(9):
        response = client.get(LIST)
    page = response.content.decode()
    assert total(response) == rows and f'data-total="{rows}"' in page
    assert all(f"事项{number}" in page for number in range(rows))
    assert "事项9" not in page


def test_the_bell_counts_the_unread_and_the_list_marks_them_read(client_for, clerk_a, clerk_b):
    for number in range(3):
        digest(clerk_a, number)
    digest(clerk_b, 0)
    client = client_for(clerk_a)
    assert client.get(UNREAD).json() == {"unread": 3}
    page = client.get(LIST).content.decode()
    assert page.count('data-testid="notification"') == 3 and "新" in page
    assert client.get(UNREAD).json() == {"unread": 0}
    assert Notification.objects.filter(recipient=clerk_b, read_at__isnull=True).count() == 1


def test_only_the_page_shown_is_marked_read(client_for, clerk_a, monkeypatch):
    from notifications.views import NotificationListView

    monkeypatch.setattr(NotificationListView, "paginate_by", 2)
    for number in range(3):
        digest(clerk_a, number)
    client = client_for(clerk_a)
    client.get(LIST)
    assert client.get(UNREAD).json() == {"unread": 1}


def test_every_page_carries_the_bell(client_for, clerk_a):
    page = client_for(clerk_a).get(reverse("home")).content.decode()
    assert 'data-testid="bell"' in page and f'data-unread-url="{UNREAD}"' in page


def test_a_user_chooses_its_channels(client_for, clerk_a):
    client = client_for(clerk_a)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "没有电子邮箱" in page
    response = client.post(reverse("notifications:preferences"), {"in_app": "on"})
    assert response.status_code == 302
    chosen = Preference.objects.get(user=clerk_a)
    assert (chosen.in_app, chosen.by_email) == (True, False)


def test_the_office_sets_a_units_robot_and_removes_it(client_for, office, township_a):
    client = client_for(office)
    url = reverse("notifications:robot", args=[township_a.pk])
    assert client.post(url, {"kind": "wecom", "url": WECOM}).status_code == 302
    robot = Robot.objects.get(unit=township_a)
    assert (robot.kind, robot.url) == ("wecom", WECOM)
    assert "企业微信" in client.get(ROBOTS).content.decode()
    assert client.post(url, {"kind": "wecom", "url": ""}).status_code == 302
    assert not Robot.objects.exists()


def test_a_robot_on_another_host_is_refused_on_the_page(client_for, office, township_a):
    client = client_for(office)
    url = reverse("notifications:robot", args=[township_a.pk])
    response = client.post(url, {"kind": "dingtalk", "url": "https://example.com/hook"})
    assert response.status_code == 200
    assert "只接受企业微信和钉钉机器人的地址" in response.content.decode()
    assert not Robot.objects.exists()


def test_a_units_administrator_sets_its_own_units_robot_only(
    client_for, clerk_a, township_a, township_b
):
    clerk_a.is_administrator = True
    clerk_a.save(update_fields=["is_administrator"])
    client = client_for(clerk_a)
    rows = client.get(ROBOTS).context["object_list"]
    assert list(rows) == [township_a]
    own = reverse("notifications:robot", args=[township_a.pk])
    assert client.post(own, {"kind": "wecom", "url": WECOM}).status_code == 302
    other = reverse("notifications:robot", args=[township_b.pk])
    assert client.post(other, {"kind": "wecom", "url": WECOM}).status_code == 403
    assert list(Robot.objects.values_list("unit", flat=True)) == [township_a.pk]


def test_a_clerk_without_the_administrator_flag_sets_no_robot(client_for, clerk_a, township_a):
    client = client_for(clerk_a)
    url = reverse("notifications:robot", args=[township_a.pk])
    assert client.post(url, {"kind": "wecom", "url": WECOM}).status_code == 404
    assert not Robot.objects.exists()


def delivery(user, number, **fields) -> Delivery:
    return Delivery.objects.create(
        county=user.unit.area,
        day=date(2015, 7, 1) + timedelta(days=number),
        channel=Channel.EMAIL,
        user=user,
        **{"status": "sent", "attempts": 1} | fields,
    )


@pytest.mark.parametrize("rows", [1, 3])
def test_the_deliveries_keep_their_queries_whatever_their_rows(
    rows, client_for, office, clerk_a, django_assert_max_num_queries
):
    for number in range(rows):
        delivery(clerk_a, number)
    client = client_for(office)
    with django_assert_max_num_queries(9):
        response = client.get(DELIVERIES)
    page = response.content.decode()
    assert total(response) == rows
    assert all(f"2015-07-0{number + 1}" in page for number in range(rows))


def test_the_office_sees_a_failure_with_its_error(client_for, office, clerk_a, member_unit):
    delivery(clerk_a, 0, status="failed", error="SMTP 550 mailbox unavailable", attempts=3)
    Delivery.objects.create(
        county=member_unit.area,
        day=date(2015, 7, 1),
        channel=Channel.WECOM,
        unit=member_unit,
        status="failed",
        error="errcode 93000",
        attempts=1,
    )
    response = client_for(office).get(DELIVERIES, {"status": "failed"})
    page = response.content.decode()
    assert total(response) == 2
    assert "SMTP 550 mailbox unavailable" in page and "errcode 93000" in page
    assert "县民政局" in page and "失败" in page
