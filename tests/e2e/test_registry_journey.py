"""A township clerk on a phone: registers a household with a person, then records a visit with
two findings in five actions after login (six or fewer asked)."""

import re

import pytest
from playwright.sync_api import expect

from outreach.models import Household, Visit
from tests.conftest import PASSWORD
from tests.e2e.conftest import go_to
from tests.factories import HouseholdFactory, make_id_number

# serialized_rollback keeps the reference lists that migrations load (categories, policies).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}


def log_in(page, base_url, user):
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("phase-status")).to_be_visible()


def test_a_clerk_registers_a_household_on_a_phone(live_server, page, plan, clerk_a):
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, clerk_a)
    go_to(page, "对象与走访", "优抚对象户")
    page.get_by_role("link", name="登记优抚对象户").click()
    page.get_by_label("户主姓名").fill("王建国")
    page.get_by_label("村（社区）").fill("东村")
    page.get_by_label("电话").fill("13812345678")
    page.get_by_role("button", name="保存", exact=True).click()

    expect(page.get_by_text("已登记该户，请继续添加家庭成员。")).to_be_visible()
    number = make_id_number()
    page.get_by_label("姓名").fill("王建国")
    page.get_by_label("身份证号").fill(number)
    page.get_by_label("与军人关系").select_option(label="本人")
    page.get_by_label("退役士兵", exact=True).check()
    page.get_by_role("button", name="保存", exact=True).click()

    expect(page.get_by_text("已保存人员：王建国。")).to_be_visible()
    expect(page.get_by_test_id("id-number")).to_have_text(number)
    household = Household.objects.get(head_name="王建国")
    assert household.township == clerk_a.unit
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_clerk_records_a_visit_with_two_findings_in_five_actions(
    live_server, page, plan, clerk_a
):
    household = HouseholdFactory(township=clerk_a.unit, head_name="李秀英")
    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, clerk_a)

    actions = [
        lambda: page.locator("[data-item=not_visited]").click(),
        lambda: (
            page.locator(f"[data-household='{household.pk}']")
            .get_by_role("link", name="走访")
            .click()
        ),
        lambda: page.locator("[data-topic='5'] textarea").fill("房屋漏雨，需维修"),
        lambda: page.locator("[data-topic='6'] textarea").fill("希望定期体检"),
        lambda: page.get_by_role("button", name="保存走访记录").click(),
    ]
    assert len(actions) == 5
    for action in actions:
        action()

    expect(page.get_by_text("已记录走访，共2条情况。")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/outreach/visits/\d+/$"))
    visit = Visit.objects.get()
    assert sorted(f.topic.number for f in visit.findings.all()) == [5, 6]
    assert visit.household == household
