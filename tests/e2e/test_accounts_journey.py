"""In Chromium: the administrator creates a clerk for a township and reads its one-time code;
the clerk logs in with it, is made to set a password, then sees only its township. And a
sheet of 20 accounts with one bad row creates nothing until it is fixed."""

import re

import pytest
from playwright.sync_api import expect

from campaign.models import User
from tests.administration.accounts import sheet_bytes
from tests.factories import HouseholdFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NEW_PASSWORD = "Dongfeng#2016-gate"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_new_clerk_logs_in_with_its_code_sets_a_password_and_sees_its_township(
    live_server,
    signed_in,
    browser,
    browser_context_args,
    journal,
    plan,
    office,
    township_a,
    township_b,
):
    HouseholdFactory(township=township_a, head_name="甲镇户主")
    HouseholdFactory(township=township_b, head_name="乙乡户主")

    desk = signed_in(office)
    desk.goto(live_server.url + "/system/")
    desk.get_by_role("link", name=re.compile("账号管理")).click()
    desk.get_by_role("link", name="新建账号").click()
    desk.get_by_label("用户名").fill("jia-wenshu")
    desk.get_by_label("姓名").fill("甲镇文书")
    desk.get_by_label("单位").select_option(label="甲镇")
    desk.get_by_label("手机").fill("13812345678")
    desk.get_by_role("button", name="创建账号").click()
    slip = desk.get_by_test_id("slip")
    expect(slip).to_contain_text("甲镇文书")
    expect(slip).to_contain_text("有效期至")
    expect(slip).to_contain_text(live_server.url + "/accounts/login/")
    code = desk.get_by_test_id("code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    journal(desk, "slip")
    desk.get_by_role("button", name="退出").click()
    expect(desk).to_have_url(re.compile(r"/accounts/login/"))

    context = browser.new_context(**browser_context_args)
    clerk = context.new_page()
    clerk.goto(live_server.url + "/accounts/login/")
    expect(clerk.get_by_test_id("code-hint")).to_contain_text("一次性登录码")
    clerk.get_by_label("用户名").fill("jia-wenshu")
    clerk.get_by_label("密码").fill(code)
    clerk.get_by_role("button", name="登录").click()
    expect(clerk.get_by_test_id("must-set-password")).to_be_visible()
    clerk.goto(live_server.url + "/outreach/households/")
    expect(clerk).to_have_url(re.compile(r"/accounts/password/set/"))
    clerk.locator("#id_new_password1").fill("12345678")
    clerk.locator("#id_new_password2").fill("12345678")
    clerk.get_by_role("button", name="设置密码").click()
    expect(clerk.locator(".invalid-feedback, .alert-danger").first).to_be_visible()
    clerk.locator("#id_new_password1").fill(NEW_PASSWORD)
    clerk.locator("#id_new_password2").fill(NEW_PASSWORD)
    clerk.get_by_role("button", name="设置密码").click()
    expect(clerk.get_by_test_id("phase-status")).to_be_visible()
    expect(clerk.get_by_test_id("who")).to_contain_text("甲镇")
    clerk.goto(live_server.url + "/outreach/households/")
    expect(clerk.get_by_text("甲镇户主")).to_be_visible()
    expect(clerk.get_by_text("乙乡户主")).to_have_count(0)
    journal(clerk, "own-township")
    context.close()
    assert User.objects.get(username="jia-wenshu").check_password(NEW_PASSWORD)


def test_twenty_accounts_from_a_sheet_with_one_bad_row_wait_until_it_is_fixed(
    live_server, signed_in, journal, plan, office, township_a, township_b
):
    rows = [
        [f"wenshu-{n:02d}", f"文书{n:02d}", (township_a, township_b)[n % 2].name, "", "", ""]
        for n in range(20)
    ]
    rows[12][5] = "是"  # the administrator flag on a township's clerk

    desk = signed_in(office)
    desk.goto(live_server.url + "/system/accounts/import/")

    def upload(content):
        desk.get_by_label("填好的账号表（.xlsx）").set_input_files(
            files=[{"name": "账号.xlsx", "mimeType": XLSX, "buffer": content}]
        )
        desk.get_by_role("button", name="上传并预览").click()
        expect(desk.get_by_role("heading", name="导入预览")).to_be_visible()

    upload(sheet_bytes(rows))
    expect(desk.get_by_test_id("blocked")).to_be_visible()
    bad = desk.get_by_test_id("bad-row")
    expect(bad).to_have_count(1)
    expect(bad).to_contain_text("wenshu-12")
    expect(bad).to_contain_text("只有县双拥办的用户才能担任系统管理员")
    expect(desk.get_by_role("button", name="创建这些账号")).to_have_count(0)
    journal(desk, "refused")
    assert not User.objects.filter(username__startswith="wenshu-").exists()

    rows[12][5] = ""
    desk.get_by_role("link", name="上传改正后的文件").click()
    upload(sheet_bytes(rows))
    expect(desk.get_by_test_id("ready")).to_be_visible()
    desk.get_by_role("button", name="创建这些账号").click()
    expect(desk.get_by_test_id("slip")).to_have_count(20)
    expect(desk.get_by_test_id("code")).to_have_count(20)
    journal(desk, "slips")
    assert User.objects.filter(username__startswith="wenshu-").count() == 20
