import pytest

from campaign import access
from campaign.models import Unit, User
from campaign.roles import Role

pytestmark = pytest.mark.django_db


def test_roles_follow_the_unit(cast):
    assert {name: user.role for name, user in cast.items()} == {
        "office": Role.OFFICE,
        "leader": Role.LEADER,
        "clerk_a": Role.TOWNSHIP,
        "clerk_b": Role.TOWNSHIP,
        "member": Role.MEMBER,
        "liaison": Role.GARRISON,
        "city": Role.HIGHER_OFFICE,
    }


def test_a_leader_sees_everything_and_writes_nothing(leader):
    assert access.reads_whole_county(leader)
    assert not leader.may_write


def test_users_see_only_their_own_units_people(cast):
    clerk_a = cast["clerk_a"]
    assert list(User.objects.visible_to(clerk_a)) == [clerk_a]
    county = {name: user for name, user in cast.items() if name != "city"}
    assert set(User.objects.visible_to(cast["office"])) == set(county.values())
    assert set(User.objects.visible_to(cast["leader"])) == set(county.values())
    assert set(User.objects.visible_to(cast["city"])) == set(county.values())


def test_units_are_a_directory_for_signed_in_users_only(cast):
    from django.contrib.auth.models import AnonymousUser

    assert Unit.objects.visible_to(AnonymousUser()).count() == 0
    county_units = Unit.objects.filter(area=cast["clerk_b"].unit.area)
    assert set(Unit.objects.visible_to(cast["clerk_b"])) == set(county_units)


def test_a_user_without_a_unit_belongs_to_no_county_and_sees_nothing(cast):
    lonely = User.objects.create_user("lonely", password="x-pass-123456")
    assert lonely.role == Role.NONE
    assert list(User.objects.visible_to(lonely)) == []
    assert list(Unit.objects.visible_to(lonely)) == []
    assert not lonely.may_write


def test_the_city_reads_its_counties_one_at_a_time_and_writes_nothing(cast):
    from tests.factories import UnitFactory, county_for_tests

    city = cast["city"]
    other = county_for_tests("乙县")
    UnitFactory(area=other, code="office", name="乙县双拥办", kind=Unit.Kind.OFFICE)
    assert set(access.counties_read(city)) == {cast["office"].unit.area, other}
    assert access.reads_whole_county(city) and not access.writes(city)
    assert not access.reads_personal_data(city)
    first = access.county_in_view_id(city)
    assert set(Unit.objects.visible_to(city)) == set(Unit.objects.filter(area=first))
    assert access.look_at_county(city, other.pk)
    assert set(Unit.objects.visible_to(city)).pop().area == other


def test_a_county_office_cannot_look_at_another_county(cast):
    from tests.factories import county_for_tests

    other = county_for_tests("乙县")
    assert not access.look_at_county(cast["office"], other.pk)
    assert access.county_in_view_id(cast["office"]) == cast["office"].unit.area_id
