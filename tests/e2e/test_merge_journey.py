"""In Chromium: the administrator merges 甲镇 into 乙乡 through the preview (which lists the
household number that clashes and says a merge is undone only from a backup) and the
confirmation, then finds 乙乡 on a case that moved."""

import re

import pytest
from playwright.sync_api import expect

from grievances.models import CaseEvent
from tests.factories import CaseFactory, HouseholdFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_administrator_merges_two_townships_and_sees_the_survivor_on_a_moved_case(
    live_server, signed_in, journal, plan, office, township_a, township_b
):
    household = HouseholdFactory(township=township_a, number="001", head_name="甲镇户主")
    HouseholdFactory(township=township_b, number="001", head_name="乙乡户主")
    case = CaseFactory(household=household, township=township_a)

    desk = signed_in(office)
    desk.goto(live_server.url + "/system/")
    desk.get_by_role("link", name=re.compile("单位管理")).click()
    expect(desk.get_by_test_id("units")).to_contain_text("甲镇")
    desk.get_by_role("link", name="合并两个乡镇").click()
    desk.get_by_label("被并入的乡镇").select_option(label="甲镇")
    desk.get_by_label("并入后的乡镇").select_option(label="乙乡")
    desk.get_by_label("合并日期").fill("2015-05-01")
    desk.get_by_role("button", name="预览合并").click()
    expect(desk.get_by_test_id("no-undo")).to_contain_text("恢复备份")
    expect(desk.get_by_test_id("renumbered")).to_contain_text("甲镇-0001")
    journal(desk, "merge-preview")

    desk.get_by_role("button", name="合并乡镇").click()
    expect(desk.locator(".alert-danger, .invalid-feedback").first).to_contain_text("请勾选")
    assert not CaseEvent.objects.filter(kind=CaseEvent.Kind.TOWNSHIP_MERGED).exists()

    desk.get_by_label(re.compile("恢复备份撤销")).check()
    desk.get_by_label("输入被并入乡镇的名称以确认").fill("甲镇")
    desk.get_by_role("button", name="合并乡镇").click()
    expect(desk.get_by_test_id("merges")).to_contain_text("甲镇于2015-05-01并入乙乡")
    journal(desk, "merged")

    desk.goto(live_server.url + case.get_absolute_url())
    expect(desk.get_by_text("因乡镇合并转移").first).to_be_visible()
    expect(desk.locator("body")).to_contain_text("乙乡")
