"""The demo county's ledger: about 1,500 cases in every state, with their events. Built in bulk
(the workflow services are exercised by the tests); deterministic; skipped once present."""

import random
from datetime import date, timedelta

from django.db import transaction

from campaign.models import Campaign, Unit, User
from grievances.models import (
    Case,
    CaseEvent,
    CaseFinding,
    ExtensionRequest,
    LedgerCounter,
    Satisfaction,
    Source,
    Status,
)
from grievances.services import REVISIT_AFTER_DAYS, phase_on
from grievances.workdays import add_workdays
from outreach.models import Finding

TARGET = 1500
TODAY = date(2016, 3, 15)  # the demo's pinned date (see the Makefile)
MEASURES = [
    "协调相关部门落实政策，限期办结。",
    "实地核查后制定帮扶方案，落实专项资金。",
    "安排法律援助律师跟进，依法优先办理。",
    "纳入年度计划，分步解决。",
]
LEAD_BY_TOPIC = {
    1: "ziran",
    2: "jiaotong",
    3: "renshe",
    4: "tuiyi",
    5: "minzheng",
    6: "tuiyi",
    7: "sifa",
}


def _plan(rng: random.Random) -> str:
    return rng.choices(
        ["registered", "assigned", "in_progress", "resolved", "returned", "closed"],
        weights=[8, 8, 27, 10, 5, 42],
    )[0]


@transaction.atomic
def seed_ledger() -> int:
    if Case.objects.exists():
        return 0
    campaign = Campaign.objects.prefetch_related("phases").first()
    rng = random.Random(1949)
    office = User.objects.filter(unit__kind=Unit.Kind.OFFICE, read_only=False).order_by("pk")[0]
    units = {u.code: u for u in Unit.objects.all()}
    townships = {u.pk: u for u in units.values() if u.kind == Unit.Kind.TOWNSHIP}
    staff = {u.unit_id: u for u in User.objects.filter(unit__kind__in=["member", "township"])}
    findings = list(
        Finding.objects.filter(needs_action=True)
        .select_related("topic", "visit")
        .order_by("pk")[:TARGET]
    )
    drafts = []
    for finding in findings:
        # Most problems came in during phase 3; some reach the ledger in phase 5 (2016).
        registered_on = date(2015, 5, 4) + timedelta(days=rng.randrange(0, 310))
        drafts.append((registered_on, finding))
    drafts.sort(key=lambda d: (d[0], d[1].pk))

    cases, links, events, extensions = [], [], [], []
    counters: dict[int, int] = {}
    for registered_on, finding in drafts:
        year = registered_on.year
        counters[year] = counters.get(year, 0) + 1
        topic = finding.topic
        lead = units[LEAD_BY_TOPIC[topic.number]]
        if topic.number in (5, 6) and rng.random() < 0.3:
            lead = townships[finding.visit.township_id]
        plan = _plan(rng)
        case = Case(
            campaign=campaign,
            year=year,
            sequence=counters[year],
            topic=topic,
            household_id=finding.visit.household_id,
            garrison_id=finding.visit.garrison_id,
            township_id=finding.visit.township_id,
            description=finding.text,
            source=Source.SURVEY,
            priority=topic.priority,
            registered_on=registered_on,
            registered_by=office,
            registered_phase=phase_on(campaign, registered_on),
        )
        trail = [(CaseEvent.Kind.REGISTERED, registered_on, office, "", Status.REGISTERED, "")]
        lead_user = staff.get(lead.pk, office)
        if plan != "registered":
            assigned_on = add_workdays(registered_on, 2)
            case.lead_unit = lead
            case.measures = rng.choice(MEASURES)
            case.responsible_person = lead_user.display_name
            case.responsible_phone = f"139{rng.randrange(10**8):08d}"
            case.deadline = case.original_deadline = add_workdays(
                assigned_on, rng.choice([10, 20, 30, 60])
            )
            trail.append(
                (
                    CaseEvent.Kind.ASSIGNED,
                    assigned_on,
                    office,
                    Status.REGISTERED,
                    Status.ASSIGNED,
                    case.measures,
                )
            )
            case.status = Status.ASSIGNED
        if plan in ("in_progress", "resolved", "returned", "closed"):
            accepted_on = add_workdays(assigned_on, 2)
            trail.append(
                (
                    CaseEvent.Kind.ACCEPTED,
                    accepted_on,
                    lead_user,
                    Status.ASSIGNED,
                    Status.IN_PROGRESS,
                    "",
                )
            )
            trail.append(
                (
                    CaseEvent.Kind.PROGRESS,
                    add_workdays(accepted_on, 5),
                    lead_user,
                    Status.IN_PROGRESS,
                    Status.IN_PROGRESS,
                    "已实地走访核实，正在协调落实。",
                )
            )
            case.status = Status.IN_PROGRESS
            if rng.random() < 0.12:
                new_deadline = add_workdays(case.deadline, 20)
                decided = rng.random() < 0.75
                extensions.append(
                    ExtensionRequest(
                        case=case,
                        requested_by=lead_user,
                        requested_on=add_workdays(accepted_on, 6),
                        current_deadline=case.deadline,
                        new_deadline=new_deadline,
                        reason="涉及多部门协调，需延长办理时限。",
                        decision="approved" if decided else "pending",
                        decided_by=office if decided else None,
                        decided_on=add_workdays(accepted_on, 8) if decided else None,
                    )
                )
                trail.append(
                    (
                        CaseEvent.Kind.EXTENSION_REQUESTED,
                        add_workdays(accepted_on, 6),
                        lead_user,
                        Status.IN_PROGRESS,
                        Status.IN_PROGRESS,
                        "涉及多部门协调，需延长办理时限。",
                    )
                )
                if decided:
                    trail.append(
                        (
                            CaseEvent.Kind.EXTENSION_APPROVED,
                            add_workdays(accepted_on, 8),
                            office,
                            Status.IN_PROGRESS,
                            Status.IN_PROGRESS,
                            "",
                        )
                    )
                    case.deadline = new_deadline
        if plan in ("resolved", "returned", "closed"):
            resolved_on = min(add_workdays(accepted_on, rng.randrange(8, 40)), TODAY)
            case.result = "问题已解决，当事人认可。"
            case.resolved_on = resolved_on
            case.status = Status.RESOLVED
            trail.append(
                (
                    CaseEvent.Kind.RESOLVED,
                    resolved_on,
                    lead_user,
                    Status.IN_PROGRESS,
                    Status.RESOLVED,
                    case.result,
                )
            )
        if plan == "returned":
            returned_on = min(add_workdays(resolved_on, 3), TODAY)
            case.status = Status.RETURNED
            case.resolved_on = None
            trail.append(
                (
                    CaseEvent.Kind.RETURNED,
                    returned_on,
                    office,
                    Status.RESOLVED,
                    Status.RETURNED,
                    "办理结果依据不足，请补充材料。",
                )
            )
        if plan == "closed":
            closed_on = min(add_workdays(resolved_on, 3), TODAY)
            case.status = Status.CLOSED
            case.closed_on = closed_on
            case.closed_by = office
            case.revisit_due = closed_on + timedelta(days=REVISIT_AFTER_DAYS)
            trail.append(
                (CaseEvent.Kind.CLOSED, closed_on, office, Status.RESOLVED, Status.CLOSED, "")
            )
            if case.revisit_due <= TODAY and rng.random() < 0.7:
                satisfaction = rng.choices(Satisfaction.values, weights=[70, 24, 6])[0]
                case.revisited_on = case.revisit_due
                case.satisfaction = satisfaction
                trail.append(
                    (
                        CaseEvent.Kind.REVISITED,
                        case.revisit_due,
                        office,
                        Status.CLOSED,
                        Status.CLOSED,
                        "",
                    )
                )
                if satisfaction == Satisfaction.DISSATISFIED:
                    case.status = Status.IN_PROGRESS
                    case.closed_on = case.closed_by = case.resolved_on = None
                    case.reopened_count = 1
                    trail.append(
                        (
                            CaseEvent.Kind.REOPENED,
                            case.revisit_due,
                            office,
                            Status.CLOSED,
                            Status.IN_PROGRESS,
                            "回访不满意，重新办理。",
                        )
                    )
        case.version = len(trail)
        cases.append(case)
        links.append((case, finding))
        events.append((case, trail))

    Case.objects.bulk_create(cases, batch_size=500)
    if not cases[0].pk:
        by_number = {(c.year, c.sequence): c.pk for c in Case.objects.all()}
        for case in cases:
            case.pk = by_number[(case.year, case.sequence)]
    CaseFinding.objects.bulk_create(
        [CaseFinding(case_id=case.pk, finding=finding) for case, finding in links], batch_size=1000
    )
    for extension in extensions:
        extension.case_id = extension.case.pk
    ExtensionRequest.objects.bulk_create(extensions)
    CaseEvent.objects.bulk_create(
        [
            CaseEvent(
                case_id=case.pk,
                kind=kind,
                on=on,
                by=by,
                unit_id=by.unit_id,
                from_status=from_status,
                to_status=to_status,
                note=note,
            )
            for case, trail in events
            for kind, on, by, from_status, to_status, note in trail
        ],
        batch_size=1000,
    )
    for year, last in counters.items():
        LedgerCounter.objects.update_or_create(
            campaign=campaign, year=year, defaults={"last": last}
        )
    return len(cases)


@transaction.atomic
def seed_rectifications() -> int:
    """Rectification cases for the first inspection findings, as the office would register."""
    from campaign.models import InspectionFinding, Topic
    from grievances.services import _next_number

    if Case.objects.filter(source=Source.INSPECTION).exists():
        return 0
    campaign = Campaign.objects.prefetch_related("phases").first()
    office = User.objects.filter(unit__kind=Unit.Kind.OFFICE, read_only=False).order_by("pk")[0]
    topic = Topic.objects.get(number=4)
    findings = InspectionFinding.objects.select_related("inspection__unit").order_by("pk")[:8]
    count = 0
    for finding in findings:
        unit = finding.inspection.unit
        registered_on = finding.inspection.inspected_on + timedelta(days=3)
        case = Case.objects.create(
            campaign=campaign,
            year=registered_on.year,
            sequence=_next_number(campaign, registered_on.year),
            topic=topic,
            subject_unit=unit,
            township=unit if unit.kind == Unit.Kind.TOWNSHIP else None,
            description=finding.text,
            source=Source.INSPECTION,
            inspection_finding=finding,
            lead_unit=unit,
            measures="限期整改，整改情况报县双拥办。",
            responsible_person="单位负责人",
            deadline=add_workdays(registered_on, 15),
            original_deadline=add_workdays(registered_on, 15),
            status=Status.ASSIGNED,
            registered_on=registered_on,
            registered_by=office,
            registered_phase=phase_on(campaign, registered_on),
            version=2,
        )
        for kind, to_status in (("registered", Status.REGISTERED), ("assigned", Status.ASSIGNED)):
            CaseEvent.objects.create(
                case=case,
                kind=kind,
                on=registered_on,
                by=office,
                unit_id=office.unit_id,
                to_status=to_status,
            )
        count += 1
    return count
