"""The list and an issue's page take the same number of queries at 1 and 3 rows, and show
them all."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import ActivityFactory, ModelFigureFactory
from tests.fixtures.bulletins import make_bulletin

pytestmark = pytest.mark.django_db

# Session and user, the county's campaigns for the switcher, the count for the pages and the
# rows (a unit's unread filter is a subquery of both); the city also reads its counties.
LIST_QUERIES = 6
# Session and user, the switcher, the issue, its attachments, its citations with their records;
# for a unit its read receipt (looked up, written once); for the office the receipts, the
# units not yet read and the change history.
DETAIL_QUERIES = 10


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize("role", ["office", "clerk_a", "city"])
def test_the_list_takes_the_same_queries_at_1_and_3_rows(
    rows, role, request, client_for, office, plan, django_assert_max_num_queries
):
    for n in range(rows):
        make_bulletin(office, title=f"简报{n}", publish_on=date(2015, 3, 1 + n))
    client = client_for(request.getfixturevalue(role))
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(reverse("bulletins:bulletins"), {"unread": "yes"})
    page = response.content.decode()
    assert all(f"简报{n}" in page for n in range(rows))
    assert f'data-total="{rows}"' in page


@pytest.mark.parametrize("rows", [1, 3])
@pytest.mark.parametrize("role", ["office", "clerk_a"])
def test_an_issue_takes_the_same_queries_at_1_and_3_citations_and_receipts(
    rows,
    role,
    request,
    client_for,
    office,
    township_a,
    plan,
    django_assert_max_num_queries,
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bulletins.services import attachment_add, receipt_record
    from tests.factories import UnitFactory, UserFactory
    from tests.fixtures.bulletins import PDF

    figures = [ModelFigureFactory(unit=township_a, name=f"典型{n}") for n in range(rows)]
    activities = [
        ActivityFactory(organiser=township_a, held_on=date(2015, 6, 1), title=f"活动{n}")
        for n in range(rows)
    ]
    bulletin = make_bulletin(
        office, publish_on=date(2015, 7, 1), citations=(figures, [], activities)
    )
    for n in range(rows):
        attachment_add(
            user=office, bulletin=bulletin, upload=SimpleUploadedFile(f"附件{n}.pdf", PDF)
        )
        unit = UnitFactory(kind=township_a.kind, name=f"读者镇{n}")
        receipt_record(user=UserFactory(unit=unit), bulletin=bulletin)
    client = client_for(request.getfixturevalue(role))
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(reverse("bulletins:bulletin", args=[bulletin.pk]))
    page = response.content.decode()
    for n in range(rows):
        assert f"典型{n}" in page and f"活动{n}" in page and f"附件{n}.pdf" in page
        if role == "office":
            assert f"读者镇{n}" in page
