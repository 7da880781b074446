"""The workbench: each role's home says what waits for it, and every count is the total of the
list its link opens."""

from datetime import date

import pytest
from django.urls import reverse

from grievances.models import ExtensionRequest, Status
from tests.factories import (
    CaseFactory,
    FindingFactory,
    HouseholdFactory,
    UnitFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

HOME = reverse("home")


@pytest.fixture
def work(plan, household, clerk_a, member, member_unit, township_a, township_b):
    """Something in every queue, for the office, a member unit and township A's clerk."""
    other_unit = UnitFactory(kind=member_unit.kind, name="县人社局")
    CaseFactory.create_batch(2)  # unassigned
    CaseFactory(assigned=True, lead_unit=member_unit)  # to accept, due 1 July
    CaseFactory(assigned=True, lead_unit=member_unit, deadline=date(2015, 6, 1))  # overdue
    CaseFactory(assigned=True, lead_unit=other_unit, deadline=date(2015, 6, 2))  # overdue
    CaseFactory(
        assigned=True, lead_unit=member_unit, status=Status.IN_PROGRESS, deadline=date(2015, 6, 16)
    )  # due soon
    CaseFactory(
        assigned=True, lead_unit=member_unit, status=Status.RESOLVED, resolved_on=date(2015, 6, 15)
    )  # to close
    extended = CaseFactory(assigned=True, lead_unit=member_unit, status=Status.IN_PROGRESS)
    ExtensionRequest.objects.create(
        case=extended,
        requested_by=member,
        requested_on=date(2015, 6, 12),
        current_deadline=extended.deadline,
        new_deadline=date(2015, 8, 1),
        reason="需协调资金",
    )
    CaseFactory(
        household=household,
        assigned=True,
        lead_unit=township_a,
        status=Status.CLOSED,
        resolved_on=date(2015, 5, 10),
        closed_on=date(2015, 5, 12),
        revisit_due=date(2015, 6, 11),
    )  # revisit due, township A's household
    for _ in range(3):
        FindingFactory(
            visit=VisitFactory(household=household, created_by=clerk_a), needs_action=True
        )
    HouseholdFactory.create_batch(2, township=township_a)
    HouseholdFactory(township=township_b)


def workbench(client):
    response = client.get(HOME)
    assert response.status_code == 200
    return {item.key: item for item in response.context["workbench"]}


def total_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["paginator"].count


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            "office",
            {
                "unassigned": 2,
                "declined": 0,
                "to_close": 1,
                "extension_requests": 1,
                "overdue": 2,
                "due_soon": 1,
                "revisits_due": 1,
                "intake": 3,
                "escalated": 0,
                "reports_to_review": 0,
            },
        ),
        (
            "member",
            {
                "to_accept": 2,
                "overdue": 1,
                "due_soon": 1,
                "in_hand": 4,
                "tasks_open": 0,
                "tasks_overdue": 0,
                "reports_owed": 0,
                "reports_returned": 0,
            },
        ),
        (
            "clerk_a",
            {
                "to_accept": 0,
                "overdue": 0,
                "due_soon": 0,
                "in_hand": 0,
                "revisits_due": 1,
                "intake": 3,
                "tasks_open": 0,
                "tasks_overdue": 0,
                "reports_owed": 0,
                "reports_returned": 0,
            },
        ),
    ],
)
def test_each_count_on_the_workbench_is_the_total_of_the_list_it_opens(
    role, expected, request, client_for, work
):
    client = client_for(request.getfixturevalue(role))
    items = workbench(client)
    # Households are also made by the cases' factories: their count is checked against the list.
    assert {key: item.count for key, item in items.items() if key != "not_visited"} == expected
    assert ("not_visited" in items) == (role != "member")
    page = client.get(HOME).content.decode()
    for key, item in items.items():
        assert total_of(client, item.url) == item.count, key
        assert f'data-item="{key}" data-count="{item.count}"' in page


def test_the_leader_reads_the_county_at_a_glance_and_who_is_behind(client_for, leader, work):
    client = client_for(leader)
    response = client.get(HOME)
    # A leader's own work: overdue priority cases, and the cases he takes personally.
    assert [(i.key, i.count) for i in response.context["workbench"]] == [
        ("escalated", 0),
        ("cases_led", 0),
    ]
    glance = next(p for p in response.context["panels"] if "figures" in p)
    assert glance["figures"]["overdue"] == 2
    assert [u["count"] for u in glance["overdue_units"]] == [1, 1]
    for unit in glance["overdue_units"]:
        assert total_of(client, unit["url"]) == unit["count"]
    page = response.content.decode()
    assert page.index('data-testid="glance-panel"') < page.index('data-testid="plan"')
    assert "户未走访" not in page


def test_a_garrison_liaison_has_no_ledger_work_and_no_plan_first(client_for, liaison, work):
    response = client_for(liaison).get(HOME)
    # A garrison may be asked for a report (报送), so it keeps those two counts, and no more.
    assert response.status_code == 200
    assert [item.key for item in response.context["workbench"]] == [
        "reports_owed",
        "reports_returned",
    ]


# A unit that receives bulletins counts its unread ones in one more query, and its tasks in
# another.
@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize(
    # The office and the leaders count the overdue priority cases (one query); a leader counts
    # his own cases too (one more).
    ("role", "most"),
    # Reports due: a unit counts what it owes and what came back in one query, the office what
    # waits for review in one.
    [("office", 11), ("member", 11), ("clerk_a", 13), ("leader", 12)],
)
def test_the_workbench_keeps_its_query_count(
    rows,
    role,
    most,
    request,
    client_for,
    plan,
    member_unit,
    township_a,
    django_assert_max_num_queries,
):
    for _ in range(rows):
        CaseFactory(assigned=True, lead_unit=member_unit, deadline=date(2015, 6, 1))
        HouseholdFactory(township=township_a)
    client = client_for(request.getfixturevalue(role))
    with django_assert_max_num_queries(most):
        client.get(HOME)
    if role in ("office", "member"):
        assert workbench(client)["overdue"].count == rows
