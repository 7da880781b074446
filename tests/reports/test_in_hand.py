"""A year's figures count the cases in hand during it, not only those registered in it: a 2015
case still open in 2016 is 2016's work and 2016's overdue (the issue's 城关镇 example). Every
page and the workbook say which cases they count and agree; each figure's list has as many rows
as the figure; the worst sorts first on the first click; the dashboard shows overdue by
township and by lead unit."""

from datetime import date

import pytest
from django.urls import reverse

from campaign.models import Unit
from grievances.models import Status
from reports.workcal import ensure_calendar
from tests.exports import export
from tests.factories import CaseFactory, HouseholdFactory, UnitFactory
from tests.reports import oracle

pytestmark = pytest.mark.django_db

TODAY = date(2016, 3, 15)
PROGRESS = reverse("reports:progress")
DASHBOARD = reverse("reports:dashboard")


@pytest.fixture
def chengguan(county, office, member_unit, settings):
    """城关镇 with 2015 cases: two still open past their deadline, one closed off in 2015, one
    closed off in January 2016; and one case of its own registered in 2016."""
    settings.SHUANGYONG_TODAY = TODAY
    town = UnitFactory(name="城关镇", code="chengguan", kind=Unit.Kind.TOWNSHIP)
    household = HouseholdFactory(township=town, head_name="陈城")

    def case(*, status, registered, deadline, closed=None, lead=town):
        return CaseFactory(
            household=household,
            lead_unit=lead,
            status=status,
            registered_on=registered,
            deadline=deadline,
            original_deadline=deadline,
            resolved_on=closed,
            closed_on=closed,
            registered_by=office,
            closed_by=office if closed else None,
        )

    still_open = [
        case(status=Status.IN_PROGRESS, registered=date(2015, 7, 1), deadline=date(2015, 9, 1)),
        case(status=Status.RETURNED, registered=date(2015, 8, 3), deadline=date(2015, 10, 9)),
    ]
    case(
        status=Status.CLOSED,
        registered=date(2015, 7, 2),
        deadline=date(2015, 8, 1),
        closed=date(2015, 7, 30),
    )
    closed_in_2016 = case(
        status=Status.CLOSED,
        registered=date(2015, 9, 1),
        deadline=date(2016, 2, 1),
        closed=date(2016, 1, 12),
    )
    # Led by the member unit, about a 城关镇 household: 城关镇's overdue by township.
    helped = case(
        status=Status.ASSIGNED,
        registered=date(2015, 10, 8),
        deadline=date(2015, 11, 30),
        lead=member_unit,
    )
    this_year = case(status=Status.ASSIGNED, registered=date(2016, 2, 1), deadline=date(2016, 4, 1))
    return {
        "unit": town,
        "still_open": still_open,
        "closed_in_2016": closed_in_2016,
        "helped": helped,
        "this_year": this_year,
    }


def progress_rows(client, year, sort=""):
    response = client.get(PROGRESS, {"year": year, "sort": sort})
    assert response.status_code == 200
    return response, {row["name"]: row for row in response.context["rows"]}


def test_a_2015_case_still_open_counts_in_2016_in_hand_and_overdue(chengguan, client_for, office):
    client = client_for(office)
    _, rows = progress_rows(client, 2016)
    town = rows["城关镇"]
    # Registered in 2016: one. Carried in: the two still open and the one closed in January.
    assert (town["cases"], town["carried_in"], town["in_hand"]) == (1, 3, 4)
    assert (town["closed"], town["overdue"]) == (1, 2)
    _, rows_2015 = progress_rows(client, 2015)
    town_2015 = rows_2015["城关镇"]
    # 2015's registered figure is unchanged: its four rows, nothing carried in.
    assert (town_2015["cases"], town_2015["carried_in"], town_2015["in_hand"]) == (4, 0, 4)
    assert town_2015["overdue"] == 2


def test_the_progress_figures_are_the_oracles(chengguan, client_for, office):
    response, rows = progress_rows(client_for(office), 2016)
    expected = oracle.progress_rows(2016, TODAY)
    keys = ["cases", "carried_in", "in_hand", "closed", "overdue", "on_time", "avg_workdays"]
    for name, row in rows.items():
        assert {k: row[k] for k in keys} == {k: expected[name][k] for k in keys}, name
    total = response.context["total"]
    assert {k: total[k] for k in keys} == {k: expected["total"][k] for k in keys}
    page = response.content.decode()
    assert 'data-testid="counted-caption"' in page and "往年转入" in page


def test_each_linked_figure_opens_as_many_cases_as_it_counts(chengguan, client_for, office):
    client = client_for(office)
    response, _ = progress_rows(client, 2016)
    for row in [*response.context["rows"], response.context["total"]]:
        for key in ["cases", "carried_in", "in_hand", "closed", "overdue", "on_time"]:
            listed = client.get(row["links"][key])
            assert listed.status_code == 200
            assert listed.context["paginator"].count == row[key], (row.get("name"), key)
    # The carried-over case is on the overdue list of 城关镇 for 2016.
    town = next(r for r in response.context["rows"] if r["name"] == "城关镇")
    listed = client.get(town["links"]["overdue"])
    assert {c.pk for c in listed.context["object_list"]} == {c.pk for c in chengguan["still_open"]}


def test_larger_is_worse_columns_sort_worst_first_on_the_first_click(chengguan, client_for, office):
    client = client_for(office)
    response, _ = progress_rows(client, 2016)
    headers = {h["key"]: h for h in response.context["headers"]}
    assert headers["overdue"]["sort"] == "-overdue"
    assert headers["carried_in"]["sort"] == "-carried_in"
    assert headers["avg_workdays"]["sort"] == "-avg_workdays"
    assert headers["cases"]["sort"] == "cases"
    assert 'href="?year=2016&amp;sort=-overdue"' in response.content.decode()

    response, _ = progress_rows(client, 2016, headers["overdue"]["sort"])
    top = response.context["rows"][0]
    assert top["overdue"] == max(r["overdue"] for r in response.context["rows"]) > 0
    assert client.get(top["links"]["overdue"]).context["paginator"].count == top["overdue"]
    # The second click reverses it.
    again = {h["key"]: h for h in response.context["headers"]}
    assert again["overdue"]["sort"] == "overdue" and again["overdue"]["arrow"] == "▼"


def charts_of(response):
    return {c["id"]: c for c in response.context["charts"]}


def test_the_dashboard_shows_overdue_by_township_and_by_lead_unit(chengguan, client_for, office):
    client = client_for(office)
    response = client.get(DASHBOARD, {"year": 2016})
    charts = charts_of(response)
    overdue = response.context["summary"]["overdue"]
    for chart_id, name, expected in [
        # 城关镇: its two own open cases and the member unit's case about its household.
        ("chart-overdue-townships", "城关镇", 3),
        ("chart-overdue-leads", "城关镇", 2),
    ]:
        chart = charts[chart_id]
        labels = chart["config"]["data"]["labels"]
        bars = chart["config"]["data"]["datasets"][0]["data"]
        assert bars == sorted(bars, reverse=True)  # the worst first
        assert dict(zip(labels, bars, strict=True))[name] == expected
        for index, value in enumerate(bars):
            listed = client.get(chart["links"][0][index])
            assert listed.context["paginator"].count == value, (chart_id, labels[index])
    # Every overdue case has a lead unit here, so the lead units' bars add up to the figure.
    assert sum(charts["chart-overdue-leads"]["config"]["data"]["datasets"][0]["data"]) == overdue
    page = response.content.decode()
    assert 'data-chart="chart-overdue-townships"' in page
    assert 'data-chart="chart-overdue-leads"' in page


def test_a_year_with_nothing_overdue_says_so(county, client_for, office, settings):
    settings.SHUANGYONG_TODAY = date(2015, 5, 1)  # before any deadline
    page = client_for(office).get(DASHBOARD, {"year": 2015}).content.decode()
    assert 'data-testid="chart-overdue-townships-empty"' in page


def test_the_dashboard_assessment_and_workbook_agree(chengguan, client_for, office, workbook_of):
    client = client_for(office)
    expected = oracle.summary(2016, TODAY)
    dashboard = client.get(DASHBOARD, {"year": 2016})
    summary = dashboard.context["summary"]
    assert {k: summary[k] for k in expected} == expected
    headline = {item["key"]: item for item in dashboard.context["headline"]}
    for key in ["registered", "carried_in", "in_hand", "closed", "overdue"]:
        listed = client.get(headline[key]["url"])
        assert listed.context["paginator"].count == headline[key]["value"] == summary[key], key

    _, progress = progress_rows(client, 2016)
    assessment = client.get(reverse("reports:assessment"), {"year": 2016})
    assert 'data-testid="counted-caption"' in assessment.content.decode()
    scored = {row["name"]: row for g in assessment.context["groups"] for row in g["rows"]}
    for name, row in progress.items():
        on_time = scored[name]["indicators"]["on_time"]
        assert (on_time["closed"], on_time["overdue"], on_time["on_time"]) == (
            row["closed"],
            row["overdue"],
            row["on_time"],
        ), name
    unit_page = client.get(
        reverse("reports:assessment_unit", args=[2016, chengguan["unit"].pk])
    ).context["indicators"]
    for label, value, url in next(i for i in unit_page if i["key"] == "on_time")["counted"]:
        assert client.get(url).context["paginator"].count == value, label

    book = workbook_of(export(client, reverse("reports:workbook", args=[2016])))
    sheet = [list(r) for r in book["各单位进度"].iter_rows(values_only=True)]
    headers = sheet[3]
    assert headers[6:11] == [
        "本年登记",
        "往年转入",
        "年内在办",
        "销号（年内在办）",
        "超期未办结（年内在办）",
    ]
    town = next(r for r in sheet if r[1] == "城关镇")
    assert town[6:11] == [1, 3, 4, 1, 2]
    assert any(isinstance(r[0], str) and "往年转入：" in r[0] for r in sheet)
    figures = {r[1]: r[2] for r in book["总体情况"].iter_rows(min_row=5, values_only=True) if r[1]}
    for key, label in [("carried_in", "往年转入问题"), ("in_hand", "年内在办问题")]:
        assert figures[label] == summary[key], key


@pytest.mark.parametrize("units", [1, 3])
def test_carried_in_cases_cost_no_extra_queries(
    units, grow_county, client_for, office, settings, django_assert_num_queries
):
    grow_county(units)  # 2015 cases, one open per township
    settings.SHUANGYONG_TODAY = TODAY
    ensure_calendar(TODAY)  # filled once, as the first page of the day does
    client = client_for(office)
    with django_assert_num_queries(7):
        response = client.get(PROGRESS, {"year": 2016})
    rows = response.context["rows"]
    assert [r["carried_in"] for r in rows if r["kind"] == "township"] == [1] * units
    assert response.context["total"]["overdue"] == units
    with django_assert_num_queries(13):
        response = client.get(DASHBOARD, {"year": 2016})
    charts = charts_of(response)
    assert charts["chart-overdue-townships"]["config"]["data"]["datasets"][0]["data"] == [1] * units
    with django_assert_num_queries(7):  # the list's six, and the lead unit it is filtered by
        listed = client.get(rows[0]["links"]["carried_in"])
    assert listed.context["paginator"].count == 1
