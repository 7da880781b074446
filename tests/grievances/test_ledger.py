from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from campaign.models import Topic
from grievances import services
from tests.factories import FindingFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_cases(office, household, clerk_a, member_unit, plan):
    """make_cases(n, **assign): n cases from n visits, each assigned when assign is given."""
    topics = [Topic.objects.get(number=n) for n in (5, 4, 6, 7)]

    def make(count, **assign):
        cases = []
        for n in range(count):
            visit = VisitFactory(household=household, created_by=clerk_a)
            finding = FindingFactory(visit=visit, topic=topics[n % 4], text=f"问题{n}")
            case = services.case_register_findings(user=office, findings=[finding], merge=False)[0]
            if assign:
                case = services.case_assign(user=office, case=case, lead_unit=member_unit, **assign)
            cases.append(case)
        return cases

    return make


def numbers(response):
    return [c.number for c in response.context["object_list"]]


@pytest.mark.parametrize("rows", [1, 3])
def test_the_ledger_keeps_its_query_count(
    client_for, office, make_cases, rows, django_assert_num_queries
):
    make_cases(rows, responsible_person="王", deadline=date(2015, 7, 1), measures="措施")
    client = client_for(office)
    with django_assert_num_queries(11):
        response = client.get(reverse("grievances:ledger"))
    assert len(response.context["object_list"]) == rows


def test_a_clerk_sees_its_townships_cases_only(client_for, clerk_a, clerk_b, make_cases):
    make_cases(2)
    assert len(numbers(client_for(clerk_a).get(reverse("grievances:ledger")))) == 2
    assert numbers(client_for(clerk_b).get(reverse("grievances:ledger"))) == []


def test_a_member_unit_sees_the_cases_it_leads(
    client_for, member, co_member, make_cases, office, co_unit
):
    cases = make_cases(2)
    services.case_assign(
        user=office,
        case=cases[0],
        lead_unit=co_unit,
        responsible_person="住",
        deadline=date(2015, 7, 1),
        measures="x",
    )
    assert numbers(client_for(co_member).get(reverse("grievances:ledger"))) == [cases[0].number]
    assert numbers(client_for(member).get(reverse("grievances:ledger"))) == []
    assert client_for(member).get(cases[0].get_absolute_url()).status_code == 404


def test_overdue_is_derived_from_the_deadline(client_for, office, make_cases, settings):
    make_cases(1, responsible_person="王", deadline=date(2015, 6, 20), measures="措施")
    client = client_for(office)
    assert numbers(client.get(reverse("grievances:ledger"), {"overdue": "yes"})) == []
    settings.SHUANGYONG_TODAY = date(2015, 6, 23)
    assert numbers(client.get(reverse("grievances:ledger"), {"overdue": "yes"})) == ["2015-0001"]


def test_open_cases_are_carried_over_when_phase_3_ends(client_for, office, make_cases, settings):
    make_cases(2)
    client = client_for(office)
    assert numbers(client.get(reverse("grievances:ledger"), {"carried_over": "yes"})) == []
    settings.SHUANGYONG_TODAY = date(2016, 1, 4)
    assert len(numbers(client.get(reverse("grievances:ledger"), {"carried_over": "yes"}))) == 2


def test_search_by_ledger_number(client_for, office, make_cases):
    make_cases(3)
    assert numbers(client_for(office).get(reverse("grievances:ledger"), {"q": "2015-2"})) == [
        "2015-0002"
    ]


def test_filters_by_topic_status_and_month(client_for, office, make_cases):
    make_cases(3)
    client = client_for(office)
    topic = Topic.objects.get(number=5)
    assert numbers(client.get(reverse("grievances:ledger"), {"topic": topic.pk})) == ["2015-0001"]
    assert len(numbers(client.get(reverse("grievances:ledger"), {"status": "registered"}))) == 3
    assert len(numbers(client.get(reverse("grievances:ledger"), {"month": "2015-06"}))) == 3
    assert numbers(client.get(reverse("grievances:ledger"), {"month": "2015-05"})) == []


def test_the_export_reads_back_with_the_rows_the_page_shows(client_for, office, make_cases):
    make_cases(
        3,
        responsible_person="王",
        responsible_phone="13912345678",
        deadline=date(2015, 7, 1),
        measures='=HYPERLINK("http://x")',
    )
    client = client_for(office)
    page = client.get(reverse("grievances:ledger"), {"status": "assigned"})
    response = client.get(reverse("grievances:ledger_export"), {"status": "assigned"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    import io

    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][0] == "台帐编号"
    body = rows[2:]
    assert [r[0] for r in body] == numbers(page)
    assert all(r[8] == "139****5678" for r in body)
    assert all(r[5] == '\'=HYPERLINK("http://x")' for r in body)
    assert all(
        not str(value).startswith(("=", "+", "-", "@")) for r in body for value in r if value
    )


def test_the_print_view_has_the_paper_ledgers_columns(client_for, office, make_cases):
    make_cases(2, responsible_person="王", deadline=date(2015, 7, 1), measures="落实资金")
    page = client_for(office).get(reverse("grievances:ledger_print")).content.decode()
    for heading in [
        "序号",
        "问题",
        "措施",
        "责任单位",
        "责任人",
        "完成时限",
        "进展",
        "结果",
        "销号",
    ]:
        assert f"<th>{heading}</th>" in page or f'<th class="n">{heading}</th>' in page
    assert "落实资金" in page and "size: A4 landscape" in open("static/css/ledger-print.css").read()


def test_the_inbox_lists_overdue_first(
    client_for, member, make_cases, office, member_unit, settings
):
    cases = make_cases(3)
    deadlines = [date(2015, 8, 1), date(2015, 6, 17), date(2015, 6, 16)]
    for case, deadline in zip(cases, deadlines, strict=True):
        services.case_assign(
            user=office,
            case=case,
            lead_unit=member_unit,
            responsible_person="王",
            deadline=deadline,
            measures="x",
        )
    settings.SHUANGYONG_TODAY = date(2015, 6, 17)
    rows = client_for(member).get(reverse("grievances:inbox")).context["rows"]
    assert [c.number for c in rows] == ["2015-0003", "2015-0002", "2015-0001"]
    assert rows[0].is_overdue and rows[1].is_due_soon and not rows[2].is_due_soon


def test_the_office_inbox_shows_what_waits_for_it(client_for, office, make_cases):
    make_cases(2)
    queues = client_for(office).get(reverse("grievances:inbox")).context["queues"]
    assert len(queues["unassigned"]) == 2 and queues["awaiting_closure"] == []


def test_the_ledger_sorts_by_deadline(client_for, office, make_cases, member_unit):
    cases = make_cases(3)
    for case, deadline in zip(
        cases, [date(2015, 8, 1), date(2015, 7, 1), date(2015, 9, 1)], strict=True
    ):
        services.case_assign(
            user=office,
            case=case,
            lead_unit=member_unit,
            responsible_person="王",
            deadline=deadline,
            measures="x",
        )
    response = client_for(office).get(reverse("grievances:ledger"), {"sort": "-deadline"})
    assert numbers(response) == ["2015-0003", "2015-0001", "2015-0002"]


def test_a_deep_page_shows_the_right_rows(client_for, office, make_cases, settings):
    make_cases(3)
    from grievances.views import LedgerView

    LedgerView.paginate_by, saved = 2, LedgerView.paginate_by
    try:
        second = client_for(office).get(reverse("grievances:ledger"), {"page": 2})
    finally:
        LedgerView.paginate_by = saved
    assert numbers(second) == ["2015-0003"]
    assert second.context["page_obj"].paginator.count == 3
