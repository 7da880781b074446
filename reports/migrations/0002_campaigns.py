"""The assessment and the sign-offs belong to a campaign (and through it to a county). A
database of one county had one campaign: every row moves to it."""

import django.db.models.deletion
from django.db import migrations, models


def to_the_campaign(apps, schema_editor):
    Campaign = apps.get_model("campaign", "Campaign")
    campaign = Campaign.objects.order_by("pk").first()
    models_ = [apps.get_model("reports", name) for name in ("AssessmentScheme", "AssessmentItem", "YearSignOff")]
    if campaign is None:
        if any(model.objects.exists() for model in models_):
            raise RuntimeError("Assessment or sign-off rows exist but no campaign: load the plan first.")
        return
    for model in models_:
        model.objects.update(campaign=campaign)


def _campaign(null, related_name):
    return models.ForeignKey(null=null, on_delete=django.db.models.deletion.PROTECT, related_name=related_name, to="campaign.campaign", verbose_name="campaign")


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0004_areas"),
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.AddField(model_name="assessmentitem", name="campaign", field=_campaign(True, "+")),
        migrations.AddField(model_name="assessmentscheme", name="campaign", field=_campaign(True, "+")),
        migrations.AddField(model_name="yearsignoff", name="campaign", field=_campaign(True, "sign_offs")),
        migrations.RunPython(to_the_campaign, migrations.RunPython.noop),
        migrations.AlterField(model_name="assessmentitem", name="campaign", field=_campaign(False, "+")),
        migrations.AlterField(model_name="assessmentscheme", name="campaign", field=_campaign(False, "+")),
        migrations.AlterField(model_name="yearsignoff", name="campaign", field=_campaign(False, "sign_offs")),
        migrations.AlterField(model_name="assessmentscheme", name="year", field=models.PositiveSmallIntegerField(verbose_name="year")),
        migrations.AlterField(model_name="yearsignoff", name="year", field=models.PositiveSmallIntegerField(verbose_name="year")),
        migrations.AddConstraint(
            model_name="assessmentscheme",
            constraint=models.UniqueConstraint(fields=("campaign", "year"), name="reports_scheme_unique_year"),
        ),
        migrations.AddConstraint(
            model_name="yearsignoff",
            constraint=models.UniqueConstraint(fields=("campaign", "year"), name="reports_signoff_unique_year"),
        ),
    ]
