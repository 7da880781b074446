"""In Chromium, with scripts turned off: the case page offers the steps as buttons named for
them and opens one step's form at a time; a member unit hands back (退回交办) an assignment
that is not its business, and the office sees it declined."""

import pytest
from playwright.sync_api import expect

from grievances.models import Case, Status
from tests.conftest import PASSWORD
from tests.e2e.conftest import STEPS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REASON = "该问题属住房保障范围，不属本单位职责"


@pytest.fixture
def without_scripts(browser, live_server, browser_context_args):
    contexts = []

    def open_as(user):
        context = browser.new_context(**browser_context_args, java_script_enabled=False)
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + "/accounts/login/")
        page.get_by_label("用户名").fill(user.username)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_test_id("phase-status")).to_be_visible()
        return page

    yield open_as
    for context in contexts:
        context.close()


def test_one_step_at_a_time_and_a_declined_assignment(
    live_server, without_scripts, journal, office, member, assigned_case
):
    url = live_server.url + assigned_case.get_absolute_url()
    unit = without_scripts(member)
    unit.goto(url)
    steps = unit.get_by_test_id("case-actions").get_by_role("link")
    expect(steps).to_have_text([STEPS["accept"], STEPS["decline"]])
    expect(unit.locator("[data-action]")).to_have_count(0)
    expect(unit.get_by_role("button", name="提交")).to_have_count(0)

    steps.filter(has_text=STEPS["decline"]).click()
    expect(unit.locator("[data-action]")).to_have_count(1)
    card = unit.locator("[data-action='decline']")
    journal(unit, "decline-open")
    card.get_by_role("button", name="退回交办").click()
    expect(
        unit.get_by_text("请说明此问题不属本单位职责的理由，双拥办据此重新交办。")
    ).to_be_visible()
    assert Case.objects.get().status == Status.ASSIGNED

    # Another step replaces the open one.
    unit.get_by_test_id("case-actions").get_by_role("link", name="签收").click()
    expect(unit.locator("[data-action]")).to_have_count(1)
    expect(unit.locator("[data-action='accept']")).to_be_visible()
    unit.get_by_role("link", name="取消").click()
    expect(unit.locator("[data-action]")).to_have_count(0)

    unit.get_by_test_id("case-actions").get_by_role("link", name="退回交办").click()
    unit.locator("#id_decline-reason").fill(REASON)
    unit.get_by_role("button", name="退回交办").click()
    expect(unit.get_by_text("已将交办退回县双拥办。")).to_be_visible()
    journal(unit, "declined")

    desk = without_scripts(office)
    desk.goto(url)
    expect(desk.get_by_test_id("declined")).to_have_text("县民政局已退回交办")
    expect(desk.get_by_test_id("timeline")).to_contain_text(REASON)
    expect(desk.get_by_test_id("case-actions").get_by_role("link")).to_have_text(
        ["交办", "确定包案领导"]
    )
    assert list(Case.objects.declined()) == [Case.objects.get()]
