"""Every signed-in user changes its own password, from the bar at the top of every page."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "Dongfeng#2016-gate"


@pytest.mark.parametrize("role", ["office", "leader", "clerk_a", "member", "liaison", "city"])
def test_every_user_changes_its_own_password(role, request, client, plan):
    user = request.getfixturevalue(role)
    client.force_login(user)
    home = client.get(reverse("home")).content.decode()
    assert reverse("password_change") in home and "修改密码" in home
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    # Still signed in after the change.
    assert client.get(reverse("home")).status_code == 200


def test_a_wrong_old_password_or_a_weak_new_one_is_refused(client, clerk_a):
    client.force_login(clerk_a)
    for data in (
        {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
        {"old_password": PASSWORD, "new_password1": "123456", "new_password2": "123456"},
    ):
        response = client.post(reverse("password_change"), data)
        assert response.status_code == 200 and response.context["form"].errors
    clerk_a.refresh_from_db()
    assert clerk_a.check_password(PASSWORD)
