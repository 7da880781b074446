"""The demo county's reports due (报送): phase 4's 活动小结 asked of every member unit and
township by 2015-12-20 — most on time, 县交通运输局 late, 县财政局 never, 南山乡 returned for
revision — and phase 7's 总结, not yet due. Their late and missing reports give the 2015
assessment its deductions by rule. Deterministic; running it again changes nothing."""

from datetime import date, timedelta

from django.db import transaction

from campaign.models import Unit
from demo.county import DemoCounty
from submissions.models import ReportRequest, Submission
from submissions.states import is_late

SUMMARY_DUE = date(2015, 12, 20)
LATE = {"县交通运输局": date(2015, 12, 28)}
MISSING = {"县财政局"}
RETURNED = {"南山乡": "只列了活动名称，请补充走访户数、解决问题数和下一步安排后重新报送。"}
ACCEPTED_EVERY = 3  # the office has read and accepted every third on-time summary


def _phase(county: DemoCounty, number: int):
    return next((p for p in county.campaign.phases.all() if p.number == number), None)


@transaction.atomic
def seed_submissions(county: DemoCounty) -> int:
    """Return how many requests were added (none once they exist)."""
    campaign, office = county.campaign, county.office
    if ReportRequest.objects.filter(campaign=campaign).exists():
        return 0
    asked = [u for u in county.units if u.kind in (Unit.Kind.MEMBER, Unit.Kind.TOWNSHIP)]
    summary = ReportRequest.objects.create(
        county=county.area,
        campaign=campaign,
        phase=_phase(county, 4),
        title="“双拥在基层”活动2015年度小结",
        period="2015年1月—12月",
        due_on=SUMMARY_DUE,
        created_by=office,
    )
    summary.units.set(asked)
    final = ReportRequest.objects.create(
        county=county.area,
        campaign=campaign,
        phase=_phase(county, 7),
        title="“双拥在基层”活动总结",
        period="2015年—2016年",
        due_on=date(2016, 12, 20),
        created_by=office,
    )
    final.units.set(asked)
    rng = county.rng(17)
    on_time = 0
    for unit in asked:
        if unit.name in MISSING:
            continue
        submitted_on = LATE.get(unit.name) or SUMMARY_DUE - timedelta(days=rng.randint(0, 9))
        status, reason = Submission.Status.SUBMITTED, RETURNED.get(unit.name, "")
        if reason:
            status = Submission.Status.RETURNED
        elif unit.name not in LATE:
            on_time += 1
            if on_time % ACCEPTED_EVERY == 0:
                status = Submission.Status.ACCEPTED
        Submission.objects.create(
            request=summary,
            unit=unit,
            text=f"{unit.name}2015年“双拥在基层”活动小结：开展走访慰问、政策宣传和帮扶解困，"
            "建立了工作台账，下一步将按方案推进长效机制建设。",
            status=status,
            submitted_on=submitted_on,
            late=is_late(SUMMARY_DUE, submitted_on),
            return_reason=reason,
            submitted_by=county.staff.get(unit.pk, office),
            reviewed_by=office if status != Submission.Status.SUBMITTED else None,
        )
    return 2
