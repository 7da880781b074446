"""The campaign on the agenda in the demo county: three meetings (in phase 1, mid-2015 and
phase 5) with their decisions, tasks given to member units and townships (some done, some
overdue on the demo's today, 2016-03-15), and two standing mechanisms. One decision points at
a case already on the ledger, so the ledger's total is the survey's and the inspections'.
Deterministic; skipped once the county's campaign has meetings."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from agenda.models import Decision, Mechanism, Meeting, Task
from campaign.models import Unit
from demo.county import DemoCounty
from grievances.models import Case

MEETINGS = [
    (date(2015, 1, 20), Meeting.Kind.LEADING_GROUP, "“双拥在基层”活动动员部署会", "县委副书记"),
    (date(2015, 6, 18), Meeting.Kind.JOINT, "双拥工作联席会议（年中推进）", "副县长"),
    (date(2016, 1, 12), Meeting.Kind.TOPICAL, "巩固提高阶段排忧解难专题会议", "副县长"),
]
TASKS = [
    "完成辖区优抚对象走访登记",
    "建立优抚对象帮扶台账",
    "开展“八一”走访慰问",
    "落实军属就业帮扶",
    "完成军人子女入学协调",
    "整理活动小结报县双拥办",
    "开展双拥政策宣传进村入户",
    "检查立功喜报送达情况",
    "落实困难优抚对象危房改造",
    "建立结对帮扶责任清单",
]


@transaction.atomic
def seed_agenda(county: DemoCounty) -> int:
    campaign = county.campaign
    if Meeting.objects.filter(campaign=campaign).exists():
        return 0
    office = county.office
    units = county.of_kind(Unit.Kind.MEMBER, Unit.Kind.TOWNSHIP)
    meetings = []
    for held_on, kind, title, chair in MEETINGS:
        meeting = Meeting.objects.create(
            campaign=campaign,
            held_on=held_on,
            kind=kind,
            title=title,
            chair=chair,
            attendees="领导小组成员、各成员单位分管负责人、各乡镇分管领导",
            minutes=f"会议听取了县双拥办的汇报，研究部署{title}相关工作。",
            created_by=office,
        )
        meeting.attending_units.set(units)
        meetings.append(meeting)
    case = Case.objects.filter(campaign=campaign).order_by("pk").first()
    if case is not None:
        Decision.objects.create(
            meeting=meetings[1],
            text=f"由县领导督办台账问题 {case.number}，限期解决。",
            case=case,
            created_by=office,
        )
    today = date(2016, 3, 15)
    for n, title in enumerate(TASKS):
        meeting = meetings[n % len(meetings)]
        unit = units[(n * 3) % len(units)]
        due_on = meeting.held_on + timedelta(days=60 + 30 * (n % 4))
        done = n % 3 == 0
        task = Task.objects.create(
            campaign=campaign,
            title=title,
            unit=unit,
            phase=next((p for p in campaign.phases.all() if p.is_on(due_on)), None),
            due_on=min(due_on, campaign.ends_on),
            status=Task.Status.DONE if done else Task.Status.OPEN,
            done_note="已按要求完成，材料报县双拥办。" if done else "",
            done_at=timezone.make_aware(datetime.combine(due_on - timedelta(days=5), time(10)))
            if done
            else None,
            done_by=county.login_for(unit.pk) if done else None,
            created_by=office,
        )
        Decision.objects.create(
            meeting=meeting, text=f"{unit.label}负责{title}。", task=task, created_by=office
        )
    assert Task.objects.filter(campaign=campaign).overdue(today).exists()
    for title, kind, text, meeting in (
        (
            "排忧解难联席会议制度",
            Mechanism.Kind.MEETING,
            "每季度召开一次联席会议，研究解决优抚对象和驻军部队反映的困难问题。",
            meetings[2],
        ),
        (
            "优抚对象走访慰问常态化机制",
            Mechanism.Kind.VISITS,
            "乡镇每半年走访一次辖区优抚对象，重要节日集中慰问，情况报县双拥办。",
            meetings[2],
        ),
    ):
        mechanism = Mechanism.objects.create(
            campaign=campaign,
            title=title,
            kind=kind,
            text=text,
            adopted_on=meeting.held_on,
            meeting=meeting,
            created_by=office,
        )
        mechanism.units.set(units[:4])
    return len(meetings)
