import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

# serialized_rollback keeps the reference lists that migrations load (categories, policies).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_township_clerk_logs_in_and_sees_the_current_phase(live_server, page, plan, clerk_a):
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("heading", name="登录")).to_be_visible()
    page.get_by_label("用户名").fill(clerk_a.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()

    status = page.get_by_test_id("phase-status")
    expect(status).to_contain_text("第3阶段：排忧解难")
    expect(status).to_contain_text("第6阶段：检查督促")
    expect(page.locator("tr[data-current='1']")).to_have_count(2)
    expect(page.get_by_test_id("who")).to_contain_text("甲镇")
    assert page.evaluate("document.documentElement.lang") == "zh-hans"


def test_a_wrong_password_gets_a_chinese_message(live_server, page, plan, clerk_a):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("用户名").fill(clerk_a.username)
    page.get_by_label("密码").fill("wrong-password")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text("请输入一个正确的用户名和密码")).to_be_visible()
