"""In Chromium: the county office reads the 2015 dashboard and progress pages, downloads the 2015
workbook, and every figure in the workbook's summary and progress sheets matches the pages."""

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.e2e.downloads import download_workbook
from tests.reports.dataset import build_county

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FIRST_ROW = 5


@pytest.fixture
def county(plan, office, clerk_a, township_a, township_b, member_unit, garrison_unit):
    return build_county(
        office=office,
        clerk_a=clerk_a,
        township_a=township_a,
        township_b=township_b,
        member_unit=member_unit,
        garrison_unit=garrison_unit,
    )


def sign_in(page, live_server, user):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("phase-status")).to_be_visible()


def shown(value, number_format):
    """A workbook cell as the pages show it."""
    if value in (None, "—"):
        return "—"
    if isinstance(value, str):
        return value
    if number_format == "0.0%":
        return f"{value * 100:.1f}%"
    if number_format == "0.0":
        return f"{value:.1f}"
    if number_format == "#,##0.00":
        return f"{value:,.2f}"
    return f"{value:,}"


def test_the_office_downloads_the_2015_workbook_and_it_matches_the_pages(
    live_server, page, county, office, tmp_path
):
    sign_in(page, live_server, office)

    # The dashboard: its summary table, and the charts drawn by the static script.
    page.goto(live_server.url + "/reports/?year=2015")
    expect(page.get_by_test_id("figure-registered")).to_contain_text("8")
    summary_cells = page.locator("[data-testid=summary] tbody tr")
    expect(summary_cells).to_have_count(20)
    on_page = {}
    for index in range(summary_cells.count()):
        row = summary_cells.nth(index)
        label = row.locator("td").nth(0).inner_text().strip()
        on_page[label] = row.locator("td").nth(1).inner_text().strip()
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('canvas[data-chart]')]"
        ".map(c => Boolean(window.Chart && Chart.getChart(c)))"
    )
    assert drawn == [True] * 6

    # The progress page, row by row.
    page.goto(live_server.url + "/reports/progress/?year=2015")
    progress_rows = page.locator("[data-testid=progress] tr[data-unit]")
    expect(progress_rows).to_have_count(4)  # three units and the county total
    progress_on_page = {}
    for index in range(progress_rows.count()):
        row = progress_rows.nth(index)
        name = row.locator("th").inner_text().split()[0]
        progress_on_page[name] = [c.strip() for c in row.locator("td").all_inner_texts()]

    # The download, in the browser.
    page.goto(live_server.url + "/reports/year-end/?year=2015")
    download = download_workbook(page)
    assert download.suggested_filename.endswith("2015年度报表.xlsx")
    path = tmp_path / "2015.xlsx"
    download.save_as(path)
    book = load_workbook(path)

    summary = book["总体情况"]
    in_book = {}
    for row in summary.iter_rows(min_row=FIRST_ROW):
        label, figure = row[1].value, row[2]
        if label and isinstance(row[0].value, int):
            in_book[label] = shown(figure.value, figure.number_format)
    assert in_book == on_page
    assert in_book["列入台账问题"] == "8" and in_book["走访覆盖率"] == "40.0%"

    progress = book["各单位进度"]
    in_book = {}
    for row in progress.iter_rows(min_row=FIRST_ROW):
        name = row[1].value
        if name in ("甲镇", "乙乡", "县民政局", "县合计"):
            in_book[name] = [shown(c.value, c.number_format) for c in row[3:15]]
    for name, cells in in_book.items():
        households, visited, visited_pct, *rest = cells
        page_cells = progress_on_page[name]
        # the page shows households and the share visited; the workbook also the count visited
        assert [households, visited_pct, *rest[:-1]] == page_cells[:-1], name
        five = rest[-1] if "/" in rest[-1] else f"{rest[-1]}/5"
        assert five == page_cells[-1], name
    assert set(in_book) == set(progress_on_page)


def test_the_office_signs_off_2015_and_the_workbook_keeps_its_figures(
    live_server, page, county, office, tmp_path
):
    from grievances import services as ledger

    sign_in(page, live_server, office)
    page.goto(live_server.url + "/reports/year-end/?year=2015")

    def download(name):
        download = download_workbook(page)
        path = tmp_path / name
        download.save_as(path)
        page.goto(live_server.url + "/reports/year-end/?year=2015")
        book = load_workbook(path)
        return [list(r) for r in book["总体情况"].iter_rows(min_row=FIRST_ROW, values_only=True)]

    before = download("before.xlsx")
    page.get_by_label("2015年度数字已核对无误，可以固定。").check()
    page.get_by_role("button", name="审核锁定2015年度数据").click()
    expect(page.get_by_text("2015年度数据已审核锁定，数字已固定。")).to_be_visible()

    ledger.case_close(user=office, case=county.cases["resolved"])
    page.reload()
    expect(page.get_by_test_id("changes").locator("tbody tr")).to_have_count(1)
    expect(page.get_by_test_id("changes")).to_contain_text(county.cases["resolved"].number)
    after = download("after.xlsx")
    assert after[:-1] == before[:-1]  # the figures; the last row is the signature's date line
