"""The inbox: for the county office, what waits for it, queue by queue; for a unit, the cases
it leads or helps with, overdue first."""

from datetime import date

import pytest
from django.urls import reverse

from grievances import services
from grievances.models import ExtensionRequest, Status
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

URL = reverse("grievances:inbox")


def test_the_inbox_lists_overdue_first(
    client_for, member, make_cases, office, member_unit, settings
):
    cases = make_cases(3)
    deadlines = [date(2015, 8, 1), date(2015, 6, 17), date(2015, 6, 16)]
    for case, deadline in zip(cases, deadlines, strict=True):
        services.case_assign(
            user=office,
            case=case,
            lead_unit=member_unit,
            responsible_person="王",
            deadline=deadline,
            measures="x",
        )
    settings.SHUANGYONG_TODAY = date(2015, 6, 17)
    rows = client_for(member).get(URL).context["rows"]
    assert [c.number for c in rows] == ["2015-0003", "2015-0002", "2015-0001"]
    assert rows[0].is_overdue and rows[1].is_due_soon and not rows[2].is_due_soon


def test_the_office_inbox_shows_what_waits_for_it(client_for, office, make_cases):
    make_cases(2)
    queues = client_for(office).get(URL).context["queues"]
    assert len(queues["unassigned"]) == 2 and queues["awaiting_closure"] == []


def waiting_in_every_queue(member_unit, member):
    """One case in each of the office's four queues."""
    extended = CaseFactory(assigned=True, lead_unit=member_unit, status=Status.IN_PROGRESS)
    ExtensionRequest.objects.create(
        case=extended,
        requested_by=member,
        requested_on=date(2015, 6, 12),
        current_deadline=extended.deadline,
        new_deadline=date(2015, 8, 1),
        reason="需协调资金",
    )
    return [
        CaseFactory(),
        CaseFactory(
            assigned=True,
            lead_unit=member_unit,
            status=Status.RESOLVED,
            resolved_on=date(2015, 6, 10),
        ),
        extended,
        CaseFactory(
            assigned=True,
            lead_unit=member_unit,
            status=Status.CLOSED,
            resolved_on=date(2015, 5, 10),
            closed_on=date(2015, 5, 12),
            revisit_due=date(2015, 6, 11),
        ),
    ]


@pytest.mark.parametrize("rows", [1, 3])
def test_the_office_queues_keep_their_query_count(
    rows, client_for, office, member, member_unit, plan, django_assert_num_queries
):
    cases = [case for _ in range(rows) for case in waiting_in_every_queue(member_unit, member)]
    client = client_for(office)
    with django_assert_num_queries(8):
        response = client.get(URL)
    assert {name: len(queue) for name, queue in response.context["queues"].items()} == {
        "unassigned": rows,
        "awaiting_closure": rows,
        "extension_requests": rows,
        "revisits_due": rows,
    }
    page = response.content.decode()
    for case in cases:
        assert f'data-case="{case.pk}"' in page and case.description in page


@pytest.mark.parametrize("rows", [1, 3])
def test_a_units_inbox_keeps_its_query_count(
    rows, client_for, member, member_unit, plan, django_assert_num_queries
):
    cases = CaseFactory.create_batch(rows, assigned=True, lead_unit=member_unit)
    cases += CaseFactory.create_batch(
        rows, about_garrison=True, assigned=True, lead_unit=member_unit
    )
    client = client_for(member)
    with django_assert_num_queries(6):
        response = client.get(URL)
    assert len(response.context["rows"]) == 2 * rows
    page = response.content.decode()
    for case in cases:
        assert case.number in page and case.description in page and case.subject_label in page
