import pytest
from django.urls import reverse

from campaign.models import Unit
from tests.factories import UnitFactory
from tests.markup import unlabelled

pytestmark = pytest.mark.django_db


def test_it_lists_units_for_a_signed_in_user(client_for, clerk_a, member_unit):
    response = client_for(clerk_a).get(reverse("campaign:units"))
    assert member_unit in response.context["object_list"]
    assert "县民政局" in response.content.decode()


def test_it_filters_by_kind(client_for, clerk_a, member_unit, township_b):
    response = client_for(clerk_a).get(reverse("campaign:units"), {"kind": "township"})
    assert set(response.context["object_list"]) == {clerk_a.unit, township_b}


def test_anonymous_is_sent_to_login(client, member_unit):
    response = client.get(reverse("campaign:units"))
    assert response.status_code == 302


@pytest.mark.parametrize("rows", [1, 3])
def test_it_keeps_its_query_count(client_for, office, rows, django_assert_num_queries):
    units = [
        UnitFactory(
            code=f"extra-{n}", name=f"额外单位{n}", kind=Unit.Kind.MEMBER, contact=f"联系人{n}"
        )
        for n in range(rows)
    ]
    client = client_for(office)
    with django_assert_num_queries(5):
        response = client.get(reverse("campaign:units"))
    page = response.content.decode()
    for unit in [office.unit, *units]:
        assert f"<td>{unit.name}</td>" in unlabelled(page)
    assert all(f"<td>{unit.contact}</td>" in unlabelled(page) for unit in units)
