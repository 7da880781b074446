"""The scheduler's standing work, written as rows of django-q2's Schedule so a fresh deployment
and an upgraded one both have it without a step by hand: expired export files are deleted every
hour."""

from datetime import timedelta

from django.db import migrations
from django.utils import timezone

PURGE = "jobs.runner.purge_expired"


def add(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.get_or_create(
        func=PURGE,
        defaults={
            "name": "清理过期导出文件",
            "schedule_type": "H",
            "repeats": -1,
            "next_run": timezone.now() + timedelta(minutes=5),
        },
    )


def remove(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(func=PURGE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(add, remove)]
