"""The county dashboard: headline figures from the database, each opening the list behind it;
charts drawn from json_script data by a static script; a fixed number of queries."""

import json
from datetime import date

import pytest
from django.urls import reverse

from tests.reports import oracle

pytestmark = pytest.mark.django_db

URL = reverse("reports:dashboard")


def test_the_headline_figures_are_the_databases(county, client_for, office):
    response = client_for(office).get(URL)
    assert response.status_code == 200
    expected = oracle.summary(2015, date(2015, 6, 15))
    headline = {item["key"]: item["value"] for item in response.context["headline"]}
    assert headline == {
        "households": expected["households"],
        "visited_pct": expected["visited_pct"],
        "registered": expected["registered"],
        "carried_in": expected["carried_in"],
        "in_hand": expected["in_hand"],
        "closed": expected["closed"],
        "overdue": expected["overdue"],
        "on_time_pct": expected["on_time_pct"],
        "activities": expected["activities"],
        "amount": expected["amount"],
    }
    page = response.content.decode()
    assert 'data-testid="figure-overdue"' in page
    assert "6,500.50" in page


def test_every_headline_figure_links_to_the_list_behind_it(county, client_for, office):
    client = client_for(office)
    response = client.get(URL)
    by_key = {item["key"]: item for item in response.context["headline"]}
    for key in ["registered", "carried_in", "in_hand", "closed", "overdue", "activities"]:
        listed = client.get(by_key[key]["url"])
        assert listed.status_code == 200, key
        assert listed.context["paginator"].count == by_key[key]["value"], key
    visited = client.get(by_key["visited_pct"]["url"])
    assert visited.context["paginator"].count == 2


def test_the_summary_table_shows_every_summary_figure(county, client_for, office):
    page = client_for(office).get(URL).content.decode()
    expected = oracle.summary(2015, date(2015, 6, 15))
    for key in ["households", "visited", "registered", "closed", "overdue", "on_time"]:
        assert f'<tr data-key="{key}">' in page
        assert f'data-value="{expected[key]}"' in page


def test_the_charts_come_as_json_for_a_static_script(county, client_for, office):
    response = client_for(office).get(URL)
    page = response.content.decode()
    assert "js/report-charts.js" in page
    assert "chart.umd.min.js" in page
    assert "<script>" not in page  # no inline script: the CSP forbids it
    charts = {c["id"]: c for c in response.context["charts"]}
    assert set(charts) == {
        "chart-topics",
        "chart-closures",
        "chart-survey",
        "chart-activities",
        "chart-overdue-townships",
        "chart-overdue-leads",
    }
    for chart in charts.values():
        assert f'<script id="{chart["id"]}" type="application/json">' in page
    topics = charts["chart-topics"]
    closed = next(d for d in topics["config"]["data"]["datasets"] if d["label"] == "已销号")
    assert sum(closed["data"]) == 3
    survey = charts["chart-survey"]["config"]["data"]
    assert survey["labels"] == ["甲镇", "乙乡"]
    assert survey["datasets"][0]["data"] == [2, 0]
    json.dumps(charts)  # all of it serialisable


def test_a_chart_bar_opens_what_it_counts(county, client_for, office):
    client = client_for(office)
    charts = {c["id"]: c for c in client.get(URL).context["charts"]}
    closures = charts["chart-closures"]
    months = closures["config"]["data"]["labels"]
    closed = closures["config"]["data"]["datasets"][1]["data"]
    for index, month in enumerate(months):
        listed = client.get(closures["links"][1][index])
        assert listed.context["paginator"].count == closed[index], month


def chart_on_page(page, chart_id):
    """The chart's configuration as the page carries it, for the static script to draw."""
    start = page.index(f'<script id="{chart_id}" type="application/json">')
    data = page[start:].split(">", 1)[1].split("</script>", 1)[0]
    return json.loads(data)["config"]


@pytest.mark.parametrize("units", [1, 3])
def test_the_query_count_does_not_grow_with_units_and_cases(
    units, grow_county, client_for, office, django_assert_num_queries
):
    grow_county(units)
    client = client_for(office)
    with django_assert_num_queries(13):
        response = client.get(URL)
    assert response.context["headline"][2]["value"] == 3 * units
    survey = chart_on_page(response.content.decode(), "chart-survey")
    assert survey["data"]["labels"] == [f"增长镇{i}" for i in range(units)]


def test_a_leader_reads_it_and_a_unit_has_nothing_there(county, client_for, leader, clerk_a):
    assert client_for(leader).get(URL).status_code == 200
    assert client_for(clerk_a).get(URL).status_code == 404


def test_every_chart_series_equals_counting_each_cell_on_its_own(county, client_for, office):
    """The charts read a few grouped statements; each figure must be what one plain count of
    its own cell gives."""
    from campaign.models import Workstream
    from grievances.models import Case, Status
    from outreach.models import Activity
    from reports.breakdowns import STATUS_ORDER

    response = client_for(office).get(URL)
    charts = {c["id"]: c["config"]["data"] for c in response.context["charts"]}
    campaign = response.context["report"].campaign
    cases = Case.objects.filter(campaign=campaign, year=2015)

    topics = charts["chart-topics"]
    for dataset, status in zip(topics["datasets"], STATUS_ORDER, strict=True):
        expected = [
            cases.filter(topic__number=number, status=status).count()
            for number in range(1, len(topics["labels"]) + 1)
        ]
        assert dataset["data"] == expected, status

    closures = charts["chart-closures"]
    assert sum(closures["datasets"][0]["data"]) == cases.count()
    for index, month in enumerate(closures["labels"]):
        year, number = (int(p) for p in month.split("-"))
        registered = cases.filter(registered_on__year=year, registered_on__month=number).count()
        closed = cases.filter(
            status=Status.CLOSED, closed_on__year=year, closed_on__month=number
        ).count()
        assert closures["datasets"][0]["data"][index] == registered, month
        assert closures["datasets"][1]["data"][index] == closed, month

    activities = charts["chart-activities"]
    held = Activity.objects.filter(campaign=campaign, held_on__year=2015)
    workstreams = Workstream.objects.filter(campaign=campaign).order_by("number")
    for dataset, workstream in zip(activities["datasets"], workstreams, strict=True):
        of_workstream = held.filter(workstream=workstream)
        assert dataset["data"] == [
            of_workstream.filter(held_on__month=m).count() for m in range(1, 13)
        ], dataset["label"]
    assert sum(sum(d["data"]) for d in activities["datasets"]) == held.count()
