"""The city's comparison of its counties: each county's figures equal its own dashboard's and
assessment's, signed-off counties show what they signed, the workbook holds the same, and the
number of queries does not grow with the number of counties."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from campaign.models import Unit
from campaign.services import plan_load
from grievances import services as ledger
from outreach.models import Activity
from reports.assessment import average_total
from reports.report import YearReport
from reports.services import year_sign_off
from tests.factories import (
    FindingFactory,
    HouseholdFactory,
    PersonFactory,
    UnitFactory,
    UserFactory,
    VisitFactory,
    county_for_tests,
    kind_of,
)

pytestmark = pytest.mark.django_db

NAMES = ["东山县", "西河县", "南岭县", "北川县", "中原县"]
TODAY = date(2016, 3, 15)
FIGURES = ["households", "visited", "registered", "closed", "on_time", "overdue", "activities"]


def build(name: str, size: int):
    """A county whose figures depend on `size`: households, visits, cases in several states,
    an activity; returns its office user and campaign."""
    from outreach.activities import activity_save

    county = county_for_tests(name)
    campaign = plan_load(county=county).campaign
    office = UserFactory(
        username=f"{name}-office",
        unit=UnitFactory(area=county, code="office", name=f"{name}双拥办", kind=Unit.Kind.OFFICE),
    )
    township = UnitFactory(area=county, code="town", name=f"{name}城关镇", kind="township")
    member = UnitFactory(area=county, code="member", name=f"{name}民政局", kind="member")
    clerk = UserFactory(username=f"{name}-clerk", unit=township)
    for number in range(size + 1):
        household = HouseholdFactory(township=township, head_name=f"{name}户{number}")
        PersonFactory(household=household)
        if number % 2 == 0:
            visit = VisitFactory(household=household, visited_on=date(2015, 4, 1), created_by=clerk)
            finding = FindingFactory(visit=visit, text=f"{name}问题{number}")
            case = ledger.case_register_findings(user=office, findings=[finding], merge=False)[0]
            if number % 4 == 0:
                ledger.case_assign(
                    user=office,
                    case=case,
                    lead_unit=member,
                    responsible_person="王",
                    deadline=date(2015, 7, 1),
                    measures="核查",
                )
    activity_save(
        user=office,
        activity=Activity(
            kind=kind_of(township, "condolence_visit"),
            organiser=township,
            held_on=date(2015, 5, 1),
            title="慰问",
        ),
    )
    return office, campaign


@pytest.fixture
def counties(settings, city):
    settings.SHUANGYONG_TODAY = date(2015, 6, 15)  # the cases are registered mid-campaign

    def make(count: int):
        return [build(name, size) for size, name in enumerate(NAMES[:count], start=1)]

    return make


def comparison(client, city, year=2015):
    client.force_login(city)
    response = client.get(reverse("reports:counties"), {"year": year})
    assert response.status_code == 200
    return response


def test_each_countys_figures_are_its_own_dashboards(client, city, counties, settings):
    built = counties(3)
    settings.SHUANGYONG_TODAY = TODAY
    response = comparison(client, city)
    rows = {row.county.name: row for row in response.context["rows"]}
    assert list(rows) == NAMES[:3]
    for _office, campaign in built:
        report = YearReport.load(2015, campaign=campaign, today=TODAY)
        summary = report.section("summary")
        figures = rows[campaign.county.name].figures
        assert {key: figures[key] for key in FIGURES} == {key: summary[key] for key in FIGURES}
        assert figures["visited_pct"] == summary["visited_pct"]
        assert figures["on_time_pct"] == summary["on_time_pct"]
        assert figures["assessment"] == average_total(report.section("assessment")["rows"])
    total = response.context["total"]
    assert total["registered"] == sum(r.figures["registered"] for r in rows.values())
    page = response.content.decode()
    for name in NAMES[:3]:
        assert name in page


def test_a_signed_off_county_shows_what_it_signed(client, city, counties, settings):
    (first_office, first), (_second_office, second) = counties(2)
    settings.SHUANGYONG_TODAY = TODAY
    year_sign_off(user=first_office, campaign=first, year=2015, today=TODAY)
    signed = YearReport.load(2015, campaign=first, today=TODAY).section("summary")
    # A change after the sign-off: the live figure moves, the signed one does not.
    township = Unit.objects.get(area=first.county, code="town")
    HouseholdFactory(township=township, head_name="后来登记户")
    response = comparison(client, city)
    rows = {row.county.name: row for row in response.context["rows"]}
    assert rows[first.county.name].signed
    assert rows[first.county.name].figures["households"] == signed["households"]
    assert not rows[second.county.name].signed
    assert response.context["unsigned"] == [second.county.name]
    assert second.county.name in response.content.decode()


@pytest.mark.parametrize("count", [2, 5])
def test_the_query_count_does_not_grow_with_the_counties(
    count, client, city, counties, settings, django_assert_num_queries
):
    built = counties(count)
    settings.SHUANGYONG_TODAY = TODAY
    year_sign_off(user=built[0][0], campaign=built[0][1], year=2015, today=TODAY)
    client.force_login(city)
    with django_assert_num_queries(13):
        response = client.get(reverse("reports:counties"), {"year": 2015})
    page = response.content.decode()
    assert all(name in page for name in NAMES[:count])
    # The page just kept the unsigned counties' rows (reports.kept): the workbook reads them.
    with django_assert_num_queries(5):
        workbook = client.get(reverse("reports:counties_workbook", args=[2015]))
    assert workbook.status_code == 200


def test_the_workbook_has_a_row_per_county_as_signed_and_a_total(client, city, counties, settings):
    built = counties(2)
    settings.SHUANGYONG_TODAY = TODAY
    year_sign_off(user=built[0][0], campaign=built[0][1], year=2015, today=TODAY)
    page = comparison(client, city)
    rows = page.context["rows"]
    response = client.get(reverse("reports:counties_workbook", args=[2015]))
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book.worksheets[0]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = values[3]
    body = values[4 : 4 + len(rows)]
    total = values[4 + len(rows)]
    assert header[:3] == ["序号", "县", "审核锁定"]
    assert [row[1] for row in body] == [row.county.name for row in rows]
    assert body[0][2].startswith("已审核锁定") and body[1][2].startswith("未审核锁定")
    registered = header.index("登记问题")
    assert [row[registered] for row in body] == [row.figures["registered"] for row in rows]
    assert total[1] == "合计"
    assert total[registered] == sum(row.figures["registered"] for row in rows)
    assert NAMES[1] in " ".join(str(v) for v in values[2] if v)  # the unsigned one is named


@pytest.mark.parametrize("role", ["office", "leader", "clerk_a", "member", "liaison"])
def test_only_an_office_above_the_counties_compares_them(role, request, client):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("reports:counties")).status_code == 404
    assert client.get(reverse("reports:counties_workbook", args=[2015])).status_code == 404


def test_a_year_outside_every_campaign_is_not_found(client, city, counties):
    counties(1)
    client.force_login(city)
    assert client.get(reverse("reports:counties"), {"year": 2030}).status_code == 404
    assert client.get(reverse("reports:counties"), {"year": "abc"}).status_code == 404
