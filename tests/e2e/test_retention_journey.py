"""In Chromium: the administrator shortens the county's retention period in 系统管理; the
daily command anonymises a household archived longer than that; the office reads the run in
the operation log, and the household's page says 已匿名化 where its numbers were."""

import re
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from outreach.services import household_archive
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_office_sets_the_period_and_reads_what_was_anonymised(
    live_server, signed_in, journal, plan, office, clerk_a, township_a
):
    household = HouseholdFactory(township=township_a, head_name="孙大山", village="北村")
    person = PersonFactory(household=household, name="孙大山", phone="13700001111")
    household_archive(user=clerk_a, household=household)  # on 2015-06-15

    desk = signed_in(office)
    desk.goto(live_server.url + "/system/")
    desk.get_by_role("link", name=re.compile("个人信息保存期限")).click()
    expect(desk.get_by_test_id("retention-period")).to_contain_text("60个月")
    desk.get_by_role("link", name="修改保存期限").click()
    desk.get_by_label("保存期限（归档后月数）").fill("0")
    desk.get_by_role("button", name="保存").click()
    expect(desk.locator(".invalid-feedback")).to_be_visible()
    desk.get_by_label("保存期限（归档后月数）").fill("24")
    desk.get_by_role("button", name="保存").click()
    expect(desk.get_by_test_id("retention-period")).to_contain_text("24个月")
    journal(desk, "retention")

    call_command("anonymise_expired", date=date(2017, 6, 16).isoformat(), stdout=StringIO())

    desk.reload()
    desk.get_by_test_id("runs").get_by_role("link").first.click()
    expect(desk.get_by_test_id("run-households")).to_have_text("1")
    expect(desk.get_by_test_id("run-records")).to_contain_text("北村")
    expect(desk.locator("body")).not_to_contain_text("孙大山")
    desk.get_by_test_id("run-records").get_by_role("link", name=household.number).click()
    expect(desk.get_by_test_id("anonymised")).to_be_visible()
    expect(desk.get_by_test_id("id-number")).to_have_text("已匿名化")
    expect(desk.locator("body")).not_to_contain_text(person.id_number)
    expect(desk.get_by_role("button", name="恢复")).to_have_count(0)
    journal(desk, "anonymised-household")
