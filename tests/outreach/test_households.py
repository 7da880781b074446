from datetime import date

import pytest
from django.urls import reverse

from outreach.models import Household, IdNumberView
from tests.factories import HouseholdFactory, PersonFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def homes(township_a, township_b, clerk_a):
    """A household in each township, each with a person whose numbers could leak."""
    a = HouseholdFactory(township=township_a, head_name="张甲", village="东村")
    b = HouseholdFactory(township=township_b, head_name="李乙", village="西村", phone="13900001111")
    pa = PersonFactory(household=a, name="张甲")
    pb = PersonFactory(household=b, name="李乙")
    return {"a": a, "b": b, "pa": pa, "pb": pb}


def listed(response):
    return sorted(h.head_name for h in response.context["object_list"])


def test_a_clerk_lists_only_its_own_township(client_for, clerk_a, homes):
    response = client_for(clerk_a).get(reverse("outreach:households"))
    assert listed(response) == ["张甲"]
    assert "李乙" not in response.content.decode()


def test_office_and_leader_list_every_township(client_for, office, leader, homes):
    assert listed(client_for(office).get(reverse("outreach:households"))) == ["张甲", "李乙"]
    assert listed(client_for(leader).get(reverse("outreach:households"))) == ["张甲", "李乙"]


def test_a_member_unit_sees_no_household_without_a_case(client_for, member, homes):
    assert listed(client_for(member).get(reverse("outreach:households"))) == []


def test_the_list_shows_masked_numbers_only(client_for, office, homes):
    page = client_for(office).get(reverse("outreach:households")).content.decode()
    assert "139****1111" in page
    assert "13900001111" not in page


def test_search_by_a_full_id_number_is_exact(client_for, office, homes):
    client = client_for(office)
    found = client.get(reverse("outreach:households"), {"q": homes["pb"].id_number})
    assert listed(found) == ["李乙"]
    partial = client.get(reverse("outreach:households"), {"q": homes["pb"].id_number[:10]})
    assert listed(partial) == []


def test_search_by_a_persons_name(client_for, office, homes):
    PersonFactory(household=homes["a"], name="王配偶")
    assert listed(client_for(office).get(reverse("outreach:households"), {"q": "王配"})) == ["张甲"]


def test_not_visited_filter_and_coverage_count(client_for, clerk_a, township_a, homes):
    second = HouseholdFactory(township=township_a, head_name="赵丙")
    VisitFactory(household=second, visited_on=date(2015, 3, 10), created_by=clerk_a)
    client = client_for(clerk_a)
    response = client.get(reverse("outreach:households"), {"visited": "no"})
    assert listed(response) == ["张甲"]
    assert response.context["coverage"] == {"total": 2, "visited": 1}


def test_archived_households_are_hidden_unless_asked_for(client_for, clerk_a, homes):
    Household.objects.filter(pk=homes["a"].pk).update(archived=True)
    client = client_for(clerk_a)
    assert listed(client.get(reverse("outreach:households"))) == []
    assert listed(client.get(reverse("outreach:households"), {"archived": "yes"})) == ["张甲"]


@pytest.mark.parametrize("rows", [1, 3])
def test_the_list_keeps_its_query_count(
    client_for, office, township_a, township_b, rows, django_assert_num_queries
):
    households = []
    for township in (township_a, township_b):
        for _ in range(rows):
            household = HouseholdFactory(township=township)
            PersonFactory.create_batch(2, household=household)
            VisitFactory(household=household, created_by=office)
            households.append(household)
    client = client_for(office)
    with django_assert_num_queries(8):
        response = client.get(reverse("outreach:households"))
    page = response.content.decode()
    for household in households:
        assert f'data-household="{household.pk}"' in page and household.head_name in page
    assert page.count("· 2人 ·") == 2 * rows  # each row counts its two persons


def test_another_townships_household_answers_404(client_for, clerk_b, homes):
    client = client_for(clerk_b)
    pk = homes["a"].pk
    for name in ["household", "household_edit", "person_add", "visit_household"]:
        kwargs = {"household_pk": pk} if name in ("person_add", "visit_household") else {"pk": pk}
        assert client.get(reverse(f"outreach:{name}", kwargs=kwargs)).status_code == 404
    assert client.post(reverse("outreach:household_archive", args=[pk])).status_code == 404
    assert client.get(reverse("outreach:person_edit", args=[homes["pa"].pk])).status_code == 404
    assert Household.objects.get(pk=pk).archived is False


def test_the_clerk_sees_full_numbers_and_each_view_is_logged(client_for, clerk_a, homes):
    page = client_for(clerk_a).get(reverse("outreach:household", args=[homes["a"].pk]))
    assert homes["pa"].id_number in page.content.decode()
    assert list(IdNumberView.objects.values_list("user", "person")) == [
        (clerk_a.pk, homes["pa"].pk)
    ]


def test_a_leader_reads_the_detail_masked_and_nothing_is_logged(client_for, leader, homes):
    page = client_for(leader).get(reverse("outreach:household", args=[homes["a"].pk]))
    text = page.content.decode()
    assert homes["pa"].masked_id_number in text
    assert homes["pa"].id_number not in text
    assert IdNumberView.objects.count() == 0


def test_a_leader_may_not_change_a_household(client_for, leader, homes):
    client = client_for(leader)
    assert client.get(reverse("outreach:household_edit", args=[homes["a"].pk])).status_code == 403
    assert client.get(reverse("outreach:household_add")).status_code == 403


def test_a_clerk_registers_a_household_in_its_own_township(
    client_for, clerk_a, township_a, township_b
):
    response = client_for(clerk_a).post(
        reverse("outreach:household_add"),
        {"township": township_b.pk, "head_name": "新户", "village": "南村", "phone": "13812341234"},
    )
    household = Household.objects.get(head_name="新户")
    assert household.township == township_a
    assert household.number == "0001"
    assert response["Location"] == reverse("outreach:person_add", args=[household.pk])


def test_a_bad_phone_gets_a_clear_error_and_nothing_is_saved(client_for, clerk_a):
    response = client_for(clerk_a).post(
        reverse("outreach:household_add"), {"head_name": "新户", "village": "南村", "phone": "abc"}
    )
    assert "电话号码只能包含数字和短横线" in response.content.decode()
    assert Household.objects.count() == 0


def test_the_detail_shows_its_change_history(client_for, clerk_a, township_a):
    client = client_for(clerk_a)
    client.post(reverse("outreach:household_add"), {"head_name": "新户", "village": "南村"})
    household = Household.objects.get()
    client.post(
        reverse("outreach:household_edit", args=[household.pk]),
        {"number": household.number, "head_name": "新户", "village": "北村"},
    )
    history = client.get(household.get_absolute_url()).context["history"]
    assert [entry.history_type for entry in history] == ["~", "+"]
    assert history[0].village == "北村" and history[0].history_user == clerk_a


def test_archiving_keeps_the_household_and_frees_its_id_numbers(client_for, clerk_a, homes):
    client_for(clerk_a).post(reverse("outreach:household_archive", args=[homes["a"].pk]))
    homes["a"].refresh_from_db()
    homes["pa"].refresh_from_db()
    assert homes["a"].archived and homes["pa"].archived
