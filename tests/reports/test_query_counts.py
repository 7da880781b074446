"""The heavy report pages take the same number of queries at one and at three townships' worth of
data, as the county office and as the city above it (issue 20). tests/test_page_queries.py
holds every page to the budget on the sweeps' small data."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.exports import export
from tests.test_page_queries import measure

pytestmark = pytest.mark.django_db

# Exact, so that one more query per township shows at three townships. The city finds the
# county it looks at first (one more).
COUNTS = {
    "office": {
        "reports:dashboard": 13,
        "reports:progress": 7,
        "reports:assessment": 10,
        "reports:special_actions": 7,
        "reports:summary": 13,
    },
    "city": {
        "reports:dashboard": 14,
        "reports:progress": 8,
        "reports:assessment": 11,
        "reports:special_actions": 8,
        "reports:summary": 14,
    },
}


@pytest.mark.parametrize("units", [1, 3])
@pytest.mark.parametrize("role", sorted(COUNTS))
def test_the_heavy_report_pages_take_as_many_queries_at_any_size(
    role, units, grow_county, client, request
):
    grow_county(units)
    client.force_login(request.getfixturevalue(role))
    counts = {}
    for name in COUNTS[role]:
        status, counts[name] = measure(client, reverse(name))
        assert status == 200, name
    assert counts == COUNTS[role]


SECOND_YEAR = date(2016, 6, 15)


@pytest.mark.parametrize("role", ["office", "leader", "city"])
def test_the_summary_takes_as_many_queries_in_its_second_year_as_in_its_first(
    role, grow_county, client, request, settings
):
    """Each year of the campaign is a column of the summary: all are read in the same
    statements, so a second year adds columns, not queries."""
    grow_county(2)
    client.force_login(request.getfixturevalue(role))
    url = reverse("reports:summary")
    counts = []
    for today in [settings.SHUANGYONG_TODAY, SECOND_YEAR]:
        settings.SHUANGYONG_TODAY = today
        status, n = measure(client, url)
        assert status == 200
        counts.append(n)
    expected = COUNTS.get(role, COUNTS["office"])["reports:summary"]
    assert counts == [expected, expected]
    assert len(client.get(url).context["year_labels"]) == 2


# Its three requests: the POST that runs the job (the summary and the sheets), the job's page
# and the download.
WORKBOOK_QUERIES = 36


def test_the_summary_workbook_takes_as_many_queries_in_its_second_year_as_in_its_first(
    grow_county, client, office, settings
):
    grow_county(2)
    client.force_login(office)
    counts = []
    for today in [settings.SHUANGYONG_TODAY, SECOND_YEAR]:
        settings.SHUANGYONG_TODAY = today
        with CaptureQueriesContext(connection) as queries:
            response = export(client, reverse("reports:summary_workbook"))
            assert response.status_code == 200
            b"".join(response.streaming_content)
        counts.append(len(queries))
    assert counts == [WORKBOOK_QUERIES, WORKBOOK_QUERIES]
