"""The county leader takes three open cases personally (包案), the priority ones first, and has
written an instruction (批示) on the first, as case_set_leader and case_instruct would record
them. Running it again changes nothing."""

from django.db.models import F

from demo.case_life import TODAY
from demo.county import DemoCounty
from grievances.models import OPEN_STATUSES, Case, CaseEvent

CASES_LED = 3
INSTRUCTION = "请相关单位依法优先、快捷高效办理，办理进展每周报县双拥办，确保按期办结。"


def seed_leaders(county: DemoCounty) -> int:
    from campaign.models import User

    leader = User.objects.filter(username=f"{county.place.login_prefix}leader").first()
    if leader is None or Case.objects.filter(leader=leader).exists():
        return 0
    cases = list(
        Case.objects.filter(
            campaign=county.campaign, status__in=OPEN_STATUSES, lead_unit__isnull=False
        ).order_by("-priority", "year", "sequence")[:CASES_LED]
    )
    for case in cases:
        Case.objects.filter(pk=case.pk).update(leader=leader, version=F("version") + 1)
        CaseEvent.objects.create(
            case=case,
            kind=CaseEvent.Kind.LEADER_SET,
            on=TODAY,
            by=county.office,
            unit_id=county.office.unit_id,
            from_status=case.status,
            to_status=case.status,
            changes={"leader": ["", leader.display_name]},
        )
    if cases:
        first = cases[0]
        CaseEvent.objects.create(
            case=first,
            kind=CaseEvent.Kind.INSTRUCTED,
            on=TODAY,
            by=leader,
            unit_id=leader.unit_id,
            from_status=first.status,
            to_status=first.status,
            note=INSTRUCTION,
        )
        Case.objects.filter(pk=first.pk).update(version=F("version") + 1)
    return len(cases)
