"""Editing an account, moving it to another unit, deactivating and reactivating it, unlocking
it: each kept in its history with who and when, refused with a clear message when stale, and
another county's account is not there (404)."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from audit.trail import trail
from campaign.models import User
from tests.administration.accounts import form_for
from tests.other_county import build_other_county

pytestmark = pytest.mark.django_db


def url(name, account):
    return reverse(f"administration:accounts_{name}", args=[account.pk])


def test_it_moves_a_clerk_to_another_township_and_keeps_the_move_in_its_history(
    client_for, office, clerk_a, township_b
):
    client = client_for(office)
    response = client.post(url("edit", clerk_a), form_for(clerk_a, unit=township_b.pk))
    assert response.status_code == 302
    clerk_a.refresh_from_db()
    assert clerk_a.unit == township_b
    page = client.get(url("detail", clerk_a)).content.decode()
    history = page[page.index('data-testid="history"') :]
    assert "由甲镇调至乙乡" in history and "周" in history
    latest = clerk_a.history.first()
    assert (latest.history_user, latest.unit_id) == (office, township_b.pk)


def test_a_stale_form_is_refused(client_for, office, clerk_a, township_b):
    opened = form_for(clerk_a, unit=township_b.pk)
    clerk_a.phone = "13900000000"
    clerk_a.save()
    response = client_for(office).post(url("edit", clerk_a), opened)
    assert response.status_code == 200
    assert "有人修改了该账号" in response.content.decode()
    clerk_a.refresh_from_db()
    assert clerk_a.unit.name == "甲镇"


def test_another_countys_account_is_not_there(client_for, office, plan, cast):
    other = build_other_county()
    client = client_for(office)
    before = list(User.objects.values_list("pk", "unit_id", "is_active", "password"))
    for name in ("detail", "edit", "deactivate", "reactivate", "unlock", "reset"):
        assert client.get(url(name, other.clerk)).status_code == 404, name
        response = client.post(url(name, other.clerk), form_for(other.clerk))
        assert response.status_code == 404, name
    assert list(User.objects.values_list("pk", "unit_id", "is_active", "password")) == before


def test_a_deactivated_account_cannot_log_in_and_keeps_its_records(
    client, client_for, office, clerk_a
):
    from tests.conftest import PASSWORD

    response = client_for(office).post(url("deactivate", clerk_a))
    assert response.status_code == 302
    clerk_a.refresh_from_db()
    assert not clerk_a.is_active and User.objects.filter(pk=clerk_a.pk).exists()
    client.logout()
    login = client.post(reverse("login"), {"username": "clerk-a", "password": PASSWORD})
    assert login.status_code == 200 and "_auth_user_id" not in client.session
    client_for(office).post(url("reactivate", clerk_a))
    client.logout()
    login = client.post(reverse("login"), {"username": "clerk-a", "password": PASSWORD})
    assert login.status_code == 302
    reasons = list(clerk_a.history.values_list("history_change_reason", flat=True))
    assert reasons[:2] == ["重新启用", "已停用"]


def test_a_deactivated_user_is_signed_out_of_its_open_session(client, client_for, office, clerk_a):
    from django.test import Client

    clerk = Client()
    clerk.force_login(clerk_a)
    assert clerk.get(reverse("home")).status_code == 200
    client_for(office).post(url("deactivate", clerk_a))
    assert clerk.get(reverse("home")).status_code == 302


def test_it_unlocks_a_locked_out_account(client_for, office, clerk_a, settings):
    AccessAttempt.objects.create(
        username="clerk-a",
        ip_address="10.0.0.1",
        user_agent="x",
        failures_since_start=settings.LOGIN_FAILURE_LIMIT,
    )
    client = client_for(office)
    assert "解除锁定" in client.get(url("detail", clerk_a)).content.decode()
    response = client.post(url("unlock", clerk_a), follow=True)
    assert "已解除甲的锁定" in response.content.decode()
    assert not AccessAttempt.objects.filter(username="clerk-a").exists()
    assert clerk_a.history.first().history_change_reason == "解除登录失败锁定"


def test_account_changes_are_in_the_operation_log(client_for, office, clerk_a, township_b):
    client_for(office).post(url("edit", clerk_a), form_for(clerk_a, unit=township_b.pk))
    rows = list(trail(county=township_b.area_id, record_type="account"))
    assert [(row["audit_user"], row["audit_record"]) for row in rows][:1] == [
        (office.pk, clerk_a.pk)
    ]
    page = client_for(office).get(reverse("audit:trail"), {"record_type": "account"})
    assert "账号" in page.content.decode()


def test_a_login_stamps_no_history(client, clerk_a):
    from tests.conftest import PASSWORD

    before = clerk_a.history.count()
    client.post(reverse("login"), {"username": "clerk-a", "password": PASSWORD})
    assert "_auth_user_id" in client.session
    assert clerk_a.history.count() == before
