from django.db import migrations, models

# The plan's 依法优先、快捷高效: the topic it marks for priority by law (the first plan's
# topic 7, 军人军属涉法涉诉等纠纷问题) is handled within ten working days.
LAW_TIME_LIMIT_DAYS = 10


def limit_priority_topics(apps, schema_editor):
    Topic = apps.get_model("campaign", "Topic")
    Topic.objects.filter(priority=True, time_limit_days__isnull=True).update(
        time_limit_days=LAW_TIME_LIMIT_DAYS
    )


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0013_special_actions"),
    ]

    operations = [
        migrations.AddField(
            model_name="topic",
            name="time_limit_days",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text=(
                    "Cases under this topic are handled with priority and, unless the office "
                    "gives a deadline, are due this many working days after assignment "
                    "(依法优先、快捷高效)."
                ),
                null=True,
                verbose_name="time limit (working days)",
            ),
        ),
        migrations.RunPython(limit_priority_topics, migrations.RunPython.noop),
    ]
