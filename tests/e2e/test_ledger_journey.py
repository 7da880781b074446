"""In Chromium: a survey finding becomes a case and goes through its whole life, each step taken
by the role that owns it."""

import pytest
from playwright.sync_api import expect

from campaign.models import Topic
from grievances.models import Case, Status
from tests.e2e.conftest import open_step, take_step
from tests.factories import FindingFactory, HouseholdFactory, VisitFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_finding_is_worked_to_closure_and_reopened(
    live_server, signed_in, plan, office, member, clerk_a, member_unit
):
    household = HouseholdFactory(township=clerk_a.unit, head_name="刘桂英")
    visit = VisitFactory(household=household, created_by=clerk_a)
    FindingFactory(visit=visit, topic=Topic.objects.get(number=5), text="房屋漏雨需维修")

    desk = signed_in(office)
    desk.goto(live_server.url + "/ledger/intake/")
    desk.get_by_label("房屋漏雨需维修").check()
    desk.get_by_role("button", name="逐条登记").click()
    expect(desk.get_by_test_id("status")).to_have_text("已登记")
    case = Case.objects.get()
    url = live_server.url + case.get_absolute_url()

    take_step(
        desk,
        "assign",
        {
            "lead_unit": "县民政局",
            "responsible_person": "王科长",
            "measures": "落实危房改造资金",
            "workdays": "10",
        },
    )
    expect(desk.get_by_text("已交办。")).to_be_visible()
    # ten working days from 2015-06-15, skipping the Dragon Boat holiday on 06-22
    expect(desk.get_by_test_id("deadline")).to_contain_text("2015-06-30")

    unit = signed_in(member)
    unit.goto(url)
    expect(unit.get_by_role("link", name="销号")).to_have_count(0)
    take_step(unit, "accept")
    expect(unit.get_by_test_id("status")).to_have_text("办理中")
    take_step(unit, "progress", {"note": "已上门核查，施工队进场"})
    expect(unit.get_by_text("已记录进展情况。")).to_be_visible()
    take_step(unit, "resolve", {"result": "房屋已修缮"})
    expect(unit.get_by_test_id("status")).to_have_text("已办结")

    desk.goto(url)
    take_step(desk, "close")
    expect(desk.get_by_test_id("status")).to_have_text("已销号")

    clerk = signed_in(clerk_a)
    clerk.goto(url)
    card = open_step(clerk, "revisit")
    card.get_by_label("不满意").check()
    card.get_by_label("说明").fill("雨后仍漏")
    card.get_by_role("button", name="记录回访").click()
    expect(clerk.get_by_test_id("status")).to_have_text("办理中")

    timeline = clerk.get_by_test_id("timeline").locator("li")
    expect(timeline).to_have_count(8)
    case.refresh_from_db()
    assert (case.status, case.reopened_count) == (Status.IN_PROGRESS, 1)
