"""Holes found by probing the running app as each role: a form that names another township's
person, an edit form that shows full ID numbers to a unit that may not see them, full views
that were not logged, and an archived household that still took a new person."""

from datetime import date

import pytest
from django.urls import reverse

from outreach.activities import activity_save
from outreach.models import Activity, IdNumberView, Person
from outreach.services import household_archive
from tests.factories import HouseholdFactory, PersonFactory, kind_of, make_id_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(township_b):
    household = HouseholdFactory(
        township=township_b, number="0022", head_name="韦红英", village="西岭村"
    )
    return PersonFactory(household=household, name="韦红英")


@pytest.fixture
def home_a(township_a):
    return HouseholdFactory(township=township_a, head_name="甲户主")


def _leaks(page: str) -> list[str]:
    return [word for word in ("韦红英", "0022", "西岭村", "乙乡") if word in page]


def test_editing_a_person_does_not_name_another_townships_holder(
    client_for, clerk_a, home_a, holder
):
    mine = PersonFactory(household=home_a, name="甲成员")
    response = client_for(clerk_a).post(
        reverse("outreach:person_edit", args=[mine.pk]),
        {"name": "甲成员", "id_number": holder.id_number, "relation": "self"},
    )
    assert response.status_code == 200
    assert "该身份证号已在其他乡镇登记。" in response.content.decode()
    assert _leaks(response.content.decode()) == []
    mine.refresh_from_db()
    assert mine.id_number != holder.id_number


def test_restoring_a_household_does_not_name_another_townships_holder(
    client_for, clerk_a, home_a, holder, township_b
):
    mine = PersonFactory(household=home_a, name="甲成员")
    household_archive(user=clerk_a, household=home_a)
    # Meanwhile the number was registered again in another township.
    Person.objects.filter(pk=holder.pk).update(archived=True)
    PersonFactory(household=holder.household, name="韦红英", id_number=mine.id_number)
    client = client_for(clerk_a)
    response = client.post(
        reverse("outreach:household_archive", args=[home_a.pk]), {"restore": "1"}, follow=True
    )
    page = response.content.decode()
    assert "该身份证号已在其他乡镇登记。" in page
    assert _leaks(page) == []
    home_a.refresh_from_db()
    assert home_a.archived


def test_the_office_is_told_who_holds_the_number(client_for, office, home_a, holder):
    mine = PersonFactory(household=home_a, name="甲成员")
    response = client_for(office).post(
        reverse("outreach:person_edit", args=[mine.pk]),
        {"name": "甲成员", "id_number": holder.id_number, "relation": "self"},
    )
    assert "该身份证号已登记为“韦红英”，所在户：0022号（户主韦红英，西岭村，乙乡）。" in (
        response.content.decode()
    )


@pytest.fixture
def member_activity(plan, member, clerk_a, office, home_a, holder):
    """An activity of the member unit reaching a person of township A and one of township B,
    neither of which the member unit may see in full."""
    person_a = PersonFactory(household=home_a, name="甲成员")
    activity = activity_save(
        user=office,
        activity=Activity(
            kind=kind_of(member.unit, "condolence_visit"),
            organiser=member.unit,
            held_on=date(2015, 5, 1),
            title="退役军人慰问",
        ),
        persons=[person_a, holder],
        households={person_a.household, holder.household},
    )
    return activity, person_a


def test_a_member_unit_edits_its_activity_without_seeing_full_numbers(
    client_for, member, member_activity, holder
):
    activity, person_a = member_activity
    client = client_for(member)
    page = client.get(reverse("outreach:activity_edit", args=[activity.pk])).content.decode()
    for person in (person_a, holder):
        assert person.id_number not in page
        assert person.masked_id_number in page
    assert IdNumberView.objects.count() == 0
    # Saving keeps both persons linked although the unit cannot type their numbers.
    response = client.post(
        reverse("outreach:activity_edit", args=[activity.pk]),
        {
            "kind": "condolence_visit",
            "held_on": "2015-05-01",
            "title": "退役军人慰问（改）",
            "people_reached": 2,
            "amount": "0",
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "退役军人慰问（改）"
    assert set(activity.persons.all()) == {person_a, holder}


def test_the_office_sees_the_numbers_on_the_activity_form_and_the_look_is_logged(
    client_for, office, member_activity, holder
):
    activity, person_a = member_activity
    page = client_for(office).get(reverse("outreach:activity_edit", args=[activity.pk]))
    assert person_a.id_number in page.content.decode()
    assert set(IdNumberView.objects.values_list("person_id", "user_id")) == {
        (person_a.pk, office.pk),
        (holder.pk, office.pk),
    }


def test_a_clerk_sees_only_its_townships_numbers_on_an_activity_form(
    client_for, clerk_a, office, plan, home_a, holder
):
    person_a = PersonFactory(household=home_a, name="甲成员")
    activity = activity_save(
        user=office,
        activity=Activity(
            kind=kind_of(clerk_a.unit, "condolence_visit"),
            organiser=clerk_a.unit,
            held_on=date(2015, 5, 1),
            title="慰问",
        ),
        persons=[person_a, holder],
    )
    page = client_for(clerk_a).get(reverse("outreach:activity_edit", args=[activity.pk]))
    text = page.content.decode()
    assert person_a.id_number in text
    assert holder.id_number not in text and holder.masked_id_number in text
    assert list(IdNumberView.objects.values_list("person_id", "user_id")) == [
        (person_a.pk, clerk_a.pk)
    ]


def test_opening_a_persons_edit_form_is_logged(client_for, clerk_a, home_a):
    person = PersonFactory(household=home_a, name="甲成员")
    response = client_for(clerk_a).get(reverse("outreach:person_edit", args=[person.pk]))
    assert person.id_number in response.content.decode()
    assert list(IdNumberView.objects.values_list("person_id", "user_id")) == [
        (person.pk, clerk_a.pk)
    ]


def test_an_archived_household_takes_no_new_person(client_for, clerk_a, home_a):
    household_archive(user=clerk_a, household=home_a)
    response = client_for(clerk_a).post(
        reverse("outreach:person_add", args=[home_a.pk]),
        {"name": "新成员", "id_number": make_id_number(), "relation": "self"},
    )
    assert response.status_code == 200
    assert "该户已归档" in response.content.decode()
    assert not Person.objects.filter(household=home_a, archived=False).exists()
