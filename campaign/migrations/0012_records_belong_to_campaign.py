import django.db.models.deletion
from django.db import migrations, models

from campaign.records_migration import backfill

RECORDS = [
    ("campaign.Inspection", "unit__area", ["inspected_on"]),
    ("campaign.HistoricalInspection", "unit__area", ["inspected_on"]),
    ("campaign.FiveOnesItem", "unit__area", ["done_on", "updated_at__date"]),
    ("campaign.HistoricalFiveOnesItem", "unit__area", ["done_on", "updated_at__date"]),
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
        ("campaign", "0011_plan_per_campaign"),
    ]

    operations = [
        migrations.AddField(
            model_name="inspection", name="campaign", field=campaign_field("inspections", True)
        ),
        migrations.AddField(
            model_name="historicalinspection", name="campaign", field=history_field()
        ),
        migrations.AddField(
            model_name="fiveonesitem", name="campaign", field=campaign_field("five_ones", True)
        ),
        migrations.AddField(
            model_name="historicalfiveonesitem", name="campaign", field=history_field()
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="inspection", name="campaign", field=campaign_field("inspections")
        ),
        migrations.AlterField(
            model_name="fiveonesitem", name="campaign", field=campaign_field("five_ones")
        ),
        # A unit's item is unique within its campaign: the next campaign starts blank.
        migrations.RemoveConstraint(
            model_name="fiveonesitem", name="campaign_fiveones_unique_item"
        ),
        migrations.AddConstraint(
            model_name="fiveonesitem",
            constraint=models.UniqueConstraint(
                fields=("campaign", "unit", "item"), name="campaign_fiveones_unique_item"
            ),
        ),
    ]
