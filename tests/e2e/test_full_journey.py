"""The campaign's main road in Chromium: a clerk registers a household and records a visit
with a finding; the office puts it on the ledger and assigns it; the member unit reports
progress and resolves it; the office closes it off; the dashboard shows it; the year-end
workbook downloads. The clerk's part runs at desktop and at phone size."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from grievances.models import Case
from tests.e2e.conftest import go_to, take_step
from tests.e2e.downloads import download_workbook
from tests.factories import make_id_number

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_main_road(size, live_server, signed_in, journal, plan, office, clerk_a, member):
    base = live_server.url

    clerk = signed_in(clerk_a, VIEWPORTS[size])
    go_to(clerk, "对象与走访", "优抚对象户")
    clerk.get_by_role("link", name="登记优抚对象户").click()
    clerk.locator("#id_head_name").fill("赵桂兰")
    clerk.locator("#id_village").fill("南湾村")
    clerk.get_by_role("button", name="保存", exact=True).click()
    clerk.locator("#id_name").fill("赵桂兰")
    clerk.locator("#id_id_number").fill(make_id_number())
    clerk.locator("#id_relation").select_option(label="配偶")
    clerk.get_by_role("button", name="保存", exact=True).click()
    expect(clerk.get_by_text("已保存人员：赵桂兰。")).to_be_visible()
    journal(clerk, "household-registered")

    clerk.get_by_role("link", name="记录走访").click()
    clerk.locator("[data-topic='5'] textarea").fill("房屋年久失修，雨季漏雨")
    clerk.locator("[data-topic='5'] input[type=checkbox]").check()
    clerk.get_by_role("button", name="保存走访记录").click()
    expect(clerk.get_by_text("已记录走访，共1条情况。")).to_be_visible()
    assert clerk.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[size]["width"]
    journal(clerk, "visit-recorded")

    desk = signed_in(office)
    desk.goto(base + "/reports/")
    closed_before = int(desk.get_by_test_id("figure-closed").locator(".figure-value").inner_text())
    desk.goto(base + "/ledger/intake/")
    desk.get_by_label("房屋年久失修，雨季漏雨").check()
    desk.get_by_role("button", name="逐条登记").click()
    take_step(
        desk,
        "assign",
        {
            "lead_unit": "县民政局",
            "responsible_person": "王科长",
            "measures": "纳入危房改造",
            "workdays": "15",
        },
    )
    expect(desk.get_by_test_id("status")).to_have_text("已交办")
    journal(desk, "assigned")
    case_url = desk.url

    unit = signed_in(member)
    unit.goto(base + "/ledger/inbox/")
    unit.get_by_role("link", name=Case.objects.get().number).click()
    take_step(unit, "accept", {})
    take_step(unit, "progress", {"note": "施工队已进场"})
    take_step(unit, "resolve", {"result": "房屋已修缮完毕"})
    expect(unit.get_by_test_id("status")).to_have_text("已办结")
    journal(unit, "resolved")

    desk.goto(case_url)
    take_step(desk, "close", {})
    expect(desk.get_by_test_id("status")).to_have_text("已销号")
    journal(desk, "closed-off")

    desk.goto(base + "/reports/")
    closed = desk.get_by_test_id("figure-closed").locator(".figure-value")
    expect(closed).to_have_text(str(closed_before + 1))
    journal(desk, "dashboard")

    desk.goto(base + "/reports/year-end/?year=2015")
    download = download_workbook(desk)
    workbook = load_workbook(io.BytesIO(open(download.path(), "rb").read()))
    assert "问题台账" in workbook.sheetnames
    ledger = [row for row in workbook["问题台账"].iter_rows(values_only=True) if row and row[0]]
    assert any(Case.objects.get().number in [str(v) for v in row] for row in ledger)
