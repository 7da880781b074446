"""The beneficiary categories, priority-care marks and policies become each county's own
lists. The first county keeps the values as they are (same ids); every other county gets copies,
and its persons, findings and person history are pointed at its copies, so everyone keeps the
same values by name. A database with no county drops the values: a county gets its starter
values when it is added. Going back merges every county's values into the first county's by
name."""

import importlib

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

# The national values' codes, as outreach/starter_lists.py had them when this was written.
CATEGORY_CODES = {
    "军队转业干部": "transferred_officer",
    "退役士兵": "discharged_soldier",
    "军队离休退休干部和退休士官": "retired_cadre",
    "军队无军籍离休退休退职职工": "retired_staff",
    "复员军人": "demobilised",
    "退伍红军老战士": "red_army_veteran",
    "西路军红军老战士": "west_route_veteran",
    "红军失散人员": "red_army_straggler",
    "残疾军人": "disabled_soldier",
    "伤残民兵民工": "disabled_militia",
    "烈士遗属": "martyr_survivor",
    "因公牺牲军人遗属": "fallen_on_duty_survivor",
    "病故军人遗属": "died_in_service_survivor",
    "现役军人家属": "serving_family",
}
MARK_CODES = {
    "在乡复员军人": "rural_demobilised",
    "带病回乡退伍军人": "returned_ill",
    "参战退役人员": "war_veteran",
    "参试(参核)退役人员": "test_veteran",
    "60周岁以上农村籍退役士兵": "rural_over_60",
    "烈士子女": "martyr_child",
}
POLICY_CODES = {
    "定期抚恤补助": "pension",
    "优待金": "preferential_payment",
    "医疗保障": "medical",
    "住房保障": "housing",
    "就业安置": "employment",
    "子女教育优待": "schooling",
    "悬挂光荣牌": "plaque",
    "交通出行优待": "travel",
    "残疾辅助器具": "assistive_devices",
    "养老保险接续": "pension_transfer",
}


def _links(apps, model_name):
    """(through model, its column for the value, the path from a through row to its county)."""
    Person = apps.get_model("outreach", "Person")
    Finding = apps.get_model("outreach", "Finding")

    def through(model, field):
        return model._meta.get_field(field).remote_field.through

    person_county = "person__household__township__area_id"
    if model_name == "BeneficiaryCategory":
        history = apps.get_model("outreach", "HistoricalPerson_categories")
        return [
            (through(Person, "categories"), "beneficiarycategory_id", person_county),
            (history, "beneficiarycategory_id", person_county),
        ]
    if model_name == "PriorityMark":
        return [(through(Person, "priority_marks"), "prioritymark_id", person_county)]
    finding_county = "finding__visit__township__area_id"
    return [
        (through(Finding, "policies_done"), "policy_id", finding_county),
        (through(Finding, "policies_missing"), "policy_id", finding_county),
    ]


LISTS = [
    ("BeneficiaryCategory", CATEGORY_CODES),
    ("PriorityMark", MARK_CODES),
    ("Policy", POLICY_CODES),
]


def _counties(apps):
    Area = apps.get_model("campaign", "Area")
    return list(Area.objects.filter(level="county").order_by("pk").values_list("pk", flat=True))


def _immediate(schema_editor):
    # The rows just repointed leave deferred foreign-key checks pending on PostgreSQL, and the
    # schema change that follows may not run while they are.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def per_county(apps, schema_editor):
    counties = _counties(apps)
    for model_name, codes in LISTS:
        Model = apps.get_model("outreach", model_name)
        if not counties:
            Model.objects.all().delete()
            continue
        first, *others = counties
        originals = list(Model.objects.order_by("pk"))
        for value in originals:
            value.county_id = first
            value.code = codes.get(value.name, "")
            value.save(update_fields=["county", "code"])
        links = _links(apps, model_name)
        for county in others:
            for value in originals:
                copy = Model.objects.create(
                    county_id=county, name=value.name, order=value.order, code=value.code
                )
                for through, column, path in links:
                    through.objects.filter(**{path: county, column: value.pk}).update(
                        **{column: copy.pk}
                    )
    _immediate(schema_editor)


def global_again(apps, schema_editor):
    counties = _counties(apps)
    seeds = importlib.import_module("outreach.migrations.0002_reference_lists")
    starters = {
        "BeneficiaryCategory": seeds.CATEGORIES,
        "PriorityMark": seeds.MARKS,
        "Policy": seeds.POLICIES,
    }
    for model_name, _codes in LISTS:
        Model = apps.get_model("outreach", model_name)
        if not Model.objects.exists():
            Model.objects.bulk_create(
                Model(name=name, order=order)
                for order, name in enumerate(starters[model_name], start=1)
            )
            continue
        held = sorted(set(Model.objects.values_list("county_id", flat=True)))
        first = counties[0] if counties and counties[0] in held else held[0]
        kept = dict(Model.objects.filter(county_id=first).values_list("name", "pk"))
        links = _links(apps, model_name)
        for value in Model.objects.exclude(county_id=first).order_by("county_id", "order", "pk"):
            if value.name in kept:
                for through, column, _path in links:
                    through.objects.filter(**{column: value.pk}).update(
                        **{column: kept[value.name]}
                    )
                value.delete()
            else:
                value.county_id = first
                value.save(update_fields=["county"])
                kept[value.name] = value.pk
    _immediate(schema_editor)


def _county_required(model_name):
    return migrations.AlterField(
        model_name=model_name,
        name="county",
        field=models.ForeignKey(
            limit_choices_to={"level": "county"},
            on_delete=django.db.models.deletion.PROTECT,
            related_name="+",
            to="campaign.area",
            verbose_name="county",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0006_user_history"),
        ("outreach", "0005_plaque_register_only"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalBeneficiaryCategory",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "retired",
                    models.BooleanField(
                        default=False,
                        help_text="Kept on the records that use it; no longer offered.",
                        verbose_name="retired",
                    ),
                ),
                ("code", models.SlugField(blank=True, editable=False, verbose_name="code")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "beneficiary category history",
                "verbose_name_plural": "historical beneficiary categories",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPolicy",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "retired",
                    models.BooleanField(
                        default=False,
                        help_text="Kept on the records that use it; no longer offered.",
                        verbose_name="retired",
                    ),
                ),
                ("code", models.SlugField(blank=True, editable=False, verbose_name="code")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "policy history",
                "verbose_name_plural": "historical policies",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPriorityMark",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "retired",
                    models.BooleanField(
                        default=False,
                        help_text="Kept on the records that use it; no longer offered.",
                        verbose_name="retired",
                    ),
                ),
                ("code", models.SlugField(blank=True, editable=False, verbose_name="code")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "priority-care mark history",
                "verbose_name_plural": "historical priority-care marks",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="beneficiarycategory",
            name="code",
            field=models.SlugField(blank=True, editable=False, verbose_name="code"),
        ),
        migrations.AddField(
            model_name="beneficiarycategory",
            name="county",
            field=models.ForeignKey(
                limit_choices_to={"level": "county"},
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="campaign.area",
                verbose_name="county",
            ),
        ),
        migrations.AddField(
            model_name="beneficiarycategory",
            name="retired",
            field=models.BooleanField(
                default=False,
                help_text="Kept on the records that use it; no longer offered.",
                verbose_name="retired",
            ),
        ),
        migrations.AddField(
            model_name="policy",
            name="code",
            field=models.SlugField(blank=True, editable=False, verbose_name="code"),
        ),
        migrations.AddField(
            model_name="policy",
            name="county",
            field=models.ForeignKey(
                limit_choices_to={"level": "county"},
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="campaign.area",
                verbose_name="county",
            ),
        ),
        migrations.AddField(
            model_name="policy",
            name="retired",
            field=models.BooleanField(
                default=False,
                help_text="Kept on the records that use it; no longer offered.",
                verbose_name="retired",
            ),
        ),
        migrations.AddField(
            model_name="prioritymark",
            name="code",
            field=models.SlugField(blank=True, editable=False, verbose_name="code"),
        ),
        migrations.AddField(
            model_name="prioritymark",
            name="county",
            field=models.ForeignKey(
                limit_choices_to={"level": "county"},
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="campaign.area",
                verbose_name="county",
            ),
        ),
        migrations.AddField(
            model_name="prioritymark",
            name="retired",
            field=models.BooleanField(
                default=False,
                help_text="Kept on the records that use it; no longer offered.",
                verbose_name="retired",
            ),
        ),
        migrations.AlterField(
            model_name="beneficiarycategory",
            name="name",
            field=models.CharField(max_length=100, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="policy",
            name="name",
            field=models.CharField(max_length=100, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="prioritymark",
            name="name",
            field=models.CharField(max_length=100, verbose_name="name"),
        ),
        migrations.AddConstraint(
            model_name="beneficiarycategory",
            constraint=models.UniqueConstraint(
                fields=("county", "name"), name="outreach_beneficiarycategory_unique_name_in_county"
            ),
        ),
        migrations.AddConstraint(
            model_name="beneficiarycategory",
            constraint=models.UniqueConstraint(
                condition=models.Q(("code", ""), _negated=True),
                fields=("county", "code"),
                name="outreach_beneficiarycategory_unique_code_in_county",
            ),
        ),
        migrations.AddConstraint(
            model_name="policy",
            constraint=models.UniqueConstraint(
                fields=("county", "name"), name="outreach_policy_unique_name_in_county"
            ),
        ),
        migrations.AddConstraint(
            model_name="policy",
            constraint=models.UniqueConstraint(
                condition=models.Q(("code", ""), _negated=True),
                fields=("county", "code"),
                name="outreach_policy_unique_code_in_county",
            ),
        ),
        migrations.AddConstraint(
            model_name="prioritymark",
            constraint=models.UniqueConstraint(
                fields=("county", "name"), name="outreach_prioritymark_unique_name_in_county"
            ),
        ),
        migrations.AddConstraint(
            model_name="prioritymark",
            constraint=models.UniqueConstraint(
                condition=models.Q(("code", ""), _negated=True),
                fields=("county", "code"),
                name="outreach_prioritymark_unique_code_in_county",
            ),
        ),
        migrations.AddField(
            model_name="historicalbeneficiarycategory",
            name="county",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                limit_choices_to={"level": "county"},
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="campaign.area",
                verbose_name="county",
            ),
        ),
        migrations.AddField(
            model_name="historicalbeneficiarycategory",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalpolicy",
            name="county",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                limit_choices_to={"level": "county"},
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="campaign.area",
                verbose_name="county",
            ),
        ),
        migrations.AddField(
            model_name="historicalpolicy",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalprioritymark",
            name="county",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                limit_choices_to={"level": "county"},
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="campaign.area",
                verbose_name="county",
            ),
        ),
        migrations.AddField(
            model_name="historicalprioritymark",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(per_county, global_again),
        _county_required("beneficiarycategory"),
        _county_required("prioritymark"),
        _county_required("policy"),
    ]
