"""Files made the way clerks make them in WPS and Excel: merged cells, dates left as numbers,
footers signed under the data, a summary sheet first, formatting to the last row."""

import io
from datetime import date

import openpyxl
import pytest
from django.urls import reverse
from openpyxl.styles import Border, PatternFill, Side

from outreach.imports.layout import DATA_SHEET
from outreach.models import HonourPlaque, Household, Person
from tests.outreach.import_files import (
    HEADERS,
    id_number,
    person_row,
    register,
    registry_counts,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def client_a(client_for, clerk_a):
    return client_for(clerk_a)


def workbook(rows, *, title=DATA_SHEET, edit=None, before=None) -> bytes:
    """As a clerk saves it: a whole workbook, styles, merges and all (not write-only)."""
    book = openpyxl.Workbook()
    sheet = book.active
    if before is not None:
        sheet.title = "汇总"
        for line in before:
            sheet.append(line)
        sheet = book.create_sheet(title)
    else:
        sheet.title = title
    sheet.append(HEADERS)
    for row in rows:
        sheet.append([row.get(header) if isinstance(row, dict) else None for header in HEADERS])
    if edit is not None:
        edit(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def send(client, content):
    return client.post(reverse("outreach_import:start"), {"file": upload(content)}, follow=True)


def preview(client, content) -> str:
    response = send(client, content)
    assert response.redirect_chain[-1][0] == reverse("outreach_import:preview")
    return response.content.decode()


def confirm(client):
    token = client.session["outreach_import"]["name"].rsplit("/", 1)[-1].removesuffix(".json")
    return client.post(reverse("outreach_import:confirm"), {"upload": token}, follow=True)


def count(page, name) -> str:
    marker = f'data-testid="count-{name}">'
    return page[page.index(marker) + len(marker) :].split("<", 1)[0]


def test_area_codes_dated_after_the_birth_year_raise_no_warning(client_a):
    rows = [
        person_row(id_number=id_number(date(1950, 2, 3), area="341122")),  # 来安县, from 1992
        person_row(name="刘秀英", relation="配偶", id_number=id_number(date(1979, 5, 6))),
    ]
    page = preview(client_a, workbook(rows))
    assert "地区码" not in page
    assert "确认导入" in page


def test_a_household_number_merged_down_its_rows_is_read_on_every_row(client_a):
    rows = [
        person_row(),
        person_row(number=None, head_name=None, name="刘秀英", relation="配偶"),
        person_row(number=None, head_name=None, name="王小军", relation="子女"),
        person_row(number="0002", head_name="张强", name="张强"),
    ]

    def merge(sheet):
        sheet.merge_cells("A2:A4")
        sheet.merge_cells("B2:B4")

    page = preview(client_a, workbook(rows, edit=merge))
    assert "此项必须填写" not in page
    assert (count(page, "households-new"), count(page, "persons-new")) == ("2", "4")
    confirm(client_a)
    household = Household.objects.get(number="0001")
    assert sorted(household.persons.values_list("name", flat=True)) == [
        "刘秀英",
        "王小军",
        "王建国",
    ]


def test_a_date_left_as_a_serial_number_is_read_as_the_date(client_a):
    content = workbook([person_row(plaque_hung_on=42156)])  # General format: 2015-06-01
    page = preview(client_a, content)
    assert "无法识别日期" not in page and "确认导入" in page
    confirm(client_a)
    assert HonourPlaque.objects.get().hung_on == date(2015, 6, 1)


def test_reading_stops_at_the_lines_signed_under_the_data(client_a):
    def footer(sheet):
        sheet.append(["制表人：张三", None, None, "审核人：李四", None, "填表日期：2015年6月1日"])
        sheet.append(["合计", "1户"])

    page = preview(client_a, workbook([person_row()], edit=footer))
    assert "共读取1行" in page and "确认导入" in page


def test_the_data_sheet_is_found_by_its_headers_behind_a_summary(client_a):
    summary = [["乡镇", "户数", "人数"], ["甲镇", 1, 1]]
    page = preview(client_a, workbook([person_row()], title="花名册", before=summary))
    assert "共读取1行" in page and "确认导入" in page
    confirm(client_a)
    assert Person.objects.get().name == "王建国"


def test_a_workbook_without_the_headers_names_the_sheet_it_read(client_a):
    book = openpyxl.Workbook()
    book.active.title = "统计表"
    book.active.append(["乡镇", "户数"])
    book.active.append(["甲镇", 3])
    buffer = io.BytesIO()
    book.save(buffer)
    before = registry_counts()
    page = send(client_a, buffer.getvalue()).content.decode()
    assert "读取的是工作表“统计表”" in page and "缺少以下列" in page
    assert registry_counts() == before


def test_formatting_down_to_the_last_row_of_the_sheet_is_ignored(client_a):
    thin = Side(style="thin")

    def format_down(sheet):
        for row in range(2, 3000):
            for column in range(1, len(HEADERS) + 1):
                sheet.cell(row=row, column=column).border = Border(thin, thin, thin, thin)
        sheet.cell(row=1_048_576, column=1).fill = PatternFill("solid", fgColor="FFFF00")

    page = preview(client_a, workbook([person_row()], edit=format_down))
    assert "共读取1行" in page and "确认导入" in page


def test_full_width_spaces_in_names_are_taken_out(client_a, township_a):
    rows = [person_row(head_name="王　建国", name="王　建国 "), person_row(
        name="买买提　·　吐尔逊", relation="子女")]  # fmt: skip
    preview(client_a, workbook(rows))
    confirm(client_a)
    assert Household.objects.get().head_name == "王建国"
    assert sorted(Person.objects.values_list("name", flat=True)) == ["买买提·吐尔逊", "王建国"]


def test_a_registered_name_typed_with_a_space_is_unchanged(client_a, township_a):
    _household, person = register(township_a, number="0007", head_name="李红", person_name="李红")
    row = person_row(
        number="0007", head_name="李 红", name="李　红", id_number=person.id_number,
        village="西河村", address="西河村1号", household_phone="13900001111", categories=None,
    )  # fmt: skip
    page = preview(client_a, workbook([row]))
    assert count(page, "unchanged") == "1"


def test_new_households_count_only_those_that_would_be_created(client_a):
    rows = [
        person_row(number="0001"),
        person_row(number="0002", head_name="张强", name="张强", id_number="110101196203040000"),
        person_row(number="0003", head_name="赵六", name="赵六"),
    ]
    page = preview(client_a, workbook(rows))
    assert (count(page, "households-new"), count(page, "persons-new")) == ("2", "2")
