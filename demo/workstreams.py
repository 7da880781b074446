"""The demo county's workstream records: 五个一 for every township and member unit,
inspections (phase 6) with their findings, models, commendations and the support registry.
Deterministic; skipped once the county has a 五个一 item."""

import random
from datetime import date, timedelta

from django.db import transaction

from campaign.models import (
    Campaign,
    Commendation,
    FiveOnesItem,
    Inspection,
    InspectionFinding,
    InspectionRating,
    ModelFigure,
    SupportOrganisation,
    Unit,
    User,
)
from demo.county import DemoCounty

INSPECTIONS = 24
INSPECTION_FINDINGS = [
    "双拥工作台账登记不完整，部分问题无办理时限。",
    "军民活动室使用率不高。",
    "优抚对象走访记录缺少签字。",
    "宣传栏内容未及时更新。",
]
# (category, name, unit code); a township is named without its "town-" prefix.
MODEL_FIGURES = [
    ("supporter", "王秀英", "chengguan"),
    ("family", "李建国家庭", "dongcheng"),
    ("soldier", "张伟", "garrison1"),
    ("veteran", "陈志勇", "xihe"),
    ("spouse", "刘丽", "nanshan"),
]
SUPPORT_ORGANISATIONS = [
    ("medical", "县人民医院拥军医疗服务队", "weijian"),
    ("legal", "县法律援助中心拥军法律服务团", "sifa"),
    ("education", "县实验小学拥军助学团队", "jiaoyu"),
    ("enterprise", "某建材有限公司", None),
    ("window", "县政务服务中心拥军优先窗口", "tuiyi"),
]


@transaction.atomic
def seed_workstream_records(county: DemoCounty) -> None:
    if FiveOnesItem.objects.in_county(county.area).exists():
        return
    # One generator for all of them, drawn from in this order: the demo is what it draws.
    rng = county.rng(81)
    units = county.of_kind(Unit.Kind.TOWNSHIP, Unit.Kind.MEMBER)
    _seed_five_ones(rng, units, county.office, county.campaign)
    _seed_inspections(rng, units, county.office, county.campaign)
    _seed_recognition(county)
    _seed_support_organisations(rng, county)


def _seed_five_ones(
    rng: random.Random, units: list[Unit], office: User, campaign: Campaign
) -> None:
    items = []
    for unit in units:
        for item in FiveOnesItem.Item.values:
            status = rng.choices(FiveOnesItem.Status.values, weights=[15, 20, 65])[0]
            done = status == "done"
            items.append(
                FiveOnesItem(
                    campaign=campaign,
                    unit=unit,
                    item=item,
                    status=status,
                    done_on=date(2015, rng.randrange(1, 12), 1) if done else None,
                    description="已按要求建设并投入使用。" if done else "",
                    updated_by=office,
                )
            )
    FiveOnesItem.objects.bulk_create(items)


def _seed_inspections(
    rng: random.Random, units: list[Unit], office: User, campaign: Campaign
) -> None:
    """One inspection a fortnight from 2015-04, walking the units seven at a stride."""
    ratings = list(InspectionRating.objects.filter(county_id=units[0].area_id).order_by("order"))
    for n in range(INSPECTIONS):
        inspection = Inspection.objects.create(
            campaign=campaign,
            unit=units[(n * 7) % len(units)],
            inspected_on=date(2015, 4, 1) + timedelta(days=n * 14),
            inspectors="县双拥办 周主任、孙干事",
            checked="五个一建设、问题台账、走访摸底记录",
            rating=rng.choices(ratings, weights=[25, 45, 25, 5])[0],
            summary="总体推进有序，个别环节需整改。",
            created_by=office,
        )
        for text in rng.sample(INSPECTION_FINDINGS, rng.choice([0, 1, 2])):
            InspectionFinding.objects.create(inspection=inspection, text=text)


def _seed_recognition(county: DemoCounty) -> None:
    """Models (典型) of 2015 and the commendations at the campaign's close."""
    by_code = county.by_code
    for category, name, code in MODEL_FIGURES:
        unit = by_code.get(code) or by_code.get(f"town-{code}")
        ModelFigure.objects.create(
            category=category, name=name, unit=unit, year=2015, story="事迹经县电视台宣传报道。"
        )
    Commendation.objects.create(
        kind="unit",
        unit=by_code["town-chengguan"],
        title="双拥在基层活动先进单位",
        commended_on=date(2016, 12, 20),
    )
    Commendation.objects.create(
        kind="person",
        unit=by_code["minzheng"],
        person_name="周建华",
        title="双拥在基层活动先进个人",
        commended_on=date(2016, 12, 20),
    )


def _seed_support_organisations(rng: random.Random, county: DemoCounty) -> None:
    for kind, name, code in SUPPORT_ORGANISATIONS:
        SupportOrganisation.objects.create(
            county=county.area,
            kind=kind,
            name=name,
            unit=county.by_code[code] if code else None,
            members=rng.randrange(5, 40),
        )
