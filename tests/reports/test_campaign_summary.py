"""The campaign as a whole (全面总结): its page and workbook, a column per year so far and the
whole campaign's total. Year columns are what each year's year-end workbook says; totals are
counted over the campaign's records; a fixed number of queries however many rows."""

import io
from datetime import date
from decimal import Decimal
from urllib.parse import unquote

import pytest
from django.db.models import Count, Q, Sum
from django.urls import reverse

from campaign.models import FiveOnesItem, Inspection
from campaign.selectors import campaign_for, topics_of
from grievances.models import Case, Status
from outreach.models import Activity, Finding, Visit
from reports.report import YearReport
from reports.services import year_sign_off
from reports.summary import CampaignSummary
from reports.summary_workbook import write_summary
from reports.yearend import write_yearend
from tests.campaigns import add_next_campaign
from tests.exports import export
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

URL = reverse("reports:summary")
WORKBOOK = reverse("reports:summary_workbook")
TODAY = date(2016, 6, 15)  # the campaign's second year, still running
FIRST_ROW = 5  # title, unit and date, status, headers
YEARS = [2015, 2016]


@pytest.fixture
def second_year(settings):
    settings.SHUANGYONG_TODAY = TODAY


@pytest.fixture
def campaign(county, plan):
    return plan


def figure(value):
    """A cell as the figure it shows: "—" means none."""
    return None if value == "—" else value


def sheet_rows(sheet, years=2):
    """The table rows of a summary sheet: (item, measure, year values, total)."""
    rows = []
    for row in list(sheet.iter_rows(values_only=True))[FIRST_ROW - 1 :]:
        if row[1] is None or row[2] is None:
            break  # the note or the signature below the table
        values = [figure(v) for v in row[3 : 3 + years + 1]]
        rows.append((row[1], row[2], values[:-1], values[-1]))
    return rows


def as_shown(line, value):
    """A line's figure as the workbook stores it: percentages as fractions."""
    if value is None:
        return None
    if line.format == "0.0%":
        return round(value / 100, 4)
    return value


def read(workbook_of, summary):
    handle = io.BytesIO()
    write_summary(summary, handle, preparer="周")
    return workbook_of(handle.getvalue())


def test_the_page_has_a_column_per_year_and_the_total(
    second_year, county, campaign, client_for, office
):
    response = client_for(office).get(URL)
    assert response.status_code == 200
    assert response.context["year_labels"] == ["2015年度", "2016年度（截至今日）"]
    page = response.content.decode()
    assert "全面总结" in page and reverse("reports:summary_workbook") in page
    overview = {line.label: line for line in response.context["sections"][0].lines}
    cases = Case.objects.filter(campaign=campaign)
    assert overview["列入台账问题"].total == cases.count() == 9
    assert overview["销号"].total == cases.filter(status=Status.CLOSED).count()
    assert (
        overview["正在办理"].total
        == cases.filter(
            status__in=[Status.REGISTERED, Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED]
        ).count()
    )
    activities = Activity.objects.filter(held_on__year__in=YEARS)
    assert overview["开展活动"].total == activities.count() == 5
    assert overview["参与（受益）人数"].total == activities.aggregate(n=Sum("people_reached"))["n"]
    assert overview["已走访户数"].total == (
        Visit.objects.filter(household__isnull=False).values("household").distinct().count()
    )
    assert overview["发现问题"].total == Finding.objects.filter(needs_action=True).count()
    assert overview["督查次数"].total == Inspection.objects.count() == 1
    assert overview["五个一建成项数"].total == (
        FiveOnesItem.objects.filter(status=FiveOnesItem.Status.DONE).count()
    )
    closed, registered = overview["销号"].total, overview["列入台账问题"].total
    assert overview["销号率"].total == round(100 * closed / registered, 1)
    # Each year's column is that year's report.
    for index, year in enumerate(YEARS):
        figures = YearReport.load(year, campaign=campaign, today=TODAY).section("summary")
        assert overview["列入台账问题"].years[index] == figures["registered"]
        assert overview["销号"].years[index] == figures["closed"]
        assert overview["销号率"].years[index] == figures["closed_pct"]
        assert overview["开展活动"].years[index] == figures["activities"]
    # Registered counts each year's rows, so the years add up to the campaign's.
    assert sum(overview["列入台账问题"].years) == overview["列入台账问题"].total


def test_the_text_summary_says_the_totals(second_year, county, campaign, client_for, office):
    text = client_for(office).get(URL).context["text"]
    closed = Case.objects.filter(campaign=campaign, status=Status.CLOSED).count()
    assert text.startswith("2015—2016年共走访2户（3户次），发现问题4个，列入台账9件")
    assert f"已销号{closed}件，销号率{round(100 * closed / 9, 1)}%" in text
    assert "开展活动5次，惠及248人次；开展督查1次。" in text


def test_the_workbook_reads_back_as_the_page(
    second_year, county, campaign, client_for, office, workbook_of
):
    client = client_for(office)
    page = client.get(URL).context
    sections, summary_text = page["sections"], page["text"]
    response = export(client, WORKBOOK)
    assert response.status_code == 200
    assert unquote(response["Content-Disposition"]).endswith("-全面总结.xlsx")
    book = workbook_of(response)
    assert book.sheetnames == [
        "总体情况",
        "各专项问题情况",
        "各项主要内容问题情况",
        "各单位进度",
        "活动记录按主要内容和类别统计",
        "督查及评定",
        "五个一",
        "考评得分",
    ]
    headers = list(book["总体情况"].iter_rows(values_only=True))[FIRST_ROW - 2]
    assert headers[3:] == ("2015年度", "2016年度（截至今日）", "全程合计")
    compared = 0
    for section, sheet in zip(sections, book.worksheets, strict=True):
        rows = sheet_rows(sheet)
        if section.key == "overview":
            cells = [row[0] for row in sheet.iter_rows(values_only=True)]
            assert f"总体概述：{summary_text}" in cells
        assert len(rows) == len(section.lines), section.key
        for line, (label, what, years, total) in zip(section.lines, rows, strict=True):
            assert (label, what) == (str(line.label), str(line.what))
            assert years == [as_shown(line, v) for v in line.years], (section.key, label, what)
            assert total == as_shown(line, line.total), (section.key, label, what)
            compared += 1
    assert compared > 60


def yearend_sheets(workbook_of, campaign, year):
    handle = io.BytesIO()
    write_yearend(YearReport.load(year, campaign=campaign, today=TODAY), handle)
    return workbook_of(handle.getvalue())


def test_each_year_column_is_what_that_years_workbook_says(
    second_year, county, campaign, workbook_of
):
    book = read(workbook_of, CampaignSummary(campaign, today=TODAY))
    overview = {row[0]: row[2] for row in sheet_rows(book["总体情况"])}
    topics = {(row[0], row[1]): row[2] for row in sheet_rows(book["各专项问题情况"])}
    by_kind = sheet_rows(book["活动记录按主要内容和类别统计"])
    activities = {(row[0], row[1]): row[2] for row in by_kind}
    for index, year in enumerate(YEARS):
        yearend = yearend_sheets(workbook_of, campaign, year)
        said = {
            row[1]: row[2]
            for row in list(yearend["总体情况"].iter_rows(values_only=True))[FIRST_ROW - 1 :]
            if row[1]
        }
        shared = set(said) & set(overview)
        assert len(shared) >= 12
        for label in shared:
            assert overview[label][index] == figure(said[label]), (year, label)
        special = list(yearend["七项专项活动"].iter_rows(values_only=True))[FIRST_ROW - 1 :]
        seen = 0
        for row in special:
            if not isinstance(row[0], int):
                continue
            item = f"{row[0]}. {row[1]}"
            assert topics[(item, "发现问题")][index] == row[3]
            assert topics[(item, "列入台账")][index] == row[4]
            assert topics[(item, "销号")][index] == row[5]
            seen += 1
        assert seen == 7
        rows = list(yearend["活动统计"].iter_rows(values_only=True))[FIRST_ROW - 1 :]
        total = next(row for row in rows if row[1] == "合计")
        assert activities[("合计", "次数")][index] == total[3]
        assert activities[("合计", "参与（受益）人数")][index] == total[4]


def test_a_signed_off_year_keeps_its_column_while_the_total_moves(
    second_year, county, campaign, office, township_a, workbook_of
):
    year_sign_off(user=office, campaign=campaign, year=2015, today=TODAY)
    before = CampaignSummary(campaign, today=TODAY).overview().lines
    CaseFactory(
        household=county.households["张甲"],
        description="签发后补登",
        lead_unit=township_a,
        deadline=date(2015, 12, 1),
        registered_on=date(2015, 11, 2),
        registered_by=office,
        year=2015,
    )
    after = {line.label: line for line in CampaignSummary(campaign, today=TODAY).overview().lines}
    registered = next(line for line in before if line.label == "列入台账问题")
    assert after["列入台账问题"].years[0] == registered.years[0]
    assert after["列入台账问题"].total == registered.total + 1
    book = read(workbook_of, CampaignSummary(campaign, today=TODAY))
    status = list(book["总体情况"].iter_rows(values_only=True))[2][0]
    assert "已锁定年度（2015）" in status


def test_a_second_campaign_shows_zeros_and_the_first_is_unchanged(
    second_year, settings, county, campaign, client_for, office, workbook_of
):
    def figures(summary):
        return [
            (section.key, str(line.label), str(line.what), line.years, line.total)
            for section in summary.sections()
            for line in section.lines
        ]

    first = figures(CampaignSummary(campaign, today=TODAY))
    following = add_next_campaign(campaign.county)
    assert figures(CampaignSummary(campaign, today=TODAY)) == first

    ahead = CampaignSummary(following, today=TODAY)  # not started: its first year, empty
    assert ahead.years == [2017] and ahead.current_year is None
    assert ahead.year_labels() == ["2017年度"]
    overview = {line.label: line for line in ahead.overview().lines}
    for label in ["列入台账问题", "销号", "开展活动", "参与（受益）人数", "发现问题", "督查次数"]:
        assert overview[label].total == 0 and overview[label].years == [0], label
    assert overview["销号率"].total is None and overview["销号率"].years == [None]
    assert "销号率—" in ahead.text()
    running = CampaignSummary(following, today=date(2018, 3, 1))
    assert running.years == [2017, 2018]
    assert running.year_labels() == ["2017年度", "2018年度（截至今日）"]
    book = read(workbook_of, running)
    # The registry carries on from one campaign to the next; the 五个一 are the county's as
    # they stand until each item names its campaign.
    carried_on = {"优抚对象户数", "五个一建成项数"}
    for label, _what, _years, total in sheet_rows(book["总体情况"], years=2):
        if label not in carried_on:
            assert total in (0, None), label

    # In 2018 the county looks at the second campaign: its page and workbook, from an empty
    # ledger, with no division by zero.
    settings.SHUANGYONG_TODAY = date(2018, 3, 1)
    response = client_for(office).get(URL)
    assert response.status_code == 200
    assert response.context["campaign"] == campaign_for(office) == following
    page = response.content.decode()
    assert following.name in page and "2018年度（截至今日）" in page
    assert "销号率—" in response.context["text"]
    download = export(client_for(office), WORKBOOK)
    assert download.status_code == 200
    assert unquote(download["Content-Disposition"]).endswith(f"{following.name}-全面总结.xlsx")
    assert figures(CampaignSummary(campaign, today=TODAY)) == first


def test_a_campaign_that_has_ended_marks_no_year_to_date(
    settings, county, campaign, client_for, office
):
    settings.SHUANGYONG_TODAY = date(2017, 3, 1)
    response = client_for(office).get(URL)
    assert response.context["year_labels"] == ["2015年度", "2016年度"]
    assert "截至今日" not in response.content.decode()


def test_a_unit_reads_its_own_rows_beside_the_county_totals(
    second_year, county, client_for, clerk_a, member, township_a, member_unit
):
    for user, unit in ((clerk_a, township_a), (member, member_unit)):
        client = client_for(user)
        response = client.get(URL)
        assert response.status_code == 200
        [section] = response.context["sections"]
        assert section.key == "units"
        assert {line.label for line in section.lines} == {unit.name, "县合计"}
        own = [line for line in section.lines if line.label == unit.name]
        registered = Case.objects.filter(lead_unit=unit).count()
        assert own[0].total == registered
        assert response.context["text"] == ""
        assert export(client, WORKBOOK).status_code == 404


def test_the_garrison_and_the_city_see_what_the_dashboard_lets_them(
    second_year, county, client_for, liaison, city, leader
):
    assert client_for(liaison).get(URL).status_code == 404
    assert export(client_for(liaison), WORKBOOK).status_code == 404
    assert export(client_for(leader), WORKBOOK).status_code == 200


# The same at any number of units, cases and activities: every year of the campaign and its
# totals are read in the same grouped statements (reports/by_year.py), so the count is the
# same in any year (tests/reports/test_query_counts.py). The workbook's count is of its three
# requests: the POST that runs the job, the job's page and the download.
QUERIES = {URL: 13, WORKBOOK: 36}


@pytest.mark.parametrize("units", [1, 3])
@pytest.mark.parametrize("url", [URL, WORKBOOK])
def test_the_page_and_workbook_take_the_same_queries_at_any_size(
    url, units, second_year, grow_county, client_for, office, django_assert_max_num_queries
):
    grow_county(units)
    client = client_for(office)
    # At most: PostgreSQL takes one fewer than SQLite.
    with django_assert_max_num_queries(QUERIES[url]):
        response = export(client, url) if url == WORKBOOK else client.get(url)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    if url == URL:
        overview = {line.label: line for line in response.context["sections"][0].lines}
        assert overview["列入台账问题"].total == 3 * units
        named = {line.label for line in response.context["sections"][3].lines}
        assert {f"增长镇{i}" for i in range(units)} <= named


def test_the_totals_count_each_case_once(second_year, county, campaign):
    """A 2015 case still open in 2016 is in hand in both years, once in the total."""
    summary = CampaignSummary(campaign, today=TODAY)
    lines = {line.label: line for line in summary.overview().lines}
    carried = Case.objects.filter(campaign=campaign, year=2015).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=date(2016, 1, 1))
    )
    assert carried.exists()
    open_now = Case.objects.filter(campaign=campaign).aggregate(
        n=Count("pk", filter=~Q(status__in=[Status.CLOSED, Status.RESOLVED]))
    )["n"]
    assert lines["正在办理"].total == open_now
    assert sum(lines["正在办理"].years) > open_now
    money = Activity.objects.filter(held_on__year__in=YEARS).aggregate(s=Sum("amount"))["s"]
    assert Decimal(str(lines["活动经费"].total)) == money


def test_cases_carried_on_or_ended_at_the_campaigns_end(county, campaign, office, settings):
    """The office settles the first campaign's open cases: one goes on into the next campaign,
    one ends with this one; each is counted so in its year and in the total, and no longer as
    being handled; the next campaign's summary has the carried case on its ledger."""
    from grievances import carrying

    following = add_next_campaign(campaign.county)
    settings.SHUANGYONG_TODAY = today = date(2017, 1, 10)
    before = {line.label: line for line in CampaignSummary(campaign, today=today).overview().lines}
    first, second = Case.objects.filter(campaign=campaign, status=Status.IN_PROGRESS)[:2]
    carrying.cases_carry_over(
        user=office,
        cases=[first],
        into=following,
        topic_for={first.pk: topics_of(following).last()},
        deadline_for={first.pk: date(2017, 6, 30)},
    )
    carrying.case_close_at_campaign_end(user=office, case=second, reason="当事人已迁出本县")
    summary = CampaignSummary(campaign, today=today)
    after = {line.label: line for line in summary.overview().lines}
    assert (after["转入下一轮活动"].total, after["随本轮活动结束关闭"].total) == (1, 1)
    for case, label in ((first, "转入下一轮活动"), (second, "随本轮活动结束关闭")):
        assert after[label].years[YEARS.index(case.year)] >= 1
    assert after["正在办理"].total == before["正在办理"].total - 2
    assert after["列入台账问题"].total == before["列入台账问题"].total
    topics = {(line.label, line.what): line.total for line in summary.topics().lines}
    assert topics[(f"{first.topic.number}. {first.topic.name}", "转入下一轮活动")] >= 1
    following_lines = CampaignSummary(following, today=today).overview().lines
    assert {line.label: line for line in following_lines}["列入台账问题"].total == 1
