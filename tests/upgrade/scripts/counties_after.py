"""Through this checkout's code on the upgraded database: the areas, and the county or the
campaign every row that must have one was given."""

import json

from campaign.models import Area, Campaign, SupportOrganisation, Unit
from reports.models import AssessmentItem, AssessmentScheme, YearSignOff


def distinct(queryset, field):
    return sorted(set(queryset.values_list(field, flat=True)), key=str)


placed = {
    "areas": [
        list(row)
        for row in Area.objects.order_by("pk").values_list("pk", "name", "level", "parent", "path")
    ],
    "campaign_counties": distinct(Campaign.objects, "county"),
    "unit_areas": distinct(Unit.objects, "area"),
    "unit_history_areas": distinct(Unit.history, "area"),
    "support_organisation_counties": distinct(SupportOrganisation.objects, "county"),
    "scheme_campaigns": distinct(AssessmentScheme.objects, "campaign"),
    "item_campaigns": distinct(AssessmentItem.objects, "campaign"),
    "sign_off_campaigns": distinct(YearSignOff.objects, "campaign"),
    "scheme_years": [
        list(row)
        for row in AssessmentScheme.objects.order_by("year").values_list("year", "campaign")
    ],
    "campaigns": list(Campaign.objects.order_by("pk").values_list("pk", flat=True)),
}
print("UPGRADE-READ " + json.dumps(placed, ensure_ascii=False))
