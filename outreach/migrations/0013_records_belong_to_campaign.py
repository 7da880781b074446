import django.db.models.deletion
from django.db import migrations, models

from campaign.records_migration import backfill

RECORDS = [
    ("outreach.Visit", "township__area", ["visited_on"]),
    ("outreach.HistoricalVisit", "township__area", ["visited_on"]),
    ("outreach.Activity", "organiser__area", ["held_on"]),
    ("outreach.HistoricalActivity", "organiser__area", ["held_on"]),
]


def forward(apps, schema_editor):
    backfill(apps, schema_editor, RECORDS)


def campaign_field(related_name, null=False):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name=related_name,
        to="campaign.campaign",
        verbose_name="campaign",
    )


def history_field():
    return models.ForeignKey(
        blank=True,
        db_constraint=False,
        null=True,
        on_delete=django.db.models.deletion.DO_NOTHING,
        related_name="+",
        to="campaign.campaign",
        verbose_name="campaign",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0012_records_belong_to_campaign"),
        ("outreach", "0012_encrypted_numbers_unique"),
    ]

    operations = [
        migrations.AddField(
            model_name="visit", name="campaign", field=campaign_field("visits", True)
        ),
        migrations.AddField(model_name="historicalvisit", name="campaign", field=history_field()),
        migrations.AddField(
            model_name="activity", name="campaign", field=campaign_field("activities", True)
        ),
        migrations.AddField(
            model_name="historicalactivity", name="campaign", field=history_field()
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.AlterField(model_name="visit", name="campaign", field=campaign_field("visits")),
        migrations.AlterField(
            model_name="activity", name="campaign", field=campaign_field("activities")
        ),
    ]
