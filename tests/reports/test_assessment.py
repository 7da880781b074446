"""The annual assessment: indicators computed from the data, the office's weights and items,
the one-vote veto, the total and the ranking; every computed figure opens what it counts."""

import pytest
from django.urls import reverse

from reports.assessment import _rank
from reports.models import AssessmentItem, AssessmentScheme

pytestmark = pytest.mark.django_db

URL = reverse("reports:assessment") + "?year=2015"


def by_name(response):
    return {row["name"]: row for group in response.context["groups"] for row in group["rows"]}


def test_it_scores_each_unit_from_the_data(county, client_for, office):
    rows = by_name(client_for(office).get(URL))
    a = rows["甲镇"]
    scores = {k: v["score"] for k, v in a["indicators"].items()}
    assert scores == {
        "on_time": 100.0,
        "coverage": 66.7,
        "five_ones": 60.0,
        "activities": 33.3,
        "inspections": 85.0,
    }
    # (30×100 + 20×66.7 + 20×60 + 15×33.3 + 15×85) / 100
    assert a["base"] == 73.1 and a["total"] == 73.1 and a["grade"] == "pass"
    member = rows["县民政局"]
    assert member["indicators"]["coverage"]["score"] is None  # not a township
    assert member["indicators"]["inspections"]["score"] is None  # not inspected
    # (30×33.3 + 20×20 + 15×16.7) / 65: the indicators that apply, weighed up to 100
    assert member["base"] == 25.4
    assert (a["rank"], rows["乙乡"]["rank"], member["rank"]) == (1, 2, 1)


def test_bonus_deduction_and_veto_change_total_and_rank(
    county, client_for, office, township_a, township_b
):
    client = client_for(office)
    page_b = reverse("reports:assessment_unit", args=[2015, township_b.pk])
    page_a = reverse("reports:assessment_unit", args=[2015, township_a.pk])
    client.post(page_b, {"kind": "bonus", "points": "8", "reason": "表彰为先进单位"})
    client.post(page_b, {"kind": "deduction", "points": "3", "reason": "台账不全"})
    client.post(page_a, {"kind": "veto", "points": "0", "reason": "发生重大负面事件"})
    assert AssessmentItem.objects.count() == 3
    rows = by_name(client.get(URL))
    b = rows["乙乡"]
    assert (b["bonus"], b["deduction"], b["total"], b["rank"]) == (8.0, 3.0, 5.0, 1)
    a = rows["甲镇"]
    assert a["vetoed"] and a["rank"] is None and a["grade"] == "fail"
    detail = client.get(page_b).content.decode()
    assert "表彰为先进单位" in detail and "台账不全" in detail


def test_an_item_needs_its_reason_and_points(county, client_for, office, township_a):
    page = reverse("reports:assessment_unit", args=[2015, township_a.pk])
    response = client_for(office).post(page, {"kind": "bonus", "points": "", "reason": " "})
    assert response.status_code == 200
    assert not AssessmentItem.objects.exists()


def test_the_office_removes_an_item(county, client_for, office, township_a):
    client = client_for(office)
    page = reverse("reports:assessment_unit", args=[2015, township_a.pk])
    client.post(page, {"kind": "bonus", "points": "2", "reason": "好"})
    item = AssessmentItem.objects.get()
    client.post(reverse("reports:assessment_item_delete", args=[item.pk]))
    assert not AssessmentItem.objects.exists()


def test_the_office_sets_the_weights_and_they_must_add_up(county, client_for, office):
    client = client_for(office)
    url = reverse("reports:assessment_weights", args=[2015])
    bad = {
        "on_time_weight": 50,
        "coverage_weight": 20,
        "five_ones_weight": 20,
        "activities_weight": 15,
        "inspections_weight": 15,
        "activities_target": 6,
    }
    response = client.post(url, bad)
    assert response.status_code == 200
    assert "各项权重之和须为100" in response.content.decode()
    assert not AssessmentScheme.objects.exists()
    good = {
        **bad,
        "on_time_weight": 100,
        "coverage_weight": 0,
        "five_ones_weight": 0,
        "activities_weight": 0,
        "inspections_weight": 0,
    }
    assert client.post(url, good).status_code == 302
    rows = by_name(client.get(URL))
    assert rows["甲镇"]["base"] == 100.0 and rows["县民政局"]["base"] == 33.3


@pytest.mark.parametrize(
    "role, status", [("leader", 403), ("clerk_a", 404), ("member", 404), ("liaison", 404)]
)
def test_only_the_office_changes_the_assessment(
    county, client_for, request, role, status, township_a
):
    client = client_for(request.getfixturevalue(role))
    assert client.get(reverse("reports:assessment_weights", args=[2015])).status_code == status
    page = reverse("reports:assessment_unit", args=[2015, township_a.pk])
    response = client.post(page, {"kind": "bonus", "points": "2", "reason": "好"})
    assert response.status_code == status
    assert not AssessmentItem.objects.exists()


def test_each_computed_figure_opens_what_it_counts(county, client_for, office, township_a):
    client = client_for(office)
    response = client.get(reverse("reports:assessment_unit", args=[2015, township_a.pk]))
    assert response.status_code == 200
    opened = 0
    for indicator in response.context["indicators"]:
        for _label, value, url in indicator["counted"]:
            listed = client.get(url)
            assert listed.status_code == 200
            assert listed.context["paginator"].count == value, (indicator["key"], url)
            opened += 1
    assert opened == 8


def test_an_unknown_unit_is_not_found(county, client_for, office, garrison_unit):
    client = client_for(office)
    assert (
        client.get(reverse("reports:assessment_unit", args=[2015, garrison_unit.pk])).status_code
        == 404
    )


def test_equal_totals_share_a_rank():
    rows = [
        {"kind": "township", "total": 80.0, "vetoed": False},
        {"kind": "township", "total": 90.0, "vetoed": False},
        {"kind": "township", "total": 80.0, "vetoed": False},
        {"kind": "township", "total": 95.0, "vetoed": True},
        {"kind": "member", "total": 10.0, "vetoed": False},
    ]
    _rank(rows)
    assert [r["rank"] for r in rows] == [2, 1, 2, None, 1]


@pytest.mark.parametrize("units", [1, 3])
def test_the_query_count_does_not_grow_with_units_and_cases(
    units, grow_county, client_for, office, django_assert_num_queries
):
    grow_county(units)
    client = client_for(office)
    with django_assert_num_queries(10):
        response = client.get(URL)
    rows = by_name(response)
    assert set(rows) == {f"增长镇{i}" for i in range(units)} | {"县民政局"}
    page = response.content.decode()
    for name in rows:
        assert f">{name}</a></th>" in page
