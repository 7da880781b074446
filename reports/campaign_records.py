"""The records of one campaign that do not yet name their campaign: visits (and their
findings), activities, inspections and the 五个一. Until they carry a campaign of their own they
are the county's records dated within the campaign's window; every whole-campaign figure asks
for them here, so the day they name their campaign each answer becomes a one-line filter."""

from django.db.models import QuerySet

from campaign.models import Campaign, FiveOnesItem, Inspection
from outreach.models import Activity, Finding, Visit


def campaign_visits(campaign: Campaign) -> QuerySet:
    return Visit.objects.in_county(campaign.county_id).filter(
        visited_on__range=(campaign.starts_on, campaign.ends_on)
    )


def campaign_findings(campaign: Campaign) -> QuerySet:
    return Finding.objects.in_county(campaign.county_id).filter(
        visit__visited_on__range=(campaign.starts_on, campaign.ends_on)
    )


def campaign_activities(campaign: Campaign) -> QuerySet:
    return Activity.objects.in_county(campaign.county_id).filter(
        held_on__range=(campaign.starts_on, campaign.ends_on)
    )


def campaign_inspections(campaign: Campaign) -> QuerySet:
    return Inspection.objects.in_county(campaign.county_id).filter(
        inspected_on__range=(campaign.starts_on, campaign.ends_on)
    )


def campaign_five_ones(campaign: Campaign) -> QuerySet:
    """The 五个一 as they stand: an item has no date to place it in one campaign or another."""
    return FiveOnesItem.objects.in_county(campaign.county_id)
