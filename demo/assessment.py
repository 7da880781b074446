"""The demo county's assessment: the office's weights for both years and a few bonus,
deduction and veto items with their reasons. The years stay unsigned, so the sign-off can be
tried. Deterministic; running it again changes nothing."""

from decimal import Decimal

from django.db import transaction

from demo.county import DemoCounty
from reports.models import AssessmentItem, AssessmentScheme

ITEMS = [
    ("城关镇", 2015, "bonus", "3", "被评为市级双拥模范乡镇，按方案加分。"),
    ("西河镇", 2015, "bonus", "2", "“八一”走访慰问工作经验被县委转发。"),
    ("县司法局", 2015, "bonus", "2", "涉军法律援助案件全部依法优先办结。"),
    ("南山乡", 2015, "deduction", "2", "督查发现双拥工作台账记录不全，未按期整改。"),
    ("柳林乡", 2015, "veto", "0", "发生侵害军人军属合法权益的重大事件，造成不良影响。"),
]


@transaction.atomic
def seed_assessment(county: DemoCounty) -> int:
    """Return how many items were added (none once they exist)."""
    office, campaign = county.office, county.campaign
    for year in (2015, 2016):
        AssessmentScheme.objects.get_or_create(
            campaign=campaign, year=year, defaults={"updated_by": office}
        )
    units = {unit.name: unit for unit in county.units}
    created = 0
    for name, year, kind, points, reason in ITEMS:
        _item, made = AssessmentItem.objects.get_or_create(
            campaign=campaign,
            unit=units[name],
            year=year,
            kind=kind,
            reason=reason,
            defaults={"points": Decimal(points), "created_by": office},
        )
        created += made
    return created
