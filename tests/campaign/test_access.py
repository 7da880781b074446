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
    }


def test_a_leader_sees_everything_and_writes_nothing(leader):
    assert access.reads_whole_county(leader)
    assert not leader.may_write


def test_users_see_only_their_own_units_people(cast):
    clerk_a = cast["clerk_a"]
    assert list(User.objects.visible_to(clerk_a)) == [clerk_a]
    assert set(User.objects.visible_to(cast["office"])) == set(cast.values())
    assert set(User.objects.visible_to(cast["leader"])) == set(cast.values())


def test_units_are_a_directory_for_signed_in_users_only(cast):
    from django.contrib.auth.models import AnonymousUser

    assert Unit.objects.visible_to(AnonymousUser()).count() == 0
    assert Unit.objects.visible_to(cast["clerk_b"]).count() == Unit.objects.count()


def test_a_user_without_a_unit_belongs_to_no_county_and_sees_nothing(cast):
    lonely = User.objects.create_user("lonely", password="x-pass-123456")
    assert lonely.role == Role.NONE
    assert list(User.objects.visible_to(lonely)) == []
    assert list(Unit.objects.visible_to(lonely)) == []
    assert not lonely.may_write
