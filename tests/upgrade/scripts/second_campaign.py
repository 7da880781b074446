"""Run through the previous version's code after load_plan: a second campaign entered in the
admin with the county written another way, the county office as its one unit, and assessment
weights for a year of each campaign."""

from datetime import date

from campaign.models import Campaign, Unit
from reports.models import AssessmentScheme

Campaign.objects.create(
    name="双拥在基层（2017—2018年）",
    county="东山",
    starts_on=date(2017, 1, 1),
    ends_on=date(2018, 12, 31),
)
Unit.objects.create(code="office", name="县双拥工作委员会办公室", kind="office")
AssessmentScheme.objects.create(year=2015)
AssessmentScheme.objects.create(year=2017)
