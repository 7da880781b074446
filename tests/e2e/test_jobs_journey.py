"""In Chromium, with a worker taking jobs from the queue: the office asks for the 2015 workbook,
watches its bar move to the end without reloading, leaves, comes back through “我的导出” and
downloads it; a clerk's 5,000-row import runs as a job whose bar counts the rows."""

import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from jobs.models import Job
from outreach.models import Household, Person
from outreach.starter_lists import starter_lists_create
from tests.conftest import PASSWORD
from tests.factories import county_for_tests
from tests.jobs.thread_worker import ThreadWorker
from tests.outreach.import_files import households_rows, xlsx
from tests.reports.dataset import build_county

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Every value the bar shows, as the page's script paints it.
WATCH_THE_BAR = """() => {
  window.stillHere = true;
  window.seen = [];
  const bar = document.querySelector('[data-testid=job-bar]');
  new MutationObserver(() => window.seen.push(+bar.getAttribute('aria-valuenow')))
    .observe(bar, {attributes: true});
}"""


@pytest.fixture
def worker(settings, tmp_path):
    settings.JOBS_RUN_INLINE = False
    settings.MEDIA_ROOT = tmp_path / "media"
    worker = ThreadWorker()
    yield worker
    worker.stop()
    assert worker.errors == []


def sign_in(page, live_server, user):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("phase-status")).to_be_visible()


def test_the_office_watches_the_2015_workbook_written_and_downloads_it_from_my_exports(
    live_server,
    page,
    plan,
    office,
    clerk_a,
    township_a,
    township_b,
    member_unit,
    garrison_unit,
    worker,
    tmp_path,
):
    build_county(
        office=office,
        clerk_a=clerk_a,
        township_a=township_a,
        township_b=township_b,
        member_unit=member_unit,
        garrison_unit=garrison_unit,
    )
    sign_in(page, live_server, office)
    page.goto(live_server.url + "/reports/year-end/?year=2015")
    page.get_by_test_id("download").click()
    expect(page.get_by_role("heading", name="2015年度报表")).to_be_visible()
    expect(page.get_by_test_id("job")).to_contain_text("排队中")
    expect(page.get_by_test_id("job-bar")).to_have_attribute("aria-valuenow", "0")
    page.evaluate(WATCH_THE_BAR)

    worker.start()
    expect(page.get_by_test_id("job-download")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("job-bar")).to_have_attribute("aria-valuenow", "100")
    expect(page.get_by_test_id("job")).to_contain_text("已完成")
    assert page.evaluate("window.stillHere") is True  # painted in place, never reloaded
    assert page.evaluate("window.seen")[-1] == 100

    page.goto(live_server.url + "/")  # leaves, and comes back through the navigation bar
    page.get_by_role("button", name="更多").click()
    page.get_by_role("link", name="我的导出").click()
    row = page.get_by_test_id("jobs").locator("tbody tr").filter(has_text="2015年度报表")
    expect(row).to_contain_text("已完成")
    with page.expect_download() as info:
        row.get_by_role("link", name="下载").click()
    assert info.value.suggested_filename.endswith("2015年度报表.xlsx")
    path = tmp_path / "2015.xlsx"
    info.value.save_as(path)
    book = load_workbook(path)
    assert "问题台账" in book.sheetnames and "总体情况" in book.sheetnames
    assert Job.objects.get().attempts == 1


def test_a_clerks_5000_row_import_runs_as_a_job_whose_bar_counts_the_rows(
    live_server, page, plan, clerk_a, township_a, worker
):
    starter_lists_create(county_for_tests())
    sign_in(page, live_server, clerk_a)
    page.goto(live_server.url + "/outreach/import/")
    page.get_by_label("填好的模板（.xlsx）").set_input_files(
        files=[
            {"name": "甲镇优抚对象.xlsx", "mimeType": XLSX, "buffer": xlsx(households_rows(5000))}
        ]
    )
    page.get_by_role("button", name="上传并预览").click()
    expect(page.get_by_test_id("count-persons-new")).to_have_text("5000", timeout=120_000)
    page.get_by_role("button", name="确认导入").click()

    expect(page).to_have_url(re.compile(r"/jobs/\d+/$"))
    expect(page.get_by_test_id("job")).to_contain_text("排队中")
    page.evaluate(WATCH_THE_BAR)
    worker.start()
    outcome = page.get_by_test_id("job").get_by_text(re.compile("已导入甲镇"))
    expect(outcome).to_contain_text("新建1667户、5000人", timeout=180_000)
    seen = page.evaluate("window.seen")
    assert any(0 < value < 100 for value in seen), seen  # the rows counted as they went
    assert seen[-1] == 100 and page.evaluate("window.stillHere") is True
    expect(page.get_by_test_id("job")).to_contain_text("已完成 15000 行，共 15000 行")
    assert Household.objects.filter(township=township_a).count() == 1667
    assert Person.objects.filter(household__township=township_a).count() == 5000
