"""Workstreams and survey topics belong to a campaign. The rows a database holds (one set, for
every county) go to the first campaign; every other campaign gets copies of its own, and the
records of that campaign or county (cases, findings, activity kinds, activities and their
history) are pointed at its copies. The meanings the code gave to numbers become flags: phase
3 carries open cases over, topic 4 checks the policies."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Q


def _models(apps):
    get = apps.get_model
    return {
        "Campaign": get("campaign", "Campaign"),
        "Workstream": get("campaign", "Workstream"),
        "Topic": get("campaign", "Topic"),
        "Phase": get("campaign", "Phase"),
        "Case": get("grievances", "Case"),
        "Finding": get("outreach", "Finding"),
        "ActivityKind": get("outreach", "ActivityKind"),
        "HistoricalActivityKind": get("outreach", "HistoricalActivityKind"),
        "Activity": get("outreach", "Activity"),
        "HistoricalActivity": get("outreach", "HistoricalActivity"),
        "Unit": get("campaign", "Unit"),
    }


def _campaign_on(campaigns_of, county_id, day):
    """The county's campaign whose window holds the day, else its first."""
    campaigns = campaigns_of.get(county_id) or []
    for campaign in campaigns:
        if day and campaign.starts_on <= day <= campaign.ends_on:
            return campaign
    return campaigns[0] if campaigns else None


def forward(apps, schema_editor):
    m = _models(apps)
    m["Phase"].objects.filter(number=3).update(carries_over=True)
    m["Topic"].objects.filter(number=4).update(policy_check=True)
    campaigns = list(m["Campaign"].objects.order_by("pk"))
    workstreams = list(m["Workstream"].objects.order_by("number"))
    topics = list(m["Topic"].objects.order_by("number"))
    if not campaigns:
        # No campaign, so nothing names them: load_plan makes a campaign's own.
        m["Topic"].objects.all().delete()
        m["Workstream"].objects.all().delete()
        return
    first, others = campaigns[0], campaigns[1:]
    m["Workstream"].objects.update(campaign=first)
    m["Topic"].objects.update(campaign=first)
    workstream_of = {first.pk: {w.pk: w.pk for w in workstreams}}
    topic_of = {first.pk: {t.pk: t.pk for t in topics}}
    for campaign in others:
        copies = {}
        for w in workstreams:
            copies[w.pk] = m["Workstream"].objects.create(
                campaign=campaign, number=w.number, name=w.name, summary=w.summary
            ).pk
        workstream_of[campaign.pk] = copies
        topic_of[campaign.pk] = {
            t.pk: m["Topic"]
            .objects.create(
                campaign=campaign,
                number=t.number,
                name=t.name,
                about=t.about,
                workstream_id=copies[t.workstream_id],
                priority=t.priority,
                policy_check=t.policy_check,
            )
            .pk
            for t in topics
        }
    if not others:
        return

    campaigns_of = {}
    for campaign in sorted(campaigns, key=lambda c: (c.starts_on, c.pk)):
        campaigns_of.setdefault(campaign.county_id, []).append(campaign)
    county_of_unit = dict(m["Unit"].objects.values_list("pk", "area_id"))

    def first_of(county_id):
        found = campaigns_of.get(county_id)
        return found[0] if found else first

    def repoint(rows, column, mapping, campaign_of_row):
        for row in rows:
            campaign = campaign_of_row(row)
            if campaign is None or campaign.pk == first.pk:
                continue
            new = mapping[campaign.pk].get(getattr(row, column))
            if new is not None and new != getattr(row, column):
                type(row).objects.filter(pk=row.pk).update(**{column: new})

    by_pk = {c.pk: c for c in campaigns}
    repoint(m["Case"].objects.all(), "topic_id", topic_of, lambda r: by_pk.get(r.campaign_id))

    def finding_campaign(finding):
        visit = finding.visit
        unit = visit.household.township_id if visit.household_id else visit.garrison_id
        return _campaign_on(campaigns_of, county_of_unit.get(unit), visit.visited_on)

    repoint(
        m["Finding"].objects.select_related("visit__household"),
        "topic_id",
        topic_of,
        finding_campaign,
    )
    # A county's list of kinds and the activities recorded under them go with its first
    # campaign: the kind decides an activity's workstream, so both move together.
    for model in (m["ActivityKind"], m["HistoricalActivityKind"]):
        repoint(model.objects.all(), "workstream_id", workstream_of, lambda r: first_of(r.county_id))
    for model in (m["Activity"], m["HistoricalActivity"]):
        repoint(
            model.objects.all(),
            "workstream_id",
            workstream_of,
            lambda r: first_of(county_of_unit.get(r.organiser_id)),
        )


def backward(apps, schema_editor):
    """Each number's rows fold into the oldest one, the references with them. Activity kinds
    are a county's list and stay as they are, under the folded workstreams."""
    m = _models(apps)
    for model, referrers in (
        (
            m["Topic"],
            [(m["Case"], "topic_id"), (m["Finding"], "topic_id")],
        ),
        (
            m["Workstream"],
            [
                (m["Topic"], "workstream_id"),
                (m["ActivityKind"], "workstream_id"),
                (m["HistoricalActivityKind"], "workstream_id"),
                (m["Activity"], "workstream_id"),
                (m["HistoricalActivity"], "workstream_id"),
            ],
        ),
    ):
        kept = {}
        for row in model.objects.order_by("pk"):
            if row.number not in kept:
                kept[row.number] = row.pk
                continue
            for referrer, column in referrers:
                referrer.objects.filter(**{column: row.pk}).update(**{column: kept[row.number]})
            # Nothing names the row any more: no need for the collector's checks.
            model.objects.filter(pk=row.pk)._raw_delete(schema_editor.connection.alias)


def constraints_now(apps, schema_editor):
    """PostgreSQL refuses to alter a table with deferred checks pending from the rows just
    written; run them now, so the schema changes beside the data step can follow."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0010_encrypted_numbers"),
        ("grievances", "0006_encrypted_numbers"),
        ("outreach", "0012_encrypted_numbers_unique"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="phase", name="campaign_phase_number_1_to_7"),
        migrations.AddConstraint(
            model_name="phase",
            constraint=models.CheckConstraint(
                condition=Q(number__gte=1), name="campaign_phase_number_from_1"
            ),
        ),
        migrations.AddField(
            model_name="phase",
            name="carries_over",
            field=models.BooleanField(
                default=False,
                help_text="Cases still open when this phase ends are carried over to follow-up.",
                verbose_name="carries open cases over",
            ),
        ),
        migrations.AddField(
            model_name="topic",
            name="policy_check",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "The visit records under this topic which policies are carried out and "
                    "which are missing."
                ),
                verbose_name="policy check",
            ),
        ),
        migrations.AddField(
            model_name="workstream",
            name="campaign",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="workstreams",
                to="campaign.campaign",
                verbose_name="campaign",
            ),
        ),
        migrations.AddField(
            model_name="topic",
            name="campaign",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="topics",
                to="campaign.campaign",
                verbose_name="campaign",
            ),
        ),
        migrations.AlterField(
            model_name="topic",
            name="number",
            field=models.PositiveSmallIntegerField(verbose_name="number"),
        ),
        migrations.AlterField(
            model_name="workstream",
            name="number",
            field=models.PositiveSmallIntegerField(verbose_name="number"),
        ),
        migrations.RunPython(migrations.RunPython.noop, constraints_now),
        migrations.RunPython(forward, backward),
        migrations.RunPython(constraints_now, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="workstream",
            name="campaign",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="workstreams",
                to="campaign.campaign",
                verbose_name="campaign",
            ),
        ),
        migrations.AlterField(
            model_name="topic",
            name="campaign",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="topics",
                to="campaign.campaign",
                verbose_name="campaign",
            ),
        ),
        migrations.AlterModelOptions(
            name="topic",
            options={
                "ordering": ["campaign_id", "number"],
                "verbose_name": "survey topic",
                "verbose_name_plural": "survey topics",
            },
        ),
        migrations.AlterModelOptions(
            name="workstream",
            options={
                "ordering": ["campaign_id", "number"],
                "verbose_name": "workstream",
                "verbose_name_plural": "workstreams",
            },
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("campaign", "number"), name="campaign_topic_unique_number"
            ),
        ),
        migrations.AddConstraint(
            model_name="workstream",
            constraint=models.UniqueConstraint(
                fields=("campaign", "number"), name="campaign_workstream_unique_number"
            ),
        ),
    ]
