"""A household's or an activity's change history longer than a page: the page says the true
total and reaches every row, and the office is led to the operation log filtered to the
record, whose total is the same."""

import pytest
from django.urls import reverse

from outreach.models import Activity, Household
from tests.outreach.test_activities import post_activity

pytestmark = pytest.mark.django_db

CHANGES = 24  # and the creation: 25 rows, more than the 20 a page shows


def changed_often(record, user):
    for n in range(CHANGES):
        record.notes = f"第{n}次修改"
        record._history_user = user
        record.save()
    return record


@pytest.fixture
def household(client_for, clerk_a, township_a):
    client_for(clerk_a).post(
        reverse("outreach:household_add"), {"head_name": "改户", "village": "东村"}
    )
    return changed_often(Household.objects.get(head_name="改户"), clerk_a)


@pytest.fixture
def activity(client_for, clerk_a, plan):
    post_activity(client_for(clerk_a))
    return changed_often(Activity.objects.get(), clerk_a)


@pytest.mark.parametrize(
    ("fixture", "record_type"), [("household", "household"), ("activity", "activity")]
)
def test_a_long_history_is_not_cut_off(fixture, record_type, request, client_for, clerk_a, office):
    record = request.getfixturevalue(fixture)
    client = client_for(clerk_a)
    first = client.get(record.get_absolute_url())
    page = first.content.decode()
    assert 'data-total="25"' in page
    assert len(first.context["history"].object_list) == 20
    assert 'data-testid="history-trail"' not in page  # a clerk does not read the log
    second = client.get(record.get_absolute_url(), {"history_page": 2})
    rows = list(second.context["history"].object_list)
    assert [row.history_type for row in rows] == ["~"] * 4 + ["+"]

    office_page = client_for(office).get(record.get_absolute_url())
    trail_url = office_page.context["history"].trail_url
    assert trail_url == f"{reverse('audit:trail')}?record_type={record_type}&record_id={record.pk}"
    assert trail_url.replace("&", "&amp;") in office_page.content.decode()
    trail = client_for(office).get(trail_url)
    assert trail.context["page_obj"].paginator.count == 25
