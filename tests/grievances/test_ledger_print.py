"""The paper ledger (A4 landscape): the ledger's columns, the latest progress reports."""

from datetime import date

import pytest
from django.urls import reverse

from grievances import services
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

URL = reverse("grievances:ledger_print")


def test_the_print_view_has_the_paper_ledgers_columns(client_for, office, make_cases):
    make_cases(2, responsible_person="王", deadline=date(2015, 7, 1), measures="落实资金")
    page = client_for(office).get(URL).content.decode()
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


@pytest.mark.parametrize("rows", [1, 3])
def test_the_print_view_keeps_its_query_count(
    rows, client_for, office, member, member_unit, make_cases, django_assert_num_queries
):
    cases = make_cases(rows, responsible_person="王", deadline=date(2015, 7, 1), measures="核查")
    cases += CaseFactory.create_batch(
        rows, about_garrison=True, assigned=True, lead_unit=member_unit
    )
    for case in cases:
        case = services.case_accept(user=member, case=case)
        services.case_report_progress(
            user=member, case=case, on=date(2015, 6, 12), note=f"{case.number}已上门"
        )
    client = client_for(office)
    # The batch's total and its ids come first, then the rows (IdsFirstPaginator).
    # Two more log the printed batch: the log row, its persons linked in one INSERT … SELECT.
    with django_assert_num_queries(11):
        response = client.get(URL)
    page = response.content.decode()
    for case in cases:
        assert case.number in page and f"{case.number}已上门" in page
        assert case.subject_label in page


def test_a_long_ledger_prints_in_batches_each_saying_which(client_for, office, plan, monkeypatch):
    monkeypatch.setattr("grievances.views.LedgerPrintView.per_batch", 2)
    cases = CaseFactory.create_batch(5)
    client = client_for(office)
    first = client.get(URL).content.decode()
    assert "第1批，共3批、5条" in first and "共5条" in first and 'data-testid="last-page"' in first
    last = client.get(URL, {"page": 3}).content.decode()
    assert cases[-1].number in last and cases[0].number not in last
