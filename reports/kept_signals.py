"""What moves a county's figures version: every saved or deleted row of a table the kept
figures are computed from, caught by signals so that services, the admin, imports and
factories alike raise it, in the transaction of the write. Writes that send no signals
(bulk_create, queryset.update(), raw SQL) call bump() themselves."""

from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save

from campaign.bulk_changes import rows_written
from campaign.models import Area, Campaign, FiveOnesItem, Phase, Topic, Unit, Workstream
from campaign.models.inspections import Inspection, InspectionRating
from grievances.models import Case
from outreach.models import Activity, Household, Visit
from reports.models import AssessmentItem, AssessmentScheme, FiguresVersion
from submissions.models import ReportRequest, Submission


def bump(counties: QuerySet) -> None:
    """Raise the figures version of the counties a one-column queryset (named "c") gives:
    one statement, which creates the county's version row on its first change."""
    select, params = counties.query.sql_with_params()
    table = connection.ops.quote_name(FiguresVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (county_id, version) "
            f"SELECT DISTINCT changed.c, 1 FROM ({select}) AS changed "
            f"WHERE changed.c IS NOT NULL "
            f"ON CONFLICT (county_id) DO UPDATE SET version = {table}.version + 1",
            params,
        )


def bump_county(county_id) -> None:
    bump(Area.objects.filter(pk=county_id).values(c=F("pk")))


def bump_campaign(campaign_id) -> None:
    bump(Campaign.objects.filter(pk=campaign_id).values(c=F("county")))


def bump_unit(unit_id) -> None:
    bump(Unit.objects.filter(pk=unit_id).values(c=F("area")))


def bump_all() -> None:
    """Every county: after a change every county's figures read (the working-day calendar)."""
    bump(Area.objects.values(c=F("pk")))


# Each watched table and how one of its rows names its county, from a column the row holds,
# so a deleted row names it too.
COUNTY_OF = {
    Case: lambda row: bump_campaign(row.campaign_id),
    Visit: lambda row: bump_campaign(row.campaign_id),
    Activity: lambda row: bump_campaign(row.campaign_id),
    FiveOnesItem: lambda row: bump_campaign(row.campaign_id),
    Phase: lambda row: bump_campaign(row.campaign_id),
    Topic: lambda row: bump_campaign(row.campaign_id),
    Workstream: lambda row: bump_campaign(row.campaign_id),
    Inspection: lambda row: bump_campaign(row.campaign_id),
    AssessmentItem: lambda row: bump_campaign(row.campaign_id),
    AssessmentScheme: lambda row: bump_campaign(row.campaign_id),
    Household: lambda row: bump_unit(row.township_id),
    Unit: lambda row: bump_county(row.area_id),
    Campaign: lambda row: bump_county(row.county_id),
    InspectionRating: lambda row: bump_county(row.county_id),
    ReportRequest: lambda row: bump_county(row.county_id),
    Submission: lambda row: bump(
        ReportRequest.objects.filter(pk=row.request_id).values(c=F("county"))
    ),
}


def _changed(sender, instance, raw=False, **kwargs):
    if not raw:  # loaddata: the rows are being restored, not changed
        COUNTY_OF[sender](instance)


def _units_asked_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        COUNTY_OF[type(instance)](instance)


def _rows_written(sender, county_id, **kwargs):
    bump_county(county_id)


def connect() -> None:
    rows_written.connect(_rows_written, dispatch_uid="kept-bulk")
    for model in COUNTY_OF:
        post_save.connect(_changed, sender=model, dispatch_uid=f"kept-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"kept-delete-{model.__name__}")
    m2m_changed.connect(
        _units_asked_changed, sender=ReportRequest.units.through, dispatch_uid="kept-asked"
    )
