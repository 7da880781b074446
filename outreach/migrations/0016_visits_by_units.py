"""Visits made by units: each visit names the unit that made it (for the visits already
recorded, the unit of the account that recorded them, else the township they were charged to);
a garrison visit may be charged to no township; a visit is either made or self-reported by a
garrison. Every row is kept."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery


def fill_visiting_units(apps, schema_editor):
    Visit = apps.get_model("outreach", "Visit")
    User = apps.get_model("campaign", "User")
    creators_unit = User.objects.filter(pk=OuterRef("created_by"), unit__isnull=False).values(
        "unit"
    )
    Visit.objects.filter(unit__isnull=True).update(unit=Subquery(creators_unit[:1]))
    # An account outside every unit (a superuser) recorded it: the township it counts for.
    Visit.objects.filter(unit__isnull=True).update(unit=F("township"))
    # PostgreSQL refuses to alter the table with the deferred checks of these updates pending:
    # run them now, so the change of the column beside this step can follow.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0015_enterprise_units"),
        ("outreach", "0015_activity_kinds_added"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalvisit",
            name="kind",
            field=models.CharField(
                choices=[("visit", "visit"), ("self_reported", "needs reported by the garrison")],
                default="visit",
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AddField(
            model_name="historicalvisit",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="campaign.unit",
                verbose_name="visiting unit",
            ),
        ),
        migrations.AddField(
            model_name="visit",
            name="kind",
            field=models.CharField(
                choices=[("visit", "visit"), ("self_reported", "needs reported by the garrison")],
                default="visit",
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AddField(
            model_name="visit",
            name="unit",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="visits_made",
                to="campaign.unit",
                verbose_name="visiting unit",
            ),
        ),
        migrations.AlterField(
            model_name="idnumberview",
            name="kind",
            field=models.CharField(
                choices=[
                    ("view", "full ID number or phone viewed"),
                    ("export", "exported with personal details"),
                    ("import", "imported from Excel"),
                    ("copy", "personal information copy issued"),
                    ("lookup", "looked up by ID number"),
                ],
                default="view",
                max_length=10,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="idnumberview",
            name="source",
            field=models.CharField(
                choices=[
                    ("household_page", "household page"),
                    ("person_form", "person form"),
                    ("activity_form", "activity form"),
                    ("ledger_export", "ledger workbook"),
                    ("ledger_print", "printed ledger"),
                    ("yearend_workbook", "year-end workbook"),
                    ("import_errors", "import file with its errors"),
                    ("household_import", "household import"),
                    ("accounts_import", "accounts sheet import"),
                    ("person_copy", "personal information copy"),
                    ("visit_lookup", "household look-up for a visit"),
                ],
                default="household_page",
                max_length=20,
                verbose_name="where",
            ),
        ),
        migrations.AlterField(
            model_name="visit",
            name="township",
            field=models.ForeignKey(
                blank=True,
                limit_choices_to={"kind": "township"},
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="visits",
                to="campaign.unit",
                verbose_name="township",
            ),
        ),
        migrations.AddConstraint(
            model_name="visit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("township__isnull", False), ("garrison__isnull", False), _connector="OR"
                ),
                name="outreach_visit_household_in_township",
            ),
        ),
        migrations.RunPython(fill_visiting_units, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="visit",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="visits_made",
                to="campaign.unit",
                verbose_name="visiting unit",
            ),
        ),
    ]
