"""Giving the records made before campaigns followed one another (visits, activities,
inspections, 五个一) the campaign they belong to, for the migrations that add the field.

A record goes to the campaign of its unit's county whose window holds its date; a date outside
every window goes to the county's campaign nearest in time. Since a county's windows never
overlap, each campaign takes one stretch of days — its window, half of each gap beside it, and
everything before the first or after the last — and one UPDATE per campaign does the work."""

from datetime import date, timedelta

from django.db.models import Q

FIRST_DAY, LAST_DAY = date(1, 1, 1), date(9999, 12, 31)


def stretches(campaigns) -> list[tuple[int, date, date]]:
    """(campaign id, first day, last day) covering every day once, for one county's
    campaigns ordered by start."""
    result = []
    for index, campaign in enumerate(campaigns):
        first = FIRST_DAY if index == 0 else result[-1][2] + timedelta(days=1)
        if index == len(campaigns) - 1:
            last = LAST_DAY
        else:
            gap = (campaigns[index + 1].starts_on - campaign.ends_on).days
            last = campaign.ends_on + timedelta(days=max(gap - 1, 0) // 2)
        result.append((campaign.pk, first, last))
    return result


def dated_between(date_fields: list[str], first: date, last: date) -> Q:
    """The first of date_fields that is set falls between first and last."""
    condition, earlier_empty = Q(), Q()
    for field in date_fields:
        condition |= earlier_empty & Q(**{f"{field}__range": (first, last)})
        earlier_empty &= Q(**{f"{field}__isnull": True})
    return condition


def backfill(apps, schema_editor, records: list[tuple[str, str, list[str]]]) -> None:
    """records: (app_label.Model, path to the unit's county, date fields in order of trust).
    A county with such records and no campaign is refused by name before anything is written
    for it: its records could belong to no campaign."""
    Campaign = apps.get_model("campaign", "Campaign")
    Area = apps.get_model("campaign", "Area")
    by_county = {}
    for campaign in Campaign.objects.order_by("county_id", "starts_on", "pk"):
        by_county.setdefault(campaign.county_id, []).append(campaign)
    for label, county_path, date_fields in records:
        model = apps.get_model(*label.split("."))
        orphans = (
            model.objects.exclude(**{f"{county_path}__in": list(by_county)})
            .values_list(county_path, flat=True)
            .distinct()
        )
        if missing := sorted(
            Area.objects.filter(pk__in=list(orphans)).values_list("name", flat=True)
        ):
            raise RuntimeError(
                f"{label} rows in counties without a campaign: {', '.join(missing)}. "
                "Load the county's plan (manage.py load_plan) on the previous version first."
            )
        for county_id, campaigns in by_county.items():
            for campaign_id, first, last in stretches(campaigns):
                model.objects.filter(
                    dated_between(date_fields, first, last), **{county_path: county_id}
                ).update(campaign_id=campaign_id)
    if schema_editor.connection.vendor == "postgresql":
        # Check the new references now: PostgreSQL will not alter a table (the NOT NULL step
        # that follows) while deferred checks on its rows are pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")
