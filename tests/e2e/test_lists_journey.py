"""In Chromium: the administrator renames a beneficiary category and retires another in
系统管理; the clerk's person form then offers the new name and no longer the retired value,
while a person who holds it keeps it, shown as retired. A value some record names offers no
delete button."""

import re

import pytest
from playwright.sync_api import expect

from outreach.models import BeneficiaryCategory
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_administrator_renames_and_retires_and_the_clerk_sees_it(
    live_server, signed_in, journal, plan, office, clerk_a, household
):
    holder = PersonFactory(household=household, name="王持有")
    holder.categories.add(BeneficiaryCategory.objects.get(name="红军失散人员"))

    desk = signed_in(office)
    desk.goto(live_server.url + "/system/")
    desk.get_by_role("link", name=re.compile("基础列表")).click()
    expect(desk.get_by_test_id("lists")).to_contain_text("督查评定")
    desk.get_by_role("link", name="对象类别").click()
    row = desk.locator("tr", has_text="复员军人")
    row.get_by_role("link", name="修改").click()
    desk.get_by_label("名称").fill("复员退伍军人")
    desk.get_by_role("button", name="保存").click()
    expect(desk.get_by_test_id("values")).to_contain_text("复员退伍军人")
    held = desk.locator("tr", has_text="红军失散人员")
    expect(held.get_by_role("button", name="删除")).to_have_count(0)
    held.get_by_role("button", name="停用").click()
    expect(desk.get_by_role("alert")).to_contain_text("“红军失散人员”已停用")
    journal(desk, "list")

    clerk = signed_in(clerk_a)
    clerk.goto(live_server.url + f"/outreach/households/{household.pk}/persons/new/")
    expect(clerk.get_by_label("复员退伍军人")).to_have_count(1)
    expect(clerk.get_by_label("红军失散人员")).to_have_count(0)
    clerk.goto(live_server.url + f"/outreach/persons/{holder.pk}/edit/")
    expect(clerk.get_by_label("红军失散人员（已停用）")).to_be_checked()
    journal(clerk, "held")
