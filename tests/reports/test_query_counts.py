"""The heavy report pages take the same number of queries at one and at three townships' worth of
data, as the county office and as the city above it (issue 20). tests/test_page_queries.py
holds every page to the budget on the sweeps' small data."""

import pytest
from django.urls import reverse

from tests.test_page_queries import measure

pytestmark = pytest.mark.django_db

# Exact, so that one more query per township shows at three townships. The city finds the
# county it looks at first (one more); the summary's count grows with the campaign's years,
# not with its records, and is not yet within the budget (see tests/test_page_queries.py).
COUNTS = {
    "office": {
        "reports:dashboard": 13,
        "reports:progress": 7,
        "reports:assessment": 10,
        "reports:special_actions": 7,
        "reports:summary": 34,
    },
    "city": {
        "reports:dashboard": 14,
        "reports:progress": 8,
        "reports:assessment": 11,
        "reports:special_actions": 8,
        "reports:summary": 35,
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
