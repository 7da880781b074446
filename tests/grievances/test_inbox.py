"""The to-do list: what waits for a user, queue by queue, most urgent first, each queue's count
the number of rows its list holds, nothing cut off."""

from datetime import date

import pytest
from django.urls import reverse

from grievances import queues, services
from grievances.models import ExtensionRequest, Status
from tests.factories import CaseFactory, UnitFactory

pytestmark = pytest.mark.django_db

URL = reverse("grievances:inbox")


def listed(response):
    return [case.number for case in response.context["cases"]]


def test_a_units_queue_runs_overdue_longest_first_then_due_soonest_then_newest(
    client_for, member, make_cases, office, member_unit, settings
):
    cases = make_cases(5)
    deadlines = [
        date(2015, 8, 1),
        date(2015, 6, 30),
        date(2015, 7, 1),
        date(2015, 6, 16),
        date(2015, 8, 2),
    ]
    for case, deadline in zip(cases, deadlines, strict=True):
        services.case_assign(
            user=office,
            case=case,
            lead_unit=member_unit,
            responsible_person="王",
            deadline=deadline,
            measures="x",
        )
    settings.SHUANGYONG_TODAY = date(2015, 7, 1)
    response = client_for(member).get(URL, {"queue": "to_accept"})
    # 0004 overdue since 16 June, 0002 since 30 June, 0003 due today, then the newest of the rest.
    assert listed(response) == ["2015-0004", "2015-0002", "2015-0003", "2015-0005", "2015-0001"]
    rows = response.context["cases"]
    assert rows[0].is_overdue and rows[2].is_due_soon and not rows[3].is_due_soon


def one_in_every_office_queue(member_unit, member):
    extended = CaseFactory(assigned=True, lead_unit=member_unit, status=Status.IN_PROGRESS)
    ExtensionRequest.objects.create(
        case=extended,
        requested_by=member,
        requested_on=date(2015, 6, 12),
        current_deadline=extended.deadline,
        new_deadline=date(2015, 8, 1),
        reason="需协调资金",
    )
    return {
        "unassigned": CaseFactory(),
        "declined": CaseFactory(declined_by=member_unit),
        "to_close": CaseFactory(
            assigned=True,
            lead_unit=member_unit,
            status=Status.RESOLVED,
            resolved_on=date(2015, 6, 10),
        ),
        "extension_requests": extended,
        "overdue": CaseFactory(assigned=True, lead_unit=member_unit, deadline=date(2015, 6, 1)),
        "revisits_due": CaseFactory(
            assigned=True,
            lead_unit=member_unit,
            status=Status.CLOSED,
            resolved_on=date(2015, 5, 10),
            closed_on=date(2015, 5, 12),
            revisit_due=date(2015, 6, 11),
        ),
    }


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize(
    "queue",
    ["unassigned", "declined", "to_close", "extension_requests", "overdue", "revisits_due"],
)
def test_each_office_queue_counts_what_it_lists_in_the_same_queries(
    rows, queue, client_for, office, member, member_unit, plan, django_assert_max_num_queries
):
    made = [one_in_every_office_queue(member_unit, member)[queue] for _ in range(rows)]
    client = client_for(office)
    with django_assert_max_num_queries(8):
        response = client.get(URL, {"queue": queue})
    counts = dict((q.name, n) for q, n in response.context["chips"])
    assert counts[queue] == rows == response.context["paginator"].count
    page = response.content.decode()
    assert f'data-queue="{queue}" data-count="{rows}"' in page
    for case in made:
        assert f'data-case="{case.pk}"' in page and case.description in page


def test_a_case_resolved_today_leads_the_to_close_queue_with_a_true_count(
    client_for, office, member_unit, plan, settings, monkeypatch
):
    monkeypatch.setattr("grievances.views.InboxView.paginate_by", 2)
    earlier = [
        CaseFactory(
            assigned=True,
            lead_unit=member_unit,
            status=Status.RESOLVED,
            resolved_on=date(2015, 6, day),
        )
        for day in (1, 2, 3, 4, 5)
    ]
    today = CaseFactory(
        assigned=True, lead_unit=member_unit, status=Status.RESOLVED, resolved_on=date(2015, 6, 15)
    )
    response = client_for(office).get(URL, {"queue": "to_close"})
    assert listed(response)[0] == today.number
    page = response.content.decode()
    assert "共6条" in page and 'data-testid="last-page"' in page and "page=3" in page
    last = client_for(office).get(URL, {"queue": "to_close", "page": 3})
    assert listed(last) == [earlier[1].number, earlier[0].number]


def test_the_overdue_queue_counts_by_lead_unit_and_each_count_opens_its_cases(
    client_for, office, member_unit, plan
):
    other = UnitFactory(kind=member_unit.kind, name="县人社局")
    for unit, n in ((member_unit, 2), (other, 1)):
        CaseFactory.create_batch(n, assigned=True, lead_unit=unit, deadline=date(2015, 6, 1))
    CaseFactory(assigned=True, lead_unit=other, deadline=date(2015, 8, 1))
    client = client_for(office)
    response = client.get(URL, {"queue": "overdue"})
    breakdown = {row["lead_unit_id"]: row["count"] for row in response.context["by_lead_unit"]}
    assert breakdown == {member_unit.pk: 2, other.pk: 1}
    assert list(breakdown) == [member_unit.pk, other.pk]
    for unit, count in breakdown.items():
        opened = client.get(URL, {"queue": "overdue", "lead_unit": unit})
        assert opened.context["paginator"].count == count
        assert {c.lead_unit_id for c in opened.context["cases"]} == {unit}


def test_a_unit_counts_a_case_it_helps_with_once(
    client_for, member, member_unit, co_unit, office, plan
):
    case = CaseFactory(assigned=True, lead_unit=member_unit, status=Status.IN_PROGRESS)
    case.co_units.add(co_unit, UnitFactory(kind=member_unit.kind))
    assert queues.counts(member, date(2015, 6, 15))["in_hand"] == 1
    response = client_for(member).get(URL, {"queue": "in_hand"})
    assert listed(response) == [case.number]


def test_the_first_queue_with_work_opens_and_a_bad_address_falls_back(
    client_for, office, member_unit, plan
):
    resolved = CaseFactory(
        assigned=True, lead_unit=member_unit, status=Status.RESOLVED, resolved_on=date(2015, 6, 10)
    )
    client = client_for(office)
    assert client.get(URL).context["queue"].name == "to_close"
    for query in ({"queue": "nonsense"}, {"queue": "overdue", "lead_unit": "x'"}):
        response = client.get(URL, query)
        assert response.status_code == 200
    assert listed(client.get(URL, {"queue": "nonsense"})) == [resolved.number]


@pytest.mark.parametrize("rows", [1, 3])
def test_a_units_to_do_list_keeps_its_query_count(
    rows, client_for, member, member_unit, plan, django_assert_max_num_queries
):
    cases = CaseFactory.create_batch(rows, assigned=True, lead_unit=member_unit)
    cases += CaseFactory.create_batch(
        rows, about_garrison=True, assigned=True, lead_unit=member_unit
    )
    client = client_for(member)
    with django_assert_max_num_queries(8):
        response = client.get(URL, {"queue": "to_accept"})
    assert response.context["paginator"].count == 2 * rows
    page = response.content.decode()
    for case in cases:
        assert case.number in page and case.description in page and case.subject_label in page


def test_a_declined_assignment_waits_in_the_offices_declined_queue(
    client_for, office, member, member_unit, plan
):
    case = CaseFactory(assigned=True, lead_unit=member_unit)
    services.case_decline(user=member, case=case, reason="不属我局职责")
    client = client_for(office)
    declined = client.get(URL, {"queue": "declined"})
    assert listed(declined) == [case.number]
    assert listed(client.get(URL, {"queue": "unassigned"})) == []
    assert queues.counts(office, date(2015, 6, 15))["declined"] == 1
