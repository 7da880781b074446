"""An official sheet, written and read back with openpyxl: the layout, print settings and house
style every workbook sharing it (year-end, summary, city) relies on."""

import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
from django.utils import translation

from reports.sheets import (
    DATE,
    MONEY,
    PERCENT,
    Column,
    OfficialSheet,
    SheetContext,
    official_workbook,
)

COLUMNS = [
    Column("序号", 6),
    Column("内容", 34),
    Column("金额", 14, MONEY),
    Column("比例", 10, PERCENT),
    Column("日期", 12, DATE),
    Column("备注", 40),
]


def write_sheet(handle, reader=""):
    context = SheetContext(
        county="测试县",
        year=2015,
        office="县退役军人事务局",
        as_of=date(2015, 12, 31),
        status_line="未审核锁定",
        preparer="周科员",
        reader=reader,
    )
    with translation.override("zh-hans"), official_workbook(handle, reader=reader) as book:
        sheet = OfficialSheet(
            book, name="表一", title="测试县2015年度：表一", context=context, columns=COLUMNS
        )
        sheet.row([1, "=HYPERLINK(1)", Decimal("12.50"), 25, date(2015, 3, 1), ""])
        sheet.row([2, "甲", None, None, None, date(2015, 4, 2)])
        sheet.row(["", "合计", 12.5, 50.0, None, "—"], total=True)
        sheet.note("说明")
        sheet.signature()


def written(reader=""):
    handle = io.BytesIO()
    write_sheet(handle, reader)
    return openpyxl.load_workbook(io.BytesIO(handle.getvalue()))["表一"]


def test_it_keeps_the_widths_as_given():
    sheet = written()
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEF"]
    assert widths == [c.width for c in COLUMNS]
    assert sheet.row_dimensions[1].height == 30
    assert sheet.row_dimensions[4].height == 32


def test_it_prints_on_a4_landscape_one_page_wide():
    sheet = written()
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == "9"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # One page wide is the file format's default, which a writer may leave unsaid.
    assert (sheet.page_setup.fitToWidth or 1, sheet.page_setup.fitToHeight) == (1, 0)
    margins = sheet.page_margins
    assert (margins.left, margins.right, margins.top, margins.bottom) == (0.4, 0.4, 0.6, 0.6)
    assert sheet.print_options.horizontalCentered
    assert sheet.print_title_rows == "$4:$4"
    assert sheet.freeze_panes == "A5"
    assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"


def test_it_merges_the_title_lines_and_the_signature():
    ranges = {str(r) for r in written().merged_cells.ranges}
    assert {"A1:F1", "A2:C2", "D2:F2", "A3:F3", "A9:F9"} <= ranges
    assert {"A11:B11", "C11:D11", "E11:E11"} & ranges == {"A11:B11", "C11:D11"}


def test_it_writes_the_house_style():
    sheet = written()
    title, header, body, money = sheet["A1"], sheet["B4"], sheet["B5"], sheet["C5"]
    assert (title.font.name, title.font.sz, title.font.b) == ("宋体", 16, True)
    assert title.alignment.horizontal == "center" and title.value == "测试县2015年度：表一"
    assert header.value == "内容" and header.font.b and header.fill.fgColor.rgb.endswith("F2DCDB")
    assert header.border.left.style == "thin" and header.alignment.wrap_text
    assert (body.font.sz, body.font.b, body.border.bottom.style) == (10, False, "thin")
    assert body.alignment.wrap_text and body.alignment.vertical == "top"
    assert body.border.left.color.rgb.endswith("999999")
    assert (money.value, money.number_format, money.alignment.horizontal) == (12.5, MONEY, "right")
    assert sheet["B7"].font.b  # the total row


def test_it_writes_values_by_type_and_text_as_text():
    rows = [list(r) for r in written().iter_rows(min_row=5, max_row=7, values_only=True)]
    assert rows[0] == [1, "'=HYPERLINK(1)", 12.5, 0.25, datetime(2015, 3, 1), None]
    assert rows[1] == [2, "甲", "—", "—", "—", datetime(2015, 4, 2)]
    assert rows[2] == [None, "合计", 12.5, 0.5, "—", "—"]


def test_a_date_in_a_text_column_shows_as_a_date():
    assert written()["F6"].number_format == DATE


def test_the_reader_is_in_the_page_header_and_the_status_line():
    sheet = written(reader="导出人：周科员（zhou）2016-03-15 10:42 & co")
    assert sheet.oddHeader.right.text == "导出人：周科员（zhou）2016-03-15 10:42 && co"
    assert sheet.oddHeader.right.size == 8
    assert "导出人" in sheet["A3"].value
    assert not written().oddHeader.right.text
