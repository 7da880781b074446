"""The reminders' place in the scheduler (django-q2's Schedule rows, run by the worker): every
day at 07:30 Beijing time the day's digests (on a day off the run sends nothing), and every hour
the day's failed deliveries tried again. Written here so a fresh deployment and an upgraded one
both have them."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import migrations
from django.utils import timezone

DAILY = "notifications.reminders.run_today"
RETRY = "notifications.reminders.retry_today"
BEIJING = ZoneInfo("Asia/Shanghai")


def next_half_past_seven():
    now = timezone.now().astimezone(BEIJING)
    at = datetime.combine(now.date(), time(7, 30), tzinfo=BEIJING)
    return at if at > now else at + timedelta(days=1)


def add(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    first = next_half_past_seven()
    Schedule.objects.get_or_create(
        func=DAILY,
        defaults={"name": "每日提醒", "schedule_type": "D", "repeats": -1, "next_run": first},
    )
    Schedule.objects.get_or_create(
        func=RETRY,
        defaults={
            "name": "重发失败的提醒",
            "schedule_type": "H",
            "repeats": -1,
            "next_run": first + timedelta(hours=1),
        },
    )


def remove(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(func__in=[DAILY, RETRY]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(add, remove)]
