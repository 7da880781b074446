import pytest
from django.urls import reverse

from campaign.models import Inspection, Topic
from grievances.models import Case
from tests.factories import InspectionFactory, rating_of

pytestmark = pytest.mark.django_db


def record(client, unit, **overrides):
    data = {
        "unit": unit.pk,
        "inspected_on": "2015-06-10",
        "inspectors": "周主任",
        "checked": "台账",
        "rating": rating_of(unit, "fair").pk,
        "findings": "台账缺少办理时限\n宣传栏未更新",
    } | overrides
    return client.post(reverse("campaign:inspection_add"), data)


def test_the_office_records_an_inspection_with_findings(client_for, office, township_a, plan):
    response = record(client_for(office), township_a)
    inspection = Inspection.objects.get()
    assert response["Location"] == inspection.get_absolute_url()
    assert list(inspection.findings.values_list("text", flat=True)) == [
        "台账缺少办理时限",
        "宣传栏未更新",
    ]
    assert inspection.score == 70
    page = client_for(office).get(response["Location"]).content.decode()
    assert "督查发现的问题" in page and "走访情况" not in page


def test_a_future_inspection_is_refused(client_for, office, township_a, plan):
    response = record(client_for(office), township_a, inspected_on="2015-07-01")
    assert "日期不能晚于今天。" in response.content.decode()
    assert Inspection.objects.count() == 0


def test_a_finding_becomes_a_rectification_case_once(client_for, office, township_a, plan):
    client = client_for(office)
    record(client, township_a)
    finding = Inspection.objects.get().findings.first()
    url = reverse("grievances:case_from_inspection", args=[finding.pk])
    response = client.post(
        url, {"topic": Topic.objects.get(number=4).pk, "description": finding.text}
    )
    case = Case.objects.get()
    assert response["Location"] == case.get_absolute_url()
    assert (case.source, case.subject_unit, case.township, case.inspection_finding) == (
        "inspection",
        township_a,
        township_a,
        finding,
    )
    again = client.post(url, {"topic": Topic.objects.get(number=4).pk, "description": "x"})
    assert "该督查问题已列入台账。" in again.content.decode()
    assert Case.objects.count() == 1


def test_the_unit_inspected_reads_its_inspection_and_others_do_not(
    client_for, office, clerk_a, clerk_b, leader, township_a, plan
):
    record(client_for(office), township_a)
    inspection = Inspection.objects.get()
    assert client_for(clerk_a).get(inspection.get_absolute_url()).status_code == 200
    assert client_for(clerk_b).get(inspection.get_absolute_url()).status_code == 404
    assert client_for(leader).get(reverse("campaign:inspection_add")).status_code == 403
    finding = inspection.findings.first()
    assert (
        client_for(clerk_a)
        .post(reverse("grievances:case_from_inspection", args=[finding.pk]))
        .status_code
        == 403
    )
    assert Case.objects.count() == 0


@pytest.mark.parametrize("rows", [1, 3])
def test_the_list_keeps_its_query_count(
    rows, client_for, office, township_a, member_unit, plan, django_assert_num_queries
):
    inspections = [
        InspectionFactory(unit=unit, inspectors=f"督查组{n}", created_by=office)
        for n in range(rows)
        for unit in (township_a, member_unit)
    ]
    client = client_for(office)
    with django_assert_num_queries(5):
        response = client.get(reverse("campaign:inspections"))
    page = response.content.decode()
    for inspection in inspections:
        assert inspection.get_absolute_url() in page and inspection.inspectors in page
    assert township_a.name in page and member_unit.name in page
