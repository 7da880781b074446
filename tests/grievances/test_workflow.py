"""A case's life through the services, each step by the right role and refused for the others."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from grievances import services
from grievances.models import Case, CaseEvent, ExtensionRequest, Status

pytestmark = pytest.mark.django_db

ROLES = ["office", "leader", "clerk_a", "clerk_b", "member", "liaison", "co_member"]


@pytest.fixture
def people(cast, co_member):
    return {**cast, "co_member": co_member}


def assign(case, office, member_unit, co_unit):
    return services.case_assign(
        user=office,
        case=case,
        lead_unit=member_unit,
        co_units=[co_unit],
        responsible_person="王科长",
        responsible_phone="13912345678",
        deadline=date(2015, 7, 1),
        measures="实地核查，落实危房改造资金",
    )


def refused_for_all_but(allowed, people, step):
    """Run `step(user)` as every other role: each must be refused and record nothing."""
    for name in ROLES:
        if name in allowed:
            continue
        before = CaseEvent.objects.count()
        with pytest.raises(PermissionDenied):
            step(people[name])
        assert CaseEvent.objects.count() == before, name


def test_a_finding_goes_to_closure_and_is_reopened_by_a_dissatisfied_revisit(
    case, people, member_unit, co_unit, settings
):
    office, member, co_member, clerk_a = (
        people["office"],
        people["member"],
        people["co_member"],
        people["clerk_a"],
    )
    assert (case.status, case.number, case.priority) == (Status.REGISTERED, "2015-0001", False)
    assert case.registered_phase.number == 3
    assert list(case.findings.all()) == [case.finding_links.get().finding]

    refused_for_all_but(["office"], people, lambda u: assign(case, u, member_unit, co_unit))
    case = assign(case, office, member_unit, co_unit)
    assert case.status == Status.ASSIGNED and case.original_deadline == date(2015, 7, 1)

    refused_for_all_but(["member"], people, lambda u: services.case_accept(user=u, case=case))
    case = services.case_accept(user=member, case=case)
    assert case.status == Status.IN_PROGRESS

    def progress(user):
        return services.case_report_progress(
            user=user, case=case, on=date(2015, 6, 10), note="已上门核查"
        )

    refused_for_all_but(["member", "co_member"], people, progress)
    progress(co_member)
    progress(member)

    def resolve(user):
        return services.case_resolve(user=user, case=case, result="已完成房屋维修")

    refused_for_all_but(["member"], people, resolve)
    case = resolve(member)
    assert case.status == Status.RESOLVED

    refused_for_all_but(["office"], people, lambda u: services.case_close(user=u, case=case))
    case = services.case_close(user=office, case=case)
    assert (case.status, case.closed_by, case.closed_on) == (
        Status.CLOSED,
        office,
        date(2015, 6, 15),
    )
    assert case.revisit_due == date(2015, 7, 15)

    def revisit(user):
        return services.case_revisit(
            user=user, case=case, satisfaction="dissatisfied", note="仍漏雨"
        )

    refused_for_all_but(["office", "clerk_a"], people, revisit)
    case = revisit(clerk_a)
    assert (case.status, case.reopened_count, case.closed_on) == (Status.IN_PROGRESS, 1, None)

    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds == [
        "registered",
        "assigned",
        "accepted",
        "progress",
        "progress",
        "resolved",
        "closed",
        "revisited",
        "reopened",
    ]
    last = case.events.last()
    assert (last.from_status, last.to_status, last.by) == ("closed", "in_progress", clerk_a)


def test_a_satisfied_revisit_completes_the_case(case, office, member, member_unit, co_unit):
    case = assign(case, office, member_unit, co_unit)
    case = services.case_accept(user=member, case=case)
    case = services.case_resolve(user=member, case=case, result="已解决")
    case = services.case_close(user=office, case=case)
    case = services.case_revisit(user=office, case=case, satisfaction="satisfied")
    assert (case.status, case.satisfaction) == (Status.CLOSED, "satisfied")
    with pytest.raises(PermissionDenied):
        services.case_revisit(user=office, case=case, satisfaction="satisfied")


def test_the_office_returns_a_resolved_case_with_a_reason(
    case, office, member, member_unit, co_unit
):
    case = assign(case, office, member_unit, co_unit)
    case = services.case_accept(user=member, case=case)
    case = services.case_resolve(user=member, case=case, result="已解决")
    with pytest.raises(ValidationError):
        services.case_return(user=office, case=case, reason=" ")
    case = services.case_return(user=office, case=case, reason="缺少验收材料")
    assert case.status == Status.RETURNED and case.resolved_on is None
    case = services.case_resolve(user=member, case=case, result="已补充验收材料")
    assert case.status == Status.RESOLVED


def test_an_extension_keeps_the_original_deadline(case, office, member, member_unit, co_unit):
    case = assign(case, office, member_unit, co_unit)
    case = services.case_accept(user=member, case=case)
    with pytest.raises(PermissionDenied):
        services.case_request_extension(
            user=office, case=case, new_deadline=date(2015, 8, 1), reason="x"
        )
    services.case_request_extension(
        user=member, case=case, new_deadline=date(2015, 8, 1), reason="需协调资金"
    )
    with pytest.raises(PermissionDenied):  # one request at a time
        services.case_request_extension(
            user=member,
            case=Case.objects.get(pk=case.pk),
            new_deadline=date(2015, 9, 1),
            reason="y",
        )
    with pytest.raises(PermissionDenied):
        services.case_decide_extension(user=member, case=case, approve=True)
    services.case_decide_extension(user=office, case=case, approve=True, note="同意")
    case.refresh_from_db()
    assert (case.deadline, case.original_deadline, case.extended) == (
        date(2015, 8, 1),
        date(2015, 7, 1),
        True,
    )
    assert ExtensionRequest.objects.get().decision == "approved"


def test_a_refused_extension_leaves_the_deadline(case, office, member, member_unit, co_unit):
    case = assign(case, office, member_unit, co_unit)
    case = services.case_accept(user=member, case=case)
    services.case_request_extension(
        user=member, case=case, new_deadline=date(2015, 8, 1), reason="需协调资金"
    )
    services.case_decide_extension(user=office, case=case, approve=False, note="请按期完成")
    case.refresh_from_db()
    assert case.deadline == date(2015, 7, 1)
    assert case.events.last().kind == "extension_refused"


def test_an_extension_must_move_the_deadline_later(case, office, member, member_unit, co_unit):
    case = assign(case, office, member_unit, co_unit)
    case = services.case_accept(user=member, case=case)
    with pytest.raises(ValidationError):
        services.case_request_extension(
            user=member, case=case, new_deadline=date(2015, 6, 30), reason="x"
        )
    assert ExtensionRequest.objects.count() == 0


def test_a_deadline_in_the_past_is_refused(case, office, member_unit):
    with pytest.raises(ValidationError):
        services.case_assign(
            user=office,
            case=case,
            lead_unit=member_unit,
            responsible_person="王",
            deadline=date(2015, 6, 1),
            measures="x",
        )
    case.refresh_from_db()
    assert case.status == Status.REGISTERED and case.events.count() == 1


def test_a_legal_dispute_is_priority_by_rule(office, visit):
    from campaign.models import Topic
    from tests.factories import FindingFactory

    finding = FindingFactory(visit=visit, topic=Topic.objects.get(number=7), text="宅基地纠纷")
    case = services.case_register_findings(user=office, findings=[finding], merge=False)[0]
    assert case.priority is True


def test_a_failure_halfway_leaves_no_case_and_no_number(office, finding, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_event", broken)
    with pytest.raises(RuntimeError):
        services.case_register_findings(user=office, findings=[finding], merge=False)
    assert Case.objects.count() == 0
    monkeypatch.undo()
    case = services.case_register_findings(user=office, findings=[finding], merge=False)[0]
    assert case.number == "2015-0001"


def test_a_reopened_case_keeps_its_earlier_result_as_history_not_as_its_result(
    case, office, member, member_unit, co_unit
):
    case = assign(case, office, member_unit, co_unit)
    case = services.case_accept(user=member, case=case)
    case = services.case_resolve(user=member, case=case, result="已更换屋面瓦")
    case = services.case_close(user=office, case=case)
    case = services.case_revisit(user=office, case=case, satisfaction="dissatisfied")
    case.refresh_from_db()
    assert (case.status, case.result) == (Status.IN_PROGRESS, "")
    reopened = case.events.get(kind=CaseEvent.Kind.REOPENED)
    assert reopened.changes == {"result": ["已更换屋面瓦", ""]}
    case = services.case_resolve(user=member, case=case, result="已整体翻修")
    assert Case.objects.get(pk=case.pk).result == "已整体翻修"
