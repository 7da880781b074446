from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from notifications.models import Delivery, Notification
from tests.notifications.scenario import overdue_priority_case

pytestmark = pytest.mark.django_db


def send(*args) -> str:
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_it_prints_what_it_sent_by_channel_and_a_second_run_sends_nothing(
    cast, assigned_case, leader
):
    overdue_priority_case(assigned_case, leader)
    first = send("--date", "2015-07-03")
    sent = Notification.objects.count()
    assert f"app: sent {sent}\n" in first and "email: sent 0\n" in first
    assert f"2015-07-03: sent {sent} digest(s)." in first
    second = send("--date", "2015-07-03")
    assert "app: sent 0\n" in second and "2015-07-03: sent 0 digest(s)." in second
    assert Notification.objects.count() == sent


def test_a_dry_run_says_what_it_would_send(cast, assigned_case, leader):
    overdue_priority_case(assigned_case, leader)
    output = send("--date", "2015-07-03", "--dry-run")
    assert "app: would send" in output and not Delivery.objects.exists()


def test_it_says_so_on_a_day_off(cast):
    assert send("--date", "2015-07-04") == "2015-07-04: not a working day, nothing sent.\n"


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError):
        send("--date", "2015-13-01")
