"""Counties as a scope inside the app: an area tree (province → city → county), every unit in
an area, a campaign in a county. A database of one county moves under one county area with
every row kept: the county named on its campaign (or COUNTY_NAME), at the top of the tree."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

KINDS = [
    ("office", "county office"),
    ("member", "member unit"),
    ("township", "township"),
    ("garrison", "garrison unit"),
    ("higher_office", "city or province office"),
]


def put_everything_under_one_county(apps, schema_editor):
    Area = apps.get_model("campaign", "Area")
    Campaign = apps.get_model("campaign", "Campaign")
    Unit = apps.get_model("campaign", "Unit")
    HistoricalUnit = apps.get_model("campaign", "HistoricalUnit")
    SupportOrganisation = apps.get_model("campaign", "SupportOrganisation")
    if not any(model.objects.exists() for model in (Campaign, Unit, SupportOrganisation)):
        return  # a new database: the plan loader makes the county
    # One deployment held one county. A later campaign entered with the county written another
    # way ("东山" for "东山县") is the same county: a county of its own would hold a campaign
    # whose cases no unit could see.
    names = [name.strip() for name in Campaign.objects.order_by("pk").values_list("county_name", flat=True)]
    county = Area.objects.create(name=next(filter(None, names), settings.COUNTY_NAME), level="county", path="-")
    county.path = f"/{county.pk}/"
    county.save(update_fields=["path"])
    Campaign.objects.update(county=county)
    Unit.objects.update(area=county)
    HistoricalUnit.objects.update(area=county)
    SupportOrganisation.objects.update(county=county)


def name_the_county_on_each_campaign(apps, schema_editor):
    """Back to one county per database: each campaign names its county in text again."""
    Campaign = apps.get_model("campaign", "Campaign")
    for campaign in Campaign.objects.select_related("county"):
        campaign.county_name = campaign.county.name
        campaign.save(update_fields=["county_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0003_unit_history"),
    ]

    operations = [
        migrations.CreateModel(
            name="Area",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("level", models.CharField(choices=[("province", "province"), ("city", "city"), ("county", "county")], db_index=True, max_length=10, verbose_name="level")),
                ("code", models.CharField(blank=True, help_text="The administrative division code (GB/T 2260), e.g. 341122.", max_length=12, verbose_name="division code")),
                ("path", models.CharField(db_index=True, editable=False, max_length=255)),
                ("parent", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="children", to="campaign.area", verbose_name="above it")),
            ],
            options={"verbose_name": "area", "verbose_name_plural": "areas", "ordering": ["path"]},
        ),
        migrations.AddConstraint(
            model_name="area",
            constraint=models.UniqueConstraint(fields=("parent", "name"), name="campaign_area_unique_name_under_parent"),
        ),
        migrations.AddConstraint(
            model_name="area",
            constraint=models.UniqueConstraint(condition=models.Q(("parent__isnull", True)), fields=("name",), name="campaign_area_unique_top_name"),
        ),
        # Nullable while the rows are put under their county.
        migrations.AddField(
            model_name="unit",
            name="area",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="units", to="campaign.area", verbose_name="area"),
        ),
        migrations.AddField(
            model_name="historicalunit",
            name="area",
            field=models.ForeignKey(blank=True, db_constraint=False, help_text="The county a unit works in; for a city or province office, that area.", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="campaign.area", verbose_name="area"),
        ),
        migrations.AddField(
            model_name="supportorganisation",
            name="county",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="support_organisations", to="campaign.area", verbose_name="county"),
        ),
        migrations.RenameField(model_name="campaign", old_name="county", new_name="county_name"),
        migrations.AddField(
            model_name="campaign",
            name="county",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="campaigns", to="campaign.area", verbose_name="county"),
        ),
        migrations.RunPython(put_everything_under_one_county, name_the_county_on_each_campaign),
        # Blank, so that a rollback can add the text back empty before it writes the names in.
        migrations.AlterField(model_name="campaign", name="county_name", field=models.CharField(blank=True, max_length=100, verbose_name="county")),
        migrations.RemoveField(model_name="campaign", name="county_name"),
        migrations.AlterField(
            model_name="campaign",
            name="county",
            field=models.ForeignKey(limit_choices_to={"level": "county"}, on_delete=django.db.models.deletion.PROTECT, related_name="campaigns", to="campaign.area", verbose_name="county"),
        ),
        migrations.AlterField(
            model_name="unit",
            name="area",
            field=models.ForeignKey(help_text="The county a unit works in; for a city or province office, that area.", on_delete=django.db.models.deletion.PROTECT, related_name="units", to="campaign.area", verbose_name="area"),
        ),
        migrations.AlterField(
            model_name="supportorganisation",
            name="county",
            field=models.ForeignKey(limit_choices_to={"level": "county"}, on_delete=django.db.models.deletion.PROTECT, related_name="support_organisations", to="campaign.area", verbose_name="county"),
        ),
        # Names and codes are unique within a county, not across the country.
        migrations.AlterField(model_name="campaign", name="name", field=models.CharField(max_length=100, verbose_name="name")),
        migrations.AlterField(model_name="unit", name="name", field=models.CharField(max_length=100, verbose_name="name")),
        migrations.AlterField(model_name="unit", name="code", field=models.SlugField(max_length=30, verbose_name="code")),
        migrations.AlterField(model_name="historicalunit", name="name", field=models.CharField(max_length=100, verbose_name="name")),
        migrations.AlterField(model_name="unit", name="kind", field=models.CharField(choices=KINDS, db_index=True, max_length=20, verbose_name="kind")),
        migrations.AlterField(model_name="historicalunit", name="kind", field=models.CharField(choices=KINDS, db_index=True, max_length=20, verbose_name="kind")),
        migrations.AddConstraint(
            model_name="campaign",
            constraint=models.UniqueConstraint(fields=("county", "name"), name="campaign_campaign_unique_name_in_county"),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.UniqueConstraint(fields=("area", "name"), name="campaign_unit_unique_name"),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.UniqueConstraint(fields=("area", "code"), name="campaign_unit_unique_code"),
        ),
    ]
