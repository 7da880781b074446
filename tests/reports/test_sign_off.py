"""Signing off a year: its figures are frozen (the workbook produced again gives the same
figures), and changes made afterwards to the year's cases are listed as made after sign-off."""

from datetime import date

import pytest
from django.urls import reverse

from campaign.models import Topic
from grievances import services as ledger
from grievances.models import Case
from reports.models import AssessmentItem, FrozenLedgerRow, YearSignOff
from tests.exports import export
from tests.factories import CaseEventFactory, FindingFactory, UserFactory, VisitFactory

pytestmark = pytest.mark.django_db

SIGN_OFF = reverse("reports:sign_off", args=[2015])
WORKBOOK = reverse("reports:workbook", args=[2015])
CONFIRM = {"confirm": "yes"}
FIGURE_SHEETS = [
    "总体情况",
    "各单位进度",
    "七项专项活动",
    "活动统计",
    "优抚对象走访",
    "五个一",
    "考评",
]


def figures(book):
    """Every sheet's rows below the status line, the signature block aside."""
    return {
        name: [list(r) for r in book[name].iter_rows(min_row=4, values_only=True)][:-2]
        for name in [*FIGURE_SHEETS, "问题台账"]
    }


def change_the_ledger(county, office, clerk_a):
    """Close the case awaiting closure and register a new 2015 case."""
    ledger.case_close(user=office, case=county.cases["resolved"])
    visit = VisitFactory(
        household=county.households["王甲"], visited_on=date(2015, 6, 12), created_by=clerk_a
    )
    finding = FindingFactory(visit=visit, topic=Topic.objects.get(number=5), text="新发现的困难")
    return ledger.case_register_findings(user=office, findings=[finding], merge=False)[0]


def test_a_signed_off_years_figures_do_not_move(county, client_for, office, clerk_a, workbook_of):
    client = client_for(office)
    before = figures(workbook_of(export(client, WORKBOOK)))
    response = client.post(SIGN_OFF, CONFIRM)
    assert response.status_code == 302
    sign_off = YearSignOff.objects.get(year=2015)
    assert sign_off.signed_by == office
    assert FrozenLedgerRow.objects.filter(sign_off=sign_off).count() == 8

    new_case = change_the_ledger(county, office, clerk_a)
    assert Case.objects.filter(year=2015).count() == 9

    book = workbook_of(export(client_for(office), WORKBOOK))
    after = figures(book)
    for name in FIGURE_SHEETS + ["问题台账"]:
        assert after[name] == before[name], name
    assert "由周审核锁定，数字按锁定时固定" in book["总体情况"].cell(3, 1).value

    changes = [list(r) for r in book["审核锁定后变更"].iter_rows(min_row=5, values_only=True)]
    numbers = [row[0] for row in changes if row[0]]
    assert county.cases["resolved"].number in numbers
    assert new_case.number in numbers
    assert "已销号" in [row[2] for row in changes]


def test_the_pages_show_the_frozen_figures_and_list_the_changes(
    county, client_for, office, clerk_a
):
    client = client_for(office)
    client.post(SIGN_OFF, CONFIRM)
    new_case = change_the_ledger(county, office, clerk_a)

    dashboard = client.get(reverse("reports:dashboard") + "?year=2015")
    headline = {i["key"]: i["value"] for i in dashboard.context["headline"]}
    assert headline["registered"] == 8 and headline["closed"] == 3
    page = dashboard.content.decode()
    assert 'data-testid="frozen"' in page

    progress = client.get(reverse("reports:progress") + "?year=2015")
    assert progress.context["total"]["closed"] == 3

    yearend = client.get(reverse("reports:yearend") + "?year=2015")
    listed = [event.case.number for event in yearend.context["changes"]]
    assert new_case.number in listed and county.cases["resolved"].number in listed
    assert yearend.context["change_count"] == len(listed)


def test_before_sign_off_the_figures_follow_the_ledger(county, client_for, office, clerk_a):
    client = client_for(office)
    change_the_ledger(county, office, clerk_a)
    dashboard = client.get(reverse("reports:dashboard") + "?year=2015")
    headline = {i["key"]: i["value"] for i in dashboard.context["headline"]}
    assert headline["registered"] == 9 and headline["closed"] == 4


def test_a_year_is_signed_off_once(county, client_for, office):
    client = client_for(office)
    client.post(SIGN_OFF, CONFIRM)
    response = client.post(SIGN_OFF, CONFIRM, follow=True)
    assert "已经审核锁定" in response.content.decode()
    assert YearSignOff.objects.count() == 1


def test_a_future_year_cannot_be_signed_off(county, client_for, office):
    response = client_for(office).post(
        reverse("reports:sign_off", args=[2016]), CONFIRM, follow=True
    )
    assert "尚未开始的年度不能审核锁定" in response.content.decode()
    assert not YearSignOff.objects.exists()


@pytest.mark.parametrize(
    "role, status", [("leader", 403), ("clerk_a", 404), ("member", 404), ("liaison", 404)]
)
def test_only_the_office_signs_off(county, client_for, request, role, status):
    response = client_for(request.getfixturevalue(role)).post(SIGN_OFF, CONFIRM)
    assert response.status_code == status
    assert not YearSignOff.objects.exists()


def test_after_sign_off_the_assessment_cannot_change(county, client_for, office, township_a):
    client = client_for(office)
    client.post(SIGN_OFF, CONFIRM)
    unit_page = reverse("reports:assessment_unit", args=[2015, township_a.pk])
    response = client.post(
        unit_page, {"kind": "bonus", "points": "2", "reason": "先进"}, follow=True
    )
    assert "不能再修改" in response.content.decode()
    assert not AssessmentItem.objects.exists()
    weights = client.get(reverse("reports:assessment_weights", args=[2015]))
    assert weights.status_code == 302


def test_the_sign_off_must_be_confirmed(county, client_for, office):
    response = client_for(office).post(SIGN_OFF, follow=True)
    assert "请勾选确认" in response.content.decode()
    assert not YearSignOff.objects.exists()


@pytest.mark.parametrize("rows", [1, 3])
def test_the_changes_after_sign_off_keep_their_query_count(
    rows, county, client_for, office, member_unit, django_assert_num_queries
):
    client = client_for(office)
    client.post(SIGN_OFF, CONFIRM)
    events = [
        CaseEventFactory(
            case=county.cases[key],
            kind="progress",
            by=UserFactory(unit=member_unit, last_name=f"科员{n}"),
            note=f"锁定后的进展{n}",
        )
        for n, key in enumerate(["on-time", "late", "overdue"][:rows])
    ]
    with django_assert_num_queries(7):
        response = client.get(reverse("reports:yearend") + "?year=2015")
    assert response.context["change_count"] == rows
    page = response.content.decode()
    for event in events:
        assert event.case.number in page and event.by.display_name in page and event.note in page
