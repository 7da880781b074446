from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from outreach.models import BeneficiaryCategory, HonourPlaque, Household, PlaqueEvent
from outreach.plaques import plaque_record, qualifying_without_plaque
from tests.factories import HonourPlaqueFactory, HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def martyr_family(township_a):
    household = HouseholdFactory(township=township_a, head_name="烈属甲")
    person = PersonFactory(household=household, relation="parent")
    person.categories.add(BeneficiaryCategory.objects.get(name="烈士遗属"))
    return household


def test_a_qualifying_household_without_a_plaque_is_listed_until_one_is_issued(
    client_for, clerk_a, martyr_family, township_a
):
    HouseholdFactory(township=township_a, head_name="普通户")  # no category: does not qualify
    client = client_for(clerk_a)
    listed = [h.head_name for h in client.get(reverse("outreach:plaques")).context["object_list"]]
    assert listed == ["烈属甲"]
    client.post(
        reverse("outreach:plaque_event", args=[martyr_family.pk]),
        {
            "kind": "issued",
            "on": "2015-06-01",
            "type": "martyr_family",
            "basis": "烈士李某之父",
            "placement": "door",
        },
    )
    assert list(qualifying_without_plaque(Household.objects.all())) == []
    assert HonourPlaque.objects.get().status == "hung"


def test_a_plaque_is_followed_from_issue_to_withdrawal_to_restoration(clerk_a, martyr_family):
    plaque_record(
        user=clerk_a,
        household=martyr_family,
        kind="issued",
        on=date(2015, 3, 1),
        type="martyr_family",
        basis="烈士李某之父",
        placement="door",
    )
    plaque_record(
        user=clerk_a,
        household=martyr_family,
        kind="withdrawn",
        on=date(2015, 4, 1),
        reason="房屋拆迁",
    )
    assert HonourPlaque.objects.get().status == "withdrawn"
    plaque_record(
        user=clerk_a,
        household=martyr_family,
        kind="restored",
        on=date(2015, 6, 1),
        reason="新居落成",
    )
    plaque = HonourPlaque.objects.get()
    assert plaque.status == "hung"
    assert list(plaque.events.values_list("kind", "reason")) == [
        ("issued", ""),
        ("withdrawn", "房屋拆迁"),
        ("restored", "新居落成"),
    ]


def test_an_event_that_cannot_follow_is_refused(clerk_a, martyr_family):
    with pytest.raises(ValidationError) as raised:
        plaque_record(
            user=clerk_a, household=martyr_family, kind="restored", on=date(2015, 3, 1), reason="x"
        )
    assert "不能在光荣牌当前状态（尚无光荣牌）下进行" in raised.value.messages[0]
    plaque_record(
        user=clerk_a,
        household=martyr_family,
        kind="issued",
        on=date(2015, 3, 1),
        type="martyr_family",
        basis="烈士李某之父",
        placement="door",
    )
    with pytest.raises(ValidationError):
        plaque_record(
            user=clerk_a,
            household=martyr_family,
            kind="issued",
            on=date(2015, 3, 2),
            type="martyr_family",
            basis="x",
            placement="door",
        )
    with pytest.raises(ValidationError):  # a withdrawal needs a reason
        plaque_record(user=clerk_a, household=martyr_family, kind="withdrawn", on=date(2015, 4, 1))
    with pytest.raises(ValidationError):  # not before the last event
        plaque_record(
            user=clerk_a, household=martyr_family, kind="withdrawn", on=date(2015, 2, 1), reason="x"
        )
    assert PlaqueEvent.objects.count() == 1


def test_another_township_cannot_touch_the_plaque(client_for, clerk_b, leader, martyr_family):
    with pytest.raises(PermissionDenied):
        plaque_record(
            user=clerk_b,
            household=martyr_family,
            kind="issued",
            on=date(2015, 3, 1),
            type="martyr_family",
            basis="x",
            placement="door",
        )
    assert (
        client_for(clerk_b)
        .get(reverse("outreach:plaque_event", args=[martyr_family.pk]))
        .status_code
        == 404
    )
    assert (
        client_for(leader)
        .get(reverse("outreach:plaque_event", args=[martyr_family.pk]))
        .status_code
        == 403
    )
    assert HonourPlaque.objects.count() == 0


def veteran_family(township):
    household = HouseholdFactory(township=township)
    person = PersonFactory(household=household)
    person.categories.add(BeneficiaryCategory.objects.get(name="退役士兵"))
    return household


def test_the_list_of_households_awaiting_a_plaque_shows_each(
    client_for, office, township_a, township_b
):
    waiting = [veteran_family(township) for township in (township_a, township_b)]
    page = client_for(office).get(reverse("outreach:plaques")).content.decode()
    for household in waiting:
        assert f'data-household="{household.pk}"' in page and household.head_name in page


# The template asks each household for its plaque (templates/outreach/plaque_list.html), so
# the list selects it with the household: once it did not, and cost a query per row.
@pytest.mark.parametrize("rows", [1, 3])
def test_the_list_of_households_awaiting_a_plaque_keeps_its_query_count(
    rows, client_for, office, township_a, township_b, django_assert_num_queries
):
    for township in (township_a, township_b):
        for _ in range(rows):
            veteran_family(township)
    client = client_for(office)
    with django_assert_num_queries(5):
        client.get(reverse("outreach:plaques"))


@pytest.mark.parametrize("rows", [1, 3])
def test_the_list_of_hung_plaques_keeps_its_query_count(
    rows, client_for, office, township_a, township_b, django_assert_num_queries
):
    plaques = [
        HonourPlaqueFactory(household=HouseholdFactory(township=township))
        for township in (township_a, township_b)
        for _ in range(rows)
    ]
    client = client_for(office)
    with django_assert_num_queries(5):
        response = client.get(reverse("outreach:plaques"), {"status": "hung"})
    page = response.content.decode()
    for plaque in plaques:
        assert f'data-household="{plaque.household.pk}"' in page
        assert plaque.household.head_name in page
    assert page.count("退役军人家庭") == 2 * rows
