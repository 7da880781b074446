"""Late and missing reports give the assessment its deduction by rule, at the points the office
sets for the year; nothing is typed in."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.models import AssessmentScheme
from submissions import services
from tests.exports import export
from tests.fixtures.submissions import make_report_request

pytestmark = pytest.mark.django_db

URL = reverse("reports:assessment") + "?year=2015"


def by_name(response):
    return {row["name"]: row for group in response.context["groups"] for row in group["rows"]}


@pytest.fixture
def reports_owed(office, clerk_a, township_a, township_b, member_unit):
    """Township A: one late, one missing; township B: one on time; a withdrawn request and
    one not yet due count for nobody."""
    late = make_report_request(office, [township_a, township_b], due_on=date(2015, 6, 10))
    services.submission_submit(user=clerk_a, request=late, text="晚了")  # today is 06-15
    make_report_request(office, [township_a], due_on=date(2015, 6, 1), title="没报")
    withdrawn = make_report_request(office, [township_a], due_on=date(2015, 6, 2), title="撤")
    services.request_withdraw(user=office, request=withdrawn, version=withdrawn.version)
    make_report_request(office, [township_a, member_unit], due_on=date(2015, 12, 20))
    return late


def test_late_and_missing_reports_are_deducted_by_rule(
    plan, client_for, office, reports_owed, clerk_b
):
    services.submission_submit(user=clerk_b, request=reports_owed, text="也晚了")
    response = client_for(office).get(URL)
    assert response.content.decode().count('data-testid="by-rule"') == 2
    rows = by_name(response)
    a, b = rows["甲镇"], rows["乙乡"]
    assert [(r["rule"], r["count"], r["points"]) for r in a["by_rule"]] == [
        ("late_reports", 1, 0.5),
        ("missing_reports", 1, 1.0),
    ]
    assert a["deduction"] == 1.5 and a["total"] == round(a["base"] - 1.5, 1)
    assert [(r["rule"], r["count"]) for r in b["by_rule"]] == [("late_reports", 1)]
    assert rows["县民政局"]["by_rule"] == []  # its request is not yet due


def test_the_office_sets_the_points_of_the_rules(plan, client_for, office, reports_owed):
    client = client_for(office)
    url = reverse("reports:assessment_weights", args=[2015])
    weights = {
        "on_time_weight": 30,
        "coverage_weight": 20,
        "five_ones_weight": 20,
        "activities_weight": 15,
        "inspections_weight": 15,
        "activities_target": 6,
    }
    refused = client.post(url, weights | {"late_report_points": "-1"})
    assert refused.status_code == 200 and not AssessmentScheme.objects.exists()
    sent = weights | {"late_report_points": "2", "missing_report_points": "3"}
    assert client.post(url, sent).status_code == 302
    assert by_name(client.get(URL))["甲镇"]["deduction"] == 5.0
    # Left empty, the points stay as they are.
    assert client.post(url, weights).status_code == 302
    assert by_name(client.get(URL))["甲镇"]["deduction"] == 5.0


def test_the_unit_page_and_the_workbook_show_the_lines(
    plan, client_for, office, township_a, reports_owed
):
    client = client_for(office)
    page = client.get(reverse("reports:assessment_unit", args=[2015, township_a.pk]))
    text = page.content.decode()
    assert text.count('data-testid="by-rule"') == 2
    assert "按规则扣分" in text and "逾期报送1次，每次扣0.5分" in text
    assert "未报送1次，每次扣1.0分" in text
    response = export(client, reverse("reports:workbook", args=[2015]))
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [
        [value for value in row if value is not None]
        for row in book["考评"].iter_rows(values_only=True)
    ]
    lines = [row for row in cells if "按规则扣分" in row]
    # 乙乡 did not submit the first request (missing); 甲镇 was late with it and missed another
    assert sorted(line[1:4] for line in lines) == [
        ["乙乡", "按规则扣分", 1],
        ["甲镇", "按规则扣分", 0.5],
        ["甲镇", "按规则扣分", 1],
    ]
