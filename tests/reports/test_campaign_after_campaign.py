"""A second campaign beside the first changes nothing of 2015 and 2016: every figure of their
dashboard, progress, special actions and assessment, every cell of their year-end workbook (from
the page and from export_yearend) and the pages' text read exactly as before, whether today
still falls in the first campaign or in the second one (the first then chosen with the
switcher). The second campaign's own pages work from an empty ledger."""

import io
import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from campaign.models import Campaign
from reports.services import year_sign_off
from tests.campaigns import NEXT_NAME, add_next_campaign
from tests.exports import export

pytestmark = pytest.mark.django_db

IN_FIRST = date(2016, 3, 15)  # 2015 ended and signed off, 2016 under way
IN_SECOND = date(2017, 3, 1)
YEARS = [2015, 2016]
PAGES = ["reports:dashboard", "reports:progress", "reports:special_actions", "reports:assessment"]
PAGES += ["reports:yearend"]


def cells(data: bytes) -> dict:
    book = load_workbook(io.BytesIO(data))
    return {
        sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
        for sheet in book.worksheets
    }


def main_text(response) -> str:
    """The page's own part, without what changes from one request to the next (the form
    tokens) or what says which campaign is looked at (the banner)."""
    html = response.content.decode()
    html = html[html.index("<main") : html.index("</main>")]
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    html = re.sub(
        r'<div class="alert[^>]*data-testid="other-campaign">.*?</div>', "", html, flags=re.S
    )
    return re.sub(r"\s+", " ", html)


def read_year(client, year: int) -> dict:
    """Everything the office reads of a year."""
    found = {}
    for name in PAGES:
        response = client.get(reverse(name), {"year": year})
        assert response.status_code == 200, name
        found[name] = main_text(response)
        if name == "reports:dashboard":
            found["headline"] = [
                (h["key"], h["value"], h["url"]) for h in response.context["headline"]
            ]
            found["summary"] = response.context["summary"]
        if name == "reports:progress":
            found["progress"] = (response.context["rows"], response.context["total"])
        if name == "reports:assessment":
            found["assessment"] = response.context["report"].section("assessment")
            found["groups"] = response.context["groups"]
        if name == "reports:special_actions":
            found["special_actions"] = response.context["report"].section("special_actions")
    workbook = export(client, reverse("reports:workbook", args=[year]))
    assert workbook.status_code == 200
    found["workbook"] = cells(b"".join(workbook.streaming_content))
    found["filename"] = workbook["Content-Disposition"]
    return found


def assert_same(now: dict, before: dict) -> None:
    """Equal, and when not, the first sheet and row that differ named: a plain assertion cuts
    a workbook's cells short before the difference."""
    for sheet, rows in before.get("workbook", {}).items():
        for number, (was, is_now) in enumerate(
            zip(rows, now["workbook"].get(sheet, []), strict=False)
        ):
            assert is_now == was, f"{sheet}, row {number + 1}"
    assert now == before


def exported(tmp_path, year: int, *args) -> dict:
    path = tmp_path / f"export-{year}-{len(args)}.xlsx"
    call_command(
        "export_yearend", "--year", str(year), "-o", str(path), *args, stdout=io.StringIO()
    )
    return cells(path.read_bytes())


def choose(client, campaign):
    response = client.post(reverse("campaign:choose_campaign"), {"campaign": campaign.pk})
    assert response.status_code == 302


@pytest.fixture
def signed_county(county, plan, office, settings):
    settings.SHUANGYONG_TODAY = IN_FIRST
    # The exporter's watermark carries the minute of the export: a run crossing a minute would
    # read as a different workbook. Watermarks have tests of their own.
    settings.WATERMARK = False
    year_sign_off(user=office, campaign=plan, year=2015, today=IN_FIRST)
    return county


def test_2015_and_2016_read_exactly_as_before_a_second_campaign(
    signed_county, plan, office, client_for, settings, tmp_path
):
    client = client_for(office)
    before = {}
    for today in (IN_FIRST, IN_SECOND):
        settings.SHUANGYONG_TODAY = today
        for year in YEARS:
            before[today, year] = read_year(client, year)
            before[today, year, "export"] = exported(tmp_path, year)
    assert before[IN_FIRST, 2015]["summary"]["registered"] > 0  # there is something to compare
    assert before[IN_FIRST, 2016]["summary"]["registered"] > 0

    second = add_next_campaign()

    # Today in the first campaign: it is still the current one, chosen or not.
    settings.SHUANGYONG_TODAY = IN_FIRST
    for year in YEARS:
        assert_same(read_year(client, year), before[IN_FIRST, year])
        assert exported(tmp_path, year) == before[IN_FIRST, year, "export"]
    choose(client, plan)
    for year in YEARS:
        assert_same(read_year(client, year), before[IN_FIRST, year])

    # Today in the second campaign: it is the current one, its years are offered and the first
    # campaign's years answer 404 until the first campaign is chosen; then they read as before.
    settings.SHUANGYONG_TODAY = IN_SECOND
    client.session.flush()
    client.force_login(office)
    for year in YEARS:
        assert client.get(reverse("reports:dashboard"), {"year": year}).status_code == 404
        with pytest.raises(CommandError, match=f"{year} 不在活动“{NEXT_NAME}”的年度内"):
            exported(tmp_path, year)
    assert client.get(reverse("reports:dashboard")).context["years"] == [2017, 2018, 2019, 2020]
    choose(client, plan)
    page = client.get(reverse("reports:dashboard"), {"year": 2016})
    assert page.context["years"] == YEARS
    assert f"您正在查看往期的一轮活动：{plan.name}" in page.content.decode()
    for year in YEARS:
        assert_same(read_year(client, year), before[IN_SECOND, year])
        assert (
            exported(tmp_path, year, "--campaign", str(plan.pk))
            == before[IN_SECOND, year, "export"]
        )
    assert second.pk != plan.pk


def test_the_second_campaigns_pages_work_from_an_empty_ledger(
    signed_county, office, client_for, settings, tmp_path
):
    second = add_next_campaign()
    settings.SHUANGYONG_TODAY = IN_SECOND
    client = client_for(office)
    dashboard = client.get(reverse("reports:dashboard"))
    assert dashboard.status_code == 200 and dashboard.context["year"] == 2017
    summary = dashboard.context["summary"]
    assert [summary[k] for k in ("registered", "in_hand", "closed", "overdue", "activities")] == [
        0
    ] * 5
    assert "往期的一轮活动" not in dashboard.content.decode()
    ledger = client.get(reverse("grievances:ledger"))
    assert ledger.status_code == 200  # its rows by campaign: records belong to their campaign
    progress = client.get(reverse("reports:progress"))
    assert progress.status_code == 200
    assert all(row["cases"] == 0 for row in progress.context["rows"])
    for name in ("reports:assessment", "reports:special_actions", "reports:yearend"):
        assert client.get(reverse(name)).status_code == 200, name
    workbook = export(client, reverse("reports:workbook", args=[2017]))
    assert workbook.status_code == 200
    assert "2017" in workbook["Content-Disposition"]
    assert cells(b"".join(workbook.streaming_content))
    sheets = exported(tmp_path, 2017, "--campaign", str(second.pk))
    assert sheets == exported(tmp_path, 2017)  # the current campaign by default


def test_export_yearend_refuses_an_unknown_campaign_or_a_year_outside_it(plan, settings, tmp_path):
    settings.SHUANGYONG_TODAY = IN_SECOND
    add_next_campaign()
    missing = (Campaign.objects.order_by("-pk").first().pk or 0) + 100
    with pytest.raises(CommandError, match=f"没有编号为 {missing} 的活动"):
        exported(tmp_path, 2015, "--campaign", str(missing))
    with pytest.raises(CommandError, match="2017 不在活动"):
        exported(tmp_path, 2017, "--campaign", str(plan.pk))
    assert not list(tmp_path.iterdir())  # nothing half-written
