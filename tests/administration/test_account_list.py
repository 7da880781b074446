"""The county's accounts: each with its unit, kind, state; filtered and searched; another
county's accounts never listed."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories import UserFactory
from tests.other_county import build_other_county

pytestmark = pytest.mark.django_db

URL = reverse("administration:accounts")


def usernames(response):
    return [account.username for account in response.context["page_obj"].object_list]


def test_it_lists_the_countys_accounts_with_unit_kind_and_state(
    client_for, office, clerk_a, member, plan
):
    other = build_other_county()
    clerk_a.is_active = False
    clerk_a.save()
    response = client_for(office).get(URL)
    page = response.content.decode()
    assert set(usernames(response)) == {"office", "clerk-a", "member"}
    assert other.clerk.username not in page and "丙镇" not in page
    row = page[page.index('data-account="clerk-a"') :]
    row = row[: row.index("</tr>")]
    assert "甲镇" in row and "乡镇" in row and "已停用" in row


def test_it_filters_by_unit_kind_state_and_searches_name_or_username(
    client_for, office, clerk_a, clerk_b, member, township_a
):
    client = client_for(office)
    assert usernames(client.get(URL, {"unit": township_a.pk})) == ["clerk-a"]
    assert sorted(usernames(client.get(URL, {"kind": "township"}))) == ["clerk-a", "clerk-b"]
    assert usernames(client.get(URL, {"q": "乙"})) == ["clerk-b"]
    assert usernames(client.get(URL, {"q": "MEMB"})) == ["member"]
    clerk_b.is_active = False
    clerk_b.save()
    assert usernames(client.get(URL, {"state": "inactive"})) == ["clerk-b"]
    assert "clerk-b" not in usernames(client.get(URL, {"state": "active"}))


def test_it_shows_who_is_locked_out(client_for, office, clerk_a, clerk_b, settings):
    AccessAttempt.objects.create(
        username="clerk-a",
        ip_address="10.0.0.1",
        user_agent="x",
        failures_since_start=settings.LOGIN_FAILURE_LIMIT,
    )
    AccessAttempt.objects.create(
        username="clerk-b", ip_address="10.0.0.1", user_agent="y", failures_since_start=2
    )
    response = client_for(office).get(URL, {"state": "locked"})
    assert usernames(response) == ["clerk-a"]
    assert 'data-testid="locked"' in response.content.decode()


@pytest.mark.parametrize("rows", [1, 3])
def test_it_keeps_a_fixed_query_count(
    rows, client_for, office, township_a, django_assert_max_num_queries
):
    for n in range(rows):
        UserFactory(username=f"town-clerk-{n}", unit=township_a, last_name=f"文书{n}")
    client = client_for(office)
    # session, user, its unit, the count, the page of accounts, the unit filter's choices,
    # the county's campaigns for the switcher
    with django_assert_max_num_queries(7):
        response = client.get(URL, {"unit": township_a.pk})
    assert len(usernames(response)) == rows
    for n in range(rows):
        assert f"文书{n}" in response.content.decode()
