"""The assessment and the sign-offs belong to a campaign (and through it to a county). A
database of one county had one campaign: every row moves to it."""

import django.db.models.deletion
from django.db import migrations, models


def to_the_campaign(apps, schema_editor):
    Campaign = apps.get_model("campaign", "Campaign")
    campaigns = list(Campaign.objects.order_by("pk"))
    models_ = [apps.get_model("reports", name) for name in ("AssessmentScheme", "AssessmentItem", "YearSignOff")]
    if not campaigns:
        if any(model.objects.exists() for model in models_):
            raise RuntimeError("Assessment or sign-off rows exist but no campaign: load the plan first.")
        return
    # Should a later campaign have been entered beside the first, a year goes to the campaign
    # that ran in it; a year outside every campaign to the first.
    for model in models_:
        for year in model.objects.order_by().values_list("year", flat=True).distinct():
            ran = [c for c in campaigns if c.starts_on.year <= year <= c.ends_on.year]
            model.objects.filter(year=year).update(campaign=(ran or campaigns)[0])


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
