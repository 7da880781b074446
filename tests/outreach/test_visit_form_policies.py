"""Topic 4 of a household visit asks about the county's policies: each is named once, with its
two answers (carried out, not carried out) beside it."""

import re

import pytest
from django.urls import reverse

from outreach.models import Policy, Visit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan")]


def test_each_policy_is_named_once_on_the_visit_form(client_for, clerk_a, household):
    policies = list(Policy.objects.filter(county=household.township.area).offered())
    assert len(policies) == 10
    page = client_for(clerk_a).get(reverse("outreach:visit_household", args=[household.pk]))
    html = page.content.decode()
    for policy in policies:
        assert html.count(f">{policy.name}<") == 1, policy.name
        assert html.count(f'name="policies_done" value="{policy.pk}"') == 1
        assert html.count(f'name="policies_missing" value="{policy.pk}"') == 1
    assert len(re.findall(r'data-testid="policy-name"', html)) == len(policies)


def test_the_answers_beside_each_policy_are_recorded_and_shown_again_on_an_error(
    client_for, clerk_a, household
):
    first, second = Policy.objects.filter(county=household.township.area).offered()[:2]
    client = client_for(clerk_a)
    url = reverse("outreach:visit_household", args=[household.pk])
    refused = client.post(
        url,
        {
            "visited_on": "2015-04-02",
            "visitors": "甲",
            "policies_done": [first.pk, second.pk],
            "policies_missing": [second.pk],
        },
    )
    assert Visit.objects.count() == 0
    html = refused.content.decode()
    assert f"同一项政策不能既已落实又未落实：{second.name}。" in html
    row = re.search(rf'data-policy="{first.pk}".*?</div>\s*</div>', html, re.S).group(0)
    assert re.search(rf'name="policies_done" value="{first.pk}"[^>]*checked', row)
    client.post(
        url,
        {
            "visited_on": "2015-04-02",
            "visitors": "甲",
            "policies_done": [first.pk],
            "policies_missing": [second.pk],
        },
    )
    finding = Visit.objects.get().findings.get()
    assert list(finding.policies_done.all()) == [first]
    assert list(finding.policies_missing.all()) == [second]
