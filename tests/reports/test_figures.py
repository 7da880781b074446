"""The lists behind the report figures (reports/figure_views.py): each counted at 1 and at 3
rows of every kind it shows, the same number of queries, every row on the page."""

from datetime import date

import pytest
from django.urls import reverse

from grievances import services
from tests.factories import (
    ActivityFactory,
    CaseFactory,
    FindingFactory,
    FiveOnesItemFactory,
    HouseholdFactory,
    InspectionFactory,
    UnitFactory,
    VisitFactory,
)
from tests.markup import unlabelled

pytestmark = [pytest.mark.django_db, pytest.mark.parametrize("rows", [1, 3])]


def listed(client, name, count, django_assert_num_queries):
    with django_assert_num_queries(count):
        response = client.get(reverse(name), {"year": 2015})
    assert response.status_code == 200
    return response.content.decode()


def test_the_cases_behind_a_figure(
    rows, client_for, office, township_a, member_unit, plan, django_assert_num_queries
):
    cases = []
    for _ in range(rows):
        cases += [
            CaseFactory(household=HouseholdFactory(township=township_a)),
            CaseFactory(about_garrison=True, assigned=True, lead_unit=member_unit),
        ]
    page = listed(client_for(office), "reports:cases", 6, django_assert_num_queries)
    for case in cases:
        assert f'data-case="{case.pk}"' in page and case.description in page
    assert unlabelled(page).count(f"<td>{member_unit.label}</td>") == rows


def test_the_findings_behind_a_figure(
    rows, client_for, office, township_a, garrison_unit, clerk_a, plan, django_assert_num_queries
):
    findings = []
    for _ in range(rows):
        on_ledger = FindingFactory(
            visit=VisitFactory(household=HouseholdFactory(township=township_a), created_by=clerk_a)
        )
        services.case_register_findings(user=office, findings=[on_ledger], merge=False)
        garrison_visit = VisitFactory(
            garrison_visit=True, garrison=garrison_unit, township=township_a, created_by=clerk_a
        )
        findings += [on_ledger, FindingFactory(visit=garrison_visit)]
    page = listed(client_for(office), "reports:findings", 6, django_assert_num_queries)
    for finding in findings:
        assert finding.text in page and str(finding.visit.subject) in page
    for finding in findings[::2]:
        assert finding.case_link.case.get_absolute_url() in page


def test_the_activities_behind_a_figure(
    rows, client_for, office, township_a, member_unit, plan, django_assert_num_queries
):
    activities = []
    for n in range(rows):
        activities += [
            ActivityFactory(organiser=township_a, title=f"慰问{n}"),
            ActivityFactory(organiser=member_unit, kind="legal_aid", title=f"法律援助{n}"),
        ]
    page = listed(client_for(office), "reports:activities", 6, django_assert_num_queries)
    for activity in activities:
        assert activity.title in page
    assert unlabelled(page).count(f"<td>{member_unit.label}</td>") == rows


def test_the_five_ones_items_behind_a_figure(
    rows, client_for, office, plan, django_assert_num_queries
):
    items = []
    for n in range(rows):
        unit = UnitFactory(name=f"五个一镇{n}", kind="township")
        items += [
            FiveOnesItemFactory(unit=unit, item="room", description=f"活动室{n}"),
            FiveOnesItemFactory(unit=unit, item="board", status="building", done_on=None),
        ]
    page = listed(client_for(office), "reports:five_ones", 6, django_assert_num_queries)
    for item in items:
        assert item.unit.name in page
    assert all(f"活动室{n}" in page for n in range(rows))


def test_the_inspections_behind_a_figure(
    rows, client_for, office, township_a, member_unit, plan, django_assert_num_queries
):
    inspections = []
    for n in range(rows):
        inspections += [
            InspectionFactory(
                unit=township_a, inspectors=f"甲组{n}", inspected_on=date(2015, 5, 2)
            ),
            InspectionFactory(unit=member_unit, inspectors=f"民组{n}", summary=f"小结{n}"),
        ]
    page = listed(client_for(office), "reports:inspections", 6, django_assert_num_queries)
    for inspection in inspections:
        assert inspection.inspectors in page and inspection.unit.name in page
