"""Logins, sessions, headers and error pages."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_repeated_failures_lock_the_account_with_a_chinese_message(clerk_a, settings):
    client = Client()
    wrong = {"username": clerk_a.username, "password": "wrong"}
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        response = client.post(reverse("login"), wrong)
        assert "请输入一个正确的用户名和密码" in response.content.decode()
    assert client.post(reverse("login"), wrong).status_code == 429
    locked = client.post(
        reverse("login"), {"username": clerk_a.username, "password": "secret-pass-123"}
    )
    assert locked.status_code == 429
    assert "登录失败次数过多" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_login_resets_the_count(clerk_a, settings):
    client = Client()
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        client.post(reverse("login"), {"username": clerk_a.username, "password": "wrong"})
    response = client.post(
        reverse("login"), {"username": clerk_a.username, "password": "secret-pass-123"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(clerk_a.pk)


def test_guessing_across_usernames_locks_the_address(cast, settings):
    client = Client()
    users = list(cast.values())
    for attempt in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT - 1):
        user = users[attempt % len(users)]
        response = client.post(reverse("login"), {"username": user.username, "password": "x"})
        assert response.status_code == 200, attempt
    last = client.post(reverse("login"), {"username": "office", "password": "guess"})
    assert last.status_code == 429
    assert "登录失败次数过多" in last.content.decode()
    # Locked at this address, even with a right password for an account never tried here.
    fresh = Client()
    response = fresh.post(reverse("login"), {"username": "member", "password": "secret-pass-123"})
    assert response.status_code == 429
    assert "_auth_user_id" not in fresh.session
    # Another address is not affected.
    elsewhere = Client(REMOTE_ADDR="10.0.0.9")
    response = elsewhere.post(
        reverse("login"), {"username": "member", "password": "secret-pass-123"}
    )
    assert response.status_code == 302


def test_a_few_mistakes_by_colleagues_at_one_address_lock_nobody(cast, settings):
    client = Client()
    for user in cast.values():
        client.post(reverse("login"), {"username": user.username, "password": "typo"})
    response = Client().post(
        reverse("login"), {"username": "member", "password": "secret-pass-123"}
    )
    assert response.status_code == 302


def test_pages_carry_a_content_security_policy_without_inline_script(client_for, office, plan):
    response = client_for(office).get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy
        and "unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert "<script>" not in response.content.decode()


def test_sessions_expire(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_weak_passwords_are_refused(clerk_a):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as raised:
        validate_password("12345678", user=clerk_a)
    assert "这个密码太常见了。" in raised.value.messages


def test_the_404_page_is_chinese(client_for, clerk_a, plan):
    response = client_for(clerk_a).get("/no/such/page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_the_403_page_is_chinese(client_for, leader, plan):
    response = client_for(leader).get(reverse("outreach:household_add"))
    assert response.status_code == 403
    assert "没有权限" in response.content.decode()


@override_settings(ROOT_URLCONF="tests.failing_urls", DEBUG=False)
def test_the_500_page_is_chinese_and_shows_no_trace(clerk_a):
    client = Client(raise_request_exception=False)
    client.force_login(clerk_a)
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "服务器未能完成此请求" in page
    assert "Traceback" not in page and "RuntimeError" not in page
