"""Every page the URL sweeps know takes at most PAGE_BUDGET queries, as every role that reads it
(issue 20). tests/reports/test_query_counts.py holds the heavy report pages at two sizes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.roles import ROLES
from tests.test_url_sweep import EXPECTED, OBJECT_URLS

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 15


def measure(client, url):
    """(status, number of queries) of a GET, a download read to its end."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    return response.status_code, len(queries)


@pytest.fixture
def calendar_filled(plan):
    """The working-day calendar up to the fixtures' today, so no page's count depends on being
    the first to fill it."""
    from django.conf import settings

    from reports.workcal import ensure_calendar

    ensure_calendar(settings.SHUANGYONG_TODAY)


# Pages over the budget, with their count: each one is a known debt, named so that any other
# page going over fails, and so does one of these changing its count. None at present.
OVER_BUDGET: dict[str, dict[str, int]] = {}


@pytest.mark.parametrize("role", ROLES[1:])
def test_every_page_a_role_reads_takes_at_most_the_budget(role, request, client, calendar_filled):
    request.getfixturevalue("person")
    client.force_login(request.getfixturevalue(role))
    counts = {}
    # A record's pages are read as soon as its fixture is made, in the sweeps' order, since a
    # later record can change what a page answers (a request once answered is not offered for
    # answering again); the pages without arguments after, with every record there.
    for name, (fixture, kwarg, expected) in OBJECT_URLS.items():
        if expected.get(role) == 200:
            url = reverse(name, kwargs={kwarg: request.getfixturevalue(fixture).pk})
            status, counts[name] = measure(client, url)
            assert status == 200, url
    for name in sorted(EXPECTED):
        if EXPECTED[name].get(role) == 200:
            status, counts[name] = measure(client, reverse(name))
            assert status == 200, name
    assert len(counts) > 3
    over = {name: n for name, n in counts.items() if n > PAGE_BUDGET}
    assert over == OVER_BUDGET.get(role, {}), counts
