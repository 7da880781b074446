"""The records of one campaign: visits (and their findings), activities, inspections and the
五个一, each of which names the campaign it was recorded in. Every whole-campaign figure asks for
them here."""

from django.db.models import QuerySet

from campaign.models import Campaign, FiveOnesItem, Inspection
from outreach.models import Activity, Finding, Visit


def campaign_visits(campaign: Campaign) -> QuerySet:
    return Visit.objects.filter(campaign=campaign)


def campaign_findings(campaign: Campaign) -> QuerySet:
    return Finding.objects.filter(visit__campaign=campaign)


def campaign_activities(campaign: Campaign) -> QuerySet:
    return Activity.objects.filter(campaign=campaign)


def campaign_inspections(campaign: Campaign) -> QuerySet:
    return Inspection.objects.filter(campaign=campaign)


def campaign_five_ones(campaign: Campaign) -> QuerySet:
    return FiveOnesItem.objects.filter(campaign=campaign)
