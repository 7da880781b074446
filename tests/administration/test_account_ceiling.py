"""An administrator grants nothing it does not hold: developers' accounts (staff, superusers)
are out of its reach, the administrator flag goes to county office users only, it cannot
deactivate itself nor leave the county without an administrator. Each is tried with a POST."""

import pytest
from django.urls import reverse

from campaign.models import User
from tests.administration.accounts import form_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(name, account):
    return reverse(f"administration:accounts_{name}", args=[account.pk])


def snapshot():
    return list(
        User.objects.order_by("pk").values_list(
            "pk", "unit_id", "is_active", "is_administrator", "is_staff", "password"
        )
    )


@pytest.fixture
def plain_admin(office_unit):
    """An administrator who is neither staff nor superuser, as the demo's office login is."""
    return UserFactory(username="plain-admin", unit=office_unit, is_administrator=True)


@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_a_developers_account_is_out_of_reach(flag, client_for, plain_admin, township_a):
    developer = UserFactory(username="dev", unit=township_a, **{flag: True})
    client = client_for(plain_admin)
    before = snapshot()
    page = client.get(url("detail", developer)).content.decode()
    assert 'data-testid="account-actions"' not in page and "Django后台" in page
    assert client.get(url("edit", developer)).status_code == 403
    for name in ("edit", "deactivate", "reactivate", "unlock", "reset"):
        response = client.post(url(name, developer), form_for(developer, phone="13811112222"))
        assert response.status_code == 403, name
    assert snapshot() == before


def test_a_superuser_is_out_of_reach_even_of_a_staff_administrator(client_for, office, township_a):
    root = UserFactory(username="root", unit=township_a, is_superuser=True)
    before = snapshot()
    assert client_for(office).post(url("deactivate", root)).status_code == 403
    assert snapshot() == before


def test_the_administrator_flag_cannot_go_outside_the_county_office(
    client_for, plain_admin, clerk_a
):
    before = snapshot()
    response = client_for(plain_admin).post(
        url("edit", clerk_a), form_for(clerk_a, is_administrator="on")
    )
    assert "只有县双拥办的用户才能担任系统管理员" in response.content.decode()
    assert snapshot() == before


def test_moving_an_administrator_out_of_the_office_keeps_the_flag_refused(
    client_for, plain_admin, office_unit, township_a
):
    colleague = UserFactory(username="colleague", unit=office_unit, is_administrator=True)
    before = snapshot()
    response = client_for(plain_admin).post(
        url("edit", colleague), form_for(colleague, unit=township_a.pk)
    )
    assert response.status_code == 200 and snapshot() == before


def test_an_administrator_cannot_deactivate_itself(client_for, plain_admin, office_unit):
    UserFactory(username="other-admin", unit=office_unit, is_administrator=True)
    before = snapshot()
    response = client_for(plain_admin).post(url("deactivate", plain_admin), follow=True)
    assert "不能停用自己的账号" in response.content.decode()
    assert snapshot() == before


def test_the_last_administrator_cannot_drop_its_own_flag(client_for, plain_admin):
    client = client_for(plain_admin)
    before = snapshot()
    for changes in ({"is_administrator": None}, {"read_only": "on", "is_administrator": None}):
        response = client.post(url("edit", plain_admin), form_for(plain_admin, **changes))
        assert "最后一名系统管理员" in response.content.decode()
    assert snapshot() == before


def test_with_another_administrator_it_may_drop_its_own_flag(client_for, plain_admin, office_unit):
    UserFactory(username="other-admin", unit=office_unit, is_administrator=True)
    response = client_for(plain_admin).post(
        url("edit", plain_admin), form_for(plain_admin, is_administrator=None)
    )
    assert response.status_code == 302
    plain_admin.refresh_from_db()
    assert not plain_admin.is_administrator


def test_it_cannot_deactivate_the_countys_last_other_administrator_either(
    client_for, plain_admin, office_unit
):
    # Two administrators; one is made read-only by the other, who then is the last one.
    other = UserFactory(username="other-admin", unit=office_unit, is_administrator=True)
    client = client_for(plain_admin)
    client.post(url("deactivate", other))
    other.refresh_from_db()
    assert not other.is_active
    before = snapshot()
    response = client.post(url("edit", plain_admin), form_for(plain_admin, is_administrator=None))
    assert "最后一名系统管理员" in response.content.decode()
    assert snapshot() == before
