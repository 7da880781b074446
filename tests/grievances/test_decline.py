"""退回交办: the lead unit hands back an assignment that is not its business, with a reason; the
case goes back to the office, unassigned and marked declined until it is assigned again."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from grievances import services
from grievances.models import Case, CaseEvent, Status
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REASON = "该问题属住房保障范围，不属本单位职责"


@pytest.fixture
def helped_case(assigned_case, office, member_unit, co_unit):
    """The assigned case with a co-responsible unit."""
    return services.case_assign(
        user=office,
        case=assigned_case,
        lead_unit=member_unit,
        co_units=[co_unit],
        responsible_person="王科长",
        responsible_phone="13912345678",
        deadline=date(2015, 7, 1),
        measures="核查",
    )


def test_the_lead_unit_declines_and_the_case_goes_back_to_the_office(
    helped_case, member, member_unit
):
    case = services.case_decline(user=member, case=helped_case, reason=f"  {REASON} ")
    case.refresh_from_db()
    assert (case.status, case.lead_unit, case.declined_by) == (
        Status.REGISTERED,
        None,
        member_unit,
    )
    assert (case.deadline, case.original_deadline, case.responsible_person) == (None, None, "")
    assert list(case.co_units.all()) == []
    assert list(Case.objects.declined()) == [case]
    event = case.events.last()
    assert (event.kind, event.note, event.by, event.from_status, event.to_status) == (
        CaseEvent.Kind.DECLINED,
        REASON,
        member,
        Status.ASSIGNED,
        Status.REGISTERED,
    )
    assert event.changes["lead_unit"] == member_unit.name
    assert event.changes["co_units"] == ["县住房和城乡建设局"]
    assert event.changes["deadline"] == "2015-07-01"


def test_the_next_assignment_clears_the_mark(assigned_case, office, member, co_unit):
    case = services.case_decline(user=member, case=assigned_case, reason=REASON)
    case = services.case_assign(
        user=office,
        case=case,
        lead_unit=co_unit,
        responsible_person="李科长",
        deadline=date(2015, 8, 3),
        measures="由住建局核查",
    )
    case.refresh_from_db()
    assert (case.status, case.lead_unit, case.declined_by) == (Status.ASSIGNED, co_unit, None)
    assert case.original_deadline == date(2015, 8, 3)
    assert list(Case.objects.declined()) == []


def test_a_reason_is_required_and_nothing_changes_without_one(assigned_case, member, member_unit):
    with pytest.raises(ValidationError) as refused:
        services.case_decline(user=member, case=assigned_case, reason="  ")
    assert "reason" in refused.value.message_dict
    assigned_case.refresh_from_db()
    assert (assigned_case.status, assigned_case.lead_unit) == (Status.ASSIGNED, member_unit)
    assert assigned_case.events.filter(kind=CaseEvent.Kind.DECLINED).count() == 0


@pytest.mark.parametrize("role", ["office", "leader", "clerk_a", "clerk_b", "liaison", "city"])
def test_only_the_lead_unit_may_decline(role, request, assigned_case):
    user = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        services.case_decline(user=user, case=assigned_case, reason=REASON)
    assert Case.objects.get(pk=assigned_case.pk).status == Status.ASSIGNED


def test_a_co_responsible_unit_may_not_decline(helped_case, co_member):
    with pytest.raises(PermissionDenied):
        services.case_decline(user=co_member, case=helped_case, reason=REASON)


def test_an_accepted_case_can_no_longer_be_declined_and_says_why(assigned_case, member):
    colleague = UserFactory(username="minzheng2", unit=member.unit)
    services.case_accept(user=colleague, case=assigned_case)
    before = CaseEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.case_decline(user=member, case=assigned_case, reason=REASON)
    assert "办理中" in refused.value.messages[0]
    assert "不能退回交办" in refused.value.messages[0]
    assert CaseEvent.objects.count() == before
    assert Case.objects.get(pk=assigned_case.pk).status == Status.IN_PROGRESS


def test_a_registered_case_has_nothing_to_decline(case, member):
    with pytest.raises(PermissionDenied):
        services.case_decline(user=member, case=case, reason=REASON)
