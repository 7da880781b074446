"""The ledger exported to Excel: the rows the page shows, phones masked, no formula let through."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

URL = reverse("grievances:ledger_export")


def body_rows(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][0] == "台账编号"
    return rows[2:]


def numbers(response):
    return [c.number for c in response.context["object_list"]]


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
    response = client.get(URL, {"status": "assigned"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    body = body_rows(b"".join(response.streaming_content))
    assert [r[0] for r in body] == numbers(page)
    assert all(r[8] == "139****5678" for r in body)
    assert all(r[5] == '\'=HYPERLINK("http://x")' for r in body)
    assert all(
        not str(value).startswith(("=", "+", "-", "@")) for r in body for value in r if value
    )


@pytest.mark.parametrize("rows", [1, 3])
def test_the_export_keeps_its_query_count(
    rows, client_for, office, make_cases, member_unit, django_assert_num_queries
):
    cases = make_cases(rows, responsible_person="王", deadline=date(2015, 7, 1), measures="核查")
    cases += CaseFactory.create_batch(
        rows, about_garrison=True, assigned=True, lead_unit=member_unit
    )
    client = client_for(office)
    # Six to write the file, three to log it (its rows counted, the log row, its persons linked
    # in one INSERT … SELECT), whatever the number of rows.
    with django_assert_num_queries(9):
        content = b"".join(client.get(URL).streaming_content)
    assert [(r[0], r[2], r[4]) for r in body_rows(content)] == [
        (c.number, c.subject_label, c.description) for c in cases
    ]
