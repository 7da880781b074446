"""下一户: after a visit the clerk goes on to the next household of the list of households not
yet visited, in the list's order and within the clerk's own township."""

from datetime import date

import pytest
from django.urls import reverse

from campaign.models import Unit
from outreach.models import Household
from outreach.selectors import next_household_to_visit
from tests.factories import HouseholdFactory, UnitFactory, VisitFactory, county_for_tests

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan")]


def _visit(household, user):
    return VisitFactory(household=household, created_by=user, visited_on=date(2015, 4, 1))


@pytest.fixture
def round_a(township_a, township_b):
    """Township A's households in the list's order (village before number), with households
    of township B and of another county that sort between them and could leak."""
    made = {
        "east-1": HouseholdFactory(township=township_a, village="东村", number="003"),
        "east-2": HouseholdFactory(township=township_a, village="东村", number="004"),
        "west-1": HouseholdFactory(township=township_a, village="西村", number="001"),
        "west-2": HouseholdFactory(township=township_a, village="西村", number="002"),
    }
    made["other-township"] = HouseholdFactory(township=township_b, village="东村", number="0015")
    made["other-county"] = HouseholdFactory(
        township=UnitFactory(area=county_for_tests("乙县"), kind=Unit.Kind.TOWNSHIP),
        village="东村",
        number="0015",
    )
    made["archived"] = HouseholdFactory(
        township=township_a, village="东村", number="0035", archived=True
    )
    return made


def test_it_follows_the_lists_order(round_a, clerk_a):
    assert next_household_to_visit(clerk_a, after=round_a["east-1"]) == round_a["east-2"]
    assert next_household_to_visit(clerk_a, after=round_a["east-2"]) == round_a["west-1"]


def test_it_skips_households_already_visited(round_a, clerk_a):
    _visit(round_a["east-2"], clerk_a)
    assert next_household_to_visit(clerk_a, after=round_a["east-1"]) == round_a["west-1"]


def test_it_matches_the_household_lists_not_visited_filter(round_a, clerk_a, client_for):
    _visit(round_a["east-1"], clerk_a)
    listed = client_for(clerk_a).get(reverse("outreach:households"), {"visited": "no"})
    order = [h.pk for h in listed.context["object_list"]]
    assert order == [round_a[k].pk for k in ("east-2", "west-1", "west-2")]
    assert next_household_to_visit(clerk_a, after=round_a["east-1"]).pk == order[0]
    for here, there in zip(order, order[1:], strict=False):
        household = Household.objects.get(pk=here)
        assert next_household_to_visit(clerk_a, after=household).pk == there


def test_it_starts_again_from_the_top_past_the_end(round_a, clerk_a):
    assert next_household_to_visit(clerk_a, after=round_a["west-2"]) == round_a["east-1"]


def test_it_excludes_the_household_just_visited(round_a, clerk_a):
    for key in ("east-1", "east-2", "west-1"):
        _visit(round_a[key], clerk_a)
    # Only west-2 is left; after visiting it, nothing is, even by wrapping round.
    assert next_household_to_visit(clerk_a, after=round_a["west-1"]) == round_a["west-2"]
    _visit(round_a["west-2"], clerk_a)
    assert next_household_to_visit(clerk_a, after=round_a["west-2"]) is None


def test_it_stays_in_the_clerks_township(round_a, clerk_a, clerk_b):
    for key in ("east-1", "east-2", "west-1", "west-2"):
        found = next_household_to_visit(clerk_a, after=round_a[key])
        assert found.township == round_a[key].township
    # Township B's clerk, after its only household, has no other: never township A's.
    assert next_household_to_visit(clerk_b, after=round_a["other-township"]) is None


def test_the_office_goes_round_the_whole_county_and_no_other(round_a, office):
    seen = []
    here = round_a["east-1"]
    for _ in range(6):
        here = next_household_to_visit(office, after=here)
        seen.append(here)
    assert round_a["other-county"] not in seen and round_a["archived"] not in seen
    assert round_a["other-township"] in seen


def test_the_page_after_saving_a_visit_links_the_next_household(round_a, clerk_a, client_for):
    client = client_for(clerk_a)
    response = client.post(
        reverse("outreach:visit_household", args=[round_a["east-2"].pk]),
        {"visited_on": "2015-04-02", "visitors": "甲", "topic_5_text": "房屋漏雨"},
        follow=True,
    )
    page = response.content.decode()
    visit_next = reverse("outreach:visit_household", args=[round_a["west-1"].pk])
    assert 'data-testid="next-household"' in page
    assert f'href="{visit_next}"' in page
    assert round_a["other-township"].head_name not in page


def test_the_page_says_when_the_round_is_done(round_a, clerk_a, client_for):
    for key in ("east-1", "east-2", "west-1"):
        _visit(round_a[key], clerk_a)
    response = client_for(clerk_a).post(
        reverse("outreach:visit_household", args=[round_a["west-2"].pk]),
        {"visited_on": "2015-04-02", "visitors": "甲", "topic_5_text": "房屋漏雨"},
        follow=True,
    )
    page = response.content.decode()
    assert 'data-testid="round-done"' in page
    assert "名单上的户都已走访。" in page


def test_a_reader_who_does_not_visit_sees_no_next_household(round_a, clerk_a, leader, client_for):
    visit = _visit(round_a["east-1"], clerk_a)
    page = client_for(leader).get(visit.get_absolute_url()).content.decode()
    assert 'data-testid="next-household"' not in page
