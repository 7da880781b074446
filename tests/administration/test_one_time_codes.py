"""Logging in with a one-time code: the user must set its own password before anything else;
the code works once, expires, is voided by a new one, and wrong codes count toward the lockout
like wrong passwords."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from administration.accounts import services
from administration.models import OneTimeCode
from tests.administration.accounts import new_account
from tests.factories import HouseholdFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
GOOD_PASSWORD = "Dongfeng#2016-gate"


def log_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_a_new_clerk_logs_in_with_its_code_and_must_set_a_password_first(
    client, office, township_a, plan
):
    account, code = new_account(office, township_a)
    response = log_in(client, "new-clerk", code.lower()[:4] + " " + code[4:])
    assert response.status_code == 302
    for page in (reverse("home"), reverse("outreach:households"), reverse("password_change")):
        response = client.get(page)
        assert response.status_code == 302 and response["Location"] == reverse("password_set")
    page = client.get(reverse("password_set")).content.decode()
    assert "一次性登录码" in page
    weak = client.post(
        reverse("password_set"), {"new_password1": "12345678", "new_password2": "12345678"}
    )
    assert weak.status_code == 200 and weak.context["form"].errors
    done = client.post(
        reverse("password_set"),
        {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD},
    )
    assert done.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    account.refresh_from_db()
    assert account.check_password(GOOD_PASSWORD)
    assert account.history.first().history_change_reason == "设置本人密码"


def test_the_clerk_then_sees_only_its_township(client, office, township_a, township_b, plan):
    HouseholdFactory(township=township_a, head_name="甲户主")
    HouseholdFactory(township=township_b, head_name="乙户主")
    _account, code = new_account(office, township_a)
    log_in(client, "new-clerk", code)
    client.post(
        reverse("password_set"), {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD}
    )
    page = client.get(reverse("outreach:households")).content.decode()
    assert "甲户主" in page and "乙户主" not in page


def test_a_code_works_once(client, office, township_a):
    _account, code = new_account(office, township_a)
    log_in(client, "new-clerk", code)
    client.post(reverse("logout"))
    assert log_in(client, "new-clerk", code).status_code == 200
    assert "_auth_user_id" not in client.session


def test_an_expired_code_does_not_open_the_account(client, office, township_a):
    _account, code = new_account(office, township_a)
    OneTimeCode.objects.update(valid_until=timezone.now() - timedelta(minutes=1))
    assert log_in(client, "new-clerk", code).status_code == 200


def test_a_new_code_voids_the_previous_one(client, office, township_a):
    account, first = new_account(office, township_a)
    second = services.account_reset(user=office, account=account).code
    assert log_in(client, "new-clerk", first).status_code == 200
    assert log_in(client, "new-clerk", second).status_code == 302
    assert OneTimeCode.objects.filter(user=account, voided_at__isnull=False).count() == 1


def test_a_reset_stops_the_old_password_and_issues_a_code(client, client_for, office, clerk_a):
    from tests.conftest import PASSWORD

    response = client_for(office).post(reverse("administration:accounts_reset", args=[clerk_a.pk]))
    code = response.context["issued"][0].code
    assert 'data-testid="code"' in response.content.decode()
    client.logout()
    assert log_in(client, "clerk-a", PASSWORD).status_code == 200
    assert log_in(client, "clerk-a", code).status_code == 302
    assert client.get(reverse("home"))["Location"] == reverse("password_set")
    clerk_a.refresh_from_db()
    assert clerk_a.history.first().history_change_reason == "重置密码，发放一次性登录码"


def test_wrong_codes_count_toward_the_lockout_and_leave_no_code_behind(
    client, office, township_a, settings
):
    _account, code = new_account(office, township_a)
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(client, "new-clerk", f"WRONG{n:03d}")
    locked = log_in(client, "new-clerk", code)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    stored = repr(list(AccessAttempt.objects.values()))
    assert "WRONG000" not in stored and code not in stored
    assert OneTimeCode.objects.live().exists()  # the lockout did not spend it


def test_a_deactivated_account_cannot_use_its_code(client, office, township_a):
    account, code = new_account(office, township_a)
    services.account_deactivate(user=office, account=account)
    assert log_in(client, "new-clerk", code).status_code == 200
    assert not OneTimeCode.objects.live().exists()


def test_the_login_page_says_how_to_use_a_code(client):
    page = client.get(LOGIN).content.decode()
    assert "一次性登录码" in page and 'data-testid="code-hint"' in page
