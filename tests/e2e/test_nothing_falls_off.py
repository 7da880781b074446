"""In Chromium: nothing falls off a list. A finding a clerk records is on the first page of the
office's intake with true totals, however many wait; a case resolved today is on the office's
"to close" queue with a true count; the workbench's counts open lists of as many rows."""

from datetime import date

import pytest
from playwright.sync_api import expect

from campaign.models import Topic
from grievances.models import Status
from tests.e2e.conftest import take_step
from tests.factories import CaseFactory, FindingFactory, HouseholdFactory, VisitFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WAITING = 60  # more than the intake's page of 50


def test_a_clerks_new_finding_reaches_the_first_page_of_the_offices_intake(
    live_server, signed_in, plan, office, clerk_a
):
    older = HouseholdFactory(township=clerk_a.unit)
    topics = list(Topic.objects.filter(number__in=[4, 5, 6]).order_by("number"))
    for n in range(WAITING):
        FindingFactory(
            visit=VisitFactory(household=older, created_by=clerk_a, visited_on=date(2015, 5, 1)),
            topic=topics[n % 3],
            text=f"早先的情况{n}",
        )
    household = HouseholdFactory(township=clerk_a.unit, head_name="孙玉兰")

    clerk = signed_in(clerk_a)
    clerk.goto(f"{live_server.url}/outreach/households/{household.pk}/visit/")
    clerk.locator("[data-topic='7'] textarea").fill("儿子在部队，家中宅基地纠纷待调处")
    clerk.locator("[data-topic='7'] input[type=checkbox]").check()
    clerk.get_by_role("button", name="保存走访记录").click()
    expect(clerk.get_by_text("已记录走访，共1条情况。")).to_be_visible()

    desk = signed_in(office)
    item = desk.locator("[data-item=intake]")
    expect(item).to_have_attribute("data-count", str(WAITING + 1))
    item.click()
    expect(desk.get_by_test_id("list-total")).to_have_text(f"共{WAITING + 1}条")
    first = desk.get_by_test_id("intake-list").locator("label").first
    expect(first).to_contain_text("儿子在部队，家中宅基地纠纷待调处")
    expect(desk.locator("[data-topic='7']")).to_have_attribute("data-count", "1")
    expect(desk.locator("[data-topic='5']")).to_have_attribute("data-count", str(WAITING // 3))
    desk.get_by_test_id("last-page").click()
    expect(desk.get_by_test_id("intake-list").locator("label")).to_have_count(WAITING + 1 - 50)
    expect(desk.get_by_test_id("intake-list")).to_contain_text("早先的情况0")


def test_a_case_resolved_today_is_on_the_offices_to_close_queue(
    live_server, signed_in, plan, office, member, member_unit
):
    for day in range(1, 31):
        CaseFactory(
            assigned=True,
            lead_unit=member_unit,
            status=Status.RESOLVED,
            resolved_on=date(2015, 5, day),
        )
    case = CaseFactory(assigned=True, lead_unit=member_unit, status=Status.IN_PROGRESS)

    unit = signed_in(member)
    unit.goto(live_server.url + case.get_absolute_url())
    take_step(unit, "resolve", {"result": "已完成房屋维修"})
    expect(unit.get_by_test_id("status")).to_have_text("已办结")

    desk = signed_in(office)
    item = desk.locator("[data-item=to_close]")
    expect(item).to_have_attribute("data-count", "31")
    item.click()
    expect(desk.get_by_test_id("list-total")).to_have_text("共31条")
    expect(desk.locator("[data-queue=to_close]").locator("tbody tr").first).to_contain_text(
        case.number
    )
