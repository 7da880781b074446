"""In Chromium: the office records an inspection and puts its finding on the ledger."""

import pytest
from playwright.sync_api import expect

from grievances.models import Case
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_inspection_finding_becomes_a_ledger_case(live_server, page, plan, office, township_a):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("用户名").fill(office.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()

    page.goto(live_server.url + "/campaign/inspections/new/")
    page.locator("#id_unit").select_option(label="甲镇")
    page.locator("#id_inspectors").fill("周主任、孙干事")
    page.locator("#id_checked").fill("五个一建设、问题台账")
    page.locator("#id_rating").select_option(label="一般")
    page.locator("#id_findings").fill("问题台账缺少办理时限\n宣传栏内容陈旧")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("已记录督查。")).to_be_visible()

    row = page.locator("[data-finding]").filter(has_text="问题台账缺少办理时限")
    row.get_by_role("link", name="列入台账").click()
    page.locator("#id_topic").select_option(index=4)
    page.get_by_role("button", name="登记").click()

    expect(page.get_by_test_id("status")).to_have_text("已登记")
    expect(page.get_by_text("来自督查：")).to_be_visible()
    case = Case.objects.get()
    assert (case.source, case.subject_unit, case.description) == (
        "inspection",
        township_a,
        "问题台账缺少办理时限",
    )
    page.go_back()
    page.go_back()
    page.reload()
    expect(page.locator("[data-finding]").filter(has_text="问题台账缺少办理时限")).to_contain_text(
        case.number
    )
