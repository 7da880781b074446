import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from campaign import clock
from campaign.models import User
from campaign.workbench import items_for
from notifications import reminders
from notifications.models import Channel, Delivery, Notification, Preference, Robot
from tests.notifications.conftest import free_port
from tests.notifications.scenario import DAY, ID_NUMBER, PHONE, overdue_priority_case, report_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(cast, assigned_case, leader, office, township_a, member_unit, person):
    overdue_priority_case(assigned_case, leader)
    report_due(office, [township_a, member_unit])
    return cast


def workbench_on(user, day) -> dict:
    user = User.objects.get(pk=user.pk)
    with clock.pinned(day):
        return {item.key: item.count for item in items_for(user) if item.count}


def test_each_digest_holds_the_users_workbench_counts_of_that_day(waiting):
    result = reminders.run(day=DAY)
    assert result.workday
    for role, user in waiting.items():
        digest = result.digests.get(("user", user.pk))
        expected = workbench_on(user, DAY)
        assert (digest.counts() if digest else {}) == expected, role
    member_counts = result.digests[("user", waiting["member"].pk)].counts()
    assert member_counts["overdue"] == 1 and member_counts["reports_owed"] == 1
    assert result.digests[("user", waiting["leader"].pk)].counts()["escalated"] == 1


def test_a_second_run_the_same_day_sends_nothing(waiting):
    first = reminders.run(day=DAY)
    assert first.sent[Channel.APP] == Notification.objects.count() > 0
    second = reminders.run(day=DAY)
    assert sum(second.sent.values()) == 0 and sum(second.failed.values()) == 0
    assert Notification.objects.count() == first.sent[Channel.APP]
    assert not Delivery.objects.exclude(status=Delivery.Status.SENT).exists()


def test_the_in_app_digest_links_each_count_to_its_list(waiting):
    reminders.run(day=DAY)
    notification = Notification.objects.get(recipient=waiting["member"])
    assert notification.day == DAY and notification.read_at is None
    overdue = next(line for line in notification.lines if line["label"] == "超期未办结")
    assert overdue["count"] == 1 and overdue["url"] == "/ledger/inbox/?queue=overdue"


def test_leaders_get_the_overdue_priority_cases_with_their_numbers(waiting, assigned_case):
    result = reminders.run(day=DAY)
    digest = result.digests[("user", waiting["leader"].pk)]
    assert [case.number for case in digest.cases] == [assigned_case.number]
    assert digest.cases_total == 1
    assert assigned_case.number in digest.text()
    member_digest = result.digests[("user", waiting["member"].pk)]
    assert member_digest.cases == []


def test_it_mails_the_digest_through_the_smtp_server(waiting, smtp_inbox):
    User.objects.filter(pk=waiting["member"].pk).update(email="member@example.cn")
    result = reminders.run(day=DAY)
    assert result.sent[Channel.EMAIL] == 1
    (mail,) = smtp_inbox.messages
    assert mail["to"] == ["member@example.cn"]
    assert mail["subject"] == "2015-07-03 提醒"
    assert "超期未办结：1  https://sy.example.cn/ledger/inbox/?queue=overdue" in mail["body"]
    assert reminders.run(day=DAY).sent[Channel.EMAIL] == 0
    assert len(smtp_inbox.messages) == 1


def test_a_user_who_turns_a_channel_off_gets_nothing_by_it(waiting, smtp_inbox):
    member = waiting["member"]
    User.objects.filter(pk=member.pk).update(email="member@example.cn")
    Preference.objects.create(user=member, in_app=False, by_email=True)
    Preference.objects.create(user=waiting["clerk_a"], in_app=True, by_email=False)
    User.objects.filter(pk=waiting["clerk_a"].pk).update(email="clerk@example.cn")
    reminders.run(day=DAY)
    assert not Notification.objects.filter(recipient=member).exists()
    assert Notification.objects.filter(recipient=waiting["clerk_a"]).exists()
    assert [mail["to"] for mail in smtp_inbox.messages] == [["member@example.cn"]]


def test_it_posts_to_the_units_wecom_and_dingtalk_robots(
    waiting, robot_server, member_unit, township_a
):
    Robot.objects.create(
        unit=member_unit, kind=Channel.WECOM, url=robot_server.url("/cgi-bin/webhook/send?key=k")
    )
    Robot.objects.create(
        unit=township_a, kind=Channel.DINGTALK, url=robot_server.url("/robot/send?access_token=t")
    )
    result = reminders.run(day=DAY)
    assert (result.sent[Channel.WECOM], result.sent[Channel.DINGTALK]) == (1, 1)
    by_path = {post["path"]: post for post in robot_server.posts}
    wecom = by_path["/cgi-bin/webhook/send?key=k"]
    assert wecom["type"] == "application/json"
    assert set(wecom["json"]) == {"msgtype", "markdown"} and wecom["json"]["msgtype"] == "markdown"
    assert set(wecom["json"]["markdown"]) == {"content"}
    assert (
        "超期未办结](https://sy.example.cn/ledger/inbox/?queue=overdue)：**1**"
        in (wecom["json"]["markdown"]["content"])
    )
    dingtalk = by_path["/robot/send?access_token=t"]["json"]
    assert dingtalk["msgtype"] == "markdown"
    assert dingtalk["markdown"]["title"] == "2015-07-03 提醒"
    assert "报送" in dingtalk["markdown"]["text"]
    unit_digest = result.digests[("unit", member_unit.pk)]
    assert unit_digest.counts() == workbench_on(waiting["member"], DAY)
    assert sum(reminders.run(day=DAY).sent.values()) == 0
    assert len(robot_server.posts) == 2


def test_no_id_number_or_phone_leaves_in_any_message(
    waiting, smtp_inbox, robot_server, member_unit, office_unit, person
):
    for user in waiting.values():
        User.objects.filter(pk=user.pk).update(email=f"{user.username}@example.cn")
    Robot.objects.create(unit=member_unit, kind=Channel.WECOM, url=robot_server.url("/w"))
    Robot.objects.create(unit=office_unit, kind=Channel.DINGTALK, url=robot_server.url("/d"))
    reminders.run(day=DAY)
    assert smtp_inbox.messages and len(robot_server.posts) == 2
    sent = [mail["body"] + mail["subject"] for mail in smtp_inbox.messages]
    sent += [mail["raw"].decode() for mail in smtp_inbox.messages]
    sent += [json.dumps(post["json"], ensure_ascii=False) for post in robot_server.posts]
    sent += [json.dumps(n.lines, ensure_ascii=False) for n in Notification.objects.all()]
    for secret in (ID_NUMBER, PHONE, person.id_number, "13812345678", "张成员"):
        assert not [text for text in sent if secret in text], secret


def test_the_last_guard_masks_anything_shaped_like_an_identifier():
    from notifications.digest import scrub

    assert scrub(f"见 {ID_NUMBER} 与 {PHONE}") == f"见 {ID_NUMBER[:3]}{'*' * 15} 与 139********"
    assert scrub("2015-0001 第3项") == "2015-0001 第3项"


def test_a_failed_post_is_kept_with_its_error_and_retried_a_bounded_number_of_times(
    waiting, robot_server, member_unit, settings
):
    settings.REMINDER_ATTEMPTS = 3
    Robot.objects.create(unit=member_unit, kind=Channel.WECOM, url=robot_server.url("/w"))
    robot_server.failing = True
    for attempt in (1, 2, 3):
        result = reminders.run(day=DAY)
        assert result.failed[Channel.WECOM] == 1
        delivery = Delivery.objects.get(channel=Channel.WECOM)
        assert delivery.status == Delivery.Status.FAILED and delivery.attempts == attempt
        assert "93000" in delivery.error
    result = reminders.run(day=DAY)
    assert result.failed[Channel.WECOM] == 0 and result.sent[Channel.WECOM] == 0
    assert len(robot_server.posts) == 3


def test_a_failed_post_goes_out_on_the_next_run(waiting, robot_server, member_unit):
    Robot.objects.create(unit=member_unit, kind=Channel.WECOM, url=robot_server.url("/w"))
    robot_server.failing = True
    reminders.run(day=DAY)
    robot_server.failing = False
    assert reminders.run(day=DAY).sent[Channel.WECOM] == 1
    delivery = Delivery.objects.get(channel=Channel.WECOM)
    assert (delivery.status, delivery.attempts, delivery.error) == ("sent", 2, "")


def test_mail_to_a_server_that_is_down_is_failed_not_lost(waiting, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_TIMEOUT = 5
    User.objects.filter(pk=waiting["member"].pk).update(email="member@example.cn")
    result = reminders.run(day=DAY)
    assert result.failed[Channel.EMAIL] == 1
    delivery = Delivery.objects.get(channel=Channel.EMAIL)
    assert delivery.status == "failed" and delivery.error
    # The other channels were not held up by it.
    assert result.sent[Channel.APP] > 0


def test_a_robot_outside_the_allowed_hosts_is_never_called(
    waiting, robot_server, member_unit, settings
):
    Robot.objects.create(unit=member_unit, kind=Channel.WECOM, url=robot_server.url("/w"))
    settings.ROBOT_HOSTS = ["qyapi.weixin.qq.com", "oapi.dingtalk.com"]
    result = reminders.run(day=DAY)
    assert result.failed[Channel.WECOM] == 1 and robot_server.posts == []
    assert "ROBOT_HOSTS" in Delivery.objects.get(channel=Channel.WECOM).error


def test_a_robot_address_must_be_on_an_allowed_host(member_unit, settings):
    settings.ROBOT_HOSTS = ["qyapi.weixin.qq.com", "oapi.dingtalk.com"]
    robot = Robot(unit=member_unit, kind=Channel.WECOM, url="http://169.254.169.254/latest/")
    with pytest.raises(ValidationError):
        robot.full_clean()
    robot.url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"
    robot.full_clean()


@pytest.mark.parametrize("day", [date(2015, 7, 4), date(2015, 10, 1)])
def test_nothing_is_sent_on_a_day_off(waiting, day):
    result = reminders.run(day=day)
    assert not result.workday and sum(result.sent.values()) == 0
    assert not Delivery.objects.exists()


def test_a_make_up_working_day_has_its_reminders(waiting):
    assert reminders.run(day=date(2015, 10, 10)).workday


def test_a_dry_run_counts_and_sends_nothing(waiting):
    dry = reminders.run(day=DAY, dry_run=True)
    assert dry.sent[Channel.APP] > 0
    assert not Delivery.objects.exists() and not Notification.objects.exists()
    assert reminders.run(day=DAY).sent[Channel.APP] == dry.sent[Channel.APP]
    assert reminders.run(day=DAY, dry_run=True).sent[Channel.APP] == 0


def test_run_today_is_the_campaigns_today(waiting, settings):
    settings.SHUANGYONG_TODAY = DAY
    counts = reminders.run_today()
    assert counts["day"] == "2015-07-03" and counts["workday"]
    assert counts["sent"]["app"] == Notification.objects.count() > 0
    assert reminders.run_today()["sent"] == dict.fromkeys(counts["sent"], 0)


def test_an_inactive_account_gets_nothing(waiting):
    User.objects.filter(pk=waiting["member"].pk).update(is_active=False)
    reminders.run(day=DAY)
    assert not Notification.objects.filter(recipient=waiting["member"]).exists()


def test_the_hourly_retry_sends_only_what_failed_today(waiting, robot_server, member_unit):
    Robot.objects.create(unit=member_unit, kind=Channel.WECOM, url=robot_server.url("/w"))
    robot_server.failing = True
    morning = reminders.run(day=DAY)
    in_app = Delivery.objects.filter(channel=Channel.APP).count()
    assert morning.failed[Channel.WECOM] == 1 and in_app > 0
    robot_server.failing = False
    retried = reminders.run(day=DAY, only_failed=True)
    assert retried.sent == {Channel.WECOM: 1}
    assert Delivery.objects.filter(channel=Channel.APP).count() == in_app
    assert Delivery.objects.get(channel=Channel.WECOM).status == "sent"
    assert sum(reminders.run(day=DAY, only_failed=True).sent.values()) == 0


def test_the_worker_runs_the_reminders_every_morning_and_retries_every_hour():
    from zoneinfo import ZoneInfo

    from django.utils.module_loading import import_string
    from django_q.models import Schedule

    schedules = {s.func: s for s in Schedule.objects.all()}
    daily = schedules["notifications.reminders.run_today"]
    assert (daily.schedule_type, daily.repeats) == ("D", -1)
    at = daily.next_run.astimezone(ZoneInfo("Asia/Shanghai"))
    assert (at.hour, at.minute) == (7, 30)
    assert schedules["notifications.reminders.retry_today"].schedule_type == "H"
    assert schedules["jobs.runner.purge_expired"].schedule_type == "H"
    for func in schedules:
        assert callable(import_string(func))
