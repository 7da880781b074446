"""Rectification cases (整改) for the first inspection findings, registered and assigned to the
inspected unit as the office would. Deterministic; skipped once the county's campaign has
them."""

from datetime import timedelta

from django.db import transaction

from campaign.models import InspectionFinding, Topic, Unit, User
from demo.county import DemoCounty
from grievances.models import Case, CaseEvent, Source, Status
from grievances.services import _next_number, phase_on
from grievances.workdays import add_workdays

RECTIFIED_FINDINGS = 8
TIME_LIMIT = 15  # working days to rectify


@transaction.atomic
def seed_rectifications(county: DemoCounty) -> int:
    if Case.objects.filter(campaign=county.campaign, source=Source.INSPECTION).exists():
        return 0
    topic = county.campaign.topics.get(policy_check=True)
    findings = (
        InspectionFinding.objects.in_county(county.area)
        .select_related("inspection__unit")
        .order_by("pk")
    )
    count = 0
    for finding in findings[:RECTIFIED_FINDINGS]:
        case = _register(county, finding, topic)
        _record_assignment(case, county.office)
        count += 1
    return count


def _register(county: DemoCounty, finding: InspectionFinding, topic: Topic) -> Case:
    """Numbered on the ledger as the next case of its year (after the survey's)."""
    unit = finding.inspection.unit
    registered_on = finding.inspection.inspected_on + timedelta(days=3)
    campaign = county.campaign
    return Case.objects.create(
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
        deadline=add_workdays(registered_on, TIME_LIMIT),
        original_deadline=add_workdays(registered_on, TIME_LIMIT),
        status=Status.ASSIGNED,
        registered_on=registered_on,
        registered_by=county.office,
        registered_phase=phase_on(campaign, registered_on),
        version=2,
    )


def _record_assignment(case: Case, office: User) -> None:
    """Registered and assigned the same day, by the office."""
    for kind, to_status in (("registered", Status.REGISTERED), ("assigned", Status.ASSIGNED)):
        CaseEvent.objects.create(
            case=case,
            kind=kind,
            on=case.registered_on,
            by=office,
            unit_id=office.unit_id,
            to_status=to_status,
        )
