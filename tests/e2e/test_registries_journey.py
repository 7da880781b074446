"""In Chromium: a writer of the county office (not an administrator) adds a support team from
the recognition page; a clerk credits an activity to it; the team's page counts that activity
and leads to it; removing the team is refused and deactivation offered instead."""

import re

import pytest
from playwright.sync_api import expect

from campaign.models import SupportOrganisation
from outreach.models import Activity

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_office_keeps_a_support_team_a_clerk_credits_an_activity_to(
    live_server, signed_in, journal, plan, office_staff, clerk_a, township_a
):
    desk = signed_in(office_staff)
    desk.goto(live_server.url + "/campaign/recognition/")
    desk.get_by_role("link", name="新增社会化拥军组织").click()
    desk.locator("#id_kind").select_option(label="医疗拥军团队")
    desk.locator("#id_name").fill("县医院医疗拥军服务队")
    desk.locator("#id_members").fill("12")
    desk.get_by_role("button", name="保存").click()
    expect(desk.get_by_role("heading", name="县医院医疗拥军服务队")).to_be_visible()
    expect(desk.get_by_test_id("history")).to_contain_text("新增")
    journal(desk, "organisation")
    team = SupportOrganisation.objects.get(name="县医院医疗拥军服务队")

    clerk = signed_in(clerk_a)
    clerk.goto(live_server.url + "/outreach/activities/new/")
    clerk.locator("#id_kind").select_option(value="hero_visit")
    clerk.locator("#id_held_on").fill("2015-05-20")
    clerk.locator("#id_title").fill("义诊进村")
    clerk.locator("#id_support_organisation").select_option(label="县医院医疗拥军服务队")
    clerk.get_by_role("button", name="保存").click()
    expect(clerk.get_by_test_id("support-organisation")).to_contain_text("县医院医疗拥军服务队")
    assert Activity.objects.get(title="义诊进村").support_organisation == team

    desk.reload()
    desk.get_by_role("link", name="记入该组织的活动1项").click()
    expect(desk.get_by_test_id("list-total")).to_contain_text("共1条")
    expect(desk.get_by_role("link", name="义诊进村")).to_be_visible()

    desk.go_back()
    desk.get_by_role("link", name="删除").click()
    desk.get_by_role("button", name="删除").click()
    expect(desk.get_by_test_id("refusal")).to_contain_text("不能删除：有1条活动记录引用了它。")
    journal(desk, "refused")
    desk.get_by_role("button", name="停用").click()
    expect(desk.get_by_role("button", name="重新启用")).to_be_visible()
    team.refresh_from_db()
    assert not team.active

    clerk.goto(live_server.url + "/outreach/activities/new/")
    expect(clerk.locator("#id_support_organisation option", has_text="县医院")).to_have_count(0)
    assert re.search(r"/campaign/recognition/organisations/\d+/", desk.url)
