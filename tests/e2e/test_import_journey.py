import re

import pytest
from playwright.sync_api import expect

from outreach.models import BeneficiaryCategory, Household, Person
from outreach.starter_lists import starter_lists_create
from tests.conftest import PASSWORD
from tests.factories import county_for_tests
from tests.outreach.import_files import households_rows, xlsx

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def categories(db):
    # The county's lists come with it; a transactional test may find it made already.
    starter_lists_create(county_for_tests())
    assert BeneficiaryCategory.objects.filter(name__in=["退役士兵", "残疾军人"]).count() == 2


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def upload_and_preview(page, content: bytes):
    page.get_by_label("填好的模板（.xlsx）").set_input_files(
        files=[{"name": "甲镇优抚对象.xlsx", "mimeType": XLSX, "buffer": content}]
    )
    page.get_by_role("button", name="上传并预览").click()
    expect(page.get_by_role("heading", name="导入预览")).to_be_visible()


def test_a_clerk_imports_1000_rows_on_a_phone_and_the_same_file_again_adds_nothing(
    live_server, page, plan, clerk_a, township_a, categories
):
    content = xlsx(households_rows(1000))
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/outreach/import/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("用户名").fill(clerk_a.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()

    expect(page.get_by_role("heading", name="从 Excel 导入优抚对象")).to_be_visible()
    expect(page.get_by_test_id("template-link")).to_have_attribute(
        "href", "/outreach/import/template.xlsx"
    )
    assert fits_the_phone(page)

    upload_and_preview(page, content)
    expect(page.get_by_test_id("count-households-new")).to_have_text("334")
    expect(page.get_by_test_id("count-persons-new")).to_have_text("1000")
    expect(page.get_by_test_id("count-errors")).to_have_text("0")
    assert fits_the_phone(page)
    page.get_by_role("button", name="确认导入").click()

    expect(page.get_by_role("alert")).to_contain_text("已导入甲镇：新建334户、1000人")
    assert Household.objects.filter(township=township_a).count() == 334
    assert Person.objects.filter(household__township=township_a).count() == 1000

    upload_and_preview(page, content)
    expect(page.get_by_test_id("count-unchanged")).to_have_text("1000")
    expect(page.get_by_test_id("count-persons-new")).to_have_text("0")
    expect(page.get_by_test_id("count-households-new")).to_have_text("0")
    page.get_by_role("button", name="确认导入").click()

    expect(page.get_by_role("alert")).to_contain_text("新建0户、0人；更新0户、0人；1000行无变化。")
    assert Household.objects.count() == 334
    assert Person.objects.count() == 1000


def test_a_clerk_sees_the_errors_and_cannot_confirm(live_server, page, plan, clerk_a, categories):
    rows = households_rows(3)
    rows[1]["与军人关系"] = "儿子"
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/accounts/login/?next=/outreach/import/")
    page.get_by_label("用户名").fill(clerk_a.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()

    upload_and_preview(page, xlsx(rows))
    expect(page.get_by_test_id("errors")).to_contain_text("第3行 · 与军人关系")
    expect(page.get_by_role("button", name="确认导入")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("link", name="下载标出错误的文件").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    assert fits_the_phone(page)
    assert Person.objects.count() == 0
