"""The year-end workbook, read back with openpyxl: every figure of the summary and progress
sheets against the database, the official layout, and what must never be in it."""

import io
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from reports.figures import summary_rows
from reports.report import YearReport
from reports.yearend import write_yearend
from tests.exports import export
from tests.reports import oracle
from tests.reports.dataset import FORMULA

pytestmark = pytest.mark.django_db

TODAY = date(2015, 6, 15)
FIRST_ROW = 5  # title, unit and date, status, headers
SHEETS = [
    "总体情况",
    "各单位进度",
    "七项专项活动",
    "问题台账",
    "活动统计",
    "优抚对象走访",
    "五个一",
    "考评",
]


@pytest.fixture
def workbook(county, client_for, office, workbook_of):
    response = export(client_for(office), reverse("reports:workbook", args=[2015]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    return workbook_of(response)


def values(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def as_figure(value):
    """A cell as the figure it shows: "—" means none; percentages are stored as fractions."""
    return None if value == "—" else value


def test_it_has_the_eight_sheets_in_order(workbook):
    assert workbook.sheetnames == SHEETS


def test_the_summary_sheet_matches_the_database(workbook):
    expected = oracle.summary(2015, TODAY)
    rows = values(workbook["总体情况"])
    figures = {}
    for spec, row in zip(summary_rows(), rows[FIRST_ROW - 1 :], strict=False):
        assert row[1] == str(spec.label)
        figures[spec.key] = as_figure(row[2])
    for key in ["visited_pct", "on_time_pct", "closed_pct"]:
        figures[key] = round(figures[key] * 100, 1)
    assert {k: figures[k] for k in expected} == expected
    # and the known dataset, spelled out
    assert (figures["households"], figures["visited"], figures["registered"]) == (5, 2, 8)
    assert (figures["closed"], figures["overdue"], figures["on_time"]) == (3, 2, 2)
    assert (figures["activities"], figures["amount"], figures["five_ones_done"]) == (4, 6500.5, 4)


def test_the_progress_sheet_matches_the_database(workbook):
    expected = oracle.progress_rows(2015, TODAY)
    rows = [r for r in values(workbook["各单位进度"])[FIRST_ROW - 1 :] if r[1]]
    seen = {}
    for row in rows:
        if row[1] == "县合计":
            name = "total"
        elif row[1] in expected:
            name = row[1]
        else:
            continue
        (
            households,
            visited,
            visited_pct,
            cases,
            carried_in,
            in_hand,
            closed,
            overdue,
            on_time_pct,
            days,
            acts,
            five,
        ) = [as_figure(v) for v in row[3:15]]
        seen[name] = {
            "households": households,
            "visited": visited,
            "visited_pct": round(visited_pct * 100, 1) if visited_pct is not None else None,
            "cases": cases,
            "carried_in": carried_in,
            "in_hand": in_hand,
            "closed": closed,
            "overdue": overdue,
            "on_time_pct": round(on_time_pct * 100, 1) if on_time_pct is not None else None,
            "avg_workdays": days,
            "activities": acts,
            "five_ones": five,
        }
    for name, row in expected.items():
        row = {k: v for k, v in row.items() if k != "on_time"}
        if name == "total":
            row["five_ones"] = f"{row['five_ones']}/15"
        assert seen[name] == row, name
    assert set(seen) == set(expected)
    assert seen["甲镇"]["cases"] == 2 and seen["县民政局"]["overdue"] == 1
    assert seen["total"]["activities"] == 3  # the office's own activity is in no unit's row


def test_it_looks_official(workbook):
    for name in SHEETS:
        sheet = workbook[name]
        title = sheet.cell(1, 1).value
        assert title.startswith("测试县2015年度"), name
        assert any(str(r).startswith("A1:") for r in sheet.merged_cells.ranges), name
        assert sheet.freeze_panes == "A5", name
        assert sheet.print_title_rows == "$4:$4", name
        assert sheet.page_setup.orientation == "landscape", name
        assert str(sheet.page_setup.paperSize) == "9", name
        assert "填报单位" in sheet.cell(2, 1).value
        assert "统计截至" in str([c.value for c in sheet[2]])
        text = " ".join(str(v) for row in values(sheet)[-3:] for v in row if v)
        for label in ["填报单位", "负责人", "填报人", "日期"]:
            assert label in text, (name, label)
        assert sheet.column_dimensions["B"].width > 8
    summary = workbook["总体情况"]
    assert summary.cell(4, 2).value == "项目"
    assert summary.cell(4, 1).font.b
    progress = workbook["各单位进度"]
    assert progress.cell(FIRST_ROW, 6).number_format == "0.0%"


def test_text_that_looks_like_a_formula_stays_text(workbook):
    ledger = values(workbook["问题台账"])
    problems = [row[4] for row in ledger]
    assert "'" + FORMULA in problems
    assert not any(isinstance(v, str) and v.startswith("=") for row in ledger for v in row)


def test_no_full_id_number_or_phone_is_in_it(county, workbook):
    text = " ".join(
        str(v) for name in workbook.sheetnames for row in values(workbook[name]) for v in row if v
    )
    for person in county.persons:
        assert person.id_number not in text
    assert "13987654321" not in text
    assert "139****4321" in text


def test_the_ledger_sheet_lists_the_years_rows_only(workbook):
    numbers = [
        row[0]
        for row in values(workbook["问题台账"])
        if row[0] and re.match(r"\d{4}-", str(row[0]))
    ]
    assert len(numbers) == 8
    assert all(n.startswith("2015-") for n in numbers)


def test_the_command_writes_the_same_figures(county, tmp_path, workbook_of, workbook):
    path = tmp_path / "2015.xlsx"
    call_command("export_yearend", "--year", "2015", "-o", str(path), stdout=io.StringIO())
    written = workbook_of(path.read_bytes())
    for name in ["总体情况", "各单位进度", "七项专项活动", "考评"]:
        assert values(written[name])[4:-2] == values(workbook[name])[4:-2], name


def test_it_writes_an_empty_year(plan, office, workbook_of):
    handle = io.BytesIO()
    write_yearend(YearReport.load(2016, campaign=plan), handle)
    book = workbook_of(handle.getvalue())
    assert book.sheetnames == SHEETS


def kept_rows(kind):
    from reports.models import KeptFigures

    return KeptFigures.objects.filter(year=2015, kind=kind)


def test_the_job_writes_the_kept_figures_and_they_equal_a_recomputation(
    county, plan, client_for, office, workbook_of
):
    """The job reads the summary and progress the pages keep (reports.kept) rather than
    computing them again, and writes the same workbook as from figures just computed."""
    computed = io.BytesIO()
    report = YearReport(2015, campaign=plan, today=TODAY)
    write_yearend(report, computed, preparer=office.display_name)
    client = client_for(office)
    assert client.get(reverse("reports:dashboard") + "?year=2015").status_code == 200
    assert client.get(reverse("reports:progress") + "?year=2015").status_code == 200
    assert kept_rows("summary").exists() and kept_rows("progress").exists()

    kept = workbook_of(export(client, reverse("reports:workbook", args=[2015])))
    fresh = workbook_of(computed.getvalue())
    assert kept.sheetnames == fresh.sheetnames
    for name in SHEETS:
        # Row 3, the status line, also names the reader the job wrote it for.
        assert values(kept[name])[3:] == values(fresh[name])[3:], name
        assert values(kept[name])[:2] == values(fresh[name])[:2], name


def test_the_job_reads_the_kept_figures_while_current(
    county, plan, client_for, office, workbook_of
):
    """Proof that the kept figures are what the workbook shows: a kept figure altered by hand
    (nothing in the app does this) appears in the workbook; once a change raises the county's
    version, the workbook computes again and shows the true figure."""
    client = client_for(office)
    client.get(reverse("reports:progress") + "?year=2015")
    client.get(reverse("reports:dashboard") + "?year=2015")
    row = kept_rows("summary").get()
    row.figures = {**row.figures, "households": 999}
    row.save()

    def households_shown():
        workbook = workbook_of(export(client, reverse("reports:workbook", args=[2015])))
        rows = values(workbook["总体情况"])[FIRST_ROW - 1 :]
        keys = [spec.key for spec in summary_rows()]
        return as_figure(rows[keys.index("households")][2])

    assert households_shown() == 999
    from reports.kept_signals import bump_campaign

    bump_campaign(plan.pk)
    assert households_shown() == 5
